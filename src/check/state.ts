// State checks as data: a description and a pure evaluation over a view of the cluster at one
// instant. Temporal qualifiers (src/check/temporal.ts) compose with any of them.
import { TrackingView, type ClusterView, type Reads } from './view';
import type { WriteRecord } from '../api/history';

export interface Observation {
  ok: boolean;
  /** What the check saw, in words: `2 ready replicas (status.readyReplicas)`. */
  observed: string;
  /** Why the awaited state has not come (yet), when the check can tell: `1 pod Pending: …`. */
  pending?: string;
}

export interface StateCheck {
  /** The claim, as a step states it: `replicaset "web" has 3 ready replicas`. */
  description: string;
  evaluate(view: ClusterView): Observation;
  /** Kinds a failure snapshot shows (default: the kinds the check read). */
  related?: string[];
  /** Namespace a failure snapshot is limited to. */
  namespace?: string;
}

/** The claim that a check does not hold (what `never` asserts at every write). */
export function not(check: StateCheck): StateCheck {
  return {
    description: `not: ${check.description}`,
    evaluate: view => {
      const o = check.evaluate(view);
      return { ok: !o.ok, observed: o.observed };
    },
    related: check.related,
    namespace: check.namespace,
  };
}

/**
 * Evaluates a check and remembers what it read, so that later writes to other kinds can be
 * skipped: a check is a pure function of the objects it reads (and the clock, if it reads it).
 */
export class TrackedCheck {
  last: Observation | undefined;
  private reads: Reads | undefined;

  constructor(readonly check: StateCheck) {}

  evaluate(view: ClusterView): Observation {
    const tracking = new TrackingView(view);
    this.last = this.check.evaluate(tracking);
    this.reads = tracking.reads;
    return this.last;
  }

  /** Whether a write could change the outcome of the last evaluation. */
  affectedBy(record: WriteRecord): boolean {
    return this.reads === undefined || this.reads.time || this.reads.kinds.has(record.kind);
  }

  /** Whether the last evaluation read the clock (then every instant counts, not only writes). */
  get readsTime(): boolean { return this.reads?.time ?? true; }

  /** Kinds the last evaluation read, sorted. */
  get kindsRead(): string[] { return [...this.reads?.kinds ?? []].sort(); }
}
