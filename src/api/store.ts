// The API server's storage: the current version of every object, the cluster-wide resourceVersion
// counter, the write history and the watch fan-out, plus the indexes controllers and the garbage
// collector need (dependents by owner uid). It applies no API rules; the API server does that.
import type { Simulation } from '../sim/simulation';
import { SimulationLimitError } from '../sim/simulation';
import type { Stored } from './objects';
import { History, WriteRecord, type WatchEventType } from './history';
import { WatchHub, type Watcher, type WatchEvent, type WatchOptions } from './watch';
import { deepFreeze } from './freeze';

/** One kind's objects: namespace → name → object (nested maps: a lookup builds no key string). */
type Bucket = Map<string, Map<string, Stored>>;

export class Store {
  readonly history = new History();
  readonly watches: WatchHub;
  private rv = 0;
  private readonly byKind = new Map<string, Bucket>();
  private readonly dependents = new Map<string, Set<Stored>>(); // owner uid → current dependents
  private readonly uids = new Map<string, Stored>();
  private liveObjects = 0;

  constructor(private readonly sim: Simulation) {
    this.watches = new WatchHub(sim);
  }

  get resourceVersion(): number { return this.rv; }
  get objectCount(): number { return this.liveObjects; }

  nextResourceVersion(): number { return ++this.rv; }

  get(kind: string, namespace: string, name: string): Stored | undefined {
    return this.byKind.get(kind)?.get(namespace)?.get(name);
  }

  byUid(uid: string): Stored | undefined {
    return this.uids.get(uid);
  }

  /** Objects of a kind (in one namespace, or all), sorted by namespace then name like etcd lists them. */
  list(kind: string, namespace?: string): Stored[] {
    const bucket = this.byKind.get(kind);
    if (!bucket) return [];
    const out: Stored[] = [];
    if (namespace !== undefined) {
      const names = bucket.get(namespace);
      if (names) for (const obj of names.values()) out.push(obj);
    } else {
      for (const names of bucket.values()) for (const obj of names.values()) out.push(obj);
    }
    return out.sort(compareByNamespaceName);
  }

  /** Objects whose ownerReferences name this uid. */
  dependentsOf(ownerUid: string): Stored[] {
    return [...(this.dependents.get(ownerUid) ?? [])];
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
    this.names(frozen.kind, frozen.metadata.namespace ?? '').set(frozen.metadata.name, frozen);
    this.uids.set(frozen.metadata.uid, frozen);
    this.indexOwners(frozen, undefined);
    this.liveObjects++;
    this.record('ADDED', frozen, undefined, actor);
    return frozen;
  }

  replace(obj: Stored, actor: string): Stored {
    const namespace = obj.metadata.namespace ?? '';
    const names = this.byKind.get(obj.kind)?.get(namespace);
    const previous = names?.get(obj.metadata.name);
    if (!previous) throw new Error(`store.replace: ${obj.kind} ${namespace}/${obj.metadata.name} does not exist`);
    const frozen = deepFreeze(obj);
    names!.set(obj.metadata.name, frozen);
    this.uids.set(frozen.metadata.uid, frozen);
    this.indexOwners(frozen, previous);
    this.record('MODIFIED', frozen, previous, actor);
    return frozen;
  }

  /** Removes an object; `last` is its final state (with the deletion's resourceVersion). */
  remove(last: Stored, actor: string): void {
    const names = this.byKind.get(last.kind)?.get(last.metadata.namespace ?? '');
    const previous = names?.get(last.metadata.name);
    if (!previous) return;
    names!.delete(last.metadata.name);
    this.uids.delete(previous.metadata.uid);
    this.indexOwners(undefined, previous);
    this.liveObjects--;
    this.record('DELETED', deepFreeze(last), previous, actor);
  }

  private record(type: WatchEventType, obj: Stored, previous: Stored | undefined, actor: string): void {
    const rv = Number(obj.metadata.resourceVersion);
    this.history.append(new WriteRecord(rv, this.sim.nowMs, type, obj, previous, actor));
    this.watches.publish(obj.kind, type, obj, previous, rv);
  }

  private names(kind: string, namespace: string): Map<string, Stored> {
    let b = this.byKind.get(kind);
    if (!b) this.byKind.set(kind, (b = new Map()));
    let names = b.get(namespace);
    if (!names) b.set(namespace, (names = new Map()));
    return names;
  }

  private indexOwners(now: Stored | undefined, before: Stored | undefined): void {
    const beforeRefs = before?.metadata.ownerReferences;
    const nowRefs = now?.metadata.ownerReferences;
    if (beforeRefs) for (let i = 0; i < beforeRefs.length; i++) this.dependents.get(beforeRefs[i]!.uid)?.delete(before!);
    if (nowRefs) {
      for (let i = 0; i < nowRefs.length; i++) {
        const uid = nowRefs[i]!.uid;
        let set = this.dependents.get(uid);
        if (!set) this.dependents.set(uid, (set = new Set()));
        set.add(now!);
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

export function compareByNamespaceName(a: Stored, b: Stored): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
