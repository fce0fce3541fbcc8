// How kubectl words errors (kubectl pkg/cmd/util/helpers.go StandardErrorMessage, MultipleErrors):
// API errors as "Error from server (Reason): message", everything else as "error: message".
import { ApiError } from '../../api/errors';

/** StandardErrorMessage for an API error. */
export function apiErrorMessage(e: ApiError): string {
  return e.status.reason ? `Error from server (${e.status.reason}): ${e.status.message}` : `Error from server: ${e.status.message}`;
}

/** The line(s) kubectl prints for an error (no trailing newline). */
export function standardErrorMessage(e: unknown): string {
  if (e instanceof ApiError) return apiErrorMessage(e);
  const msg = e instanceof Error ? e.message : String(e);
  return msg.startsWith('error: ') ? msg : `error: ${msg}`;
}

/**
 * cmdutil.CheckErr on an aggregate: one error prints as itself, several print one per line
 * (MultipleErrors). Returns the text for stderr, newline-terminated, or "" for no errors.
 */
export function checkErrText(errors: unknown[]): string {
  if (errors.length === 0) return '';
  if (errors.length === 1) {
    const t = standardErrorMessage(errors[0]);
    return t.endsWith('\n') ? t : `${t}\n`;
  }
  return errors.map(e => {
    const t = e instanceof ApiError ? apiErrorMessage(e) : e instanceof Error ? e.message : String(e);
    return t.endsWith('\n') ? t : `${t}\n`;
  }).join('');
}
