// What the kubelet keeps of pod syncs (sync_pod.ts): the memos that let a steady pod's resync skip its
// work, their checks, and the state of one sync running through its runtime steps.
import type { Container, Pod, PodStatus, Stored } from '../api/objects';
import type { PodWorker, SyncOutcome, SyncToken } from './pod_workers';
import type { PodActions } from './pod_actions';
import type { ContainerRuntime, PodSnapshot, RuntimePod } from './runtime';
import type { StatusManager, StatusSlot } from './status_manager';
import type { ProbeManager } from './probes';
import type { PodVolumes, VolumeManager } from './volumes';
import type { KubeletContext } from './kubelet_context';

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
 * The memo checks of a syncer (sync_pod.ts's Syncer extends this), with the process's components they
 * read, held here rather than looked up through the kubelet per sync.
 */
export class SyncMemoChecks {
  protected readonly sm: StatusManager;
  protected readonly pm: ProbeManager;
  protected readonly vm: VolumeManager;
  protected readonly runtime: ContainerRuntime;

  constructor(k: KubeletContext) {
    this.sm = k.statusManager;
    this.pm = k.probeManager;
    this.vm = k.volumeManager;
    this.runtime = k.runtime;
  }

  /** A status computation changed nothing: its inputs and result become the pod's status memo. */
  protected keepStatusMemo(w: PodWorker, pod: Stored<Pod>, podIsTerminal: boolean, phase: PodStatus['phase'], slot: StatusSlot,
    cached: PodStatus, runtimePod: RuntimePod | undefined, runtimeSeq: number | undefined, runtimeChanges: number, probes: number): void {
    w.statusGen++;
    w.memoValid = true;
    w.memoPod = pod; w.memoCached = cached; w.memoRuntimeSeq = runtimeSeq; w.memoReasons = w.reasonVersion; w.memoProbes = probes;
    w.memoTerminal = podIsTerminal; w.memoPhase = phase; w.memoStatusWrites = this.sm.writes; w.memoRuntimeChanges = runtimeChanges;
    w.memoStatusSlot = slot; w.memoRuntimePod = runtimeSeq === undefined ? undefined : runtimePod;
  }

  /** A status computation changed something: the pod has no status memo. */
  protected dropStatusMemo(w: PodWorker): void {
    w.statusGen++;
    w.memoValid = false;
  }

  /** The worker is finished: no memo, and nothing it held. */
  protected dropMemos(w: PodWorker): void {
    this.dropStatusMemo(w);
    w.memoPod = undefined; w.memoCached = undefined; w.memoStatusSlot = undefined; w.memoRuntimePod = undefined;
    w.steadyPod = undefined; w.steadyVolumes = undefined;
    w.reasonVersion = 0;
  }

  /** The status memo (memoValid) holds the current inputs: writeStatus would compute the same status and find it unchanged. */
  protected statusMemoHolds(w: PodWorker, pod: Stored<Pod>, podIsTerminal: boolean): boolean {
    if (w.memoPod !== pod || w.memoTerminal !== podIsTerminal || w.memoReasons !== w.reasonVersion || w.memoProbes !== this.pm.version) return false;
    const sm = this.sm;
    if (w.memoStatusWrites !== sm.writes) {
      // The slot holds what getPodStatus answers (nothing once the pod was removed, as a new slot's status is new).
      if (w.memoStatusSlot!.status !== w.memoCached) return false;
      w.memoStatusWrites = sm.writes;
    }
    const runtime = this.runtime;
    if (w.memoRuntimeChanges !== runtime.changes) {
      // A removed pod's number is undefined, unlike the memo's (and a new pod's differs too).
      const rp = w.memoRuntimePod;
      if ((rp !== undefined ? rp.seq : runtime.changeSeqOf(w.uid)) !== w.memoRuntimeSeq) return false;
      w.memoRuntimeChanges = runtime.changes;
    }
    return true;
  }

  /**
   * The pod's last sync changed nothing — its status was found unchanged without a manual probe run,
   * its volumes were mounted, no probe worker was added, no container was to be killed or started —
   * and none of that sync's inputs has changed since (the pod, the runtime's view of it, the stored
   * status, the reason cache, the probe results and workers). The same sync would take the same path
   * again, whose only effect is running the manual probes already pending (a periodic resync of a
   * running pod, the kubelet's commonest sync). (A steady memo's generation is one whose memo was set.)
   */
  protected isSteady(w: PodWorker, pod: Stored<Pod>): boolean {
    if (w.steadyPod !== pod || w.steadyGen !== w.statusGen || !this.statusMemoHolds(w, pod, false)) return false;
    const vm = this.vm;
    if (w.steadyVolumeRemovals === vm.removals) return true;
    if (!vm.allMountedIn(w.steadyVolumes, w.uid)) return false;
    w.steadyVolumeRemovals = vm.removals;
    return true;
  }
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
