// kube-scheduler's default score plugins with their v1.32 weights (default_plugins.go):
// TaintToleration 3, NodeAffinity 2, PodTopologySpread 2 (system default constraints: hostname
// maxSkew 3, zone maxSkew 5, ScheduleAnyway), NodeResourcesFit 1 (LeastAllocated on cpu and memory),
// NodeResourcesBalancedAllocation 1, ImageLocality 1. Integer arithmetic as upstream's. Pure.
// Not modelled: InterPodAffinity scoring (no preferred pod affinity), VolumeBinding scoring.
// The per-node loop that sums them is node_scores.ts.
import type { Pod, Toleration } from '../api/objects';
import type { SchedulerCache } from './cache';
import type { NodeInfo, PodEntry } from './node_info';
import { tolerationsTolerateTaint } from './filters';
import type { Selector } from '../api/selectors';
import type { RandomStream } from '../sim/random';
import { familiarImage } from '../kubelet/image_catalogue';

export const MAX_NODE_SCORE = 100;
const MB = 1024 * 1024;
const IMAGE_MIN_THRESHOLD = 23 * MB;
const IMAGE_MAX_CONTAINER_THRESHOLD = 1000 * MB;

function leastRequested(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** leastRequestedScore per resource, averaged with weight 1 each (NodeResourcesFit, LeastAllocated). */
export function leastAllocatedScore(pod: PodEntry, info: NodeInfo): number {
  const cpu = leastRequested(info.nonZeroRequested.milliCPU + pod.nonZero.milliCPU, info.allocatable.milliCPU);
  const mem = leastRequested(info.nonZeroRequested.memory + pod.nonZero.memory, info.allocatable.memory);
  return Math.floor((cpu + mem) / 2);
}

/** balancedResourceScorer on cpu and memory: (1 - |f_cpu - f_mem| / 2) × 100, from actual requests. */
export function balancedAllocationScore(pod: PodEntry, info: NodeInfo): number {
  const a = info.allocatable;
  if (a.milliCPU === 0 || a.memory === 0) return MAX_NODE_SCORE; // one fraction or none: no deviation
  const fCpu = Math.min((info.requested.milliCPU + pod.requests.milliCPU) / a.milliCPU, 1);
  const fMem = Math.min((info.requested.memory + pod.requests.memory) / a.memory, 1);
  return Math.trunc((1 - Math.abs((fCpu - fMem) / 2)) * MAX_NODE_SCORE);
}

/** The pod's tolerations that matter for PreferNoSchedule taints (computed once per pod). */
export function preferNoScheduleTolerations(pod: Pod): Toleration[] {
  return (pod.spec.tolerations ?? []).filter(t => !t.effect || t.effect === 'PreferNoSchedule');
}

/** TaintToleration: untolerated PreferNoSchedule taints (normalized in reverse). */
export function intolerablePreferNoSchedule(tolerations: Toleration[], info: NodeInfo): number {
  const taints = info.node.spec?.taints;
  if (!taints || taints.length === 0) return 0;
  let n = 0;
  for (const t of taints) if (t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tolerations, t)) n++;
  return n;
}

/** The pod's images with their cluster-wide state (ImageStateSummary), computed once per pod. */
export interface PodImages { keys: string[]; containers: number }
export function podImages(pod: Pod): PodImages {
  const containers = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  return { keys: containers.filter(c => c.image).map(c => familiarImage(c.image!)), containers: containers.length };
}

/**
 * Each image's scaled size (its size × the share of nodes that have it; 0 for an unknown image, which
 * adds nothing): the same for every node of one scheduling cycle, so computed once per cycle.
 */
export function scaledImageSizes(images: PodImages, cache: SchedulerCache): number[] {
  return images.keys.map(key => {
    const state = cache.imageStates.get(key);
    return state ? Math.trunc(state.size * (state.numNodes / cache.nodes.length)) : 0;
  });
}

export function imageLocalityFromScaled(images: PodImages, scaled: number[], info: NodeInfo): number {
  let sum = 0;
  for (let i = 0; i < images.keys.length; i++) if (info.images.has(images.keys[i]!)) sum += scaled[i]!;
  return imageLocalityFromSum(sum, images.containers);
}

