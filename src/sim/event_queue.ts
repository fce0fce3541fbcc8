// The event queue, ordered by (atMs, seq): same-time events run first-in first-out. Events are
// kept in per-instant FIFO buckets under a binary min-heap of those buckets. A simulation
// schedules many events at the same millisecond (watch fan-out, syncs at "now"), so this is both
// tie-stable by construction and cheaper than one heap entry per event: popping reads the heap's
// top bucket directly, and a push to the instant pushed to last skips the instant lookup.

export interface ScheduledEvent {
  readonly atMs: number;
  readonly seq: number;
  /** What the event is, for limit diagnostics and traces: "<component>: <what>". */
  readonly label: string;
  readonly run: () => void;
  cancelled: boolean;
}

// Plain object literals, not classes: with ES2022 class fields each instance would define its
// fields one by one, which costs more than a literal on this path.
interface Bucket { readonly atMs: number; readonly events: ScheduledEvent[]; head: number }

export class EventQueue {
  /** Min-heap of instants (times) and their buckets (heap), moved together; one bucket per instant. */
  private readonly times: number[] = [];
  private readonly heap: Bucket[] = [];
  private readonly buckets = new Map<number, Bucket>();
  /** The bucket pushed to last, while it is still queued. */
  private last: Bucket | undefined;
  private nextSeq = 0;
  private live = 0;

  get size(): number { return this.live; }

  push(atMs: number, label: string, run: () => void): ScheduledEvent {
    const ev: ScheduledEvent = { atMs, seq: this.nextSeq++, label, run, cancelled: false };
    this.live++;
    let bucket = this.last;
    if (bucket === undefined || bucket.atMs !== atMs) {
      bucket = this.buckets.get(atMs);
      if (bucket === undefined) {
        // A new instant's list starts as a one-element literal: most instants far ahead hold a single
        // event (a resync, a lease renewal), and an empty list's first push reserves 17 slots, which
        // would be copied by every scavenge until the instant comes.
        bucket = { atMs, events: [ev], head: 0 };
        this.buckets.set(atMs, bucket);
        this.heapPush(bucket);
        this.last = bucket;
        return ev;
      }
      this.last = bucket;
    }
    bucket.events.push(ev);
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
    return this.popDue(Infinity);
  }

  /** Removes and returns the earliest live event if it is due at or before endMs. */
  popDue(endMs: number): ScheduledEvent | undefined {
    for (;;) {
      const bucket = this.heap[0];
      if (bucket === undefined || bucket.atMs > endMs) return undefined;
      const events = bucket.events;
      while (bucket.head < events.length) {
        const ev = events[bucket.head++]!;
        if (!ev.cancelled) {
          this.live--;
          return ev;
        }
      }
      this.dropTop(bucket);
    }
  }

  /** The earliest live event, dropping cancelled ones and emptied instants on the way. */
  private front(): ScheduledEvent | undefined {
    for (;;) {
      const bucket = this.heap[0];
      if (bucket === undefined) return undefined;
      const events = bucket.events;
      while (bucket.head < events.length && events[bucket.head]!.cancelled) bucket.head++;
      if (bucket.head < events.length) return events[bucket.head]!;
      this.dropTop(bucket);
    }
  }

  private dropTop(bucket: Bucket): void {
    this.buckets.delete(bucket.atMs);
    if (this.last === bucket) this.last = undefined;
    this.heapPop();
  }

  private heapPush(b: Bucket): void {
    const times = this.times;
    const h = this.heap;
    const t = b.atMs;
    let i = h.length;
    times.push(t);
    h.push(b);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt <= t) break;
      times[i] = pt;
      h[i] = h[parent]!;
      i = parent;
    }
    times[i] = t;
    h[i] = b;
  }

  private heapPop(): void {
    const times = this.times;
    const h = this.heap;
    const t = times.pop()!;
    const last = h.pop()!;
    const n = h.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && times[r]! < times[l]! ? r : l;
      const ct = times[c]!;
      if (t <= ct) break;
      times[i] = ct;
      h[i] = h[c]!;
      i = c;
    }
    times[i] = t;
    h[i] = last;
  }
}
