// Informer index structures: per-value buckets keeping byIndex's order as linked lists, and
// counters of objects per value, kept by the informer's put and remove on every write.
import type { Stored } from '../api/objects';

export type IndexFn = (obj: Stored) => string[];

/** One object in one index bucket: a node of the bucket's list, which is in the order byIndex lists. */
export class Link {
  prev: Link | undefined = undefined;
  next: Link | undefined = undefined;
  constructor(public obj: Stored, readonly key: string, readonly value: string, readonly bucket: Bucket) {}
}

/**
 * One index value's objects, with a Map's order (insertion order, an update keeping its place, a
 * re-insert going to the end) as a linked list: a write that moves its object to the end relinks
 * it without touching the key map.
 */
export class Bucket {
  readonly links = new Map<string, Link>();
  head: Link | undefined = undefined;
  tail: Link | undefined = undefined;

  get size(): number { return this.links.size; }

  /** Map.set: a key already here takes the object in its place; a new one goes to the end. */
  set(k: string, obj: Stored, value: string): Link {
    let link = this.links.get(k);
    if (link !== undefined) { link.obj = obj; return link; }
    this.links.set(k, (link = new Link(obj, k, value, this)));
    this.append(link);
    return link;
  }

  delete(k: string): void {
    const link = this.links.get(k);
    if (link === undefined) return;
    this.links.delete(k);
    this.unlink(link);
  }

  /** delete then set: the link goes to the end with the new object. */
  moveToEnd(link: Link, obj: Stored): void {
    link.obj = obj;
    if (this.tail === link) return;
    this.unlink(link);
    this.append(link);
  }

  private append(link: Link): void {
    link.prev = this.tail;
    link.next = undefined;
    if (this.tail !== undefined) this.tail.next = link; else this.head = link;
    this.tail = link;
  }

  private unlink(link: Link): void {
    if (link.prev !== undefined) link.prev.next = link.next; else this.head = link.next;
    if (link.next !== undefined) link.next.prev = link.prev; else this.tail = link.prev;
    link.prev = link.next = undefined;
  }
}

/**
 * One index: its function and its buckets (value → objects). `single` gives the one value of an
 * index that always has exactly one (the namespace), without building a list per call. An index
 * added to an empty cache is built on its first read (`built`): until then writes skip it (the
 * scheduler's and the Lease informer's namespace indexes are never read).
 */
export interface Index { readonly fn: IndexFn; readonly single?: (obj: Stored) => string; readonly buckets: Map<string, Bucket>; readonly position: number; built: boolean }

/**
 * How many cached objects have each value (undefined: none), without a list of them: a write whose
 * value stays costs two calls, where an index would relink the object.
 */
export interface Counter { readonly fn: (obj: Stored) => string | undefined; readonly counts: Map<string, number> }

export function count(c: Counter, value: string | undefined, delta: number): void {
  if (value === undefined) return;
  const n = (c.counts.get(value) ?? 0) + delta;
  if (n === 0) c.counts.delete(value); else c.counts.set(value, n);
}

/** Adds the object under each value; its link when there is exactly one value. */
export function indexInsert(index: Index, values: string[], k: string, obj: Stored): Link | undefined {
  let link: Link | undefined;
  for (let i = 0; i < values.length; i++) {
    let bucket = index.buckets.get(values[i]!);
    if (!bucket) index.buckets.set(values[i]!, (bucket = new Bucket()));
    link = bucket.set(k, obj, values[i]!);
  }
  return values.length === 1 ? link : undefined;
}

export function indexDelete(index: Index, values: string[], k: string): void {
  for (let i = 0; i < values.length; i++) {
    const bucket = index.buckets.get(values[i]!);
    if (!bucket) continue;
    bucket.delete(k);
    if (bucket.size === 0) index.buckets.delete(values[i]!);
  }
}

/** indexDelete of an object with exactly one value, through its link: no index function, no value list. */
export function linkDelete(index: Index, link: Link): void {
  const bucket = link.bucket;
  bucket.delete(link.key);
  if (bucket.size === 0) index.buckets.delete(link.value);
}
