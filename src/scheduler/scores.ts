// kube-scheduler's default score plugins with their v1.32 weights (default_plugins.go):
// TaintToleration 3, NodeAffinity 2, PodTopologySpread 2 (system default constraints: hostname
// maxSkew 3, zone maxSkew 5, ScheduleAnyway), NodeResourcesFit 1 (LeastAllocated on cpu and memory),
// NodeResourcesBalancedAllocation 1, ImageLocality 1. Integer arithmetic as upstream's. Pure.
// Not modelled: InterPodAffinity scoring (no preferred pod affinity), VolumeBinding scoring.
// The plugins and the per-node loop share this module so the hot loop calls them directly.
import type { Pod, Toleration } from '../api/objects';
import { HOSTNAME_LABEL, ZONE_LABEL, type NodeInfo, type PodEntry, type SchedulerCache } from './cache';
import { tolerationsTolerateTaint, termMatches } from './filters';
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

/** NodeAffinity: the summed weights of matching preferred terms. */
export function preferredAffinityWeight(pod: Pod, info: NodeInfo): number {
  const terms = (pod.spec.affinity?.nodeAffinity as { preferredDuringSchedulingIgnoredDuringExecution?: { weight: number; preference: object }[] } | undefined)
    ?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  let sum = 0;
  for (const t of terms) if (termMatches(t.preference, info.node.metadata.labels ?? {}, info.name)) sum += t.weight;
  return sum;
}

/** The pod's images with their cluster-wide state (ImageStateSummary), computed once per pod. */
export interface PodImages { keys: string[]; containers: number }
export function podImages(pod: Pod): PodImages {
  const containers = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  return { keys: containers.filter(c => c.image).map(c => familiarImage(c.image!)), containers: containers.length };
}

/** ImageLocality: image sizes already on the node, scaled by how many nodes have them. */
export function imageLocalityScore(images: PodImages, info: NodeInfo, cache: SchedulerCache): number {
  return imageLocalityFromScaled(images, scaledImageSizes(images, cache), info);
}

/**
 * Each image's scaled size (its size × the share of nodes that have it; 0 for an unknown image, which
 * adds nothing): the same for every node of one scheduling cycle, so computed once per cycle.
 */
function scaledImageSizes(images: PodImages, cache: SchedulerCache): number[] {
  return images.keys.map(key => {
    const state = cache.imageStates.get(key);
    return state ? Math.trunc(state.size * (state.numNodes / cache.nodes.length)) : 0;
  });
}

