// Shared informers: a per-kind cache filled by list-then-watch, with indexes and handlers, as
// client-go's SharedIndexInformer. Handlers are called when watch events are delivered (scheduled
// events), with the cached old object for updates. A relist (after a dropped watch) reconciles the
// cache with the server and synthesises the missed adds, updates and deletes.
import type { ApiServer } from '../api/apiserver';
import type { Stored } from '../api/objects';
import type { Watcher, WatchEvent } from '../api/watch';
import type { Simulation } from '../sim/simulation';

export interface Handlers {
  onAdd?: (obj: Stored) => void;
  onUpdate?: (oldObj: Stored, newObj: Stored) => void;
  /** For a delete the informer only learned of by relisting, obj is the last state it knew. */
  onDelete?: (obj: Stored) => void;
}

export type IndexFn = (obj: Stored) => string[];

const cacheKey = (obj: Stored): string => (obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name);

/**
 * One index: its function and its buckets (value → cache key → object). `single` gives the one value
 * of an index that always has exactly one (the namespace), without building a list per call.
 */
interface Index { readonly fn: IndexFn; readonly single?: (obj: Stored) => string; readonly buckets: Map<string, Map<string, Stored>> }

const namespaceOf = (o: Stored): string => o.metadata.namespace ?? '';

export class Informer {
  private readonly cache = new Map<string, Stored>();
  private readonly handlers: Handlers[] = [];
  private readonly indexes = new Map<string, Index>();
  /** The same indexes as a list, for the per-write loops. */
  private readonly indexList: Index[] = [];
  private watcher: Watcher | undefined;
  synced = false;

  constructor(private readonly sim: Simulation, private readonly api: ApiServer, readonly kind: string, private readonly owner: string) {
    this.addIndex('namespace', o => [namespaceOf(o)], namespaceOf);
  }

  addHandlers(h: Handlers): void {
    this.handlers.push(h);
  }

  /** `single`, for an index with exactly one value per object: that value (spares a list per write). */
  addIndex(name: string, fn: IndexFn, single?: (obj: Stored) => string): void {
    if (this.indexes.has(name)) return;
    const index: Index = { fn, single, buckets: new Map() };
    this.indexes.set(name, index);
    this.indexList.push(index);
    for (const [k, o] of this.cache) indexInsert(index, fn(o), k, o);
  }

  get(namespace: string, name: string): Stored | undefined {
    return this.cache.get(namespace ? `${namespace}/${name}` : name);
  }

  list(): Stored[] {
    return [...this.cache.values()];
  }

  byIndex(index: string, value: string): Stored[] {
    const bucket = this.indexes.get(index)?.buckets.get(value);
    return bucket ? [...bucket.values()] : [];
  }

  /** The objects byIndex would list, in its order, without copying them into a list first. */
  eachInIndex(index: string, value: string, fn: (o: Stored) => void): void {
    const bucket = this.indexes.get(index)?.buckets.get(value);
    if (bucket) for (const o of bucket.values()) fn(o);
  }

  /** List-then-watch; the initial list is delivered to handlers as adds in one scheduled event. */
  start(): void {
    const { items } = this.api.list(this.kind, {}, { actor: this.owner });
    for (const o of items) this.put(o);
    this.watcher = this.api.watch(this.kind, { watcher: this.owner }, e => this.onWatchEvent(e));
    this.sim.schedule(0, `${this.owner}: ${this.kind} informer synced`, () => {
      this.synced = true;
      for (const o of items) for (const h of this.handlers) h.onAdd?.(this.cache.get(cacheKey(o)) ?? o);
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
      const old = this.cache.get(k);
      this.put(o);
      if (!old) changes.push(() => this.handlers.forEach(h => h.onAdd?.(o)));
      else if (old.metadata.resourceVersion !== o.metadata.resourceVersion) changes.push(() => this.handlers.forEach(h => h.onUpdate?.(old, o)));
    }
    for (const [k, old] of [...this.cache]) {
      if (seen.has(k)) continue;
      this.remove(k, old);
      changes.push(() => this.handlers.forEach(h => h.onDelete?.(old)));
    }
    this.watcher = this.api.watch(this.kind, { watcher: this.owner }, e => this.onWatchEvent(e));
    this.sim.schedule(0, `${this.owner}: ${this.kind} informer relisted`, () => changes.forEach(c => c()));
  }

  private onWatchEvent(e: WatchEvent): void {
    const k = e.key;
    const old = this.cache.get(k);
    if (e.type === 'DELETED') {
      if (!old) return;
      this.remove(k, old);
      for (let i = 0; i < this.handlers.length; i++) this.handlers[i]!.onDelete?.(e.object);
      return;
    }
    this.put(e.object, k, old);
    // Indexed loops: an array iterator here (every write, every informer) showed up in allocation profiles.
    if (old) for (let i = 0; i < this.handlers.length; i++) this.handlers[i]!.onUpdate?.(old, e.object);
    else for (let i = 0; i < this.handlers.length; i++) this.handlers[i]!.onAdd?.(e.object);
  }

  private put(obj: Stored, k = cacheKey(obj), old = this.cache.get(k)): void {
    this.cache.set(k, obj);
    for (let i = 0; i < this.indexList.length; i++) {
      const index = this.indexList[i]!;
      if (old && index.single) {
        const value = index.single(obj);
        if (index.single(old) === value) {
          // The same value, as the slow path below would find: the object moves to the bucket's end.
          const bucket = index.buckets.get(value)!;
          bucket.delete(k);
          bucket.set(k, obj);
          continue;
        }
      }
      const now = index.fn(obj);
      if (old) {
        const before = index.fn(old);
        // Usually the indexed values stay (same namespace, same owner): the bucket takes the new
        // version, moved to the end as a delete and insert would (byIndex lists in that order).
        if (before.length === 1 && now.length === 1 && before[0] === now[0]) {
          const bucket = index.buckets.get(now[0]!)!;
          bucket.delete(k);
          bucket.set(k, obj);
          continue;
        }
        indexDelete(index, before, k);
      }
      indexInsert(index, now, k, obj);
    }
  }

  private remove(k: string, old: Stored): void {
    this.cache.delete(k);
    for (let i = 0; i < this.indexList.length; i++) indexDelete(this.indexList[i]!, this.indexList[i]!.fn(old), k);
  }
}

function indexInsert(index: Index, values: string[], k: string, obj: Stored): void {
  for (let i = 0; i < values.length; i++) {
    let bucket = index.buckets.get(values[i]!);
    if (!bucket) index.buckets.set(values[i]!, (bucket = new Map()));
    bucket.set(k, obj);
  }
}

function indexDelete(index: Index, values: string[], k: string): void {
  for (let i = 0; i < values.length; i++) {
    const bucket = index.buckets.get(values[i]!);
    if (!bucket) continue;
    bucket.delete(k);
    if (bucket.size === 0) index.buckets.delete(values[i]!);
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
