// The event queue, ordered by (atMs, seq): same-time events run first-in first-out. Events are
// kept in per-instant FIFO buckets (lists linked through the events) under a binary min-heap of
// those buckets. A simulation schedules many events at the same millisecond (watch fan-out, syncs
// at "now"), so this is both tie-stable by construction and cheaper than one heap entry per event:
// popping reads the heap's top bucket directly, and a push to the instant pushed to last skips the
// instant lookup.

export interface ScheduledEvent {
  readonly atMs: number;
  readonly seq: number;
  /** What the event is, for limit diagnostics and traces: "<component>: <what>". */
  readonly label: string;
  readonly run: () => void;
  /** Cancelled, or already taken from the queue: either way a cancel has nothing left to do. */
  cancelled: boolean;
}

/** A queued event: the next one of its instant (cleared when it leaves the queue, so a kept event holds no others). */
interface QueuedEvent extends ScheduledEvent { next: QueuedEvent | undefined }

// Plain object literals, not classes: events and buckets are data built on the hottest path. A
// bucket links its events (no list object per instant: most instants far ahead hold a single event,
// a resync or a renewal); first is undefined once every event of the instant has left, until the
// instant is dropped.
interface Bucket { readonly atMs: number; first: QueuedEvent | undefined; tail: QueuedEvent }

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
    const ev: QueuedEvent = { atMs, seq: this.nextSeq++, label, run, cancelled: false, next: undefined };
    this.live++;
    let bucket = this.last;
    if (bucket === undefined || bucket.atMs !== atMs) {
      bucket = this.buckets.get(atMs);
      if (bucket === undefined) {
        bucket = { atMs, first: ev, tail: ev };
        this.buckets.set(atMs, bucket);
        this.heapPush(bucket);
        this.last = bucket;
        return ev;
      }
      this.last = bucket;
    }
    if (bucket.first === undefined) bucket.first = ev; else bucket.tail.next = ev;
    bucket.tail = ev;
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
      let ev = bucket.first;
      while (ev !== undefined) {
        const next = ev.next;
        ev.next = undefined;
        bucket.first = next;
        if (!ev.cancelled) {
          // Callers often cancel an event that has already run; marked, that cancel counts nothing twice.
          ev.cancelled = true;
          this.live--;
          return ev;
        }
        ev = next;
      }
      this.dropTop(bucket);
    }
  }

  /** The earliest live event, dropping cancelled ones and emptied instants on the way. */
  private front(): ScheduledEvent | undefined {
    for (;;) {
      const bucket = this.heap[0];
      if (bucket === undefined) return undefined;
      let ev = bucket.first;
      while (ev !== undefined && ev.cancelled) {
        const next = ev.next;
        ev.next = undefined;
        ev = next;
      }
      bucket.first = ev;
      if (ev !== undefined) return ev;
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
