// Watches: per-kind subscriptions with namespace, label and field selectors, delivered as
// scheduled events (never inline) after each watcher's latency. Delivery per watcher is in write
// order. Watchers selecting on an indexed field (a kubelet's spec.nodeName) are found through an
// index, so a write costs in proportion to the watchers that care, not to all watchers.
import type { Simulation } from '../sim/simulation';
import type { Stored } from './objects';
import type { WatchEventType } from './history';
import type { WatchOptions } from './watcher';
import * as watcherModule from './watcher';

export { WatchEvent, Watcher, type WatchOptions } from './watcher';

// Imported classes on the write path are read once, here: tsx runs this code as CommonJS, where
// every use of an imported name first reads it through two export getters.
const { WatchEvent, Watcher } = watcherModule;
type WatchEvent = watcherModule.WatchEvent;
type Watcher = watcherModule.Watcher;

/** Fields whose equality selectors are indexed, per kind. */
const INDEXED_FIELDS: Record<string, string> = { Pod: 'spec.nodeName' };

/**
 * `fieldValue(obj, 'spec.nodeName') ?? ''` without the generic path walk (the fast path asks it of
 * every pod write, for the new version and the old).
 */
export function podNodeName(obj: Stored): string {
  const spec: unknown = obj.spec;
  if (spec === null || typeof spec !== 'object') return '';
  const v: unknown = (spec as Record<string, unknown>).nodeName;
  return v === undefined || v === null || typeof v === 'object' ? '' : String(v);
}

/** Each kind's indexed field value, as the per-watcher path computes it with fieldValue. */
const INDEXED_VALUES: Record<string, (obj: Stored) => string> = { Pod: podNodeName };

/** A watcher found through the field index whose only filter is that field (it sees a write as it is while the value stays). */
const indexedOnly = (w: Watcher): boolean => !w.options.namespace && !w.options.labelSelector && (w.options.fieldSelector?.length ?? 0) === 1;

/**
 * Decides the kind's fast path: every plain watcher unfiltered, every indexed one filtering on the
 * indexed field alone, all with one latency. Entering it, deliveries start no earlier than any already
 * scheduled; leaving it, the per-watcher path starts no earlier than the fast path's last delivery.
 */
function refreshUniform(kw: KindWatchers): void {
  let latency: number | undefined;
  let uniform = true;
  const check = (w: Watcher, shapeOk: boolean): void => {
    const l = w.latencyMs + w.extraDelayMs;
    if (latency === undefined) latency = l;
    if (!shapeOk || l !== latency) uniform = false;
  };
  for (const w of kw.plain) check(w, w.unfiltered);
  for (const list of kw.byValue.values()) for (const w of list) check(w, indexedOnly(w));
  kw.uniformLatencyMs = uniform ? latency ?? 0 : undefined;
  kw.combined.clear();
  const all = [...kw.plain, ...[...kw.byValue.values()].flat()];
  if (uniform) for (const w of all) kw.lastFastAt = Math.max(kw.lastFastAt, w.lastDeliveryMs);
  else for (const w of all) w.lastDeliveryMs = Math.max(w.lastDeliveryMs, kw.lastFastAt);
}

const deliveryLabels = new Map<string, string>();
/** "watch: Pod" — built once per kind, not per write. */
function deliveryLabel(kind: string): string {
  let label = deliveryLabels.get(kind);
  if (label === undefined) deliveryLabels.set(kind, (label = `watch: ${kind}`));
  return label;
}

/** The watchers one write goes to, with their events and delivery instants. */
class Delivery {
  readonly watchers: Watcher[] = [];
  /** Each watcher's event; only kept once two differ (until then every one is firstEvent). */
  private events: WatchEvent[] | undefined;
  private firstEvent: WatchEvent | undefined;
  /** Each watcher's delivery instant; only kept once two differ (until then every one is firstAt). */
  times: number[] | undefined;
  firstAt = 0;
  uniform = true;
  private added: WatchEvent | undefined;
  private modified: WatchEvent | undefined;
  private deleted: WatchEvent | undefined;

  shared(type: WatchEventType, object: Stored, rv: number): WatchEvent {
    if (type === 'ADDED') return (this.added ??= new WatchEvent(type, object, rv));
    if (type === 'MODIFIED') return (this.modified ??= new WatchEvent(type, object, rv));
    return (this.deleted ??= new WatchEvent(type, object, rv));
  }

  add(w: Watcher, ev: WatchEvent, at: number): void {
    if (this.watchers.length === 0) {
      this.firstAt = at;
      this.firstEvent = ev;
    } else {
      if (at !== this.firstAt && this.uniform) {
        this.uniform = false;
        this.times = this.watchers.map(() => this.firstAt);
      }
      if (this.events === undefined && ev !== this.firstEvent) {
        const first = this.firstEvent!;
        this.events = this.watchers.map(() => first);
      }
    }
    this.watchers.push(w);
    this.events?.push(ev);
    this.times?.push(at);
  }

