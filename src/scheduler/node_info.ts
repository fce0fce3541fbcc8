// A node as kube-scheduler's cache holds it (pkg/scheduler/framework/types.go NodeInfo): the pods
// assigned to it with their summed requests and non-zero requests, host ports in use, the images it
// reports and its topology labels; and the per-pod entry (requests, ports, constraints) it counts.
import type { Node, Pod, Stored } from '../api/objects';
import { emptyResources, nodeAllocatable, podRequests, type Allocatable, type Resources } from './resources';
import { familiarImage } from '../kubelet/image_catalogue';
import type { SpreadTracker } from './spread_tracker';
import type { FilterStatus } from './filters';

export interface PodEntry {
  pod: Stored<Pod>;
  requests: Resources;
  nonZero: Resources;
  ports: string[];
  /** Extended resources the pod requests, sorted (fitsRequest checks them in this order). */
  scalarNames: string[];
  /** The pod says where it may go (nodeSelector or required node affinity). */
  constrained: boolean;
}

export const HOSTNAME_LABEL = 'kubernetes.io/hostname';
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

export class NodeInfo {
  // The fields every filter and score cycle reads for every node come first, so that they share
  // the object's first cache lines.
  /** Bumped on every change, so per-cycle caches can tell a node changed. */
  generation = 0;
  /**
   * Memos for the pod shape last filtered and scored here (pod_shape.ts, node_scores.ts), valid while
   * the shape id and this node's generation match: plain fields, read for every node of every cycle.
   */
  filterShape = -1;
  filterGeneration = -1;
  filterStatus: FilterStatus | undefined = undefined;
  scoreShape = -1;
  scoreGeneration = -1;
  /** Untolerated PreferNoSchedule taints, NodeAffinity's preferred weight, NodeResourcesFit + BalancedAllocation. */
  taintCount = 0;
  affinityWeight = 0;
  resourceScore = 0;
  /** Bit i set: the node has the shape's image i (ImageLocality, scaled per cycle). */
  imageMask = 0;
  /** Where the spread trackers keep this node's counts (SpreadTracker.bySlot); -1 outside a cache. */
  readonly slot: number;
  /**
   * The node's hostname and zone label values (undefined when unlabelled), read by topology spread
   * for every node of every scheduling cycle; kept with the node object, which only setNode replaces.
   */
  hostnameLabel: string | undefined;
  zoneLabel: string | undefined;

  readonly pods = new Map<string, PodEntry>();
  readonly requested: Resources = emptyResources();
  readonly nonZeroRequested: Resources = emptyResources();
  readonly usedPorts = new Map<string, number>();
  allocatable: Allocatable;
  /** Dropped from its cache (removeNode): the pod places pointing here are stale. */
  removed = false;
  /** Familiar names of the images the node reports. */
  images: Set<string>;
  private current: Stored<Node>;

  constructor(node: Stored<Node>, private readonly trackers: readonly SpreadTracker[] = [], slot = -1) {
    this.slot = slot;
    this.current = node;
    this.allocatable = nodeAllocatable(node);
    this.images = nodeImages(node);
    this.hostnameLabel = node.metadata.labels?.[HOSTNAME_LABEL];
    this.zoneLabel = node.metadata.labels?.[ZONE_LABEL];
  }

  get node(): Stored<Node> { return this.current; }

  private track(p: Pod, sign: 1 | -1): void {
    for (let i = 0; i < this.trackers.length; i++) {
      const t = this.trackers[i]!;
      if (t.counts(p)) t.bySlot[this.slot] = t.bySlot[this.slot]! + sign;
    }
  }

  /** The entry's pod changed but not its spec: only what trackers count can change. */
  replacePod(e: PodEntry, pod: Stored<Pod>): void {
    const was = e.pod.metadata;
    const now = pod.metadata;
    // What SpreadTracker.counts reads (labels, namespace, being deleted) is usually untouched: a
    // status write keeps the labels object. Only a change there can move a count.
    if (this.trackers.length && (was.labels !== now.labels || was.namespace !== now.namespace ||
      !was.deletionTimestamp !== !now.deletionTimestamp)) { this.track(e.pod, -1); this.track(pod, 1); }
    e.pod = pod;
  }

  get name(): string { return this.node.metadata.name; }

  setNode(node: Stored<Node>): void {
    const imagesChanged = node.status?.images !== this.node.status?.images;
    this.current = node;
    this.hostnameLabel = node.metadata.labels?.[HOSTNAME_LABEL];
    this.zoneLabel = node.metadata.labels?.[ZONE_LABEL];
    this.allocatable = nodeAllocatable(node);
    if (imagesChanged) this.images = nodeImages(node);
    this.generation++;
  }

  add(e: PodEntry): void {
    this.pods.set(e.pod.metadata.uid, e);
    this.track(e.pod, 1);
    apply(this.requested, e.requests, 1);
    apply(this.nonZeroRequested, e.nonZero, 1);
    for (const p of e.ports) this.usedPorts.set(p, (this.usedPorts.get(p) ?? 0) + 1);
    this.generation++;
  }

  remove(uid: string): void {
    const e = this.pods.get(uid);
    if (!e) return;
    this.pods.delete(uid);
    this.track(e.pod, -1);
    apply(this.requested, e.requests, -1);
    apply(this.nonZeroRequested, e.nonZero, -1);
    for (const p of e.ports) {
      const n = (this.usedPorts.get(p) ?? 1) - 1;
      if (n <= 0) this.usedPorts.delete(p); else this.usedPorts.set(p, n);
    }
    this.generation++;
  }
}

function nodeImages(node: Node): Set<string> {
  const out = new Set<string>();
  for (const img of node.status?.images ?? []) for (const n of img.names) if (!n.includes('@')) out.add(familiarImage(n));
  return out;
}

function apply(into: Resources, r: Resources, sign: 1 | -1): void {
  into.milliCPU += sign * r.milliCPU;
  into.memory += sign * r.memory;
  into.ephemeralStorage += sign * r.ephemeralStorage;
  // for-in, not Object.entries: no list per pod added or removed (scalar is a plain, usually empty, object).
  const scalar = r.scalar;
  for (const k in scalar) into.scalar[k] = (into.scalar[k] ?? 0) + sign * scalar[k]!;
}

/** Host ports a pod asks for, as "<protocol>/<hostIP>/<port>" (hostIP 0.0.0.0 when unset). */
export function hostPorts(pod: Pod): string[] {
  const out: string[] = [];
  for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
    for (const p of c.ports ?? []) if (p.hostPort) out.push(`${p.protocol ?? 'TCP'}/${p.hostIP || '0.0.0.0'}/${p.hostPort}`);
  }
  return out;
}

export function podEntry(pod: Stored<Pod>): PodEntry {
  const requests = podRequests(pod);
  return {
    pod, requests, nonZero: podRequests(pod, true), ports: hostPorts(pod),
    scalarNames: Object.keys(requests.scalar).filter(k => requests.scalar[k] !== 0).sort(),
    constrained: Object.keys(pod.spec.nodeSelector ?? {}).length > 0 || pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution !== undefined,
  };
}
