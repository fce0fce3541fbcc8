// Shared controller helpers from pkg/controller/controller_utils.go: slow-start batches, pods from a
// template, the pod control (create/delete with SuccessfulCreate / FailedCreate / SuccessfulDelete
// events) and the "which pods go first" ranking (ActivePodsWithRanks) used on scale-down.
import type { KubeObject, OwnerReference, PodTemplateSpec, Stored } from '../api/objects';
import type { Client } from '../api/client';
import type { EventRecorder } from '../api/events';
import { isApiError, type ApiError } from '../api/errors';
import { getPodReadyCondition } from '../api/pod_util';
import { parseRfc3339 } from '../sim/time';
import { isDNS1123Subdomain } from '../api/validation/names';

export const BURST_REPLICAS = 500;
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/** slowStartBatch: batches of 1, 2, 4, … ; stops after the first batch with an error. Returns successes and the first error. */
export function slowStartBatch(count: number, initialBatchSize: number, fn: () => void): { successes: number; error?: unknown } {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let firstError: unknown;
    let failed = 0;
    for (let i = 0; i < batch; i++) {
      try {
        fn();
      } catch (e) {
        if (!isApiError(e) && !(e instanceof ControllerError)) throw e;
        failed++;
        firstError ??= e;
      }
    }
    successes += batch - failed;
    if (failed > 0) return { successes, error: firstError };
    remaining -= batch;
  }
  return { successes };
}

/** An error a controller returns (not an API status): retried like API errors. */
export class ControllerError extends Error {
  override name = 'ControllerError';
  readonly retriable = true;
}

/** metav1.NewControllerRef. */
export function newControllerRef(owner: Stored): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true };
}

/** getPodsPrefix: "<owner>-", or the bare owner name when the dashed form is not a valid generateName. */
export function getPodsPrefix(controllerName: string): string {
  const prefix = `${controllerName}-`;
  return isDNS1123Subdomain(prefix.slice(0, -1) + 'a').length ? controllerName : prefix;
}

/** GetPodFromTemplate: labels, annotations and finalizers from the template, the controller ref, a copy of the spec. */
export function getPodFromTemplate(template: PodTemplateSpec, owner: Stored, ref: OwnerReference): KubeObject {
  const meta = template.metadata ?? {};
  const pod: KubeObject = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { generateName: getPodsPrefix(owner.metadata.name), ownerReferences: [{ ...ref }] },
    spec: structuredCloneJson(template.spec),
  };
  if (meta.labels) pod.metadata.labels = { ...meta.labels };
  if (meta.annotations) pod.metadata.annotations = { ...meta.annotations };
  if (meta.finalizers) pod.metadata.finalizers = [...meta.finalizers];
  return pod;
}

/**
 * JSON.parse(JSON.stringify(v)) for the JSON-shaped values stored objects hold, without the text in
 * between (one pod per call on a scale-up): the same keys in the same order, undefined dropped from
 * objects and null in arrays, -0 as 0, NaN and infinities as null. Anything else (a toJSON, a class
 * instance, a bigint) takes the round trip itself.
 */
function structuredCloneJson<T>(v: T): T {
  if (v !== null && typeof v === 'object') {
    try {
      return jsonCopy(v) as T;
    } catch (e) {
      if (e !== NOT_PLAIN) throw e;
    }
  }
  return JSON.parse(JSON.stringify(v)) as T;
}

const NOT_PLAIN = Symbol('not plain JSON');

/** A JSON value's copy (an array's undefined element becomes null, as JSON writes it). */
function jsonCopy(v: unknown): unknown {
  switch (typeof v) {
    case 'string': case 'boolean': return v;
    case 'number': return Number.isFinite(v) ? (v === 0 ? 0 : v) : null;
    case 'object': break;
    default: throw NOT_PLAIN;
  }
  if (v === null) return null;
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      out.push(x === undefined ? null : jsonCopy(x));
    }
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[key];
    if (x === undefined) continue;
    const c = jsonCopy(x);
    // JSON.parse makes "__proto__" an own key, not the prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: c, enumerable: true, writable: true, configurable: true });
    else out[key] = c;
  }
  return out;
}

/** RealPodControl: creates and deletes pods on a controller's behalf, with upstream's events. */
export class PodControl {
  constructor(private readonly client: Client, private readonly recorder: EventRecorder) {}

