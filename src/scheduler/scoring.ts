// The score phase (pkg/scheduler/schedule_one.go prioritizeNodes, selectHost): every score plugin's
// normalized score times its weight, summed per node; the highest total wins and ties are broken by
// reservoir sampling (each of k tied nodes kept with probability 1/k) from a seeded stream.
import type { RandomStream } from '../sim/random';
import type { Selector } from '../api/selectors';
import type { NodeInfo, PodEntry, SchedulerCache } from './cache';
import {
  balancedAllocationScore, defaultNormalize, imageLocalityScore, intolerablePreferNoSchedule, leastAllocatedScore, podImages,
  preferNoScheduleTolerations, preferredAffinityWeight, topologySpreadScores, WEIGHTS,
} from './scores';

/** Total weighted scores of the feasible nodes, in their order. */
export function scoreNodes(pod: PodEntry, feasible: NodeInfo[], cache: SchedulerCache, selector: Selector | undefined): number[] {
  const p = pod.pod;
  const n = feasible.length;
  const tolerations = preferNoScheduleTolerations(p);
  const images = podImages(p);
  const taintCounts = new Array<number>(n);
  for (let i = 0; i < n; i++) taintCounts[i] = intolerablePreferNoSchedule(tolerations, feasible[i]!);
  const taints = defaultNormalize(taintCounts, true);
  const hasPreferred = !!(p.spec.affinity?.nodeAffinity as { preferredDuringSchedulingIgnoredDuringExecution?: unknown[] } | undefined)
    ?.preferredDuringSchedulingIgnoredDuringExecution?.length;
  const affinity = hasPreferred ? defaultNormalize(feasible.map(x => preferredAffinityWeight(p, x)), false) : undefined;
  const spread = selector ? topologySpreadScores(p, selector, feasible, cache.nodes) : undefined;
  const totals = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const info = feasible[i]!;
    totals[i] = WEIGHTS.TaintToleration * taints[i]! +
      WEIGHTS.NodeAffinity * (affinity ? affinity[i]! : 0) +
      WEIGHTS.PodTopologySpread * (spread ? spread[i]! : 0) +
      WEIGHTS.NodeResourcesFit * leastAllocatedScore(pod, info) +
      WEIGHTS.NodeResourcesBalancedAllocation * balancedAllocationScore(pod, info) +
      WEIGHTS.ImageLocality * imageLocalityScore(images, info, cache);
  }
  return totals;
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
