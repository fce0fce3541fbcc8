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

/**
 * What the correlator knows of one (source, involved object, type, reason): the aggregate record
 * and the observations under the aggregate key (`combined`) and under each event key (fieldPath and
 * message).
 */
interface ReasonState { record: AggregateRecord | undefined; combined: Observed | undefined; byEvent: Map<string, Observed> }

/** One involved object as seen by one source: its spam bucket and its reasons (Normal and Warning apart). */
interface ObjectState {
  readonly kind: string; readonly namespace: string; readonly name: string; readonly apiVersion: string;
  tokens: number; lastMs: number;
  readonly normal: Map<string, ReasonState>;
  readonly warning: Map<string, ReasonState>;
  /** Reasons of any other event type, by type. */
  other: Map<string, Map<string, ReasonState>> | undefined;
}

const sameObject = (o: ObjectState, kind: string, namespace: string, name: string, apiVersion: string): boolean =>
  o.kind === kind && o.namespace === namespace && o.name === name && o.apiVersion === apiVersion;

function otherReasons(o: ObjectState, type: string): Map<string, ReasonState> {
  o.other ??= new Map();
  let m = o.other.get(type);
  if (!m) o.other.set(type, (m = new Map()));
  return m;
}

/** A source (component and host): its objects by uid (several only when other reference fields differ). */
export type SourceState = Map<string, ObjectState | ObjectState[]>;

/** Where an event's observation is kept: the reason state, and the event key or undefined for the aggregate key. */
export interface ObservationKey { state: ReasonState; eventKey: string | undefined }

/**
 * The correlator's caches. client-go keeps one per broadcaster (per process); the simulation keeps
 * one per cluster so the event-name clock is shared, and keys include the source component, so
 * components still never fold into each other's events. client-go keys its caches with strings
 * joining source, object, type, reason, fieldPath and message; here the same tuple is a path of
 * nested maps (source, object uid, reason, then fieldPath and message), so an event builds no long key.
 */
export class EventCorrelator {
  private readonly sources = new Map<string, SourceState>();
  private nanoSeq = 0;
  private lastMs = -1;

  constructor(private readonly sim: Simulation) {}

  /** The state of one source (component and host), shared by every recorder with that source. */
  source(component: string, host: string | undefined): SourceState {
    const key = `${component}\u0000${host ?? ''}`;
    let s = this.sources.get(key);
    if (!s) this.sources.set(key, (s = new Map()));
    return s;
  }

  /** The state of the object a reference names, as one source sees it (created on first use). */
  objectState(source: SourceState, ref: ObjectReference): ObjectState {
    const kind = ref.kind ?? '', namespace = ref.namespace ?? '', name = ref.name ?? '', apiVersion = ref.apiVersion ?? '';
    const uid = ref.uid ?? '';
    const found = source.get(uid);
    if (found !== undefined && !Array.isArray(found) && sameObject(found, kind, namespace, name, apiVersion)) return found;
    if (Array.isArray(found)) for (const o of found) if (sameObject(o, kind, namespace, name, apiVersion)) return o;
    const o: ObjectState = { kind, namespace, name, apiVersion, tokens: SPAM_BURST, lastMs: this.sim.nowMs, normal: new Map(), warning: new Map(), other: undefined };
    if (found === undefined) source.set(uid, o);
    else if (Array.isArray(found)) found.push(o);
    else source.set(uid, [found, o]);
    return o;
  }

  /** Token bucket per source + involved object (EventSourceObjectSpamFilter); true = drop. */
  spam(o: ObjectState): boolean {
    const now = this.sim.nowMs;
    o.tokens = Math.min(SPAM_BURST, o.tokens + (now - o.lastMs) / SPAM_REFILL_MS);
    o.lastMs = now;
    if (o.tokens < 1) return true;
    o.tokens -= 1;
    return false;
  }

  /**
   * EventAggregate: returns the message to record and where the observation goes — the event's own
   * key (getEventKey: fieldPath and message) until the 10th distinct message for the same
   * source/object/type/reason within 10 minutes, the aggregate key from then on.
   */
  aggregate(o: ObjectState, type: EventType, reason: string, fieldPath: string, message: string): { message: string; key: ObservationKey } {
    const now = this.sim.nowMs;
    const reasons = type === 'Normal' ? o.normal : type === 'Warning' ? o.warning : otherReasons(o, type);
    let state = reasons.get(reason);
    if (!state) reasons.set(reason, (state = { record: undefined, combined: undefined, byEvent: new Map() }));
    const eventKey = `${fieldPath}\u0000${message}`;
    let rec = state.record;
    if (!rec || now - rec.lastMs > AGGREGATE_INTERVAL_MS) {
      // A new record holds its first message as a string (a set of one).
      state.record = { localKeys: message, lastMs: now };
      return { message, key: { state, eventKey } };
    }
    rec.lastMs = now;
    if (typeof rec.localKeys === 'string') {
      if (rec.localKeys === message) return { message, key: { state, eventKey } };
      rec.localKeys = new Set([rec.localKeys]);
    }
    const keys = rec.localKeys;
    keys.add(message);
    if (keys.size < AGGREGATE_MAX_EVENTS) return { message, key: { state, eventKey } };
    keys.delete(keys.values().next().value!);
    return { message: COMBINED_PREFIX + message, key: { state, eventKey: undefined } };
  }

  /** "%x" of UnixNano for event names, unique within a millisecond across every recorder, as real nanosecond clocks are. */
  nanos(nowMs: number): string {
    if (nowMs !== this.lastMs) { this.lastMs = nowMs; this.nanoSeq = 0; }
    return (BigInt(toUnixMs(nowMs)) * 1_000_000n + BigInt(this.nanoSeq++)).toString(16);
  }

  lastObserved(key: ObservationKey): Observed | undefined {
    return key.eventKey === undefined ? key.state.combined : key.state.byEvent.get(key.eventKey);
  }

  remember(key: ObservationKey, o: Observed): void {
    if (key.eventKey === undefined) key.state.combined = o; else key.state.byEvent.set(key.eventKey, o);
  }
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
  private readonly state: SourceState;

  constructor(private readonly api: ApiServer, private readonly source: EventSource, private readonly correlator: EventCorrelator) {
    this.state = correlator.source(source.component, source.host);
  }

  /** Records an event about obj (any object or a ready-made reference). Never throws: events are best effort. */
  event(obj: KubeObject | Stored | ObjectReference, type: EventType, reason: string, message: string): void {
    const ref = 'metadata' in obj ? objectReference(obj as KubeObject) : (obj as ObjectReference);
    const nowMs = this.api.sim.nowMs;
    const now = toRfc3339(nowMs);
    const objectState = this.correlator.objectState(this.state, ref);
    // client-go EventCorrelate: aggregate, then observe (count the duplicate), then the spam filter.
    const { message: msg, key } = this.correlator.aggregate(objectState, type, reason, ref.fieldPath ?? '', message);
    const prior = this.correlator.lastObserved(key);
    const namespace = ref.namespace || 'default';
    const observed: { name: string; namespace: string; count: number; firstTimestamp: string } = prior
      ? { ...prior, count: prior.count + 1 }
      : { name: [String(ref.name), this.correlator.nanos(nowMs)].join('.'), namespace, count: 1, firstTimestamp: now };
    this.correlator.remember(key, observed);
    if (this.correlator.spam(objectState)) return;
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
