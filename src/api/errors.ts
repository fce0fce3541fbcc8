// API errors as data: a metav1.Status, thrown by the API server and rendered by whoever shows it
// (kubectl prints them in its own words; the harness in its own). Constructors mirror
// apimachinery's pkg/api/errors (NewNotFound, NewAlreadyExists, NewConflict, NewInvalid, …).
import { groupKind, groupResource, type ResourceInfo } from './resources';
import { errorBody, formatFieldError, type FieldError } from './field_errors';

export interface StatusCause { reason: string; message: string; field: string }

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
  code: number;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(readonly status: Status) {
    super(status.message);
  }
  get code(): number { return this.status.code; }
  get reason(): string { return this.status.reason; }
}

export function isApiError(e: unknown, reason?: string): e is ApiError {
  return e instanceof ApiError && (reason === undefined || e.status.reason === reason);
}

function status(code: number, reason: string, message: string, details?: Status['details']): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code });
}

export function notFound(info: ResourceInfo, name: string): ApiError {
  return status(404, 'NotFound', `${groupResource(info)} "${name}" not found`, { name, group: info.group || undefined, kind: info.plural });
}

export function alreadyExists(info: ResourceInfo, name: string): ApiError {
  return status(409, 'AlreadyExists', `${groupResource(info)} "${name}" already exists`, { name, group: info.group || undefined, kind: info.plural });
}

export function conflict(info: ResourceInfo, name: string, why = 'the object has been modified; please apply your changes to the latest version and try again'): ApiError {
  return status(409, 'Conflict', `Operation cannot be fulfilled on ${groupResource(info)} "${name}": ${why}`,
    { name, group: info.group || undefined, kind: info.plural });
}

/**
 * 422: `ReplicaSet.apps "x" is invalid: <e>` or `…: [<e1>, <e2>]` (apimachinery NewInvalid). The message
 * goes through ErrorList.ToAggregate, which drops repeated messages (update validation often reports the
 * same problem twice); the causes keep every error.
 */
export function invalid(info: ResourceInfo, name: string, errs: readonly FieldError[]): ApiError {
  const texts = [...new Set(errs.map(formatFieldError))];
  const joined = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  const causes = errs.map(e => ({ reason: e.type.reason, message: errorBody(e), field: e.field }));
  return status(422, 'Invalid', `${groupKind(info)} "${name}" is invalid: ${joined}`,
    { name, group: info.group || undefined, kind: info.kind, causes });
}

export function badRequest(message: string): ApiError {
  return status(400, 'BadRequest', message);
}

/** apierrors.NewForbidden: an empty name (a generateName request) drops the quoted name. */
export function forbidden(info: ResourceInfo, name: string, why: string): ApiError {
  const message = name === '' ? `${groupResource(info)} is forbidden: ${why}` : `${groupResource(info)} "${name}" is forbidden: ${why}`;
  return status(403, 'Forbidden', message, { name, group: info.group || undefined, kind: info.plural });
}

/**
 * rest.BeforeDelete's precondition conflicts: NewConflict on GroupResource{Group, Resource: Kind}, so the
 * message names the kind ("Pod", "ReplicaSet.apps"), not the plural resource.
 */
export function deletePreconditionConflict(info: ResourceInfo, name: string, why: string): ApiError {
  return status(409, 'Conflict', `Operation cannot be fulfilled on ${groupKind(info)} "${name}": ${why}`,
    { name, group: info.group || undefined, kind: info.kind });
}

export function internalError(message: string): ApiError {
  return status(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ reason: '', message, field: '' }] });
}

export function tooManyRequests(message = 'the server has received too many requests and has asked us to try again later'): ApiError {
  return status(429, 'TooManyRequests', message, { retryAfterSeconds: 1 });
}

export function methodNotSupported(message: string): ApiError {
  return status(405, 'MethodNotAllowed', message);
}
