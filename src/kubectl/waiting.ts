// Waiting in virtual time: kubectl commands that block (delete --wait, wait, rollout status, drain)
// run the simulation forward until what they watch for holds or their deadline passes. Where
// kubectl would wait forever, kukumber stops after FOREVER_LIMIT_MS of virtual time and says so.
import type { Cluster } from '../cluster/cluster';
import { formatDuration } from '../sim/time';

/** kubectl's "a week" for --timeout=0 on delete and negative timeouts on wait (168h). */
export const WEEK_MS = 168 * 3_600_000;
/** How long kukumber lets a kubectl command wait that has no deadline of its own. */
export const FOREVER_LIMIT_MS = 3_600_000;

/** Runs events until predicate() holds or virtual time reaches deadlineMs; true when it held. */
export function waitUntil(cluster: Cluster, predicate: () => boolean, deadlineMs: number): boolean {
  return cluster.sim.runUntil(predicate, deadlineMs);
}

/** The one line kukumber prints when a wait without a deadline runs past FOREVER_LIMIT_MS. */
export function foreverLimitMessage(what: string): string {
  return `kukumber stopped waiting for ${what} after ${formatDuration(FOREVER_LIMIT_MS)} of virtual time (kubectl would keep waiting)`;
}
