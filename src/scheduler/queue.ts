// kube-scheduler's scheduling queue (pkg/scheduler/backend/queue/scheduling_queue.go): activeQ in
// priority then arrival order; pods that failed wait in unschedulablePods until a cluster event a
// rejecting plugin cares about moves them (queueing hints), or 5 minutes pass
// (podMaxInUnschedulablePodsDuration, flushed every 30 s); a moved pod still backing off waits in
// backoffQ (1 s doubling to 10 s per attempt, flushed every 1 s).
import type { Simulation } from '../sim/simulation';
import type { ScheduledEvent } from '../sim/event_queue';
import type { Pod, Stored } from '../api/objects';

export const INITIAL_BACKOFF_MS = 1000;
export const MAX_BACKOFF_MS = 10_000;
export const MAX_IN_UNSCHEDULABLE_MS = 300_000;
export const UNSCHEDULABLE_FLUSH_MS = 30_000;
export const BACKOFF_FLUSH_MS = 1000;

export interface QueuedPodInfo {
  pod: Stored<Pod>;
  /** When the pod was last (re)added to the queue. */
  timestampMs: number;
  attempts: number;
  /** Plugins that rejected the pod in its last attempt (drive the queueing hints). */
  unschedulablePlugins: Set<string>;
  where: 'active' | 'backoff' | 'unschedulable' | 'inflight';
  seq: number;
}

export class SchedulingQueue {
  private readonly pods = new Map<string, QueuedPodInfo>();
  private active: QueuedPodInfo[] = [];
  private head = 0;
  private seq = 0;
  private backoffEv: ScheduledEvent | undefined;
  private flushEv: ScheduledEvent | undefined;
  onActive: () => void = () => {};

  constructor(private readonly sim: Simulation, private readonly phaseMs: number) {}

  get(uid: string): QueuedPodInfo | undefined { return this.pods.get(uid); }
  get activeLength(): number { return this.active.length - this.head; }

  /** calculateBackoffDuration: 1 s doubled per attempt after the first, capped at 10 s. */
  static backoffMs(attempts: number): number {
    let d = INITIAL_BACKOFF_MS;
    for (let i = 1; i < attempts; i++) { if (d > MAX_BACKOFF_MS - d) return MAX_BACKOFF_MS; d += d; }
    return d;
  }

  private backoffExpiry(p: QueuedPodInfo): number { return p.timestampMs + SchedulingQueue.backoffMs(p.attempts); }

  add(pod: Stored<Pod>): void {
    const uid = pod.metadata.uid;
    const existing = this.pods.get(uid);
    if (existing) { existing.pod = pod; return; }
    const info: QueuedPodInfo = { pod, timestampMs: this.sim.nowMs, attempts: 0, unschedulablePlugins: new Set(), where: 'active', seq: this.seq++ };
    this.pods.set(uid, info);
    this.pushActive(info);
  }

  /** An unassigned pod changed: keep the newest copy; a changed spec or labels gets another try. */
  update(pod: Stored<Pod>, specChanged: boolean): void {
    const info = this.pods.get(pod.metadata.uid);
    if (!info) return this.add(pod);
    info.pod = pod;
    if (specChanged && info.where === 'unschedulable') this.move(info);
  }

  delete(uid: string): void {
    const info = this.pods.get(uid);
    if (!info) return;
    this.pods.delete(uid);
    if (info.where === 'active') { this.active = this.active.slice(this.head).filter(i => i !== info); this.head = 0; }
  }

  private pushActive(info: QueuedPodInfo): void {
    info.where = 'active';
    // PrioritySort: higher priority first, then earlier timestamp; FIFO among equals.
    const prio = info.pod.spec.priority ?? 0;
    let i = this.active.length;
    while (i > this.head) {
      const o = this.active[i - 1]!;
      const op = o.pod.spec.priority ?? 0;
      if (op > prio || (op === prio && (o.timestampMs < info.timestampMs || (o.timestampMs === info.timestampMs && o.seq < info.seq)))) break;
      i--;
    }
    this.active.splice(i, 0, info);
    this.onActive();
  }

  /** Pop: the next pod to schedule (attempts counted). */
  pop(): QueuedPodInfo | undefined {
    if (this.head >= this.active.length) return undefined;
    const info = this.active[this.head++]!;
    if (this.head > 1024 && this.head * 2 > this.active.length) { this.active = this.active.slice(this.head); this.head = 0; }
    info.attempts++;
    info.where = 'inflight';
    return info;
  }

  /** The pod was bound: it leaves the queue. */
  done(uid: string): void { this.pods.delete(uid); }

  /** AddUnschedulableIfNotPresent after a failed attempt. */
  addUnschedulable(info: QueuedPodInfo, plugins: Set<string>): void {
    if (!this.pods.has(info.pod.metadata.uid)) return;
    info.timestampMs = this.sim.nowMs;
    info.unschedulablePlugins = plugins;
    info.where = 'unschedulable';
    this.ensureFlush();
  }

  /** An error that is not "unschedulable" (e.g. the bind failed): straight to backoff. */
  addBackoff(info: QueuedPodInfo): void {
    if (!this.pods.has(info.pod.metadata.uid)) return;
    info.timestampMs = this.sim.nowMs;
    info.where = 'backoff';
    this.ensureBackoffFlush();
  }

  /** MoveAllToActiveOrBackoffQueue for the pods whose hint says the event may help. */
  moveIf(hint: (info: QueuedPodInfo) => boolean): void {
    for (const info of this.pods.values()) if (info.where === 'unschedulable' && hint(info)) this.move(info);
  }

  private move(info: QueuedPodInfo): void {
    if (this.backoffExpiry(info) > this.sim.nowMs) {
      info.where = 'backoff';
      this.ensureBackoffFlush();
    } else {
      this.pushActive(info);
    }
  }

  /** The next tick of a periodic flush loop started with the scheduler. */
  private nextTick(periodMs: number): number {
    return this.phaseMs + (Math.floor((this.sim.nowMs - this.phaseMs) / periodMs) + 1) * periodMs;
  }

  private ensureBackoffFlush(): void {
    if (this.backoffEv) return;
    this.backoffEv = this.sim.scheduleAt(this.nextTick(BACKOFF_FLUSH_MS), 'kube-scheduler: flushBackoffQCompleted', () => {
      this.backoffEv = undefined;
      let waiting = false;
      const due = [...this.pods.values()].filter(i => i.where === 'backoff').sort((a, b) => this.backoffExpiry(a) - this.backoffExpiry(b) || a.seq - b.seq);
      for (const i of due) {
        if (this.backoffExpiry(i) <= this.sim.nowMs) this.pushActive(i);
        else waiting = true;
      }
      if (waiting) this.ensureBackoffFlush();
    });
  }

  private ensureFlush(): void {
    if (this.flushEv) return;
    this.flushEv = this.sim.scheduleAt(this.nextTick(UNSCHEDULABLE_FLUSH_MS), 'kube-scheduler: flushUnschedulablePodsLeftover', () => {
      this.flushEv = undefined;
      let waiting = false;
      for (const i of [...this.pods.values()]) {
        if (i.where !== 'unschedulable') continue;
        if (this.sim.nowMs - i.timestampMs > MAX_IN_UNSCHEDULABLE_MS) this.move(i);
        else waiting = true;
      }
      if (waiting) this.ensureFlush();
    });
  }

  stop(): void {
    this.sim.cancel(this.backoffEv);
    this.sim.cancel(this.flushEv);
    this.pods.clear();
    this.active = [];
    this.head = 0;
  }
}
