// The kubelet's status manager (pkg/kubelet/status/status_manager.go): caches the status the kubelet
// computed for each pod, moves a condition's lastTransitionTime only when its status flips, keeps
// startTime, and writes to the API only when the status changed — merging in the conditions other
// components own. Once a deleted pod has stopped, it sends the final DELETE with grace 0 and a UID
// precondition. A periodic reconcile (every 10 s) restores kubelet-owned status someone else changed.
import type { Simulation } from '../sim/simulation';
import type { Condition, ContainerStatus, Pod, PodStatus, Stored } from '../api/objects';
import type { Client } from '../api/client';
import { isApiError } from '../api/errors';
import * as freeze from '../api/freeze';
import * as time from '../sim/time';
import * as podStatus from './pod_status';
import type { Phase } from './pod_status';

// Read once at load: the loader compiles every use of an imported binding into calls of its export getters.
const { deepEqual } = freeze;
const { toRfc3339 } = time;
const { containersReadyCondition, isTerminalPhase, KUBELET_CONDITIONS, podReadyCondition, stampTransitions } = podStatus;

export const STATUS_SYNC_PERIOD_MS = 10_000;

/** mergePodStatus: conditions the kubelet does not own come from the API; the rest from the kubelet. */
export function mergePodStatus(apiStatus: PodStatus, kubelet: PodStatus): PodStatus {
  // The API's foreign conditions, then the kubelet's own, into one new list.
  const conditions: Condition[] = [];
  const api = apiStatus.conditions;
  if (api) for (let i = 0; i < api.length; i++) if (!KUBELET_CONDITIONS.has(api[i]!.type)) conditions.push(api[i]!);
  const own = kubelet.conditions;
  if (own) for (let i = 0; i < own.length; i++) if (KUBELET_CONDITIONS.has(own[i]!.type)) conditions.push(own[i]!);
  const merged: PodStatus = { ...kubelet, conditions };
  if (apiStatus.nominatedNodeName) merged.nominatedNodeName = apiStatus.nominatedNodeName;
  return merged;
}

/**
 * Would mergePodStatus return a copy of the kubelet's status, key for key? So when the API's status
 * has no foreign condition and no nominatedNodeName, and the kubelet's conditions are all its own.
 */
function mergeKeepsKubelet(apiStatus: PodStatus, kubelet: PodStatus): boolean {
  if (apiStatus.nominatedNodeName || kubelet.conditions === undefined || !('conditions' in kubelet)) return false;
  const api = apiStatus.conditions;
  if (api) for (let i = 0; i < api.length; i++) if (!KUBELET_CONDITIONS.has(api[i]!.type)) return false;
  const own = kubelet.conditions;
  for (let i = 0; i < own.length; i++) if (!KUBELET_CONDITIONS.has(own[i]!.type)) return false;
  return true;
}

function withoutForeign(s: PodStatus): PodStatus {
  const conds = s.conditions;
  // Indexed loops: a status the API stored has frozen lists, where every and filter take a slow path.
  let i = 0;
  if (conds !== undefined) while (i < conds.length && KUBELET_CONDITIONS.has(conds[i]!.type)) i++;
  if (conds === undefined || i === conds.length) return s;
  const own: Condition[] = [];
  for (let j = 0; j < conds.length; j++) if (KUBELET_CONDITIONS.has(conds[j]!.type)) own.push(conds[j]!);
  return { ...s, conditions: own };
}

/**
 * { ...pod, metadata: <its metadata without resourceVersion>, status } key for key, copied with for-in
 * loops: spreading a stored (frozen) object takes a slow path.
 */
function withStatus(pod: Stored, status: PodStatus): Pod {
  const meta = pod.metadata as unknown as Record<string, unknown>;
  const metadata: Record<string, unknown> = {};
  for (const k in meta) if (k !== 'resourceVersion') metadata[k] = meta[k];
  const p = pod as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in p) out[k] = k === 'metadata' ? metadata : k === 'status' ? status : p[k];
  if (!('metadata' in out)) out.metadata = metadata;
  if (!('status' in out)) out.status = status;
  return out as unknown as Pod;
}

/**
 * A pod's cached status, in an object of its own that its holders can keep: it holds what
 * getPodStatus answers while the pod is cached, and nothing once the pod has been removed.
 */
export interface StatusSlot { status: PodStatus | undefined }

export class StatusManager {
  private readonly slots = new Map<string, StatusSlot>();
  private readonly reconcile = new Set<string>();
  /** The status object the API stored from our last write (watch echoes of it need no check). */
  private readonly written = new Map<string, PodStatus>();
  private reconcileEv: unknown;
  private stopped = false;
  /** Bumped whenever a pod's cached status is set or dropped (while it stays put, getPodStatus answers as before). */
  writes = 0;

  constructor(private readonly sim: Simulation, private readonly client: Client, private readonly phaseMs: number,
    private readonly podByUid: (uid: string) => Pod | undefined) {}

  getPodStatus(uid: string): PodStatus | undefined { return this.slots.get(uid)?.status; }

  /** The pod's slot, while it has a cached status. */
  slotOf(uid: string): StatusSlot | undefined { return this.slots.get(uid); }

  removePod(uid: string): void {
    this.writes++;
    const slot = this.slots.get(uid);
    if (slot !== undefined) { slot.status = undefined; this.slots.delete(uid); }
    this.written.delete(uid);
    this.reconcile.delete(uid);
  }