  eventAt(i: number): WatchEvent {
    return this.events !== undefined ? this.events[i]! : this.firstEvent!;
  }

  deliver(): void {
    for (let i = 0; i < this.watchers.length; i++) {
      const w = this.watchers[i]!;
      if (!w.stopped) w.handler(this.eventAt(i));
    }
  }
}

interface KindWatchers {
  /** Watchers not found through a field index; replaced, never mutated, so a delivery can keep it. */
  plain: Watcher[];
  byValue: Map<string, Watcher[]>;
  /** Every plain watcher is unfiltered with the same latency: each write is one shared event to all of them. */
  uniformLatencyMs: number | undefined;
  /** When the last fast-path delivery was scheduled for. */
  lastFastAt: number;
  /** Per indexed value, the plain watchers then that value's indexed ones (rebuilt after any watcher change). */
  readonly combined: Map<string, readonly Watcher[]>;
  /** Fast-path deliveries not yet made: the watchers, then the event, per write. */
  readonly fast: FastQueue;
  /** Makes the oldest fast-path delivery (one function per kind, scheduled once per write). */
  readonly deliverFast: () => void;
  /** "watch: <kind>", the label of every delivery. */
  readonly label: string;
}

/**
 * Fast-path deliveries in the order they were scheduled. Their instants never decrease and equal
 * instants run in scheduling order, so each scheduled run takes the oldest one: a write costs two
 * slots here instead of a closure.
 */
class FastQueue {
  /**
   * Written by index up to `tail`: a drained queue keeps its capacity (emptying an array through its
   * length gives the capacity back), so a kind whose deliveries keep up allocates nothing here per write.
   */
  private items: (readonly Watcher[] | WatchEvent | undefined)[] = [];
  private head = 0;
  private tail = 0;

  push(watchers: readonly Watcher[], event: WatchEvent): void {
    const items = this.items;
    items[this.tail] = watchers;
    items[this.tail + 1] = event;
    this.tail += 2;
  }

  deliverOldest(): void {
    const items = this.items;
    const head = this.head;
    const watchers = items[head] as readonly Watcher[];
    const event = items[head + 1] as WatchEvent;
    items[head] = items[head + 1] = undefined;
    this.head = head + 2;
    if (this.head === this.tail) { this.head = 0; this.tail = 0; }
    else if (this.head >= 4096 && this.head * 2 >= this.tail) { this.items = items.slice(this.head, this.tail); this.tail -= this.head; this.head = 0; }
    for (let i = 0; i < watchers.length; i++) if (!watchers[i]!.stopped) watchers[i]!.handler(event);
  }
}

function newKindWatchers(kind: string): KindWatchers {
  const fast = new FastQueue();
  return { plain: [], byValue: new Map(), uniformLatencyMs: undefined, lastFastAt: 0, combined: new Map(), fast,
    deliverFast: () => fast.deliverOldest(), label: deliveryLabel(kind) };
}

export class WatchHub {
  private readonly kinds = new Map<string, KindWatchers>();
  defaultLatencyMs = 0;
  /** Extra delay for writes published now (set around a slow API request); deliveries never reorder. */
  publishDelayMs = 0;

  constructor(private readonly sim: Simulation) {}

  add(kind: string, options: WatchOptions, handler: (e: WatchEvent) => void): Watcher {
    const indexedField = INDEXED_FIELDS[kind];
    const indexed = indexedField ? options.fieldSelector?.find(r => r.field === indexedField && r.operator === '=') : undefined;
    const w = new Watcher(kind, options, handler, options.latencyMs ?? this.defaultLatencyMs, indexed);
    let kw = this.kinds.get(kind);
    if (!kw) this.kinds.set(kind, (kw = newKindWatchers(kind)));
    if (indexed) {
      let list = kw.byValue.get(indexed.value);
      if (!list) kw.byValue.set(indexed.value, (list = []));
      list.push(w);
    } else kw.plain = [...kw.plain, w];
    refreshUniform(kw);
    return w;
  }

  remove(w: Watcher): void {
    w.stop();
    const kw = this.kinds.get(w.kind);
    if (!kw) return;
    if (w.indexed) {
      const list = kw.byValue.get(w.indexed.value);
      const i = list ? list.indexOf(w) : -1;
      if (i >= 0) list!.splice(i, 1);
    } else kw.plain = kw.plain.filter(x => x !== w);
    refreshUniform(kw);
  }

  /** Every live watcher a component opened (by its `watcher` name). */
  watchersOf(watcher: string): Watcher[] {
    const out: Watcher[] = [];
    for (const kw of this.kinds.values()) {
      for (const w of kw.plain) if (w.options.watcher === watcher && !w.stopped) out.push(w);
      for (const list of kw.byValue.values()) for (const w of list) if (w.options.watcher === watcher && !w.stopped) out.push(w);
    }
    return out;
  }

