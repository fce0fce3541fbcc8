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
 * What a pod's worker keeps of its syncs, as fields of the worker itself (a steady pod's resync reads
 * them, and the worker is the one object it reads anyway).
 *
 * The status memo: the inputs and result of the last status computation that changed nothing, held
 * while memoValid. statusGen is bumped whenever the memo is set or dropped (a memo is the one a sync
 * made while statusGen stays what it was then). memoStatusWrites and memoRuntimeChanges: the status
 * manager's and the runtime's change counters when memoCached and memoRuntimeSeq were last found
 * current (while a counter stays put, so do they, and nothing else is read). memoStatusSlot and
 * memoRuntimePod: where the pod's cached status and change number are read then, without a map look-up
 * (memoRuntimePod is kept only when it had a change number: a removed pod's has none).
 *
 * The steady memo: the last sync changed nothing, for steadyPod with the status memo of generation
 * steadyGen. steadyVolumeRemovals: the volume manager's removal counter when the pod's volumes were
 * last found all mounted (a mounted volume stays mounted until its pod's volumes are removed).
 */
export interface SyncMemos {
  statusGen: number;
  memoValid: boolean;
  memoPod: Stored<Pod> | undefined;
  memoCached: PodStatus | undefined;
  memoRuntimeSeq: number | undefined;
  memoReasons: number;
  memoProbes: number;
  memoTerminal: boolean;
  memoPhase: PodStatus['phase'];
  memoStatusWrites: number;
  memoRuntimeChanges: number;
  memoStatusSlot: StatusSlot | undefined;
  memoRuntimePod: RuntimePod | undefined;
  /** Undefined when the last sync was not steady. */
  steadyPod: Stored<Pod> | undefined;
  steadyGen: number;
  steadyVolumeRemovals: number;
  steadyVolumes: PodVolumes | undefined;
  /** Bumped whenever a sync changes the pod's reason cache. */
  reasonVersion: number;
}

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
    readonly done: (o: SyncOutcome) => void,
    /** The worker's statusGen after the status write when it left a memo, else -1 (no generation). */
    readonly statusGen: number, readonly probes: number) {
    this.next = NO_STEP;
  }
}

const NO_STEP = (): void => {};

/** The outcome of a sync that went fine (shared: outcomes are only read). */
export const SYNC_OK: SyncOutcome = Object.freeze({});
