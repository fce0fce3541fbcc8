// Shared informers: a per-kind cache filled by list-then-watch, with indexes and handlers, as
// client-go's SharedIndexInformer. Handlers are called when watch events are delivered (scheduled
// events), with the cached old object for updates. A relist (after a dropped watch) reconciles the
// cache with the server and synthesises the missed adds, updates and deletes.
import type { ApiServer } from '../api/apiserver';
import type { Stored } from '../api/objects';
import type { Watcher, WatchEvent } from '../api/watch';
import type { Simulation } from '../sim/simulation';
import { count, indexDelete, indexInsert, linkDelete, type Counter, type Index, type IndexFn, type Link } from './informer_index';

export type { IndexFn } from './informer_index';

export interface Handlers {
  onAdd?: (obj: Stored) => void;
  onUpdate?: (oldObj: Stored, newObj: Stored) => void;
  /** For a delete the informer only learned of by relisting, obj is the last state it knew. */
  onDelete?: (obj: Stored) => void;
}

const cacheKey = (obj: Stored): string => (obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name);

/**
 * One cached object, with its link in each index where it has exactly one value (the usual case,
 * undefined otherwise): a write whose value stays moves that link, with no lookups.
 */
interface Entry { obj: Stored; readonly key: string; readonly links: (Link | undefined)[]; seq: number; readonly born: number; removed: boolean }

/**
 * A cached object's place in the cache: `obj` is its current version, until `removed` (its delete);
 * a later object of the same name gets a new place.
 */
export interface CachedObject { readonly obj: Stored; readonly removed: boolean }

const namespaceOf = (o: Stored): string => o.metadata.namespace ?? '';

export class Informer {
  /** By cache key: list()'s order (insertion order, an update keeping its place). */
  private readonly cache = new Map<string, Entry>();
  /**
   * The same entries by namespace then name (cluster-scoped under ""): a watch event or get() finds
   * its entry without building a key string (the names are the stored versions' own strings).
   */
  private readonly byName = new Map<string, Map<string, Entry>>();
  /**
   * The handlers, each kind as its own list, in addHandlers order: a write calls the functions directly
   * instead of reading optional members of handler objects of many shapes (megamorphic loads).
   */
  private readonly addFns: ((obj: Stored) => void)[] = [];
  private readonly updateFns: ((oldObj: Stored, newObj: Stored) => void)[] = [];
  private readonly deleteFns: ((obj: Stored) => void)[] = [];
  private readonly indexes = new Map<string, Index>();
  /** The same indexes as a list, for the per-write loops (an entry's links follow this order). */
  private readonly indexList: Index[] = [];
  private readonly counters = new Map<string, Counter>();
  private readonly counterList: Counter[] = [];
  private watcher: Watcher | undefined;
  /** Counts puts: an entry's seq is its latest write's, the order every bucket keeps its objects in. */
  private writeSeq = 0;
  /** Counts entries added: an entry's born is its place in the cache's (list()'s) order. */
  private bornSeq = 0;
  synced = false;

  constructor(private readonly sim: Simulation, private readonly api: ApiServer, readonly kind: string, private readonly owner: string) {
    this.addIndex('namespace', o => [namespaceOf(o)], namespaceOf);
  }

  addHandlers(h: Handlers): void {
    if (h.onAdd) this.addFns.push(h.onAdd);
    if (h.onUpdate) this.updateFns.push(h.onUpdate);
    if (h.onDelete) this.deleteFns.push(h.onDelete);
  }

  /** `single`, for an index with exactly one value per object: that value (spares a list per write). */
  addIndex(name: string, fn: IndexFn, single?: (obj: Stored) => string): void {
    if (this.indexes.has(name)) return;
    // Objects already cached join in the cache's order (not their writes'), so such an index is built now.
    const index: Index = { fn, single, buckets: new Map(), position: this.indexList.length, built: this.cache.size > 0 };
    this.indexes.set(name, index);
    this.indexList.push(index);
    if (index.built) for (const [k, e] of this.cache) e.links[index.position] = indexInsert(index, fn(e.obj), k, e.obj);
  }

  /**
   * An index's first read: every write moves its object to the end of each bucket it joins (or stays
   * in), so inserting the cached objects in the order of their latest writes gives the buckets the
   * order that keeping the index all along would have.
   */
  private indexFor(name: string): Index | undefined {
    const index = this.indexes.get(name);
    if (index === undefined || index.built) return index;
    index.built = true;
    const entries = [...this.cache.values()].sort((a, b) => a.seq - b.seq);
    for (const e of entries) e.links[index.position] = indexInsert(index, index.fn(e.obj), e.key, e.obj);
    return index;
  }

