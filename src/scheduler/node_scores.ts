// The Score phase over the feasible nodes, fed by the Filter phase's scan (scanNodes, which scores
// each node it finds feasible): each default plugin's score, normalized and weighted (plugins in
// scores.ts). The parts that depend only on one node and the pod's shape (taint count, preferred
// affinity weight, resource scores, which images the node has) are memoized on the node until it
// changes; normalization, topology spread and image scaling are computed every cycle.
import type { SchedulerCache } from './cache';
import type { NodeInfo, PodEntry } from './node_info';
import type { Selector } from '../api/selectors';
import { termMatches, type FilterStatus } from './filters';
import { filterNode, type PodShape } from './pod_shape';
import {
  HOSTNAME_MAX_SKEW, MAX_NODE_SCORE, balancedAllocationScore, imageLocalityFromScaled, imageLocalityFromSum, intolerablePreferNoSchedule,
  leastAllocatedScore, scaledImageSizes, topologySpreadCounts, topologySpreadNormalized, topologySpreadPreScore, topologySpreadRaw,
} from './scores';

export const WEIGHTS = { TaintToleration: 3, NodeAffinity: 2, PodTopologySpread: 2, NodeResourcesFit: 1, NodeResourcesBalancedAllocation: 1, ImageLocality: 1 };

// Module-level copies: an imported binding is read through a getter on every use (the CommonJS
// output), and these are read for every feasible node of every cycle.
const MAX_SCORE: number = MAX_NODE_SCORE;
const TAINT_WEIGHT = WEIGHTS.TaintToleration;
const AFFINITY_WEIGHT = WEIGHTS.NodeAffinity;
const SPREAD_WEIGHT = WEIGHTS.PodTopologySpread;
const IMAGE_WEIGHT = WEIGHTS.ImageLocality;
const spreadPreScore = topologySpreadPreScore;
const spreadRaw = topologySpreadRaw;
const spreadNormalized = topologySpreadNormalized;
/** The hostname constraint's maxSkew − 1, added to its raw score (topologySpreadRaw). */
const HOSTNAME_SKEW_TERM: number = HOSTNAME_MAX_SKEW - 1;
/** Pods with more images than an int32 mask holds score images from the node's set every cycle. */
const MAX_MASKED_IMAGES = 30;
/** Up to this many images, each mask's ImageLocality score is computed once per cycle. */
const MAX_IMAGES_BY_MASK = 6;

/**
 * Scratch of one scoring cycle (a cycle runs to completion before the next, and selectHost reads the
 * totals before the next cycle): per node the parts that need no normalization (resource and image
 * scores), the raw topology spread scores or, hostname spread alone, the matching pod counts;
 * ImageLocality per image mask and hostname spread per pod count (-1 = not yet computed); the totals.
 */
const partialScratch: number[] = [];
const spreadScratch: number[] = [];
const imageByMask: number[] = new Array<number>(1 << MAX_IMAGES_BY_MASK).fill(-1);
/** Up to this many matching pods on a node, hostname spread scores are looked up per count. */
const MAX_COUNTS_BY_TABLE = 1024;
const spreadByCount: number[] = [];
const totalsScratch: number[] = [];
const NO_COUNTS = new Int32Array(0);

/** Recomputes the node's memoized score parts for this shape (its previous ones are stale). */
function refreshScoreParts(pod: PodEntry, shape: PodShape, info: NodeInfo): void {
  info.taintCount = intolerablePreferNoSchedule(shape.preferNoSchedule, info);
  let weight = 0;
  if (shape.preferred) {
    const labels = info.node.metadata.labels ?? {};
    for (const t of shape.preferred) if (termMatches(t.preference, labels, info.name)) weight += t.weight;
  }
  info.affinityWeight = weight;
  info.resourceScore = WEIGHTS.NodeResourcesFit * leastAllocatedScore(pod, info) +
    WEIGHTS.NodeResourcesBalancedAllocation * balancedAllocationScore(pod, info);
  const keys = shape.images.keys;
  let mask = 0;
  if (keys.length <= MAX_MASKED_IMAGES) for (let i = 0; i < keys.length; i++) if (info.images.has(keys[i]!)) mask |= 1 << i;
  info.imageMask = mask;
  info.scoreShape = shape.id;
  info.scoreGeneration = info.generation;
}

/** ImageLocality from the node's image mask: the same sum, in the same order, as imageLocalityFromScaled. */
function imageScore(shape: PodShape, scaled: number[], info: NodeInfo): number {
  const images = shape.images;
  const k = images.keys.length;
  if (k > MAX_MASKED_IMAGES) return imageLocalityFromScaled(images, scaled, info);
  const mask = info.imageMask;
  if (k <= MAX_IMAGES_BY_MASK && imageByMask[mask]! >= 0) return imageByMask[mask]!;
  let sum = 0;
  for (let i = 0; i < k; i++) if (mask & (1 << i)) sum += scaled[i]!;
  const score = imageLocalityFromSum(sum, images.containers);
  if (k <= MAX_IMAGES_BY_MASK) imageByMask[mask] = score;
  return score;
}

