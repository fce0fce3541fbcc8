// Event recording as client-go's tools/record does it: an Event object named "<object>.<hex
// nanoseconds>", then the correlator — identical events fold into one with a growing count,
// more than 9 distinct messages for the same reason within 10 minutes are combined
// ("(combined from similar events): …"), and a per-object token bucket (burst 25, one token per
// 5 minutes) drops the rest. Writes go through the API server like any client's.
import type { Simulation } from '../sim/simulation';
import { toRfc3339, toUnixMs } from '../sim/time';
import type { Event, KubeObject, ObjectReference, Stored } from './objects';
import type { ApiServer } from './apiserver';
import { isApiError } from './errors';

export type EventType = 'Normal' | 'Warning';

export interface EventSource { component: string; host?: string }

const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000; // qps 1/300
const COMBINED_PREFIX = '(combined from similar events): ';

/** The distinct messages seen: one kept as a string until a second arrives (most records never see one). */
interface AggregateRecord { localKeys: Set<string> | string; lastMs: number }
interface Observed { name: string; namespace: string; count: number; firstTimestamp: string }
interface Bucket { tokens: number; lastMs: number }

/**
 * The correlator's caches. client-go keeps one per broadcaster (per process); the simulation keeps
 * one per cluster so the event-name clock is shared, and keys include the source component, so
 * components still never fold into each other's events.
 */
export class EventCorrelator {
  private readonly aggregates = new Map<string, AggregateRecord>();
  private readonly observed = new Map<string, Observed>();
  private readonly buckets = new Map<string, Bucket>();
  private nanoSeq = 0;
  private lastMs = -1;

  constructor(private readonly sim: Simulation) {}

  /** Token bucket per source + involved object (EventSourceObjectSpamFilter); true = drop. */
  spam(key: string): boolean {
    const now = this.sim.nowMs;
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = { tokens: SPAM_BURST, lastMs: now }));
    b.tokens = Math.min(SPAM_BURST, b.tokens + (now - b.lastMs) / SPAM_REFILL_MS);
    b.lastMs = now;
    if (b.tokens < 1) return true;
    b.tokens -= 1;
    return false;
  }

  /**
   * EventAggregate: returns the message to record and the cache key the observation goes under — the
   * event's own key (getEventKey, which adds fieldPath and message) until the 10th distinct message for
   * the same source/object/type/reason within 10 minutes, the aggregate key from then on.
   */
  aggregate(aggregateKey: string, message: string, eventKey = `${aggregateKey}\u0000${message}`): { message: string; key: string } {
    const now = this.sim.nowMs;
    let rec = this.aggregates.get(aggregateKey);
    if (!rec || now - rec.lastMs > AGGREGATE_INTERVAL_MS) {
      // A new record holds its first message as a string (a set of one).
      rec = { localKeys: message, lastMs: now };
      this.aggregates.set(aggregateKey, rec);
      return { message, key: eventKey };
    }
    rec.lastMs = now;
    if (typeof rec.localKeys === 'string') {
      if (rec.localKeys === message) return { message, key: eventKey };
      rec.localKeys = new Set([rec.localKeys]);
    }
    const keys = rec.localKeys;
    keys.add(message);
    if (keys.size < AGGREGATE_MAX_EVENTS) return { message, key: eventKey };
    keys.delete(keys.values().next().value!);
    return { message: COMBINED_PREFIX + message, key: aggregateKey };
  }

  /** "%x" of UnixNano for event names, unique within a millisecond across every recorder, as real nanosecond clocks are. */
  nanos(nowMs: number): string {
    if (nowMs !== this.lastMs) { this.lastMs = nowMs; this.nanoSeq = 0; }
    return (BigInt(toUnixMs(nowMs)) * 1_000_000n + BigInt(this.nanoSeq++)).toString(16);
  }

  lastObserved(key: string): Observed | undefined { return this.observed.get(key); }
  remember(key: string, o: Observed): void { this.observed.set(key, o); }
  forget(key: string): void { this.observed.delete(key); }
}

/** Reference to an object as events name it (ref.GetReference). */
export function objectReference(obj: KubeObject | Stored): ObjectReference {
  const m = obj.metadata;
  // Built without the namespace key for cluster-scoped objects rather than deleting it afterwards.
  return m.namespace
    ? { kind: obj.kind, namespace: m.namespace, name: m.name, uid: m.uid, apiVersion: obj.apiVersion, resourceVersion: m.resourceVersion }
    : { kind: obj.kind, name: m.name, uid: m.uid, apiVersion: obj.apiVersion, resourceVersion: m.resourceVersion } as ObjectReference;
}

export class EventRecorder {
  constructor(private readonly api: ApiServer, private readonly source: EventSource, private readonly correlator: EventCorrelator) {}

  /** Records an event about obj (any object or a ready-made reference). Never throws: events are best effort. */
  event(obj: KubeObject | Stored | ObjectReference, type: EventType, reason: string, message: string): void {
    const ref = 'metadata' in obj ? objectReference(obj as KubeObject) : (obj as ObjectReference);
    const nowMs = this.api.sim.nowMs;
    const now = toRfc3339(nowMs);
    // Keys built with join are flat strings: as map keys they are hashed without first being copied flat.
    const sourceKey = [this.source.component, this.source.host ?? '', ref.kind, ref.namespace ?? '', ref.name, ref.uid ?? '', ref.apiVersion ?? ''].join('\u0000');
    const aggregateKey = [sourceKey, type, reason].join('\u0000');
    const eventKey = [aggregateKey, ref.fieldPath ?? '', message].join('\u0000');
    // client-go EventCorrelate: aggregate, then observe (count the duplicate), then the spam filter.
    const { message: msg, key } = this.correlator.aggregate(aggregateKey, message, eventKey);
    const prior = this.correlator.lastObserved(key);
    const namespace = ref.namespace || 'default';
    const observed: { name: string; namespace: string; count: number; firstTimestamp: string } = prior
      ? { ...prior, count: prior.count + 1 }
      : { name: `${ref.name}.${this.correlator.nanos(nowMs)}`, namespace, count: 1, firstTimestamp: now };
    this.correlator.remember(key, observed);
    if (this.correlator.spam(sourceKey)) return;
    const actor = this.source.host ? `${this.source.component}/${this.source.host}` : this.source.component;
    try {
      if (prior) {
        try {
          this.api.mutate<Event>('Event', namespace, observed.name, e => {
            e.count = observed.count;
            e.lastTimestamp = now;
            e.message = msg;
          }, { actor });
          return;
        } catch (e) {
          if (!isApiError(e, 'NotFound')) throw e;
        }
      }
      // A fresh object throughout (the reference too: callers reuse theirs), handed over to the server.
      const event: Event = {
        apiVersion: 'v1', kind: 'Event',
        metadata: { name: observed.name, namespace },
        involvedObject: copyReference(ref), reason, message: msg,
        source: this.source.host ? { component: this.source.component, host: this.source.host } : { component: this.source.component },
        firstTimestamp: observed.firstTimestamp, lastTimestamp: now, count: observed.count, type,
        eventTime: null, reportingComponent: this.source.component, reportingInstance: this.source.host ?? '',
      };
      this.api.create(event, { actor, owned: true });
    } catch (e) {
      // client-go logs and drops events it cannot write; so do we.
      if (!isApiError(e)) throw e;
    }
  }
}

/** A copy of a reference with the same keys in the same order. */
function copyReference(ref: ObjectReference): ObjectReference {
  const out: Record<string, unknown> = {};
  for (const key in ref) out[key] = ref[key as keyof ObjectReference];
  return out as ObjectReference;
}