  get(namespace: string, name: string): Stored | undefined {
    return this.byName.get(namespace || '')?.get(name)?.obj;
  }

  /**
   * The namespace's cached objects by name, live (it follows every later write, and is never
   * replaced): a reader that looks names up in one namespace again and again skips the namespace lookup.
   */
  namespaceView(namespace: string): ReadonlyMap<string, CachedObject> {
    let names = this.byName.get(namespace);
    if (names === undefined) this.byName.set(namespace, (names = new Map()));
    return names;
  }

  list(): Stored[] {
    const out: Stored[] = [];
    for (const e of this.cache.values()) out.push(e.obj);
    return out;
  }

  byIndex(index: string, value: string): Stored[] {
    const out: Stored[] = [];
    const bucket = this.indexFor(index)?.buckets.get(value);
    if (bucket) for (let l = bucket.head; l !== undefined; l = l.next) out.push(l.obj);
    return out;
  }

  /** The objects byIndex would list, in its order, without copying them into a list first. */
  eachInIndex(index: string, value: string, fn: (o: Stored) => void): void {
    const bucket = this.indexFor(index)?.buckets.get(value);
    if (bucket) for (let l = bucket.head; l !== undefined; l = l.next) fn(l.obj);
  }

  /**
   * The namespace's objects ("" for cluster-scoped ones), in no promised order: for readers to whom
   * order does not matter, without the namespace index (which, never read, is never built or kept).
   */
  eachInNamespace(namespace: string, fn: (o: Stored) => void): void {
    const names = this.byName.get(namespace);
    if (names !== undefined) for (const e of names.values()) fn(e.obj);
  }

  /** Counts cached objects by fn's value (see Counter). */
  addCounter(name: string, fn: (obj: Stored) => string | undefined): void {
    if (this.counters.has(name)) return;
    const c: Counter = { fn, counts: new Map() };
    for (const e of this.cache.values()) count(c, fn(e.obj), 1);
    this.counters.set(name, c);
    this.counterList.push(c);
  }

  /** The values at least one cached object has for a counter (each once, in no particular order). */
  countedValues(name: string): Iterable<string> {
    return this.counters.get(name)?.counts.keys() ?? [];
  }

  /**
   * Cached objects (current versions, as byIndex gives them) sorted into list()'s order: the cache
   * keeps insertion order, an update keeping its place, so the order entries were added in is it.
   */
  inListOrder(objs: Stored[]): Stored[] {
    const born = (o: Stored): number => this.byName.get(o.metadata.namespace || '')?.get(o.metadata.name)?.born ?? Infinity;
    return objs.length < 2 ? objs : objs.map(o => ({ o, b: born(o) })).sort((x, y) => x.b - y.b).map(x => x.o);
  }

  /** List-then-watch; the initial list is delivered to handlers as adds in one scheduled event. */
  start(): void {
    const { items } = this.api.list(this.kind, {}, { actor: this.owner });
    for (const o of items) { const k = cacheKey(o); this.put(o, k, this.cache.get(k)); }
    this.watcher = this.api.watch(this.kind, { watcher: this.owner }, e => this.onWatchEvent(e));
    this.sim.schedule(0, `${this.owner}: ${this.kind} informer synced`, () => {
      this.synced = true;
      for (const o of items) for (const fn of this.addFns) fn(this.cache.get(cacheKey(o))?.obj ?? o);
    });
  }

  stop(): void {
    if (this.watcher) this.api.store.stopWatch(this.watcher);
    this.watcher = undefined;
  }

  /** The watch was lost: list again and tell handlers what changed meanwhile. */
  relist(): void {
    this.stop();
    const { items } = this.api.list(this.kind, {}, { actor: this.owner });
    const seen = new Set<string>();
    const changes: (() => void)[] = [];
    for (const o of items) {
      const k = cacheKey(o);
      seen.add(k);
      const entry = this.cache.get(k);
      const old = entry?.obj;
      this.put(o, k, entry);
      if (!old) changes.push(() => this.addFns.forEach(fn => fn(o)));
      else if (old.metadata.resourceVersion !== o.metadata.resourceVersion) changes.push(() => this.updateFns.forEach(fn => fn(old, o)));
    }
    for (const [k, e] of [...this.cache]) {
      if (seen.has(k)) continue;
      const old = e.obj;
      this.remove(e);
      changes.push(() => this.deleteFns.forEach(fn => fn(old)));
    }
    this.watcher = this.api.watch(this.kind, { watcher: this.owner }, e => this.onWatchEvent(e));
    this.sim.schedule(0, `${this.owner}: ${this.kind} informer relisted`, () => changes.forEach(c => c()));
  }

