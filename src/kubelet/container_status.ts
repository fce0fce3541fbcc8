// The kubelet's view of a pod turned into API status (pkg/kubelet/kubelet_pods.go
// convertToAPIContainerStatuses and generateAPIPodStatus): container states and reasons from the
// runtime snapshot and the last sync errors, restart counts, lastState, phase and conditions. Pure:
// the caller passes the snapshot, the reason cache, the old status and the time.
import type { Container, ContainerState, ContainerStatus, Pod, PodStatus } from '../api/objects';
import { toRfc3339 } from '../sim/time';
import type { InstanceSnapshot, PodSnapshot } from './runtime';
import * as podStatus from './pod_status';
import type { Phase } from './pod_status';
import * as podActions from './pod_actions';

// Read once at load: the loader compiles every use of an imported binding into calls of its export getters.
const { getPhase, isTerminalPhase, kubeletConditions } = podStatus;
const { shouldContainerBeRestarted } = podActions;

/** The last sync error per container (kubelet's ReasonCache): "CrashLoopBackOff", "ErrImagePull", … */
export interface SyncReason { reason: string; message: string }
export type ReasonCache = ReadonlyMap<string, SyncReason>;

export const containerID = (id: string): string => `containerd://${id}`;

/**
 * What the statuses derive from one instance snapshot, built at its first use and kept with it (a
 * snapshot serves every sync until the pod's next runtime change). The parts are shared by the
 * statuses built meanwhile, which never modify them (they are replaced, never edited).
 */
export interface InstanceStatusParts {
  state: ContainerState;
  containerID: string;
  /** volumeMountStatuses of mountsOf (the container spec they were built for). */
  mountsOf: Container | undefined;
  mounts: Record<string, unknown>[] | undefined;
}

function partsOf(inst: InstanceSnapshot): InstanceStatusParts {
  let parts = inst.derived;
  if (parts === undefined) {
    const id = containerID(inst.id);
    const state: ContainerState = inst.state === 'running' ? { running: { startedAt: toRfc3339(inst.startedAtMs) } } : {
      terminated: {
        exitCode: inst.exitCode, reason: inst.reason, startedAt: toRfc3339(inst.startedAtMs), finishedAt: toRfc3339(inst.finishedAtMs),
        containerID: id,
      },
    };
    parts = inst.derived = { state, containerID: id, mountsOf: undefined, mounts: undefined };
  }
  return parts;
}

/** The instance's containerID ("containerd://<id>"), one string per snapshot. */
export const containerIDOf = (inst: InstanceSnapshot): string => partsOf(inst).containerID;

/** Status volume mounts (RecursiveReadOnlyMounts, beta and on in v1.32): read-only mounts say recursiveReadOnly Disabled. */
function volumeMountStatuses(c: Container): Record<string, unknown>[] {
  // An indexed loop: the spec's list is frozen, where map takes a slow path.
  const mounts = c.volumeMounts ?? [];
  const out = new Array<Record<string, unknown>>(mounts.length);
  for (let i = 0; i < mounts.length; i++) {
    const m = mounts[i]!;
    out[i] = m.readOnly ? { name: m.name, mountPath: m.mountPath, readOnly: true, recursiveReadOnly: 'Disabled' } : { name: m.name, mountPath: m.mountPath };
  }
  return out;
}

/** volumeMountStatuses(c) for the instance, built once per snapshot and container spec. */
function mountStatusesOf(parts: InstanceStatusParts, c: Container): Record<string, unknown>[] {
  if (parts.mountsOf !== c || parts.mounts === undefined) { parts.mounts = volumeMountStatuses(c); parts.mountsOf = c; }
  return parts.mounts;
}

/** An empty lastState (shared, frozen: statuses replace it, never edit it). */
const NO_STATE: ContainerState = Object.freeze({}) as ContainerState;

const isDefaultWaiting = (s: ContainerStatus, reason: string): boolean =>
  !!s.state?.waiting && s.state.waiting.reason === reason && !s.state.running && !s.state.terminated;

