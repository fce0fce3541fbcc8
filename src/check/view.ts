// Read-only views of the cluster at one instant, which state checks evaluate: the live store, or
// the recorded history replayed write by write. A tracking wrapper notes which kinds a check read
// (and whether it read the clock), so a temporal check re-evaluates only after writes that matter.
import type { Stored } from '../api/objects';
import type { Store } from '../api/store';
import { compareByNamespaceName } from '../api/store';
import type { History, WriteRecord } from '../api/history';
import type { Simulation } from '../sim/simulation';

/** What temporal checks run against: a cluster's loop and store, and where its scenario started. */
export interface CheckTarget {
  readonly sim: Simulation;
  readonly store: Store;
  /** Writes before the scenario start (the cluster's own bootstrap) are left out of timeline tails. */
  readonly annotations?: { readonly start: { readonly index: number } };
}

export interface ClusterView {
  /** The virtual instant this view shows. */
  readonly atMs: number;
  get(kind: string, namespace: string, name: string): Stored | undefined;
  /** Objects of a kind (one namespace, or all), sorted by namespace then name. */
  list(kind: string, namespace?: string): Stored[];
  /** Objects of `kind` whose ownerReferences name ownerUid. */
  dependentsOf(ownerUid: string, kind: string): Stored[];
}

const key = (namespace: string, name: string): string => `${namespace}/${name}`;

/** The API server's current state. */
export class LiveView implements ClusterView {
  constructor(private readonly sim: Simulation, private readonly store: Store) {}
  get atMs(): number { return this.sim.nowMs; }
  get(kind: string, namespace: string, name: string): Stored | undefined { return this.store.get(kind, namespace, name); }
  list(kind: string, namespace?: string): Stored[] { return this.store.list(kind, namespace); }
  dependentsOf(ownerUid: string, kind: string): Stored[] {
    return this.store.dependentsOf(ownerUid).filter(o => o.kind === kind).sort(compareByNamespaceName);
  }
}

/**
 * The state after the first `index` writes of the history, moved forward one write at a time
 * (each step is O(1)), so checking a property at every write of a long history stays linear.
 */
export class ReplayView implements ClusterView {
  /** Writes applied so far. */
  index = 0;
  atMs = 0;
  private readonly byKind = new Map<string, Map<string, Stored>>();
  private readonly owned = new Map<string, Set<Stored>>(); // owner uid → current dependents

  constructor(readonly history: History) {}

  get records(): readonly WriteRecord[] { return this.history.records; }

  /** Applies the next write; returns it, or undefined at the end of the history. */
  step(): WriteRecord | undefined {
    const r = this.history.records[this.index];
    if (r === undefined) return undefined;
    this.index++;
    this.atMs = r.atMs;
    let bucket = this.byKind.get(r.kind);
    if (!bucket) this.byKind.set(r.kind, (bucket = new Map()));
    const k = key(r.namespace, r.name);
    const before = bucket.get(k);
    if (before) for (const ref of before.metadata.ownerReferences ?? []) this.owned.get(ref.uid)?.delete(before);
    if (r.type === 'DELETED') bucket.delete(k);
    else {
      bucket.set(k, r.object);
      for (const ref of r.object.metadata.ownerReferences ?? []) {
        let set = this.owned.get(ref.uid);
        if (!set) this.owned.set(ref.uid, (set = new Set()));
        set.add(r.object);
      }
    }
    return r;
  }

  /** Applies writes until `index` writes are applied. */
  seek(index: number): void {
    while (this.index < index && this.step()) { /* applied */ }
  }

  /** Applies every write made at or before atMs; the view then shows that instant. */
  seekTime(atMs: number): void {
    this.seek(this.history.indexAfter(atMs));
    this.atMs = atMs;
  }

  get(kind: string, namespace: string, name: string): Stored | undefined {
    return this.byKind.get(kind)?.get(key(namespace, name));
  }

  list(kind: string, namespace?: string): Stored[] {
    const out: Stored[] = [];
    for (const o of this.byKind.get(kind)?.values() ?? []) {
      if (namespace === undefined || (o.metadata.namespace ?? '') === namespace) out.push(o);
    }
    return out.sort(compareByNamespaceName);
  }

  dependentsOf(ownerUid: string, kind: string): Stored[] {
    return [...this.owned.get(ownerUid) ?? []].filter(o => o.kind === kind).sort(compareByNamespaceName);
  }
}

/** What one evaluation read: kinds, and whether it looked at the clock. */
export interface Reads { kinds: Set<string>; time: boolean }

/** Passes reads through to a view and records what was read. */
export class TrackingView implements ClusterView {
  readonly reads: Reads = { kinds: new Set(), time: false };
  constructor(private readonly inner: ClusterView) {}
  get atMs(): number { this.reads.time = true; return this.inner.atMs; }
  get(kind: string, namespace: string, name: string): Stored | undefined {
    this.reads.kinds.add(kind);
    return this.inner.get(kind, namespace, name);
  }
  list(kind: string, namespace?: string): Stored[] {
    this.reads.kinds.add(kind);
    return this.inner.list(kind, namespace);
  }
  dependentsOf(ownerUid: string, kind: string): Stored[] {
    this.reads.kinds.add(kind);
    return this.inner.dependentsOf(ownerUid, kind);
  }
}