  private onWatchEvent(e: WatchEvent): void {
    const m = e.object.metadata;
    const entry = this.byName.get(m.namespace || '')?.get(m.name);
    if (e.type === 'DELETED') {
      if (!entry) return;
      this.remove(entry);
      const fns = this.deleteFns;
      for (let i = 0; i < fns.length; i++) fns[i]!(e.object);
      return;
    }
    const old = entry?.obj;
    if (entry === undefined) this.put(e.object, e.key, undefined);
    else this.put(e.object, entry.key, entry);
    // Indexed loops: an array iterator here (every write, every informer) showed up in allocation profiles.
    if (old) { const fns = this.updateFns; for (let i = 0; i < fns.length; i++) fns[i]!(old, e.object); }
    else { const fns = this.addFns; for (let i = 0; i < fns.length; i++) fns[i]!(e.object); }
  }

  /**
   * The cache and every index take the new version. Where an index value stays (same namespace,
   * same owner) the object moves to its bucket's end, as a delete and insert would (byIndex lists
   * in that order); otherwise it leaves the old values' buckets and joins the new ones'.
   */
  private put(obj: Stored, k: string, entry: Entry | undefined): void {
    if (entry === undefined) {
      const links: (Link | undefined)[] = [];
      for (let i = 0; i < this.indexList.length; i++) {
        const index = this.indexList[i]!;
        links.push(index.built ? indexInsert(index, index.fn(obj), k, obj) : undefined);
      }
      for (let i = 0; i < this.counterList.length; i++) count(this.counterList[i]!, this.counterList[i]!.fn(obj), 1);
      const added: Entry = { obj, key: k, links, seq: ++this.writeSeq, born: ++this.bornSeq, removed: false };
      this.cache.set(k, added);
      const ns = obj.metadata.namespace || '';
      let names = this.byName.get(ns);
      if (names === undefined) this.byName.set(ns, (names = new Map()));
      names.set(obj.metadata.name, added);
      return;
    }
    const old = entry.obj;
    entry.obj = obj;
    entry.seq = ++this.writeSeq;
    for (let i = 0; i < this.counterList.length; i++) {
      const c = this.counterList[i]!;
      const was = c.fn(old), now = c.fn(obj);
      if (was !== now) { count(c, was, -1); count(c, now, 1); }
    }
    for (let i = 0; i < this.indexList.length; i++) {
      const index = this.indexList[i]!;
      if (!index.built) continue;
      const link = entry.links[i];
      let now: string[] | undefined;
      if (link !== undefined) {
        // The link's value is the old version's one value (the index functions are pure).
        if (index.single ? index.single(obj) === link.value : (now = index.fn(obj)).length === 1 && now[0] === link.value) {
          link.bucket.moveToEnd(link, obj);
          continue;
        }
        linkDelete(index, link);
      } else {
        indexDelete(index, index.fn(old), k);
      }
      entry.links[i] = indexInsert(index, now ?? index.fn(obj), k, obj);
    }
  }

  private remove(entry: Entry): void {
    entry.removed = true;
    const k = entry.key;
    this.cache.delete(k);
    const m = entry.obj.metadata;
    this.byName.get(m.namespace || '')?.delete(m.name);
    for (let i = 0; i < this.counterList.length; i++) count(this.counterList[i]!, this.counterList[i]!.fn(entry.obj), -1);
    for (let i = 0; i < this.indexList.length; i++) {
      const index = this.indexList[i]!;
      if (!index.built) continue;
      // The link's value is the object's one value (see put).
      const link = entry.links[i];
      if (link !== undefined) linkDelete(index, link); else indexDelete(index, index.fn(entry.obj), k);
    }
  }
}

/** One informer per kind, shared by every controller of a controller manager (SharedInformerFactory). */
export class InformerFactory {
  private readonly informers = new Map<string, Informer>();
  private started = false;

  constructor(private readonly sim: Simulation, private readonly api: ApiServer, private readonly owner: string) {}

  informer(kind: string): Informer {
    let inf = this.informers.get(kind);
    if (!inf) {
      this.informers.set(kind, (inf = new Informer(this.sim, this.api, kind, this.owner)));
      if (this.started) inf.start();
    }
    return inf;
  }

  start(): void {
    this.started = true;
    for (const inf of this.informers.values()) inf.start();
  }

  stop(): void {
    for (const inf of this.informers.values()) inf.stop();
    this.started = false;
  }

  all(): Informer[] {
    return [...this.informers.values()];
  }
}
