// The API server's history: every version of every object, with the virtual instant of the write
// and who made it. Assertions over time, kubectl views of the past and timelines are all queries
// over this one record.
import type { Stored } from './objects';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One write. kind, namespace, name and uid are read off the object, so a record costs six fields. */
export class WriteRecord {
  constructor(
    /** The cluster-wide resourceVersion of this write. */
    readonly rv: number,
    readonly atMs: number,
    readonly type: WatchEventType,
    /** The object after the write; for DELETED, its last state. */
    readonly object: Stored,
    /** The version this write replaced (undefined for ADDED). */
    readonly previous: Stored | undefined,
    /** Who wrote it: "kubectl", "replicaset-controller", "kubelet/node01", … */
    readonly actor: string,
  ) {}

  get kind(): string { return this.object.kind; }
  get namespace(): string { return this.object.metadata.namespace ?? ''; }
  get name(): string { return this.object.metadata.name; }
  get uid(): string { return this.object.metadata.uid; }
}

export class History {
  readonly records: WriteRecord[] = [];
  /**
   * Record indexes per uid: a number while an object has one version (most events), a list after.
   * Built when first asked for and brought up to date on every later question (records before
   * `indexedCount` are in it): most runs never ask, and a write then pays nothing for it.
   */
  private readonly byUid = new Map<string, number | number[]>();
  private indexedCount = 0;
  private readonly listeners: ((r: WriteRecord) => void)[] = [];

  append(record: WriteRecord): void {
    this.records.push(record);
    for (let j = 0; j < this.listeners.length; j++) this.listeners[j]!(record);
  }

  private indexesOf(uid: string): readonly number[] {
    for (let i = this.indexedCount; i < this.records.length; i++) {
      const u = this.records[i]!.uid;
      const list = this.byUid.get(u);
      if (list === undefined) this.byUid.set(u, i);
      else if (typeof list === 'number') this.byUid.set(u, [list, i]);
      else list.push(i);
    }
    this.indexedCount = this.records.length;
    const list = this.byUid.get(uid);
    return list === undefined ? [] : typeof list === 'number' ? [list] : list;
  }

  /** Synchronous notification of each write as it is recorded (for indexes over history, not for controllers). */
  onAppend(listener: (r: WriteRecord) => void): void {
    this.listeners.push(listener);
  }

  /** Every recorded version of one object, oldest first. */
  versionsOf(uid: string): WriteRecord[] {
    return this.indexesOf(uid).map(i => this.records[i]!);
  }

  /** Records with rv > afterRv. */
  since(afterRv: number): WriteRecord[] {
    let lo = 0;
    let hi = this.records.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.records[mid]!.rv <= afterRv) lo = mid + 1;
      else hi = mid;
    }
    return this.records.slice(lo);
  }

  /** Index of the first record written after atMs (records are in time order). */
  indexAfter(atMs: number): number {
    let lo = 0;
    let hi = this.records.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.records[mid]!.atMs <= atMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The state of an object (by uid) as of virtual instant atMs, inclusive; undefined if absent then. */
  objectAt(uid: string, atMs: number): Stored | undefined {
    let found: WriteRecord | undefined;
    for (const i of this.indexesOf(uid)) {
      const r = this.records[i]!;
      if (r.atMs > atMs) break;
      found = r;
    }
    return found && found.type !== 'DELETED' ? found.object : undefined;
  }

  /** All objects of a kind that existed at atMs (inclusive of writes at atMs), keyed by uid. */
  snapshotAt(kind: string, atMs: number): Stored[] {
    const live = new Map<string, Stored>();
    const end = this.indexAfter(atMs);
    for (let i = 0; i < end; i++) {
      const r = this.records[i]!;
      if (r.kind !== kind) continue;
      if (r.type === 'DELETED') live.delete(r.uid);
      else live.set(r.uid, r.object);
    }
    return [...live.values()];
  }
}
