// API faults, applied by interceptors around the API server: errors (500, 429, …) and latency for
// a fraction of the requests of a given verb and kind, drawn from the seeded stream "faults/api";
// and what a dropped watch does (the component must relist). Callers never know a fault exists.
import type { ApiRequest, ApiServer, Verb } from '../api/apiserver';
import { ApiError } from '../api/errors';
import type { RandomStream } from '../sim/random';

export interface RequestMatch {
  verb?: Verb | Verb[];
  kind?: string;
  /** Only requests from this actor ("replicaset-controller", "kubelet/node01", …). */
  actor?: string;
  /** Share of matching requests hit, 0..1 (default 1). */
  fraction?: number;
}

const matchesRequest = (m: RequestMatch, r: ApiRequest): boolean =>
  (m.verb === undefined || (Array.isArray(m.verb) ? m.verb.includes(r.verb) : m.verb === r.verb)) &&
  (m.kind === undefined || m.kind === r.kind) && (m.actor === undefined || m.actor === r.actor);

export function describeMatch(m: RequestMatch): string {
  const verbs = m.verb === undefined ? '' : `${Array.isArray(m.verb) ? m.verb.join('/') : m.verb} `;
  const share = m.fraction !== undefined && m.fraction < 1 ? `${Math.round(m.fraction * 100)}% of ` : '';
  return `${share}${verbs}${m.kind ?? 'all'} requests${m.actor ? ` from ${m.actor}` : ''}`;
}

/** The Status the API server returns for an injected error code. */
export function injectedError(code: number): ApiError {
  const status = (reason: string, message: string, details?: Record<string, unknown>): ApiError =>
    new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code, reason, message, details });
  switch (code) {
    case 429: return status('TooManyRequests', 'the server has received too many requests and has asked us to try again later', { retryAfterSeconds: 1 });
    case 503: return status('ServiceUnavailable', 'the server is currently unable to handle the request');
    case 504: return status('Timeout', 'the server was unable to return a response in the time allotted, but may still be processing the request');
    case 409: return status('Conflict', 'the object has been modified; please apply your changes to the latest version and try again');
    default: return status('InternalError', 'Internal error occurred: injected fault', { causes: [{ reason: '', message: 'injected fault', field: '' }] });
  }
}

/** Fails a fraction of matching requests with `code` until the returned function is called. */
export function injectErrors(api: ApiServer, stream: RandomStream, match: RequestMatch, code: number): () => void {
  return api.use((req, next) => {
    if (matchesRequest(match, req) && stream.float() < (match.fraction ?? 1)) throw injectedError(code);
    return next();
  });
}

/**
 * Slows a fraction of matching requests by latencyMs: the caller waits that long before its next
 * unit of work, and watchers hear of the write that much later.
 */
export function injectLatency(api: ApiServer, stream: RandomStream, match: RequestMatch, latencyMs: number): () => void {
  return api.use((req, next) => {
    if (!matchesRequest(match, req) || stream.float() >= (match.fraction ?? 1)) return next();
    api.holdCaller(req.actor, latencyMs);
    const watches = api.store.watches;
    const before = watches.publishDelayMs;
    watches.publishDelayMs = before + latencyMs;
    try {
      return next();
    } finally {
      watches.publishDelayMs = before;
    }
  });
}
