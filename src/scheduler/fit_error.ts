// The FailedScheduling text (pkg/scheduler/framework/types.go FitError.Error and the DefaultPreemption
// post-filter): "0/N nodes are available: <histogram>." then " preemption: <the same for preemption>."
// — in v1.32 the preemption part ends with two periods, as clusters print it:
// "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption
// victims found for incoming pod..". Preemption itself is not modelled: no pod is ever evicted to make
// room, so a node is either "Preemption is not helpful" (UnschedulableAndUnresolvable) or has "No
// preemption victims".
import type { FilterStatus } from './filters';

export const NO_VICTIMS = 'No preemption victims found for incoming pod';
export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';

/** "<count> <reason>" entries sorted with sort.Strings and joined with ", ". */
export function reasonHistogram(reasons: Iterable<string>): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const entries = [...counts].map(([r, n]) => `${n} ${r}`);
  entries.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.join(', ');
}

export interface Diagnosis {
  numAllNodes: number;
  /** A PreFilter rejection (same for every node), e.g. `persistentvolumeclaim "data" not found`. */
  preFilterMsg?: string;
  /** Node name → why it was filtered out. */
  nodeStatuses: ReadonlyMap<string, FilterStatus>;
}

/** The preemption post-filter's message over the same nodes. */
export function preemptionMessage(d: Diagnosis): string {
  const reasons: string[] = [];
  if (d.preFilterMsg !== undefined) for (let i = 0; i < d.numAllNodes; i++) reasons.push(NO_VICTIMS);
  else for (const s of d.nodeStatuses.values()) reasons.push(s.code === 'UnschedulableAndUnresolvable' ? NOT_HELPFUL : NO_VICTIMS);
  return `preemption: 0/${d.numAllNodes} nodes are available: ${reasonHistogram(reasons)}.`;
}

/** FitError.Error() with the post-filter message appended. */
export function fitErrorMessage(d: Diagnosis): string {
  let msg = `0/${d.numAllNodes} nodes are available:`;
  if (d.preFilterMsg !== undefined) msg += ` ${d.preFilterMsg}.`;
  else {
    const all: string[] = [];
    for (const s of d.nodeStatuses.values()) all.push(...s.reasons);
    if (all.length) msg += ` ${reasonHistogram(all)}.`;
  }
  if (d.numAllNodes === 0) return msg;
  return `${msg} ${preemptionMessage(d)}.`;
}