/** convertToAPIContainerStatuses for one list of containers (regular or init). */
export function convertToAPIContainerStatuses(pod: Pod, snapshot: PodSnapshot, oldStatuses: readonly ContainerStatus[] | undefined,
  containers: readonly Container[], hasInitContainers: boolean, reasons: ReasonCache): ContainerStatus[] {
  const defaultReason = hasInitContainers ? 'PodInitializing' : 'ContainerCreating';
  // Indexed loops: the spec's and the old status's lists are frozen, where map and find take a slow path.
  // Sized up front: a list grown by push keeps room for 16 entries, and written statuses stay in the history.
  const out = new Array<ContainerStatus>(containers.length);
  for (let ci = 0; ci < containers.length; ci++) {
    const c = containers[ci]!;
    let old: ContainerStatus | undefined;
    if (oldStatuses) for (let oi = 0; oi < oldStatuses.length; oi++) if (oldStatuses[oi]!.name === c.name) { old = oldStatuses[oi]; break; }
    // The runtime's two newest instances of this container (the snapshot lists newest first).
    let newest: InstanceSnapshot | undefined;
    let previous: InstanceSnapshot | undefined;
    const instances = snapshot.containers;
    for (let ii = 0; ii < instances.length; ii++) {
      const i = instances[ii]!;
      if (i.name !== c.name) continue;
      if (newest === undefined) newest = i;
      else { previous = i; break; }
    }
    let s: ContainerStatus;
    if (newest) {
      const parts = partsOf(newest);
      s = {
        name: c.name, state: parts.state, lastState: NO_STATE, ready: false, restartCount: newest.attempt, image: newest.image,
        imageID: newest.imageID, containerID: parts.containerID, started: false,
      };
      if (previous) s.lastState = partsOf(previous).state;
      else if (old?.lastState?.terminated && newest.attempt > 0) s.lastState = old.lastState;
      if (c.volumeMounts && c.volumeMounts.length) s.volumeMounts = mountStatusesOf(parts, c);
    } else {
      s = { name: c.name, state: { waiting: { reason: defaultReason } }, lastState: NO_STATE, ready: false, restartCount: 0,
        image: c.image ?? '', imageID: '', started: false };
      if (old) {
        if (old.state?.terminated) s = { ...old, lastState: old.lastState ?? NO_STATE };
        else { s.restartCount = old.restartCount; s.lastState = old.lastState ?? NO_STATE; }
      }
      if (old?.state?.running && isDefaultWaiting(s, defaultReason)) {
        // The container used to run and can no longer be found (the node lost it).
        s = { ...s, state: { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown',
          message: 'The container could not be located when the pod was deleted.  The container used to be Running' } } };
        if (!pod.metadata.deletionTimestamp) s.restartCount += 1;
      }
    }
    // A container the next sync will (re)start shows the last sync error, if any, as Waiting.
    // (The cache is asked first: most pods have no error, and the restart check is pure.)
    const r = reasons.size === 0 ? undefined : reasons.get(c.name);
    if (r !== undefined && shouldContainerBeRestarted(c, pod, snapshot)) {
      if (s.state?.terminated) s.lastState = s.state;
      s.state = { waiting: r.message ? { reason: r.reason, message: r.message } : { reason: r.reason } };
    }
    out[ci] = s;
  }
  return out;
}

export interface StatusInputs {
  pod: Pod;
  snapshot: PodSnapshot;
  /** The status the kubelet last set (status manager), else the API's. */
  oldStatus: PodStatus;
  reasons: ReasonCache;
  podIsTerminal: boolean;
  hostIP: string;
  /** The probe manager, whose UpdatePodStatus sets ready and started (and may trigger readiness runs). */
  probes?: { updatePodStatus(pod: Pod, status: PodStatus): void };
}

/**
 * [{ip}] for one IP: the old status's own list when it is exactly that (statuses never edit these
 * lists, and an unchanged part keeps its identity for the comparisons that follow), else a new one.
 */
function ipList(old: readonly { ip: string }[] | undefined, ip: string): { ip: string }[] {
  if (old !== undefined && old.length === 1) {
    const o = old[0]!;
    let keys = 0;
    for (const k in o) { if (k !== 'ip') { keys = -1; break; } keys++; }
    if (keys === 1 && o.ip === ip) return old as { ip: string }[];
  }
  return [{ ip }];
}

/** generateAPIPodStatus: container statuses, phase, the probe manager's ready/started, then conditions. */
export function generateAPIPodStatus(inp: StatusInputs): PodStatus {
  const { pod, snapshot, oldStatus } = inp;
  const spec = pod.spec;
  const hasInit = spec.initContainers !== undefined && spec.initContainers.length > 0;
  const initStatuses = hasInit ? convertToAPIContainerStatuses(pod, snapshot, oldStatus.initContainerStatuses, spec.initContainers!, hasInit, inp.reasons) : [];
  const statuses = convertToAPIContainerStatuses(pod, snapshot, oldStatus.containerStatuses, spec.containers, hasInit, inp.reasons);
  // Init then regular statuses (the same objects the status holds); without init containers, the regular list itself.
  const all = hasInit ? [...initStatuses, ...statuses] : statuses;
  let phase: Phase = getPhase(spec, all, inp.podIsTerminal);
  // A terminal phase is sticky ("Pod attempted illegal phase transition").
  if (isTerminalPhase(pod.status?.phase) && phase !== pod.status?.phase) phase = pod.status!.phase as Phase;
  const status: PodStatus = { phase };
  const apiStatus = pod.status ?? {};
  if (phase === apiStatus.phase) {
    if (apiStatus.reason) status.reason = apiStatus.reason;
    if (apiStatus.message) status.message = apiStatus.message;
  }
  status.hostIP = inp.hostIP;
  status.hostIPs = ipList(oldStatus.hostIPs as { ip: string }[] | undefined, inp.hostIP);
  const sandbox = snapshot.sandbox;
  const podIP = sandbox?.ip ?? oldStatus.podIP;
  if (podIP) { status.podIP = podIP; status.podIPs = ipList(oldStatus.podIPs as { ip: string }[] | undefined, podIP); }
  if (oldStatus.startTime) status.startTime = oldStatus.startTime;
  if (hasInit) status.initContainerStatuses = initStatuses;
  status.containerStatuses = statuses;
  if (apiStatus.qosClass) status.qosClass = apiStatus.qosClass;
  inp.probes?.updatePodStatus(pod, status);
  status.conditions = kubeletConditions(spec, apiStatus.conditions ?? [], all, phase, !!sandbox?.ready);
  return status;
}