  /**
   * SetPodStatus: stamps transitions against the last status, keeps startTime, writes when changed.
   * The status is handed over (built for this call, never touched again by the caller): it is stamped
   * in place — the keys and their order are those of a stamped copy — and may be cached and written as it is.
   */
  setPodStatus(pod: Stored<Pod>, status: PodStatus): void {
    const uid = pod.metadata.uid;
    const old = this.slots.get(uid)?.status ?? pod.status ?? {};
    const now = toRfc3339(this.sim.nowMs);
    status.conditions = stampTransitions(status.conditions ?? [], old.conditions, now);
    status.startTime = old.startTime ?? now;
    this.update(pod, status);
  }

  /** SetContainerReadiness: flips one container's ready flag and regenerates Ready and ContainersReady. */
  setContainerReadiness(pod: Stored<Pod>, containerId: string, ready: boolean): void {
    this.setContainerFlag(pod, containerId, s => { if (s.ready === ready) return false; s.ready = ready; return true; });
  }

  /** SetContainerStartup: flips one container's started flag. */
  setContainerStartup(pod: Stored<Pod>, containerId: string, started: boolean): void {
    this.setContainerFlag(pod, containerId, s => { if (s.started === started) return false; s.started = started; return true; });
  }

  private setContainerFlag(pod: Stored<Pod>, containerId: string, edit: (s: ContainerStatus) => boolean): void {
    const old = this.getPodStatus(pod.metadata.uid);
    if (!old) return;
    const status: PodStatus = structuredClone(old);
    const all = [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])];
    const target = all.find(s => s.containerID === containerId);
    if (!target || !edit(target)) return;
    const phase = status.phase as Phase;
    const replace = (c: Condition): void => {
      const i = (status.conditions ?? []).findIndex(x => x.type === c.type);
      if (i >= 0) status.conditions![i] = c; else (status.conditions ??= []).push(c);
    };
    replace(podReadyCondition(pod.spec, status.conditions ?? [], all, phase));
    replace(containersReadyCondition(pod.spec, all, phase));
    status.conditions = stampTransitions(status.conditions!, old.conditions, toRfc3339(this.sim.nowMs));
    this.update(pod, status);
  }

  private update(pod: Stored<Pod>, status: PodStatus): void {
    if (this.stopped) return;
    const uid = pod.metadata.uid;
    const slot = this.slots.get(uid);
    const cached = slot?.status;
    if (cached && deepEqual(withoutForeign(cached), withoutForeign(status))) return;
    if (slot !== undefined) slot.status = status; else this.slots.set(uid, { status });
    this.writes++;
    this.syncPod(pod.metadata.namespace ?? 'default', pod.metadata.name, uid);
  }

  /** Writes the cached status to the API (GET, merge, write if different). */
  syncPod(namespace: string, name: string, uid: string): void {
    if (this.stopped) return;
    const status = this.getPodStatus(uid);
    if (!status) return;
    let current: Stored | undefined;
    try {
      current = this.client.find<Pod>('Pod', namespace, name);
      if (!current || current.metadata.uid !== uid) return;
      const apiStatus = current.status ?? {};
      // A terminal phase the API already has is never left.
      const keepPhase = isTerminalPhase(apiStatus.phase) && status.phase !== apiStatus.phase;
      // The cached status itself when the merge would only copy it (nothing to take from the API):
      // it is never mutated, so it can be handed over as the write's status.
      const merged = !keepPhase && mergeKeepsKubelet(apiStatus, status) ? status : mergePodStatus(apiStatus, status);
      if (keepPhase) merged.phase = apiStatus.phase;
      if (!deepEqual(merged, current.status)) {
        // merged is new for this write and the kubelet never mutates a status it has set (it builds
        // new ones), so the API server may keep it as it is.
        const stored = this.client.updateStatusOwned(withStatus(current, merged));
        if (stored.status) this.written.set(uid, stored.status);
      }
      this.reconcile.delete(uid);
    } catch (e) {
      if (!isApiError(e)) throw e;
      this.markForReconcile(uid);
    }
  }

  /** needsReconcile: the API's kubelet-owned status differs from ours; rewrite it at the next 10 s sync. */
  checkReconcile(pod: Stored<Pod>): void {
    const cached = this.getPodStatus(pod.metadata.uid);
    if (!cached || pod.status === this.written.get(pod.metadata.uid)) return;
    const merged = mergePodStatus(pod.status ?? {}, cached);
    if (!deepEqual(merged, pod.status)) this.markForReconcile(pod.metadata.uid);
  }

  private markForReconcile(uid: string): void {
    this.reconcile.add(uid);
    if (this.reconcileEv) return;
    const k = Math.floor((this.sim.nowMs - this.phaseMs) / STATUS_SYNC_PERIOD_MS) + 1;
    this.reconcileEv = this.sim.scheduleAt(this.phaseMs + k * STATUS_SYNC_PERIOD_MS, 'kubelet: status manager syncBatch', () => {
      this.reconcileEv = undefined;
      if (this.stopped) return;
      for (const id of [...this.reconcile]) {
        const pod = this.podByUid(id);
        if (pod) this.syncPod(pod.metadata.namespace ?? 'default', pod.metadata.name!, id);
        else this.reconcile.delete(id);
      }
    });
  }

  stop(): void {
    this.stopped = true;
    this.reconcile.clear();
    this.reconcileEv = undefined;
  }

  /** The final DELETE of a pod the kubelet has finished terminating (canBeDeleted). */
  deletePod(pod: Stored<Pod>): void {
    try {
      this.client.delete('Pod', pod.metadata.namespace ?? 'default', pod.metadata.name, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
  }
}
