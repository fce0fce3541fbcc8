// kube-scheduler's cache (pkg/scheduler/backend/cache): per node, the pods assigned to it (including
// ones it assumed at binding), their summed requests and non-zero requests, host ports in use, and the
// images nodes report. Terminal pods (Succeeded/Failed) free their resources, as the scheduler's pod
// handlers drop them. Updated incrementally: a pod costs O(1) to add or remove.
import type { Node, Pod, Stored } from '../api/objects';
import { familiarImage } from '../kubelet/image_catalogue';
import { deepEqual } from '../api/freeze';
import type { Selector } from '../api/selectors';
import { SpreadTracker } from './spread_tracker';
import { NodeInfo, podEntry, type PodEntry } from './node_info';

/**
 * Where an assigned pod was last seen: its node's name, and the NodeInfo and entry it was counted
 * with when that node was known (the entry is in info.pods while info is not removed).
 */
interface PodPlace { name: string; info: NodeInfo | undefined; entry: PodEntry | undefined }

export class SchedulerCache {
  /** In the order nodes were added (the node tree of a single zone). */
  readonly nodes: NodeInfo[] = [];
  private readonly byName = new Map<string, NodeInfo>();
  private readonly podNode = new Map<string, PodPlace>();
  /** Image name → sizes and how many nodes have it (ImageStateSummary). */
  private readonly images = new Map<string, { size: number; numNodes: number }>();
  /** Nodes' images changed since the summary was last built: it is rebuilt when next read. */
  private imagesDirty = false;

  /** ImageStateSummary by familiar image name (rebuilt lazily: nodes report images far more often than pods are scored). */
  get imageStates(): ReadonlyMap<string, { size: number; numNodes: number }> {
    if (this.imagesDirty) this.rebuildImages();
    return this.images;
  }
  /** Every (namespace, selector) PodTopologySpread has scored with, counted on every node from then on. */
  private readonly trackers: SpreadTracker[] = [];
  private readonly trackerByKey = new Map<string, SpreadTracker>();

  /** The tracker for a namespace and selector; a new one counts the pods already on every node once. */
  spreadTracker(namespace: string, selector: Selector): SpreadTracker {
    // Pods of one controller come in a row with one (memoized) selector object: no key text for them.
    if (selector === this.lastSelector && namespace === this.lastNamespace) return this.lastTracker!;
    const t = this.trackerFor(namespace, selector);
    this.lastSelector = selector;
    this.lastNamespace = namespace;
    this.lastTracker = t;
    return t;
  }

  /** Slots handed to NodeInfos: never reused, so a node added again starts from zero counts. */
  private nextSlot = 0;
  private lastSelector: Selector | undefined;
  private lastNamespace = '';
  private lastTracker: SpreadTracker | undefined;

  private trackerFor(namespace: string, selector: Selector): SpreadTracker {
    const key = `${namespace}\u0000${JSON.stringify(selector)}`;
    let t = this.trackerByKey.get(key);
    if (t) return t;
    t = new SpreadTracker(this.trackers.length, namespace, selector, this.nextSlot);
    this.trackers.push(t);
    this.trackerByKey.set(key, t);
    for (const n of this.nodes) {
      let count = 0;
      for (const e of n.pods.values()) if (t.counts(e.pod)) count++;
      t.bySlot[n.slot] = count;
    }
    return t;
  }

  node(name: string): NodeInfo | undefined { return this.byName.get(name); }

  /**
   * Nodes with a zone label, and nodes without a hostname label: while there are none of the first
   * and none of the second, topology spread is the hostname constraint alone on every node.
   */
  zoneLabelledNodes = 0;
  hostnameUnlabelledNodes = 0;

  private countLabels(info: NodeInfo, sign: 1 | -1): void {
    if (info.zoneLabel !== undefined) this.zoneLabelledNodes += sign;
    if (info.hostnameLabel === undefined) this.hostnameUnlabelledNodes += sign;
  }

  setNode(node: Stored<Node>): void {
    const existing = this.byName.get(node.metadata.name);
    if (existing) {
      const before = existing.node.status?.images;
      this.countLabels(existing, -1);
      existing.setNode(node);
      this.countLabels(existing, 1);
      if (before !== node.status?.images) this.imagesDirty = true;
      return;
    }
    const slot = this.nextSlot++;
    for (const t of this.trackers) t.ensureSlot(slot);
    const info = new NodeInfo(node, this.trackers, slot);
    this.byName.set(info.name, info);
    this.nodes.push(info);
    this.countLabels(info, 1);
    this.imagesDirty = true;
  }

  removeNode(name: string): void {
    const info = this.byName.get(name);
    if (!info) return;
    this.countLabels(info, -1);
    this.byName.delete(name);
    info.removed = true;
    this.nodes.splice(this.nodes.indexOf(info), 1);
    this.imagesDirty = true;
  }

  /**
   * Adds, moves or removes an assigned pod (terminal pods and unassigned ones are not counted).
   * True when the pod was counted and no longer is (it freed its node).
   */
  setPod(pod: Stored<Pod>, computed?: PodEntry): boolean {
    const uid = pod.metadata.uid;
    const nodeName = pod.spec.nodeName;
    const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
    // One lookup: the place holds the NodeInfo and entry, which byName and info.pods would give
    // while the node is still the cache's node of that name (not removed, not added again).
    const place = this.podNode.get(uid);
    if (place !== undefined && place.name === nodeName && !terminal) {
      // Same node, same spec (status writes keep the stored spec object; the binding repeats the
      // assumed one): the counted requests, ports and constraints stand; only the entry's pod moves on.
      const e = place.entry;
      if (e !== undefined && !place.info!.removed && (e.pod.spec === pod.spec || deepEqual(e.pod.spec, pod.spec))) {
        place.info!.replacePod(e, pod);
        return false;
      }
    }
    if (place !== undefined) this.byName.get(place.name)?.remove(uid);
    if (!nodeName || terminal) {
      if (place === undefined) return false;
      this.podNode.delete(uid);
      return true;
    }
    const info = this.byName.get(nodeName);
    // Requests, ports and constraints depend on the spec alone, the node name aside. A pod on a node
    // the scheduler does not know counts once the node appears (its next update adds it).
    const entry = info === undefined ? undefined : computed ? { ...computed, pod } : podEntry(pod);
    if (place === undefined) this.podNode.set(uid, { name: nodeName, info, entry });
    else { place.name = nodeName; place.info = info; place.entry = entry; }
    if (entry !== undefined) info!.add(entry);
    return false;
  }

  removePod(uid: string): void {
    const place = this.podNode.get(uid);
    if (place === undefined) return;
    this.byName.get(place.name)?.remove(uid);
    this.podNode.delete(uid);
  }

  nodeOfPod(uid: string): string | undefined { return this.podNode.get(uid)?.name; }

  private rebuildImages(): void {
    this.imagesDirty = false;
    this.images.clear();
    for (const n of this.nodes) {
      for (const img of n.node.status?.images ?? []) {
        const name = img.names.find(x => !x.includes('@'));
        if (name === undefined) continue;
        const key = familiarImage(name);
        const s = this.images.get(key);
        if (s) s.numNodes++; else this.images.set(key, { size: img.sizeBytes ?? 0, numNodes: 1 });
      }
    }
  }
}
