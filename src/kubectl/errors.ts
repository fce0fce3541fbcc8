// Errors the way kubectl builds and prints them (kubectl pkg/cmd/util/helpers.go checkErr,
// StandardErrorMessage, MultilineError, MultipleErrors; apimachinery util/errors Aggregate;
// AddSourceToErr). Commands collect errors as data and hand them to renderError (or checkErrText
// for a list) at the end; this is the one place kubectl's error words live.
import { ApiError } from '../api/errors';

/** utilerrors.Aggregate: several errors; its Error() is "[a, b]" (deduplicated) or the single message. */
export class AggregateError extends Error {
  override name = 'AggregateError';
  constructor(readonly errors: Error[]) {
    super(aggregateMessage(errors));
  }
}

function aggregateMessage(errors: Error[]): string {
  if (errors.length === 0) return '';
  if (errors.length === 1) return errors[0]!.message;
  const seen: string[] = [];
  const visit = (e: Error): void => {
    if (e instanceof AggregateError) e.errors.forEach(visit);
    else if (!seen.includes(e.message)) seen.push(e.message);
  };
  errors.forEach(visit);
  return seen.length === 1 ? seen[0]! : `[${seen.join(', ')}]`;
}

/** utilerrors.NewAggregate: undefined for no errors. */
export function aggregate(errors: Error[]): Error | undefined {
  return errors.length === 0 ? undefined : new AggregateError(errors);
}

/** cmdutil.AddSourceToErr: "error when <verb> "<source>": <message>", keeping an API error an API error. */
export function addSourceToErr(verb: string, source: string | undefined, err: Error): Error {
  if (!source) return err;
  if (err instanceof ApiError) {
    return new ApiError({ ...err.status, message: `error when ${verb} ${JSON.stringify(source)}: ${err.status.message}` });
  }
  return new Error(`error when ${verb} ${JSON.stringify(source)}: ${err.message}`);
}

/** StandardErrorMessage for an API status: "Error from server (Reason): message". */
export function apiErrorMessage(err: ApiError): string {
  const s = err.status;
  if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message})`;
  if (s.reason) return `Error from server (${s.reason}): ${s.message}`;
  return `Error from server: ${s.message}`;
}

/** StandardErrorMessage: how an API status reads on the terminal; undefined for other errors (its ok=false). */
export function standardErrorMessage(err: Error): string | undefined {
  return err instanceof ApiError ? apiErrorMessage(err) : undefined;
}

const messageForError = (err: Error): string => standardErrorMessage(err) ?? err.message;

function multilineError(prefix: string, errs: string[]): string {
  if (errs.length === 1) return `${prefix}${errs[0]}\n`;
  return `${prefix}\n${errs.map(e => `* ${e}\n`).join('')}`;
}

/** The 422 form built from the status details: "The ReplicaSet "x" is invalid: …". */
function invalidMessage(err: ApiError): string {
  const d = err.status.details;
  let s = 'The request is invalid';
  if (!d) return err.status.message ? `${s}: ${err.status.message}` : s;
  if (d.kind || d.name) s = `The ${d.kind ?? ''} ${JSON.stringify(d.name ?? '')} is invalid`;
  else if (d.causes?.length && d.causes[0]!.field) s = `The request is invalid: ${d.causes[0]!.field}`;
  if (!d.causes?.length) return s;
  const msgs: string[] = [];
  for (const c of d.causes) {
    const m = `${c.field}: ${c.message}`;
    if (!msgs.includes(m)) msgs.push(m);
  }
  return multilineError(`${s}: `, msgs);
}

/** What cmdutil.CheckErr writes to stderr for err (always ending in a newline). */
export function renderError(input: Error): string {
  let err = input;
  if (err instanceof AggregateError && err.errors.length === 1) err = err.errors[0]!;
  let msg: string;
  if (err instanceof ApiError && err.status.reason === 'Invalid') msg = invalidMessage(err);
  else if (err instanceof AggregateError) msg = err.errors.map(e => `${messageForError(e)}\n`).join('');
  else {
    msg = standardErrorMessage(err) ?? err.message;
    if (standardErrorMessage(err) === undefined && !msg.startsWith('error: ')) msg = `error: ${msg}`;
  }
  return msg.endsWith('\n') ? msg : `${msg}\n`;
}

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/**
 * cmdutil.CheckErr on the errors a command collected (an Aggregate of them): "" for none, one
 * error as itself, several one per line (MultipleErrors).
 */
export function checkErrText(errors: readonly unknown[]): string {
  return errors.length === 0 ? '' : renderError(new AggregateError(errors.map(asError)));
}
