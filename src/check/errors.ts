// Errors no step expected: a controller whose sync failed with something other than an API error
// (a conflict or a NotFound is part of life; a TypeError is a bug, even if the runner retried it).
import type { ReconcileError } from '../controllers/runner';
import { isApiError } from '../api/errors';
import { durationText } from './durations';

export function unexpectedControllerErrors(errors: readonly ReconcileError[]): ReconcileError[] {
  return errors.filter(e => !isApiError(e.error));
}

/** One line per error: `replicaset-controller: sync "default/web" at 12s failed: TypeError: …`, then where. */
export function describeControllerErrors(errors: readonly ReconcileError[]): string {
  const lines = errors.slice(0, 10).map(e => {
    const err = e.error as { name?: string; message?: string; stack?: string } | undefined;
    const text = err?.message !== undefined ? `${err.name ?? 'Error'}: ${err.message}` : String(e.error);
    const where = err?.stack?.split('\n').find(l => l.trim().startsWith('at '))?.trim();
    return `  ${e.controller}: sync ${JSON.stringify(e.key)} at ${durationText(e.atMs)} failed: ${text}${where ? ` (${where})` : ''}`;
  });
  const more = errors.length > 10 ? [`  … and ${errors.length - 10} more`] : [];
  return [`${errors.length === 1 ? 'A controller' : 'Controllers'} hit ${errors.length === 1 ? 'an error' : `${errors.length} errors`} no step expected:`, ...lines, ...more].join('\n');
}
