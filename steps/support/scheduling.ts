// Scripted writes at a later virtual instant, for steps like "I delete configmap "x" at 30s".
import type { Cluster } from '../../src/cluster/cluster';
import { durationText } from '../../src/check/durations';

/**
 * Runs fn when the clock reaches atMs (counted from the scenario start); refuses instants already
 * past. A failure surfaces in whichever step is running the cluster then, so it names the step
 * that scheduled it.
 */
export function scheduleAt(c: Cluster, atMs: number, label: string, fn: () => void): void {
  if (atMs < c.sim.nowMs) throw new Error(`${label}: ${durationText(atMs)} is in the past (the clock reads ${durationText(c.sim.nowMs)})`);
  c.sim.scheduleAt(atMs, label, () => {
    try {
      fn();
    } catch (e) {
      throw new Error(`${label}: ${(e as Error).message}`);
    }
  });
}
