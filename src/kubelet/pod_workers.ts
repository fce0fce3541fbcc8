// Pod workers (pkg/kubelet/pod_workers.go): one worker per pod runs its syncs one at a time — sync,
// then terminating, then terminated. A sync starts only once the PLEG has refreshed the pod cache after
// the previous sync ended; requests arriving meanwhile collapse into one pending sync. After each sync
// the pod is requeued: 60–90 s later on success (resyncInterval 1m, jitter 0.5), 10–15 s after an error
// (backOffPeriod 10s, jitter 0.5), picked up by the 1 s sync ticker. In v1.32 crash-loop and image-pull
// back-off errors are not suppressed, so they requeue after 10–15 s too (kubernetes/kubernetes#123602).
import type { Simulation } from '../sim/simulation';
import type { ScheduledEvent } from '../sim/event_queue';
import type { Pod, Stored } from '../api/objects';
import type { Pleg } from './pleg';
import type { SyncMemos } from './sync_run';
import * as backoff from './backoff';

// Read once at load: the loader compiles every use of an imported binding into calls of its export getters.
const { jitter } = backoff;

export const RESYNC_INTERVAL_MS = 60_000;
export const BACKOFF_PERIOD_MS = 10_000;
const JITTER_FACTOR = 0.5;
export const SYNC_TICK_MS = 1000;

export type WorkerPhase = 'syncing' | 'terminating' | 'terminated' | 'finished';

export interface SyncOutcome {
  /** The sync found the pod terminal (all containers done, not to be restarted). */
  terminal?: boolean;
  error?: string;
  /** A termination request interrupted the sync. */
  cancelled?: boolean;
}

/** The outcome of a sync that went fine (shared: outcomes are only read). */
const NO_OUTCOME: SyncOutcome = Object.freeze({});

/** A cancellation token for one sync: long steps check it when they resume. */
export class SyncToken {
  cancelled = false;
  /** Made on the first onCancel (most syncs register none). */
  private cancels: (() => void)[] | undefined;
  onCancel(fn: () => void): void { (this.cancels ??= []).push(fn); }
  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    const cancels = this.cancels;
    if (cancels !== undefined) for (let i = 0; i < cancels.length; i++) cancels[i]!();
  }
}

export interface PodWorker extends SyncMemos {
  uid: string;
  pod: Stored<Pod>;
  phase: WorkerPhase;
  busy: boolean;
  pending: boolean;
  /** The pod is gone from the API (force deleted, or our final DELETE went through). */
  removed: boolean;
  /** The first relist tick that refreshes the cache after the last sync ended. */
  freshTick: number;
  token: SyncToken | undefined;
  requeue: ScheduledEvent | undefined;
  /** finish() ran: the worker left the map. */
  forgotten: boolean;
  /** The worker's event callbacks, made once per worker rather than per sync. */
  runNow: () => void;
  onResync: () => void;
  // (SyncMemos: what the syncer keeps of this pod's last syncs, sync_pod.ts, on the worker rather than in maps by uid.)
}

export interface PodSyncer {
  syncPod(w: PodWorker, token: SyncToken, done: (o: SyncOutcome) => void): void;
  syncTerminatingPod(w: PodWorker, token: SyncToken, done: (o: SyncOutcome) => void): void;
  syncTerminatedPod(w: PodWorker, done: (o: SyncOutcome) => void): void;
  /**
   * A sync of a pod whose last sync changed nothing and whose inputs are unchanged: runs what such a
   * sync would run and returns true (the sync is done, with no error), or returns false having done nothing.
   */
  syncSteadyPod(w: PodWorker): boolean;
  /** The worker is finished and the pod gone: drop everything the kubelet holds for it. */
  forget(w: PodWorker): void;
}

export class PodWorkers {
  private readonly workers = new Map<string, PodWorker>();
  private stopped = false;

  constructor(private readonly sim: Simulation, private readonly pleg: Pleg, private readonly syncer: PodSyncer,
    /** The kubelet's stream (wait.Jitter's rand). */
    private readonly random: { float(): number }) {}

  get(uid: string): PodWorker | undefined { return this.workers.get(uid); }
  all(): PodWorker[] { return [...this.workers.values()]; }

  stop(): void {
    this.stopped = true;
    for (const w of this.workers.values()) { w.token?.cancel(); this.sim.cancel(w.requeue); }
  }

  /** UpdatePod: a new pod, a spec or deletion change, a PLEG event, a probe result or a resync. */
  updatePod(pod: Stored<Pod>): void {
    if (this.stopped) return;
    let w = this.workers.get(pod.metadata.uid);
    if (!w) {
      w = this.newWorker(pod);
      this.workers.set(w.uid, w);
    }
    w.pod = pod;
    if (w.phase === 'finished') return;
    if (w.phase === 'syncing' && pod.metadata.deletionTimestamp) this.beginTermination(w);
    this.request(w);
  }