function imageLocalityFromScaled(images: PodImages, scaled: number[], info: NodeInfo): number {
  let sum = 0;
  for (let i = 0; i < images.keys.length; i++) if (info.images.has(images.keys[i]!)) sum += scaled[i]!;
  const max = IMAGE_MAX_CONTAINER_THRESHOLD * images.containers;
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

const HOSTNAME = HOSTNAME_LABEL;
const DEFAULT_CONSTRAINTS = [{ key: HOSTNAME, maxSkew: 3 }, { key: ZONE_LABEL, maxSkew: 5 }];

/**
 * PodTopologySpread with the system default constraints (ScheduleAnyway) for a pod whose default
 * selector is not empty: PreScore, Score and NormalizeScore over the feasible nodes. The matching
 * pods per node (countPodsMatchSelector) come from the cache's tracker for the selector.
 */
export function topologySpreadScores(pod: Pod, selector: Selector | undefined, feasible: NodeInfo[], all: NodeInfo[], cache: SchedulerCache): number[] {
  return topologySpreadInto([], pod, selector, feasible, all, cache) ?? feasible.map(() => 0);
}

/**
 * topologySpreadScores written into `out` (indexes 0 to feasible.length - 1; the raw score of a node
 * is replaced by its normalized one in place); undefined when every score would be 0.
 */
function topologySpreadInto(out: number[], pod: Pod, selector: Selector | undefined, feasible: NodeInfo[], all: NodeInfo[],
  cache: SchedulerCache): number[] | undefined {
  if (!selector || selector.requirements.length === 0) return undefined;
  const ns = pod.metadata.namespace ?? 'default';
  const tracker = cache.spreadTracker(ns, selector);
  // Zone domains among feasible nodes; nodes without the zone label carry no zone score.
  const zoneCounts = new Map<string, number>();
  for (const n of feasible) { const z = n.zoneLabel; if (z !== undefined) zoneCounts.set(z, 0); }
  if (zoneCounts.size) for (const n of all) {
    const z = n.zoneLabel;
    if (z !== undefined && zoneCounts.has(z)) zoneCounts.set(z, zoneCounts.get(z)! + n.spreadCount(tracker));
  }
  const weights = DEFAULT_CONSTRAINTS.map(c => Math.log((c.key === HOSTNAME ? feasible.length : Math.max(zoneCounts.size, 1)) + 2));
  // Plain loops (this runs for every feasible node of every pod): the constraints in order, as before.
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < feasible.length; j++) {
    const n = feasible[j]!;
    let score = 0;
    for (let i = 0; i < DEFAULT_CONSTRAINTS.length; i++) {
      const c = DEFAULT_CONSTRAINTS[i]!;
      const v = c.key === HOSTNAME ? n.hostnameLabel : n.zoneLabel;
      if (v === undefined) continue;
      const cnt = c.key === HOSTNAME ? n.spreadCount(tracker) : zoneCounts.get(v) ?? 0;
      score += cnt * weights[i]! + (c.maxSkew - 1);
    }
    const s = Math.round(score);
    out[j] = s;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  for (let j = 0; j < feasible.length; j++) out[j] = max === 0 ? MAX_NODE_SCORE : Math.floor((MAX_NODE_SCORE * (max + min - out[j]!)) / max);
  return out;
}

/**
 * Per-node scratch of one scoring cycle (a cycle runs to completion before the next, and nothing
 * keeps these): untolerated taint counts and topology spread scores, without two fresh lists per pod.
 */
const taintScratch: number[] = [];
const spreadScratch: number[] = [];

export const WEIGHTS = { TaintToleration: 3, NodeAffinity: 2, PodTopologySpread: 2, NodeResourcesFit: 1, NodeResourcesBalancedAllocation: 1, ImageLocality: 1 };

/** Total weighted scores of the feasible nodes, in their order. */
export function scoreNodes(pod: PodEntry, feasible: NodeInfo[], cache: SchedulerCache, selector: Selector | undefined): number[] {
  const p = pod.pod;
  const n = feasible.length;
  const tolerations = preferNoScheduleTolerations(p);
  const images = podImages(p);
  const scaled = scaledImageSizes(images, cache);
  // TaintToleration's counts, normalized in reverse as defaultNormalize does (the maximum count, at least 0, scales them).
  const taintCounts = taintScratch;
  let maxTaints = 0;
  for (let i = 0; i < n; i++) {
    const c = intolerablePreferNoSchedule(tolerations, feasible[i]!);
    taintCounts[i] = c;
    if (c > maxTaints) maxTaints = c;
  }
  const hasPreferred = !!(p.spec.affinity?.nodeAffinity as { preferredDuringSchedulingIgnoredDuringExecution?: unknown[] } | undefined)
    ?.preferredDuringSchedulingIgnoredDuringExecution?.length;
  const affinity = hasPreferred ? defaultNormalize(feasible.map(x => preferredAffinityWeight(p, x)), false) : undefined;
  const spread = selector ? topologySpreadInto(spreadScratch, p, selector, feasible, cache.nodes, cache) : undefined;
  const totals = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const info = feasible[i]!;
    const taintScore = maxTaints === 0 ? MAX_NODE_SCORE : MAX_NODE_SCORE - Math.floor((MAX_NODE_SCORE * taintCounts[i]!) / maxTaints);
    totals[i] = WEIGHTS.TaintToleration * taintScore +
      WEIGHTS.NodeAffinity * (affinity ? affinity[i]! : 0) +
      WEIGHTS.PodTopologySpread * (spread ? spread[i]! : 0) +
      WEIGHTS.NodeResourcesFit * leastAllocatedScore(pod, info) +
      WEIGHTS.NodeResourcesBalancedAllocation * balancedAllocationScore(pod, info) +
      WEIGHTS.ImageLocality * imageLocalityFromScaled(images, scaled, info);
  }
  return totals;
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
