// Runaway detection: an owner that keeps creating objects far beyond what it wants (the endless
// creation of a ReplicaSet whose new pods never match its selector) stops the simulation with a
// diagnosis instead of hanging or exhausting memory. Counts creations per controller owner over a
// sliding window of virtual time; the diagnosis says what happened to the objects it created.
import { SimulationLimitError, type Simulation } from '../sim/simulation';
import type { Store } from '../api/store';
import type { WriteRecord } from '../api/history';
import type { Stored } from '../api/objects';
import { controllerRef } from '../api/objects';
import { formatLabelSelector, labelSelectorAsSelector, matches } from '../api/selectors';
import { formatDuration } from '../sim/time';

export interface RunawayOptions {
  /** Creations by one owner within the window that count as a runaway (default 500): the detector trips at this one... */
  maxCreations: number;
  /** ...within this much virtual time (default 60 s). */
  windowMs: number;
}

export const DEFAULT_RUNAWAY: RunawayOptions = { maxCreations: 500, windowMs: 60_000 };

export class RunawayError extends SimulationLimitError {
  override name = 'RunawayError';
  constructor(message: string, readonly ownerKind: string, readonly ownerKey: string, readonly created: number) {
    super(message);
  }
}

interface OwnerTrack { kind: string; uid: string; times: number[]; head: number; created: string[] }

export class RunawayDetector {
  private readonly owners = new Map<string, OwnerTrack>();
  private tripped: RunawayError | undefined;
  /** Off: count but never stop (a scenario asserting that a runaway happens turns this on and off itself). */
  enabled = true;

  constructor(private readonly sim: Simulation, private readonly store: Store, readonly options: RunawayOptions) {
    store.history.onAppend(r => this.onWrite(r));
    sim.observe(() => {
      if (this.tripped && this.enabled) {
        const e = this.tripped;
        this.tripped = undefined;
        throw e;
      }
    });
  }

  private onWrite(r: WriteRecord): void {
    if (r.type !== 'ADDED') return;
    const ref = controllerRef(r.object);
    if (!ref) return;
    let t = this.owners.get(ref.uid);
    if (!t) this.owners.set(ref.uid, (t = { kind: ref.kind, uid: ref.uid, times: [], head: 0, created: [] }));
    t.times.push(r.atMs);
    t.created.push(r.object.metadata.uid);
    while (t.times[t.head]! < r.atMs - this.options.windowMs) t.head++;
    const inWindow = t.times.length - t.head;
    if (inWindow < this.options.maxCreations || this.tripped) return;
    const owner = this.store.byUid(ref.uid);
    const desired = typeof owner?.spec?.replicas === 'number' ? owner.spec.replicas : 1;
    if (inWindow <= desired) return;
    this.tripped = this.diagnose(t, owner, inWindow, r.atMs - t.times[t.head]!, r.object.kind);
  }

  private diagnose(t: OwnerTrack, owner: Stored | undefined, count: number, spanMs: number, kind: string): RunawayError {
    const ownerKey = owner ? `${owner.metadata.namespace ? `${owner.metadata.namespace}/` : ''}${owner.metadata.name}` : t.uid;
    const plural = `${kind.toLowerCase()}s`;
    const recent = t.created.slice(-count).map(uid => this.store.byUid(uid));
    const released = recent.filter((o): o is Stored => !!o && !(o.metadata.ownerReferences ?? []).some(ref => ref.uid === t.uid));
    let why = '';
    if (owner && released.length >= count / 2) {
      const sample = released[released.length - 1]!;
      const sel = owner.spec?.selector;
      const selector = sel && !('matchLabels' in sel || 'matchExpressions' in sel) ? { matchLabels: sel } : sel;
      const mismatched = !matches(labelSelectorAsSelector(selector), sample.metadata.labels);
      const labels = `{${Object.entries(sample.metadata.labels ?? {}).map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
      why = mismatched
        ? `; each was released because its labels ${labels} do not match the selector ${formatLabelSelector(selector)}`
        : `; ${released.length} of them were released`;
    }
    const deleted = recent.filter(o => !o).length;
    if (!why && deleted >= count / 2) why = `; ${deleted} of them are already gone`;
    return new RunawayError(`${t.kind} ${ownerKey} created ${count} ${plural} in ${formatDuration(spanMs)} of virtual time${why}`,
      t.kind, ownerKey, count);
  }
}

/**
 * Runs the cluster for durationMs; returns the diagnosis when kukumber stops it early (a runaway, or
 * another simulation limit), else undefined. The clock stays where it stopped.
 */
export function runUntilStopped(c: { sim: Simulation }, durationMs: number): string | undefined {
  try {
    c.sim.advance(durationMs);
    return undefined;
  } catch (e) {
    if (e instanceof SimulationLimitError) return e.message;
    throw e;
  }
}
