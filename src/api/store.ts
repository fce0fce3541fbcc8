// The API server's storage: the current version of every object, the cluster-wide resourceVersion
// counter, the write history and the watch fan-out, plus the indexes controllers and the garbage
// collector need (dependents by owner uid). It applies no API rules; the API server does that.
import type { Simulation } from '../sim/simulation';
import { SimulationLimitError } from '../sim/simulation';
import type { Stored } from './objects';
import type { WatchEventType } from './history';
import * as historyModule from './history';
import { WatchHub, type Watcher, type WatchEvent, type WatchOptions } from './watch';
import * as freezeModule from './freeze';

// Imported functions on the request path are read once, here: tsx runs this code as CommonJS, where
// every call of an imported name first reads it through two export getters.
const { deepFreeze } = freezeModule;
const { History, WriteRecord } = historyModule;

/**
 * One live object's place in the store: its current version and when that version was written.
 * The name and uid maps and the dependents index hold the slot, so a write that replaces a version
 * changes one field instead of every map the object is in. A removed object's slot has writeSeq -1.
 */
export interface Slot { readonly object: Stored; readonly writeSeq: number }
interface MutableSlot { object: Stored; writeSeq: number }

/** One kind's objects: namespace → name → slot (nested maps: a lookup builds no key string). */
type Bucket = Map<string, Map<string, MutableSlot>>;

export class Store {
  readonly history = new History();
  readonly watches: WatchHub;
  private rv = 0;
  private readonly byKind = new Map<string, Bucket>();
  private readonly dependents = new Map<string, Set<MutableSlot>>(); // owner uid → current dependents
  private readonly uids = new Map<string, MutableSlot>();
  /**
   * Events' slots not yet in `uids`: Events are the most numerous objects and almost never looked up
   * by uid, so they join the map only when byUid misses (a removed one, writeSeq -1, never does).
   */
  private readonly unindexedEvents: MutableSlot[] = [];
  private liveObjects = 0;
  /** Counts inserts and replaces: a slot's writeSeq orders dependents by their latest write. */
  private writeSeq = 0;

  constructor(private readonly sim: Simulation) {
    this.watches = new WatchHub(sim);
  }

  get resourceVersion(): number { return this.rv; }
  get objectCount(): number { return this.liveObjects; }

  nextResourceVersion(): number { return ++this.rv; }

  get(kind: string, namespace: string, name: string): Stored | undefined {
    return this.byKind.get(kind)?.get(namespace)?.get(name)?.object;
  }

  /** A live object's slot (its current version is slot.object): a write that read it replaces it with replaceAt, without a second lookup. */
  slotOf(kind: string, namespace: string, name: string): Slot | undefined {
    return this.byKind.get(kind)?.get(namespace)?.get(name);
  }

  byUid(uid: string): Stored | undefined {
    const slot = this.uids.get(uid);
    if (slot !== undefined || this.unindexedEvents.length === 0) return slot?.object;
    const events = this.unindexedEvents;
    for (let i = 0; i < events.length; i++) {
      const s = events[i]!;
      if (s.writeSeq >= 0) this.uids.set(s.object.metadata.uid, s);
    }
    events.length = 0;
    return this.uids.get(uid)?.object;
  }

  /** Objects of a kind (in one namespace, or all), sorted by namespace then name like etcd lists them. */
  list(kind: string, namespace?: string): Stored[] {
    const bucket = this.byKind.get(kind);
    if (!bucket) return [];
    const out: Stored[] = [];
    if (namespace !== undefined) {
      const names = bucket.get(namespace);
      if (names) for (const slot of names.values()) out.push(slot.object);
    } else {
      for (const names of bucket.values()) for (const slot of names.values()) out.push(slot.object);
    }
    return out.sort(compareByNamespaceName);
  }

  /**
   * Objects whose ownerReferences name this uid, in the order of their latest writes (oldest
   * first): the order the index had when every write moved its object to the end.
   */
  /** Whether any object names this uid in its ownerReferences (dependentsOf without building and sorting the list). */
  hasDependents(ownerUid: string): boolean {
    return (this.dependents.get(ownerUid)?.size ?? 0) > 0;
  }

  dependentsOf(ownerUid: string): Stored[] {
    const set = this.dependents.get(ownerUid);
    if (set === undefined) return [];
    const slots = [...set];
    if (slots.length > 1) slots.sort((a, b) => a.writeSeq - b.writeSeq);
    const out: Stored[] = new Array(slots.length);
    for (let i = 0; i < slots.length; i++) out[i] = slots[i]!.object;
    return out;
  }

  watch(kind: string, options: WatchOptions, handler: (e: WatchEvent) => void): Watcher {
    return this.watches.add(kind, options, handler);
  }

  stopWatch(w: Watcher): void {
    this.watches.remove(w);
  }

  /** Stores a new object (already admitted, with uid and resourceVersion set by the caller). */
  insert(obj: Stored, actor: string): Stored {
    if (this.liveObjects >= this.sim.limits.maxObjects) throw this.objectLimitError();
    const frozen = deepFreeze(obj);
    const slot: MutableSlot = { object: frozen, writeSeq: ++this.writeSeq };
    this.names(frozen.kind, frozen.metadata.namespace ?? '').set(frozen.metadata.name, slot);
    if (frozen.kind === 'Event') this.unindexedEvents.push(slot);
    else this.uids.set(frozen.metadata.uid, slot);
    this.indexOwners(slot, frozen.metadata.ownerReferences, undefined);
    this.liveObjects++;
    this.record('ADDED', frozen, undefined, actor);
    return frozen;
  }

