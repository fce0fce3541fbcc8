// kube-scheduler's cache (pkg/scheduler/backend/cache): per node, the pods assigned to it (including
// ones it assumed at binding), their summed requests and non-zero requests, host ports in use, and the
// images nodes report. Terminal pods (Succeeded/Failed) free their resources, as the scheduler's pod
// handlers drop them. Updated incrementally: a pod costs O(1) to add or remove.
import type { Node, Pod, Stored } from '../api/objects';
import { emptyResources, nodeAllocatable, podRequests, type Allocatable, type Resources } from './resources';
import { familiarImage } from '../kubelet/image_catalogue';
import { deepEqual } from '../api/freeze';

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

export class NodeInfo {
  readonly pods = new Map<string, PodEntry>();
  readonly requested: Resources = emptyResources();
  readonly nonZeroRequested: Resources = emptyResources();
  readonly usedPorts = new Map<string, number>();
  allocatable: Allocatable;
  /** Familiar names of the images the node reports. */
  images = new Set<string>();
  /** Bumped on every change, so per-cycle caches can tell a node changed. */
  generation = 0;

  constructor(public node: Stored<Node>) {
    this.allocatable = nodeAllocatable(node);
    this.images = nodeImages(node);
  }

  get name(): string { return this.node.metadata.name; }

  setNode(node: Stored<Node>): void {
    const imagesChanged = node.status?.images !== this.node.status?.images;
    this.node = node;
    this.allocatable = nodeAllocatable(node);
    if (imagesChanged) this.images = nodeImages(node);
    this.generation++;
  }

  add(e: PodEntry): void {
    this.pods.set(e.pod.metadata.uid, e);
    apply(this.requested, e.requests, 1);
    apply(this.nonZeroRequested, e.nonZero, 1);
    for (const p of e.ports) this.usedPorts.set(p, (this.usedPorts.get(p) ?? 0) + 1);
    this.generation++;
  }

  remove(uid: string): void {
    const e = this.pods.get(uid);
    if (!e) return;
    this.pods.delete(uid);
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
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = (into.scalar[k] ?? 0) + sign * v;
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

export class SchedulerCache {
  /** In the order nodes were added (the node tree of a single zone). */
  readonly nodes: NodeInfo[] = [];
  private readonly byName = new Map<string, NodeInfo>();
  private readonly podNode = new Map<string, string>();
  /** Image name → sizes and how many nodes have it (ImageStateSummary). */
  readonly imageStates = new Map<string, { size: number; numNodes: number }>();

  node(name: string): NodeInfo | undefined { return this.byName.get(name); }

  setNode(node: Stored<Node>): void {
    const existing = this.byName.get(node.metadata.name);
    if (existing) {
      const before = existing.node.status?.images;
      existing.setNode(node);
      if (before !== node.status?.images) this.rebuildImages();
      return;
    }
    const info = new NodeInfo(node);
    this.byName.set(info.name, info);
    this.nodes.push(info);
    this.rebuildImages();
  }

  removeNode(name: string): void {
    const info = this.byName.get(name);
    if (!info) return;
    this.byName.delete(name);
    this.nodes.splice(this.nodes.indexOf(info), 1);
    this.rebuildImages();
  }

  /** Adds, moves or removes an assigned pod (terminal pods and unassigned ones are not counted). */
  setPod(pod: Stored<Pod>, computed?: PodEntry): void {
    const uid = pod.metadata.uid;
    const nodeName = pod.spec.nodeName;
    const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
    const prev = this.podNode.get(uid);
    if (prev !== undefined && prev === nodeName && !terminal) {
      // Same node, same spec (status writes keep the stored spec object; the binding repeats the
      // assumed one): the counted requests, ports and constraints stand; only the entry's pod moves on.
      const e = this.byName.get(prev)?.pods.get(uid);
      if (e && (e.pod.spec === pod.spec || deepEqual(e.pod.spec, pod.spec))) { e.pod = pod; return; }
    }
    if (prev !== undefined) this.byName.get(prev)?.remove(uid);
    this.podNode.delete(uid);
    if (!nodeName || terminal) return;
    this.podNode.set(uid, nodeName);
    let info = this.byName.get(nodeName);
    if (!info) return; // a pod on a node the scheduler does not know counts once the node appears
    // Requests, ports and constraints depend on the spec alone, the node name aside.
    info.add(computed ? { ...computed, pod } : podEntry(pod));
  }

  removePod(uid: string): void {
    const prev = this.podNode.get(uid);
    if (prev !== undefined) this.byName.get(prev)?.remove(uid);
    this.podNode.delete(uid);
  }

  nodeOfPod(uid: string): string | undefined { return this.podNode.get(uid); }

  private rebuildImages(): void {
    this.imageStates.clear();
    for (const n of this.nodes) {
      for (const img of n.node.status?.images ?? []) {
        const name = img.names.find(x => !x.includes('@'));
        if (name === undefined) continue;
        const key = familiarImage(name);
        const s = this.imageStates.get(key);
        if (s) s.numNodes++; else this.imageStates.set(key, { size: img.sizeBytes ?? 0, numNodes: 1 });
      }
    }
  }
}