  createPods(namespace: string, template: PodTemplateSpec, owner: Stored, ref: OwnerReference): void {
    const pod = getPodFromTemplate(template, owner, ref);
    pod.metadata.namespace = namespace;
    if (!pod.metadata.labels || Object.keys(pod.metadata.labels).length === 0) throw new ControllerError('unable to create pods, no labels');
    let created: Stored;
    try {
      created = this.client.createOwned(pod);
    } catch (e) {
      if (isApiError(e) && !isNamespaceTerminating(e)) this.recorder.event(owner, 'Warning', 'FailedCreate', `Error creating: ${e.message}`);
      throw e;
    }
    this.recorder.event(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
  }

  /** DeletePod: NotFound passes through without an event; other errors become "unable to delete pods: …". */
  deletePod(namespace: string, name: string, owner: Stored): void {
    try {
      this.client.delete('Pod', namespace, name);
    } catch (e) {
      if (isApiError(e, 'NotFound')) throw e;
      if (isApiError(e)) {
        this.recorder.event(owner, 'Warning', 'FailedDelete', `Error deleting: ${e.message}`);
        throw new ControllerError(`unable to delete pods: ${e.message}`);
      }
      throw e;
    }
    this.recorder.event(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
  }
}

export function isNamespaceTerminating(e: ApiError): boolean {
  return /because it is being terminated/.test(e.message);
}

// ---- ActivePodsWithRanks: which pods go first on scale-down -------------------------------------

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

const ms = (t: string | undefined): number | undefined => (t ? parseRfc3339(t) : undefined);

function podReadyTime(pod: Stored): number | undefined {
  const ready = getPodReadyCondition(pod);
  return ready?.status === 'True' ? ms(ready.lastTransitionTime) : undefined;
}

/** int64(math.Log2(float64(d))) of the nanosecond duration since t, or -1 when not positive. */
function logRank(t: number, nowMs: number): number {
  const dNs = (nowMs - t) * 1e6;
  return dNs > 0 ? Math.floor(Math.log2(dNs)) : -1;
}

function maxRestarts(statuses: { restartCount?: number }[] | undefined): number {
  // Math.max(0, ...counts) as a loop: this runs for every pod of every scale-down.
  let max = 0;
  if (statuses) for (let i = 0; i < statuses.length; i++) max = Math.max(max, statuses[i]!.restartCount ?? 0);
  return max;
}

function deletionCost(pod: Stored): number {
  const v = pod.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'];
  return v !== undefined && /^[+-]?\d+$/.test(v) ? Number(v) : 0;
}

function sidecarRestarts(p: Stored): number {
  if (!p.status?.initContainerStatuses?.length) return 0;
  return maxRestarts((p.status?.initContainerStatuses ?? []).filter((s: { name: string }) =>
    (p.spec?.initContainers ?? []).some((c: { name: string; restartPolicy?: string }) => c.name === s.name && c.restartPolicy === 'Always')));
}

/**
 * What ActivePodsWithRanks.Less reads of one pod (copied flat, so a sort's comparisons read one
 * object per pod): fields of the pod version, which cannot change (stored versions are frozen),
 * its log-scaled ages, which podRankKey sets for the instant it is called at, and its rank, which
 * getPodsToDelete sets.
 */
export interface PodRankKey {
  readonly pod: Stored; readonly uid: string; readonly node: string; readonly phase: number; readonly ready: boolean; readonly cost: number;
  readonly readyMs: number | undefined; readonly restarts: number; readonly sidecarRestarts: number; readonly createdMs: number | undefined;
  rank: number; readyLog: number; createdLog: number;
}

/**
 * Each frozen pod version's key, made on first use and then reused: a scale-down ranks the same
 * unchanged pods sync after sync, and a key is only read within one getPodsToDelete call.
 */
const rankKeys = new WeakMap<Stored, PodRankKey>();

/** The pod's key for this instant, rank unset (a frozen version's key is shared: valid until the next call for the same version). */
function podRankKey(pod: Stored, nowMs: number): PodRankKey {
  let k = rankKeys.get(pod);
  if (k === undefined) {
    const readyMs = podReadyTime(pod);
    const createdMs = ms(pod.metadata.creationTimestamp);
    k = {
      pod, uid: pod.metadata.uid, node: pod.spec?.nodeName ?? '', phase: PHASE_ORDINAL[pod.status?.phase] ?? 0,
      ready: getPodReadyCondition(pod)?.status === 'True', cost: deletionCost(pod), readyMs,
      restarts: maxRestarts(pod.status?.containerStatuses), sidecarRestarts: sidecarRestarts(pod), createdMs, rank: 0, readyLog: 0, createdLog: 0,
    };
    if (Object.isFrozen(pod)) rankKeys.set(pod, k);
  }
  k.readyLog = k.readyMs === undefined ? 0 : logRank(k.readyMs, nowMs);
  k.createdLog = k.createdMs === undefined ? 0 : logRank(k.createdMs, nowMs);
  return k;
}

/**
 * ActivePodsWithRanks.Less (LogarithmicScaleDown and PodDeletionCost on, as by default in v1.32) as a
 * three-way comparison, Less(a, b) ? -1 : Less(b, a) ? 1 : 0, in one pass: every test of Less is symmetric
 * (it decides a pair in both orders at the same step), so the first deciding test gives the sign,
 * each written to return 0 where Less would be false both ways (a NaN, equal uids).
 */
export function comparePodRanks(a: PodRankKey, b: PodRankKey): number {
  if (a.node !== b.node && (a.node === '' || b.node === '')) return a.node === '' ? -1 : 1;
  if (a.phase !== b.phase) return a.phase < b.phase ? -1 : a.phase > b.phase ? 1 : 0;
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  if (a.cost !== b.cost) return a.cost < b.cost ? -1 : a.cost > b.cost ? 1 : 0;
  if (a.rank !== b.rank) return a.rank > b.rank ? -1 : a.rank < b.rank ? 1 : 0;
  if (a.ready && b.ready && a.readyMs !== b.readyMs) return compareTimes(a, b, a.readyMs, b.readyMs, a.readyLog - b.readyLog);
  if (a.restarts !== b.restarts) return a.restarts > b.restarts ? -1 : a.restarts < b.restarts ? 1 : 0;
  if (a.sidecarRestarts !== b.sidecarRestarts) return a.sidecarRestarts > b.sidecarRestarts ? -1 : a.sidecarRestarts < b.sidecarRestarts ? 1 : 0;
  if (a.createdMs !== b.createdMs) return compareTimes(a, b, a.createdMs, b.createdMs, a.createdLog - b.createdLog);
  return 0;
}

/** Two different times: a zero one first (afterOrZero), else the smaller log-scaled age, ties by uid. */
function compareTimes(a: PodRankKey, b: PodRankKey, ta: number | undefined, tb: number | undefined, logDiff: number): number {
  if (ta === undefined || tb === undefined) return ta === undefined ? -1 : 1;
  if (logDiff === 0) return a.uid < b.uid ? -1 : b.uid < a.uid ? 1 : 0;
  return logDiff < 0 ? -1 : logDiff > 0 ? 1 : 0;
}

/** A node's count of related active pods: a counter object, so counting a pod is one map lookup. */
export interface NodeCount { count: number }

/**
 * getPodsToDelete: all of them in input order when every pod goes, else the first `diff` after
 * sorting by ActivePodsWithRanks, ranked by related active pods on the same node (IsPodActive; counted
 * per node name, "" for unbound, by relatedPodsOnNode, asked only when ranks are needed). Go's sort is
 * not stable; ties keep input (informer) order here. Each pod's sort key is computed once.
 */
export function getPodsToDelete(filtered: Stored[], relatedPodsOnNode: () => Map<string, NodeCount>, diff: number, nowMs: number): Stored[] {
  if (diff >= filtered.length) return filtered.slice(0, diff);
  const podsOnNode = relatedPodsOnNode();
  const ranked = new Array<PodRankKey>(filtered.length);
  for (let i = 0; i < filtered.length; i++) {
    const k = podRankKey(filtered[i]!, nowMs);
    k.rank = podsOnNode.get(k.node)?.count ?? 0;
    ranked[i] = k;
  }
  ranked.sort(comparePodRanks);
  const out = new Array<Stored>(diff);
  for (let i = 0; i < diff; i++) out[i] = ranked[i]!.pod;
  return out;
}
