// The score phase (pkg/scheduler/schedule_one.go prioritizeNodes, selectHost): every score plugin's
// normalized score times its weight, summed per node; the highest total wins and ties are broken by
// reservoir sampling (each of k tied nodes kept with probability 1/k) from a seeded stream.
import type { RandomStream } from '../sim/random';
import type { Selector } from '../api/selectors';
import type { NodeInfo, PodEntry, SchedulerCache } from './cache';
import {
  balancedAllocationScore, defaultNormalize, imageLocalityScore, intolerablePreferNoSchedule, leastAllocatedScore, preferredAffinityWeight,
  topologySpreadScores, WEIGHTS,
} from './scores';

/** Total weighted scores of the feasible nodes, in their order. */
export function scoreNodes(pod: PodEntry, feasible: NodeInfo[], cache: SchedulerCache, selector: Selector | undefined): number[] {
  const p = pod.pod;
  const taints = defaultNormalize(feasible.map(n => intolerablePreferNoSchedule(p, n)), true);
  const hasPreferred = !!(p.spec.affinity?.nodeAffinity as { preferredDuringSchedulingIgnoredDuringExecution?: unknown[] } | undefined)
    ?.preferredDuringSchedulingIgnoredDuringExecution?.length;
  const affinity = hasPreferred ? defaultNormalize(feasible.map(n => preferredAffinityWeight(p, n)), false) : undefined;
  const spread = topologySpreadScores(p, selector, feasible, cache.nodes);
  return feasible.map((n, i) =>
    WEIGHTS.TaintToleration * taints[i]! +
    WEIGHTS.NodeAffinity * (affinity ? affinity[i]! : 0) +
    WEIGHTS.PodTopologySpread * spread[i]! +
    WEIGHTS.NodeResourcesFit * leastAllocatedScore(pod, n) +
    WEIGHTS.NodeResourcesBalancedAllocation * balancedAllocationScore(pod, n) +
    WEIGHTS.ImageLocality * imageLocalityScore(p, n, cache));
}

/** selectHost: the best total; among equal best, reservoir sampling in list order. */
export function selectHost(nodes: NodeInfo[], scores: number[], random: () => RandomStream): NodeInfo {
  let best = 0;
  let count = 1;
  for (let i = 1; i < nodes.length; i++) {
    if (scores[i]! > scores[best]!) { best = i; count = 1; }
    else if (scores[i] === scores[best]) {
      count++;
      if (random().int(0, count - 1) === 0) best = i;
    }
  }
  return nodes[best]!;
}
