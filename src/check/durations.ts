// Durations in messages and on timeline axes: Go's notation without trailing zero units, so a
// message echoes what a step wrote (`for 1m`, not `for 1m0s`).
import { formatDuration } from '../sim/time';

/** `1m`, `1h30m`, `90.5s`→`1m30.5s`, `250ms`, `0s`. */
export function durationText(ms: number): string {
  return formatDuration(ms).replace(/([hm])0s$/, '$1').replace(/h0m$/, 'h');
}