  replace(obj: Stored, actor: string): Stored {
    const namespace = obj.metadata.namespace ?? '';
    const slot = this.byKind.get(obj.kind)?.get(namespace)?.get(obj.metadata.name);
    if (!slot) throw new Error(`store.replace: ${obj.kind} ${namespace}/${obj.metadata.name} does not exist`);
    return this.replaceIn(slot, obj, actor);
  }

  /**
   * replace, for an object of the same kind, namespace and name as the slot's (which slotOf returned);
   * when the object was removed since, looked up by name as replace does.
   */
  replaceAt(slot: Slot, obj: Stored, actor: string): Stored {
    return slot.writeSeq < 0 ? this.replace(obj, actor) : this.replaceIn(slot as MutableSlot, obj, actor);
  }

  private replaceIn(slot: MutableSlot, obj: Stored, actor: string): Stored {
    const previous = slot.object;
    const frozen = deepFreeze(obj);
    // A replace keeps the uid (the API server's updates copy it from the stored version).
    if (frozen.metadata.uid !== previous.metadata.uid) {
      this.uids.delete(previous.metadata.uid);
      this.uids.set(frozen.metadata.uid, slot);
    }
    slot.object = frozen;
    slot.writeSeq = ++this.writeSeq;
    this.indexOwners(slot, frozen.metadata.ownerReferences, previous.metadata.ownerReferences);
    this.record('MODIFIED', frozen, previous, actor);
    return frozen;
  }

  /** Removes an object; `last` is its final state (with the deletion's resourceVersion). */
  remove(last: Stored, actor: string): void {
    const names = this.byKind.get(last.kind)?.get(last.metadata.namespace ?? '');
    const slot = names?.get(last.metadata.name);
    if (!slot) return;
    const previous = slot.object;
    names!.delete(last.metadata.name);
    this.uids.delete(previous.metadata.uid);
    this.indexOwners(slot, undefined, previous.metadata.ownerReferences);
    slot.writeSeq = -1;
    this.liveObjects--;
    this.record('DELETED', deepFreeze(last), previous, actor);
  }

  private record(type: WatchEventType, obj: Stored, previous: Stored | undefined, actor: string): void {
    const rv = Number(obj.metadata.resourceVersion);
    this.history.append(new WriteRecord(rv, this.sim.nowMs, type, obj, previous, actor));
    this.watches.publish(obj.kind, type, obj, previous, rv);
  }

  private names(kind: string, namespace: string): Map<string, MutableSlot> {
    let b = this.byKind.get(kind);
    if (!b) this.byKind.set(kind, (b = new Map()));
    let names = b.get(namespace);
    if (!names) b.set(namespace, (names = new Map()));
    return names;
  }

  /**
   * Moves a slot between dependents sets when its owners' uids change (a version's refs against the
   * previous version's); most writes keep them, and then no set is touched.
   */
  private indexOwners(slot: MutableSlot, nowRefs: readonly OwnerRef[] | undefined, beforeRefs: readonly OwnerRef[] | undefined): void {
    if (sameOwnerUids(nowRefs, beforeRefs)) return;
    if (beforeRefs) for (let i = 0; i < beforeRefs.length; i++) this.dependents.get(beforeRefs[i]!.uid)?.delete(slot);
    if (nowRefs) {
      for (let i = 0; i < nowRefs.length; i++) {
        const uid = nowRefs[i]!.uid;
        let set = this.dependents.get(uid);
        if (!set) this.dependents.set(uid, (set = new Set()));
        set.add(slot);
      }
    }
    if (beforeRefs) for (let i = 0; i < beforeRefs.length; i++) {
      const uid = beforeRefs[i]!.uid;
      if (this.dependents.get(uid)?.size === 0) this.dependents.delete(uid);
    }
  }

  private objectLimitError(): SimulationLimitError {
    // Creations per actor and kind, counted only now: every insert (and nothing else) records an
    // ADDED write with its actor, so the history holds the counts, in first-seen order.
    const createdBy = new Map<string, Map<string, number>>();
    for (const r of this.history.records) {
      if (r.type !== 'ADDED') continue;
      let perKind = createdBy.get(r.actor);
      if (!perKind) createdBy.set(r.actor, (perKind = new Map()));
      perKind.set(r.kind, (perKind.get(r.kind) ?? 0) + 1);
    }
    const counts = [...createdBy].flatMap(([actor, kinds]) => [...kinds].map(([kind, n]) => [`${actor} ${kind}`, n] as const));
    const top = counts.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, n]) => `${k}: ${n} created`).join(', ');
    return new SimulationLimitError(`simulation stopped: the cluster holds ${this.liveObjects} objects ` +
      `(limit maxObjects=${this.sim.limits.maxObjects}); most created by ${top}`);
  }
}

type OwnerRef = { readonly uid: string };

/** Do two owner reference lists name the same uids in the same order (indexed: both may be frozen)? */
function sameOwnerUids(a: readonly OwnerRef[] | undefined, b: readonly OwnerRef[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.uid !== b[i]!.uid) return false;
  return true;
}

export function compareByNamespaceName(a: Stored, b: Stored): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
