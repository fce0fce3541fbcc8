// A pod's scheduling "shape": everything the filters and the node-local score parts read from the pod
// (tolerations, node name, selector and node affinity, host ports, requests, images). Pods of one
// template share a shape, and scheduling one pod changes one node, so a node's filter verdict for a
// shape stays valid until that node changes (NodeInfo.generation) — memoized here per node.
import type { Container, Pod, Stored, Toleration } from '../api/objects';
import { podEntry, type NodeInfo, type PodEntry } from './node_info';
import { runFilters, type FilterStatus } from './filters';
import { deepEqual } from '../api/freeze';
import { podImages, preferNoScheduleTolerations, type PodImages } from './scores';

export interface PreferredTerm { weight: number; preference: object }

export interface PodShape {
  /** Equal ids mean equal inputs to the filters and to the memoized score parts (never reused). */
  id: number;
  /** The tolerations TaintToleration's score reads (PreferNoSchedule or any effect). */
  preferNoSchedule: Toleration[];
  /** NodeAffinity's preferred terms; undefined when there are none. */
  preferred: PreferredTerm[] | undefined;
  images: PodImages;
}

/** More distinct shapes than this and the table starts afresh (ids keep counting, so no memo is mistaken). */
const MAX_SHAPES = 10_000;

/** A pod's entry (requests, ports) and shape, as one scheduling cycle reads them. */
export interface ShapedPod { entry: PodEntry; shape: PodShape }

/** Interns shape keys to ids; one per scheduler cache, as the memos live on its NodeInfos. */
export class ShapeTable {
  /** The pod last shaped by entryAndShape and what it got: the next pod of its template gets the same. */
  private lastShaped: ShapedPod | undefined;

  /**
   * podEntry and shapeOf for a pod to schedule. A pod whose spec agrees with the last one's on
   * everything those read (sameSchedulingInputs) shares its requests, ports and shape: equal inputs,
   * equal values, computed once per run of pods of one template.
   */
  entryAndShape(pod: Stored<Pod>): ShapedPod {
    const last = this.lastShaped;
    if (last !== undefined && sameSchedulingInputs(last.entry.pod.spec, pod.spec)) {
      const e = last.entry;
      return { entry: { pod, requests: e.requests, nonZero: e.nonZero, ports: e.ports, scalarNames: e.scalarNames, constrained: e.constrained },
        shape: last.shape };
    }
    const entry = podEntry(pod);
    const shaped = { entry, shape: this.shapeOf(entry) };
    this.lastShaped = shaped;
    return shaped;
  }

  private readonly ids = new Map<string, number>();
  private next = 0;
  /** The inputs of the last shape asked for, and its id: pods of one template usually come in a row. */
  private lastInputs: unknown[] | undefined;
  private lastId = -1;

  /**
   * The pod's shape. Inputs equal to the last pod's (deepEqual: the same values) get its id; others
   * are keyed by JSON of the inputs, where equal text implies equal verdicts and scores.
   */
  shapeOf(pod: PodEntry): PodShape {
    const spec = pod.pod.spec;
    const images = podImages(pod.pod);
    const inputs = [spec.tolerations, spec.nodeName, spec.nodeSelector, spec.affinity?.nodeAffinity,
      pod.ports, pod.requests, pod.nonZero, images.keys, images.containers];
    let id: number | undefined;
    if (this.lastInputs !== undefined && deepEqual(inputs, this.lastInputs)) id = this.lastId;
    else {
      const key = JSON.stringify(inputs);
      id = this.ids.get(key);
      if (id === undefined) {
        if (this.ids.size >= MAX_SHAPES) this.ids.clear();
        id = this.next++;
        this.ids.set(key, id);
      }
      this.lastInputs = inputs;
      this.lastId = id;
    }
    const terms = (spec.affinity?.nodeAffinity as { preferredDuringSchedulingIgnoredDuringExecution?: PreferredTerm[] } | undefined)
      ?.preferredDuringSchedulingIgnoredDuringExecution;
    return { id, preferNoSchedule: preferNoScheduleTolerations(pod.pod), preferred: terms?.length ? terms : undefined, images };
  }
}

/** runFilters, answered from the node's memo while neither the shape nor the node changed. */
export function filterNode(pod: PodEntry, shape: PodShape, info: NodeInfo): FilterStatus | undefined {
  if (info.filterShape === shape.id && info.filterGeneration === info.generation) return info.filterStatus;
  const s = runFilters(pod, info);
  info.filterShape = shape.id;
  info.filterGeneration = info.generation;
  info.filterStatus = s;
  return s;
}

/**
 * Whether two specs agree on everything podEntry and shapeOf read: node name, tolerations, node
 * selector and affinity, overhead, and per container its image, requests (resources), host ports
 * and restart policy (sidecars). Not whole containers: their volume mounts name per-pod volumes.
 */
function sameSchedulingInputs(a: Pod['spec'], b: Pod['spec']): boolean {
  if (a === b) return true;
  return a.nodeName === b.nodeName && sameContainers(a.containers, b.containers) && sameContainers(a.initContainers, b.initContainers) &&
    deepEqual(a.tolerations, b.tolerations) && deepEqual(a.nodeSelector, b.nodeSelector) && deepEqual(a.affinity, b.affinity) &&
    deepEqual(a.overhead, b.overhead);
}

function sameContainers(a: readonly Container[] | undefined, b: readonly Container[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.image !== y.image || x.restartPolicy !== y.restartPolicy || !deepEqual(x.resources, y.resources) || !deepEqual(x.ports, y.ports))) return false;
  }
  return true;
}