/** calculatePriority: the summed scaled sizes clamped to the thresholds and scaled to 0..100. */
export function imageLocalityFromSum(sum: number, containers: number): number {
  const max = IMAGE_MAX_CONTAINER_THRESHOLD * containers;
  const clamped = Math.min(Math.max(sum, IMAGE_MIN_THRESHOLD), max);
  return Math.floor((MAX_NODE_SCORE * (clamped - IMAGE_MIN_THRESHOLD)) / (max - IMAGE_MIN_THRESHOLD));
}

/** DefaultNormalizeScore: scale to 0..100 by the maximum (reverse for "fewer is better"). */
export function defaultNormalize(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return scores.map(s => {
    const v = Math.floor((MAX_NODE_SCORE * s) / max);
    return reverse ? MAX_NODE_SCORE - v : v;
  });
}

/** The system default constraints (hostname, then zone) with their maxSkew. */
export const HOSTNAME_MAX_SKEW = 3;
const ZONE_MAX_SKEW = 5;

/** What PreScore works out for one cycle: the tracker, each constraint's weight, the zones' counts. */
export interface SpreadCycle { counts: Int32Array; hostnameWeight: number; zoneWeight: number; zoneCounts: Map<string, number> }

/** The matching pods per node slot that spread scores with; undefined when the pod has no default selector. */
export function topologySpreadCounts(pod: Pod, selector: Selector | undefined, cache: SchedulerCache): Int32Array | undefined {
  if (!selector || selector.requirements.length === 0) return undefined;
  return cache.spreadTracker(pod.metadata.namespace ?? 'default', selector).bySlot;
}

/** PreScore; undefined when the pod has no default selector (every score is 0). */
export function topologySpreadPreScore(pod: Pod, selector: Selector | undefined, feasible: NodeInfo[], all: NodeInfo[],
  cache: SchedulerCache): SpreadCycle | undefined {
  const counts = topologySpreadCounts(pod, selector, cache);
  if (counts === undefined) return undefined;
  // Zone domains among feasible nodes; nodes without the zone label carry no zone score.
  const zoneCounts = new Map<string, number>();
  // No node has a zone label (the cache counts them): no feasible node has one either.
  if (cache.zoneLabelledNodes > 0) for (let j = 0; j < feasible.length; j++) { const z = feasible[j]!.zoneLabel; if (z !== undefined) zoneCounts.set(z, 0); }
  if (zoneCounts.size) for (let j = 0; j < all.length; j++) {
    const n = all[j]!;
    const z = n.zoneLabel;
    if (z !== undefined && zoneCounts.has(z)) zoneCounts.set(z, zoneCounts.get(z)! + (counts[n.slot] ?? 0));
  }
  // Each constraint's weight: log(number of its domains + 2); every feasible node is a hostname domain.
  return { counts, hostnameWeight: Math.log(feasible.length + 2), zoneWeight: Math.log(Math.max(zoneCounts.size, 1) + 2), zoneCounts };
}

/**
 * Score, with the constraints unrolled (this runs for every feasible node of every pod): per
 * constraint the node has a domain for, count × weight + maxSkew − 1, summed in constraint order.
 */
export function topologySpreadRaw(n: NodeInfo, c: SpreadCycle): number {
  let score = 0;
  if (n.hostnameLabel !== undefined) score += (c.counts[n.slot] ?? 0) * c.hostnameWeight + (HOSTNAME_MAX_SKEW - 1);
  const z = n.zoneLabel;
  if (z !== undefined) score += (c.zoneCounts.get(z) ?? 0) * c.zoneWeight + (ZONE_MAX_SKEW - 1);
  return Math.round(score);
}

/** NormalizeScore: fewer matching pods is better, scaled by the maximum raw score. */
export function topologySpreadNormalized(raw: number, min: number, max: number): number {
  return max === 0 ? MAX_NODE_SCORE : Math.floor((MAX_NODE_SCORE * (max + min - raw)) / max);
}

/**
 * selectHost: the best total; among equal best, each equally likely — upstream samples a reservoir
 * (rand.Intn per tie); one draw over the tied nodes in list order gives the same distribution.
 */
export function selectHost(nodes: NodeInfo[], scores: number[], random: () => RandomStream): NodeInfo {
  let best = -Infinity;
  let count = 0;
  for (let i = 0; i < nodes.length; i++) {
    if (scores[i]! > best) { best = scores[i]!; count = 1; } else if (scores[i] === best) count++;
  }
  let pick = count > 1 ? random().int(0, count - 1) : 0;
  for (let i = 0; i < nodes.length; i++) {
    if (scores[i] !== best) continue;
    if (pick-- === 0) return nodes[i]!;
  }
  return nodes[0]!;
}