/**
 * One scoring cycle: beginScores, then scanNodes (the Filter phase's loop, which scores each feasible
 * node as it finds it, so each node is read once per cycle), then finishScores. Per feasible node the
 * scan refreshes stale memos, adds up the parts that need no normalization and tracks what
 * normalization needs (maximum taint count and affinity weight, the hostname spread counts' range),
 * in locals; finishScores adds the normalized parts. All parts are integers, so the order they are
 * added in is immaterial.
 */
let cyclePod: PodEntry | undefined;
let cycleShape: PodShape | undefined;
let cycleScaled: number[] = [];
/** Image scores per mask (MAX_IMAGES_BY_MASK images at most), else from the node's image set. */
let cycleByMask = false;
/** Hostname spread alone: the spread tracker's counts, read per node as it is scored. */
let cycleByCount = false;
let cycleCounts: Int32Array = NO_COUNTS;
/** What the scan found (for finishScores): nodes scored, maxima, the counts' range. */
let cycleN = 0;
let maxTaints = 0;
let maxAffinity = 0;
let minCount = Infinity;
let maxCount = -Infinity;

/** Starts a cycle for a pod (its shape and default selector, as finishScores will be given). */
export function beginScores(pod: PodEntry, shape: PodShape, cache: SchedulerCache, selector: Selector | undefined): void {
  cyclePod = pod;
  cycleShape = shape;
  cycleScaled = scaledImageSizes(shape.images, cache);
  const k = shape.images.keys.length;
  cycleByMask = k <= MAX_IMAGES_BY_MASK;
  if (cycleByMask) imageByMask.fill(-1, 0, 1 << k);
  // Hostname spread alone (no zones, every node named): a node's raw score, Math.round(count ×
  // weight + maxSkew − 1), grows with its count, so the raw range is that of the counts.
  const hostnameOnly = cache.zoneLabelledNodes === 0 && cache.hostnameUnlabelledNodes === 0;
  cycleCounts = (hostnameOnly ? topologySpreadCounts(pod.pod, selector, cache) : undefined) ?? NO_COUNTS;
  cycleByCount = cycleCounts !== NO_COUNTS;
  cycleN = 0;
  maxTaints = 0;
  maxAffinity = 0;
  minCount = Infinity;
  maxCount = -Infinity;
}

/** A feasible node's resource and image parts, its memos refreshed first when stale. */
function partialScore(pod: PodEntry, shape: PodShape, info: NodeInfo): number {
  if (info.scoreShape !== shape.id || info.scoreGeneration !== info.generation) refreshScoreParts(pod, shape, info);
  let image: number;
  if (cycleByMask && (image = imageByMask[info.imageMask]!) >= 0) { /* this mask's score, computed earlier in the cycle */ } else image = imageScore(shape, cycleScaled, info);
  return info.resourceScore + IMAGE_WEIGHT * image;
}

/** What scanNodes did: nodes visited, and the filter statuses of those that did not fit (reused object). */
export interface NodeScan { processed: number; statuses: Map<string, FilterStatus> | undefined }
const scanResult: NodeScan = { processed: 0, statuses: undefined };

/**
 * findNodesThatFit's loop: from nodes[start] on, around to it, until want feasible nodes were found;
 * feasible gets them in order (its length set), each scored for the cycle begun for the same pod.
 * A node's filter verdict is read from its memo (pod_shape.ts) while the shape and node are unchanged;
 * with filter false every node is taken as feasible (scoreNodes).
 */
export function scanNodes(pod: PodEntry, shape: PodShape, nodes: NodeInfo[], start: number, want: number, feasible: NodeInfo[], filter = true): NodeScan {
  if (pod !== cyclePod || shape !== cycleShape) throw new Error('scanNodes: no scoring cycle begun for this pod');
  const total = nodes.length;
  const shapeId = shape.id;
  const byCount = cycleByCount;
  const counts = cycleCounts;
  const partial = partialScratch;
  const raw = spreadScratch;
  let found = 0;
  let processed = 0;
  let statuses: Map<string, FilterStatus> | undefined;
  let taints = 0;
  let affinity = 0;
  let minC = Infinity;
  let maxC = -Infinity;
  // From the start index to the end, then from 0 around to it: no modulo per node.
  for (let j = start; processed < total && found < want; j = j + 1 === total ? 0 : j + 1) {
    const n = nodes[j]!;
    processed++;
    const s = !filter ? undefined : n.filterShape === shapeId && n.filterGeneration === n.generation ? n.filterStatus : filterNode(pod, shape, n);
    if (s) { (statuses ??= new Map()).set(n.name, s); continue; }
    partial[found] = partialScore(pod, shape, n);
    if (n.taintCount > taints) taints = n.taintCount;
    if (n.affinityWeight > affinity) affinity = n.affinityWeight;
    if (byCount) {
      const c = counts[n.slot]!;
      raw[found] = c;
      if (c < minC) minC = c;
      if (c > maxC) maxC = c;
    }
    feasible[found++] = n;
  }
  feasible.length = found;
  cycleN = found;
  maxTaints = taints;
  maxAffinity = affinity;
  minCount = minC;
  maxCount = maxC;
  scanResult.processed = processed;
  scanResult.statuses = statuses;
  return scanResult;
}