  /** A watch-delay fault on one watcher: later writes reach it delayMs later. */
  setExtraDelay(w: Watcher, delayMs: number): void {
    w.extraDelayMs = delayMs;
    const kw = this.kinds.get(w.kind);
    if (kw) refreshUniform(kw);
  }

  /** Fans one write out to the watchers of its kind: ADDED/MODIFIED/DELETED as seen through each filter. */
  publish(kind: string, type: WatchEventType, obj: Stored, previous: Stored | undefined, rv: number): void {
    const kw = this.kinds.get(kind);
    if (!kw) return;
    if (kw.uniformLatencyMs !== undefined) {
      // Every watcher sees the write as it is: the plain ones, and the indexed ones of its field's value
      // when the write leaves that value as it was (a move between values goes the per-watcher way).
      const watchers = this.fastWatchers(kind, kw, obj, previous);
      if (watchers !== undefined) {
        if (watchers.length === 0) return;
        kw.lastFastAt = Math.max(this.sim.nowMs + kw.uniformLatencyMs + this.publishDelayMs, kw.lastFastAt);
        kw.fast.push(watchers, new WatchEvent(type, obj, rv));
        this.sim.scheduleAt(kw.lastFastAt, kw.label, kw.deliverFast);
        return;
      }
    }
    const out = new Delivery();
    for (let i = 0; i < kw.plain.length; i++) this.consider(out, kw.plain[i]!, type, obj, previous, rv);
    const valueOf = INDEXED_VALUES[kind];
    if (valueOf !== undefined && kw.byValue.size > 0) {
      // Indexed loops over the value's watchers: no iterator (nor empty list) per write.
      const now = valueOf(obj);
      const nowList = kw.byValue.get(now);
      if (nowList !== undefined) for (let i = 0; i < nowList.length; i++) this.consider(out, nowList[i]!, type, obj, previous, rv);
      const before = previous ? valueOf(previous) : now;
      const beforeList = before !== now ? kw.byValue.get(before) : undefined;
      if (beforeList !== undefined) for (let i = 0; i < beforeList.length; i++) this.consider(out, beforeList[i]!, type, obj, previous, rv);
    }
    if (out.watchers.length === 0) return;
    // Usually every watcher has the same latency: one scheduled delivery. Otherwise one per instant.
    if (out.uniform) {
      this.sim.scheduleAt(out.firstAt, deliveryLabel(kind), () => out.deliver());
      return;
    }
    const byTime = new Map<number, Delivery>();
    const times = out.times!;
    for (let i = 0; i < out.watchers.length; i++) {
      let d = byTime.get(times[i]!);
      if (!d) byTime.set(times[i]!, (d = new Delivery()));
      d.add(out.watchers[i]!, out.eventAt(i), times[i]!);
    }
    for (const [at, d] of byTime) this.sim.scheduleAt(at, deliveryLabel(kind), () => d.deliver());
  }

  /** The fast path's watchers for a write, in the per-watcher path's order; undefined when the write moves between indexed values. */
  private fastWatchers(kind: string, kw: KindWatchers, obj: Stored, previous: Stored | undefined): readonly Watcher[] | undefined {
    if (kw.byValue.size === 0) return kw.plain;
    const valueOf = INDEXED_VALUES[kind]!;
    const now = valueOf(obj);
    if (previous !== undefined && valueOf(previous) !== now) return undefined;
    // One lookup per write: a value without indexed watchers is remembered with the plain list.
    let list = kw.combined.get(now);
    if (list === undefined) {
      const indexed = kw.byValue.get(now);
      list = indexed === undefined || indexed.length === 0 ? kw.plain : [...kw.plain, ...indexed];
      kw.combined.set(now, list);
    }
    return list;
  }

  private consider(out: Delivery, w: Watcher, type: WatchEventType, obj: Stored, previous: Stored | undefined, rv: number): void {
    const ev = this.eventFor(w, type, obj, previous, rv, out);
    if (ev === undefined) return;
    const at = Math.max(this.sim.nowMs + w.latencyMs + w.extraDelayMs + this.publishDelayMs, w.lastDeliveryMs);
    w.lastDeliveryMs = at;
    out.add(w, ev, at);
  }

  /** The event this watcher sees, shared between watchers that see the same thing. */
  private eventFor(w: Watcher, type: WatchEventType, obj: Stored, previous: Stored | undefined, rv: number, out: Delivery): WatchEvent | undefined {
    if (w.stopped) return undefined;
    let seen: WatchEventType | undefined;
    if (type === 'DELETED' || w.unfiltered) seen = type === 'DELETED' ? (w.unfiltered || w.selects(obj) ? 'DELETED' : undefined) : type;
    else {
      const now = w.selects(obj);
      const before = previous !== undefined && w.selects(previous);
      seen = now && before ? 'MODIFIED' : now ? 'ADDED' : before ? 'DELETED' : undefined;
    }
    return seen === undefined ? undefined : out.shared(seen, obj, rv);
  }
}