  private newWorker(pod: Stored<Pod>): PodWorker {
    const w: PodWorker = {
      uid: pod.metadata.uid, pod, phase: 'syncing', busy: false, pending: false, removed: false, freshTick: -Infinity, token: undefined,
      requeue: undefined, forgotten: false, runNow: undefined!, onResync: undefined!,
      statusGen: 0, memoValid: false, memoPod: undefined, memoCached: undefined, memoRuntimeSeq: undefined, memoReasons: 0, memoProbes: 0,
      memoTerminal: false, memoPhase: undefined, memoStatusWrites: 0, memoRuntimeChanges: 0, memoStatusSlot: undefined, memoRuntimePod: undefined,
      steadyPod: undefined, steadyGen: 0, steadyVolumeRemovals: 0, steadyVolumes: undefined, reasonVersion: 0,
    };
    // Assigned rather than written in the literal: the loader names closures in literals, one property per call.
    w.runNow = () => this.run(w);
    w.onResync = () => this.resync(w);
    return w;
  }

  /** The pod left the API: terminate at once if still running, then forget it. */
  removePod(uid: string): void {
    const w = this.workers.get(uid);
    if (!w) return;
    w.removed = true;
    if (w.phase === 'finished') return this.finish(w);
    if (w.phase === 'syncing') this.beginTermination(w);
    this.request(w);
  }

  private beginTermination(w: PodWorker): void {
    w.phase = 'terminating';
    w.token?.cancel();
  }

  private request(w: PodWorker): void {
    if (w.busy) { w.pending = true; return; }
    this.start(w);
  }

  private start(w: PodWorker): void {
    w.busy = true;
    w.pending = false;
    if (!this.pleg.isFresh(w.freshTick)) {
      this.pleg.waitForRelist(w.freshTick, w.runNow);
      return;
    }
    this.sim.schedule(0, 'kubelet: pod worker', w.runNow);
  }

  private run(w: PodWorker): void {
    if (this.stopped) return;
    // A steady pod's sync runs without a token: nothing in it waits or can be cancelled.
    if (w.phase === 'syncing' && this.syncer.syncSteadyPod(w)) return this.completeWork(w, NO_OUTCOME);
    const token = (w.token = new SyncToken());
    if (w.phase === 'syncing') this.syncer.syncPod(w, token, o => this.complete(w, token, o));
    else if (w.phase === 'terminating') this.syncer.syncTerminatingPod(w, token, o => this.complete(w, token, o));
    else if (w.phase === 'terminated') this.syncer.syncTerminatedPod(w, o => this.complete(w, token, o));
    else this.complete(w, token, NO_OUTCOME);
  }

  /** The end of the sync a token belongs to, unless a newer sync has started since. */
  private complete(w: PodWorker, token: SyncToken, o: SyncOutcome): void {
    if (w.token === token) this.completeWork(w, o);
  }

  /** completeWork: requeue, move through the phases, run what is pending. */
  private completeWork(w: PodWorker, o: SyncOutcome): void {
    if (this.stopped) return;
    w.token = undefined;
    w.busy = false;
    w.freshTick = this.pleg.nextRelistAfter(this.sim.nowMs);
    if (w.phase === 'syncing' && o.terminal) { w.phase = 'terminating'; w.pending = true; }
    else if (w.phase === 'terminating' && !o.cancelled && !o.error) { w.phase = 'terminated'; w.pending = true; }
    else if (w.phase === 'terminated' && !o.error) { w.phase = 'finished'; }
    if (w.phase === 'syncing' && !o.cancelled) {
      this.requeueAfter(w, jitter(o.error ? BACKOFF_PERIOD_MS : RESYNC_INTERVAL_MS, JITTER_FACTOR, this.random));
    } else if (o.error) {
      this.requeueAfter(w, jitter(BACKOFF_PERIOD_MS, JITTER_FACTOR, this.random));
    }
    if (w.phase === 'finished') { if (w.removed) this.finish(w); return; }
    if (w.pending) this.start(w);
  }

  /** workQueue.Enqueue(uid, delay); the sync ticker (every 1 s) hands due pods to their workers. */
  private requeueAfter(w: PodWorker, delayMs: number): void {
    this.sim.cancel(w.requeue);
    const due = this.sim.nowMs + delayMs;
    const tick = this.pleg.phaseMs + Math.ceil((due - this.pleg.phaseMs) / SYNC_TICK_MS) * SYNC_TICK_MS;
    w.requeue = this.sim.scheduleAt(tick, 'kubelet: pod resync', w.onResync);
  }

  private resync(w: PodWorker): void {
    w.requeue = undefined;
    if (!this.stopped && !w.forgotten && w.phase !== 'finished') this.request(w);
  }

  private finish(w: PodWorker): void {
    this.sim.cancel(w.requeue);
    w.forgotten = true;
    this.workers.delete(w.uid);
    this.syncer.forget(w);
  }
}