/**
 * Total weighted scores of the feasible nodes, in their order: the nodes scanNodes found since
 * beginScores. The list is reused by the next cycle: read it (selectHost) before scoring again.
 */
export function finishScores(pod: PodEntry, feasible: NodeInfo[], cache: SchedulerCache, selector: Selector | undefined): number[] {
  const n = feasible.length;
  if (n !== cycleN || pod !== cyclePod) throw new Error('finishScores: the cycle scored other nodes or another pod');
  const spread = spreadPreScore(pod.pod, selector, feasible, cache.nodes, cache);
  const byCount = cycleByCount;
  const partial = partialScratch;
  const raw = spreadScratch;
  let minSpread = minCount;
  let maxSpread = maxCount;
  if (!byCount && spread) {
    for (let i = 0; i < n; i++) {
      const r = spreadRaw(feasible[i]!, spread);
      raw[i] = r;
      if (r < minSpread) minSpread = r;
      if (r > maxSpread) maxSpread = r;
    }
  }
  const totals = totalsScratch;
  totals.length = n;
  if (byCount && maxTaints === 0 && maxAffinity === 0 && maxSpread < MAX_COUNTS_BY_TABLE) {
    // The usual cycle: no PreferNoSchedule taint or preferred affinity anywhere (TaintToleration is
    // 100 and NodeAffinity 0 on every node) and hostname spread, whose score depends on the count alone.
    const fixed = TAINT_WEIGHT * MAX_SCORE;
    const w = spread!.hostnameWeight;
    const minRaw = Math.round(minSpread * w + HOSTNAME_SKEW_TERM);
    const maxRaw = Math.round(maxSpread * w + HOSTNAME_SKEW_TERM);
    const table = spreadByCount;
    table.length = 0;
    for (let c = 0; c <= maxSpread; c++) table.push(-1);
    for (let i = 0; i < n; i++) {
      const c = raw[i]!;
      let s = table[c]!;
      if (s < 0) table[c] = s = SPREAD_WEIGHT * spreadNormalized(Math.round(c * w + HOSTNAME_SKEW_TERM), minRaw, maxRaw);
      totals[i] = fixed + s + partial[i]!;
    }
    return totals;
  }
  if (byCount) {
    for (let i = 0; i < n; i++) raw[i] = Math.round(raw[i]! * spread!.hostnameWeight + HOSTNAME_SKEW_TERM);
    minSpread = Math.round(minSpread * spread!.hostnameWeight + HOSTNAME_SKEW_TERM);
    maxSpread = Math.round(maxSpread * spread!.hostnameWeight + HOSTNAME_SKEW_TERM);
  }
  for (let i = 0; i < n; i++) {
    const info = feasible[i]!;
    // TaintToleration and NodeAffinity normalized as defaultNormalize does (by the maximum, at least 0; taints in reverse).
    const taintScore = maxTaints === 0 ? MAX_SCORE : MAX_SCORE - Math.floor((MAX_SCORE * info.taintCount) / maxTaints);
    const affinityScore = maxAffinity === 0 ? 0 : Math.floor((MAX_SCORE * info.affinityWeight) / maxAffinity);
    const spreadScore = spread ? spreadNormalized(raw[i]!, minSpread, maxSpread) : 0;
    totals[i] = TAINT_WEIGHT * taintScore + AFFINITY_WEIGHT * affinityScore + SPREAD_WEIGHT * spreadScore + partial[i]!;
  }
  return totals;
}

/** Total weighted scores of the given nodes, in their order, all taken as feasible: one whole cycle through scanNodes' loop without its filter. */
export function scoreNodes(pod: PodEntry, shape: PodShape, nodes: NodeInfo[], cache: SchedulerCache, selector: Selector | undefined): number[] {
  beginScores(pod, shape, cache, selector);
  const feasible: NodeInfo[] = [];
  scanNodes(pod, shape, nodes, 0, nodes.length, feasible, false);
  return finishScores(pod, feasible, cache, selector);
}
