// The generic PLEG and the pod cache's freshness (pkg/kubelet/pleg/generic.go, pkg/kubelet/container/
// cache.go): the kubelet relists the runtime every second (genericPlegRelistPeriod), turns changes into
// pod lifecycle events, and stamps the pod cache; a pod worker starts a sync only once the cache is
// newer than the end of its previous sync (GetNewerThan). Relists are modelled lazily: a relist event
// is scheduled only for a tick where it can matter (a runtime change or a waiting worker), which is
// indistinguishable from relisting every second. Within an instant, the relist runs after everything
// else already due then, so it sees that instant's changes.
import type { Simulation } from '../sim/simulation';

export const RELIST_PERIOD_MS = 1000;

export class Pleg {
  private dirty = new Set<string>();
  private spareDirty = new Set<string>();
  private readonly waiting = new Map<() => void, number>();
  private readonly scheduled = new Set<number>();
  /** The instant of the last relist that actually ran. */
  lastRelistMs = -1;
  private stopped = false;

  constructor(private readonly sim: Simulation, readonly phaseMs: number,
    /** Pod lifecycle events: the kubelet syncs each pod whose containers changed. */
    private readonly onPodEvent: (podUid: string) => void) {}

  stop(): void {
    this.stopped = true;
    this.waiting.clear();
  }

  /** The first relist tick at or after t. */
  tickAtOrAfter(t: number): number {
    const k = Math.ceil((t - this.phaseMs) / RELIST_PERIOD_MS);
    return this.phaseMs + k * RELIST_PERIOD_MS;
  }

  /** The first tick whose relist runs after an instant (a relist at that instant that already ran does not count). */
  nextRelistAfter(t: number): number {
    const tick = this.tickAtOrAfter(t);
    return tick === t && this.lastRelistMs === t ? t + RELIST_PERIOD_MS : tick;
  }

  /** The runtime changed a pod: the next relist reports it. */
  markDirty(podUid: string): void {
    if (this.stopped) return;
    this.dirty.add(podUid);
    this.ensureRelist(this.nextRelistAfter(this.sim.nowMs));
  }

  /** Has a relist run since (strictly after) an earliest fresh tick? */
  isFresh(earliestTickMs: number): boolean {
    const now = this.sim.nowMs;
    return earliestTickMs < now || (earliestTickMs === now && this.lastRelistMs === now);
  }

  /** Calls resume at the first relist at or after the given tick. */
  waitForRelist(earliestTickMs: number, resume: () => void): void {
    const at = Math.max(earliestTickMs, this.tickAtOrAfter(this.sim.nowMs));
    this.waiting.set(resume, at);
    this.ensureRelist(at);
  }

  private ensureRelist(atMs: number): void {
    if (this.stopped || this.scheduled.has(atMs)) return;
    this.scheduled.add(atMs);
    // Closures passed straight to the call: the loader names closures held in variables, once per call.
    if (atMs <= this.sim.nowMs) this.queueRelist(atMs);
    else this.sim.scheduleAt(atMs, 'kubelet: PLEG relist tick', () => this.queueRelist(atMs));
  }

  /** Re-queues once at the same instant so the relist runs after what was already due then. */
  private queueRelist(atMs: number): void {
    this.sim.schedule(0, 'kubelet: PLEG relist', () => this.relist(atMs));
  }

  private relist(atMs: number): void {
    this.scheduled.delete(atMs);
    if (this.stopped) return;
    this.lastRelistMs = this.sim.nowMs;
    // The dirty set is swapped for the spare one (changes reported meanwhile go to the new set).
    const changed = this.dirty;
    this.dirty = this.spareDirty;
    this.spareDirty = changed;
    for (const uid of changed) this.onPodEvent(uid);
    changed.clear();
    if (this.waiting.size === 0) return;
    // The due waiters in registration order, read off the map without a [resume, tick] pair per waiter.
    const resumed: (() => void)[] = [];
    this.waiting.forEach((at, r) => { if (at <= atMs) resumed.push(r); });
    for (const r of resumed) this.waiting.delete(r);
    for (const r of resumed) r();
  }
}
