// The event queue, ordered by (atMs, seq): same-time events run first-in first-out. Events are
// kept in per-instant FIFO buckets under a binary min-heap of distinct instants. A simulation
// schedules many events at the same millisecond (watch fan-out, syncs at "now"), so this is both
// tie-stable by construction and cheaper than one heap entry per event.

export interface ScheduledEvent {
  readonly atMs: number;
  readonly seq: number;
  /** What the event is, for limit diagnostics and traces: "<component>: <what>". */
  readonly label: string;
  readonly run: () => void;
  cancelled: boolean;
}

interface Bucket { events: ScheduledEvent[]; head: number }

export class EventQueue {
  private readonly times: number[] = [];
  private readonly buckets = new Map<number, Bucket>();
  private nextSeq = 0;
  private live = 0;

  get size(): number { return this.live; }

  push(atMs: number, label: string, run: () => void): ScheduledEvent {
    const ev: ScheduledEvent = { atMs, seq: this.nextSeq++, label, run, cancelled: false };
    let bucket = this.buckets.get(atMs);
    if (bucket === undefined) {
      bucket = { events: [], head: 0 };
      this.buckets.set(atMs, bucket);
      this.heapPush(atMs);
    }
    bucket.events.push(ev);
    this.live++;
    return ev;
  }

  cancel(ev: ScheduledEvent): void {
    if (ev.cancelled) return;
    ev.cancelled = true;
    this.live--;
  }

  /** Due time of the earliest live event, or undefined when empty. */
  peekTime(): number | undefined {
    return this.front()?.atMs;
  }

  /** Removes and returns the earliest live event. */
  pop(): ScheduledEvent | undefined {
    const ev = this.front();
    if (ev === undefined) return undefined;
    const bucket = this.buckets.get(ev.atMs)!;
    bucket.head++;
    this.live--;
    return ev;
  }

  /** Removes and returns the earliest live event if it is due at or before endMs. */
  popDue(endMs: number): ScheduledEvent | undefined {
    const ev = this.front();
    if (ev === undefined || ev.atMs > endMs) return undefined;
    this.buckets.get(ev.atMs)!.head++;
    this.live--;
    return ev;
  }

  /** The earliest live event, dropping cancelled ones and emptied instants on the way. */
  private front(): ScheduledEvent | undefined {
    for (;;) {
      if (this.times.length === 0) return undefined;
      const t = this.times[0]!;
      const bucket = this.buckets.get(t)!;
      while (bucket.head < bucket.events.length && bucket.events[bucket.head]!.cancelled) bucket.head++;
      if (bucket.head < bucket.events.length) return bucket.events[bucket.head]!;
      this.buckets.delete(t);
      this.heapPop();
    }
  }

  private heapPush(t: number): void {
    const h = this.times;
    let i = h.length;
    h.push(t);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent]!;
      if (p <= t) break;
      h[i] = p;
      i = parent;
    }
    h[i] = t;
  }

  private heapPop(): void {
    const h = this.times;
    const last = h.pop()!;
    const n = h.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && h[r]! < h[l]! ? r : l;
      if (last <= h[c]!) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = last;
  }
}
