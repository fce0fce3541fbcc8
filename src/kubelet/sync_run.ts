// What the kubelet keeps of pod syncs (sync_pod.ts): the memos that let a steady pod's resync skip its
// work, and the state of one sync running through its runtime steps.
import type { Container, Pod, PodStatus, Stored } from '../api/objects';
import type { PodWorker, SyncOutcome, SyncToken } from './pod_workers';
import type { PodActions } from './pod_actions';
import type { PodSnapshot, RuntimePod } from './runtime';
import type { StatusSlot } from './status_manager';
import type { PodVolumes } from './volumes';

export interface StartResult { container: Container; error?: string; message?: string }

/**
 * The inputs and result of a status computation that changed nothing. statusWrites and runtimeChanges:
 * the status manager's and the runtime's change counters when `cached` and `runtimeSeq` were last
 * found current (while a counter stays put, so do they, and nothing else is read). statusSlot and
 * runtimePod: where the pod's cached status and change number are read then, without a map look-up
 * (runtimePod is kept only when it had a change number: a removed pod's has none).
 */
export interface StatusMemo {
  pod: Stored<Pod>; cached: PodStatus; runtimeSeq: number | undefined; reasons: number; probes: number; terminal: boolean; phase: PodStatus['phase'];
  statusWrites: number; runtimeChanges: number; statusSlot: StatusSlot; runtimePod: RuntimePod | undefined;
}

/**
 * A sync that changed nothing: its status memo (still current) and the pod it ran for. volumeRemovals:
 * the volume manager's removal counter when the pod's volumes were last found all mounted (a mounted
 * volume stays mounted until its pod's volumes are removed).
 */
export interface SteadyMemo { pod: Stored<Pod>; status: StatusMemo; volumeRemovals: number; volumes: PodVolumes | undefined }

/**
 * One SyncPod past its status write: the volume wait, then the runtime's steps one after another —
 * kill the pod, kill containers, create the sandbox, start containers, as computePodActions says —
 * each calling next() now or later. One object per sync rather than a closure per step.
 */
export class PodSyncRun {
  /** Still inside syncPod's own call (a sync that ends within it, without steps, may be steady). */
  inCall = true;
  actions: PodActions | undefined = undefined;
  /** The pod is killed first (its sandbox is ready); with no new sandbox to create, that is the only step. */
  killPodFirst = false;
  steps = 0;
  /** The next step's position. */
  pos = 0;
  results: StartResult[] | undefined = undefined;
  next: () => void;

  constructor(readonly w: PodWorker, readonly pod: Stored<Pod>, readonly snapshot: PodSnapshot, readonly token: SyncToken,
    readonly done: (o: SyncOutcome) => void, readonly statusMemo: StatusMemo | undefined, readonly probes: number) {
    this.next = NO_STEP;
  }
}

const NO_STEP = (): void => {};

/** The outcome of a sync that went fine (shared: outcomes are only read). */
export const SYNC_OK: SyncOutcome = Object.freeze({});
