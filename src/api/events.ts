// Event recording as client-go's tools/record does it: an Event object named "<object>.<hex
// nanoseconds>", then the correlator — identical events fold into one with a growing count,
// more than 9 distinct messages for the same reason within 10 minutes are combined
// ("(combined from similar events): …"), and a per-object token bucket (burst 25, one token per
// 5 minutes) drops the rest. Writes go through the API server like any client's.
import type { Simulation } from '../sim/simulation';
import * as timeModule from '../sim/time';
import type { Event, KubeObject, ObjectMeta, ObjectReference, Stored } from './objects';
import type { ApiServer, RequestContext } from './apiserver';
import { isApiError } from './errors';
import type { ClientRateLimiter } from './client';

// Imported functions on the request path are read once, here: tsx runs this code as CommonJS, where
// every call of an imported name first reads it through two export getters.
const { toRfc3339, toUnixMs } = timeModule;

export type EventType = 'Normal' | 'Warning';

export interface EventSource { component: string; host?: string }

const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000; // qps 1/300
const COMBINED_PREFIX = '(combined from similar events): ';

interface Observed { name: string; namespace: string; count: number; firstTimestamp: string }

/**
 * What the correlator knows of one (source, involved object, type, reason): the aggregate record (the
 * distinct messages seen, one kept as a string until a second arrives, and when it was last used) and
 * the observations under the aggregate key (`combined`) and under each event key (fieldPath and
 * message: the first one's fields inline, others in a map, as most reasons only ever see one). An object's
 * reasons form a list (`next`): a component names an object with a handful of reasons, and a list
 * costs no map per object.
 */
interface ReasonState {
  readonly type: string; readonly reason: string; next: ReasonState | undefined;
  recordKeys: Set<string> | string | undefined; recordLastMs: number;
  combined: Observed | undefined;
  /** The first event key's observation (firstCount 0 = none yet). */
  firstFieldPath: string; firstMessage: string;
  firstName: string; firstNamespace: string; firstCount: number; firstTimestamp: string;
  more: Map<string, Observed> | undefined;
}

/**
 * One involved object as seen by one source: its spam bucket, its reasons, and the last reference
 * built for it (events about the same version of the object share it, frozen like any stored part).
 */
interface ObjectState {
  readonly kind: string; readonly namespace: string; readonly name: string; readonly apiVersion: string;
  tokens: number; lastMs: number;
  reasons: ReasonState | undefined;
  lastRef: ObjectReference | undefined;
}

const sameObject = (o: ObjectState, kind: string, namespace: string, name: string, apiVersion: string): boolean =>
  o.kind === kind && o.namespace === namespace && o.name === name && o.apiVersion === apiVersion;

/** The state of (type, reason) within an object's (created on first use, appended to the list). */
function reasonState(o: ObjectState, type: string, reason: string): ReasonState {
  let last: ReasonState | undefined;
  for (let s = o.reasons; s !== undefined; s = s.next) {
    if (s.reason === reason && s.type === type) return s;
    last = s;
  }
  const state: ReasonState = { type, reason, next: undefined, recordKeys: undefined, recordLastMs: 0, combined: undefined, firstFieldPath: '', firstMessage: '',
    firstName: '', firstNamespace: '', firstCount: 0, firstTimestamp: '', more: undefined };
  if (last === undefined) o.reasons = state; else last.next = state;
  return state;
}

/** A source (component and host): its objects by uid (several only when other reference fields differ). */
export type SourceState = Map<string, ObjectState | ObjectState[]>;

/**
 * Where an event's observation is kept: under the aggregate key (`combined`) or under the event key
 * (fieldPath and message; a fieldPath never holds the NUL that joins client-go's key, so the pair
 * stands for the key).
 */
export interface ObservationKey {
  state: ReasonState; combined: boolean; fieldPath: string; message: string;
  /** The message the event is recorded with (the combined prefix on an aggregate). */
  recorded: string;
}

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
  /** The hex of this millisecond's UnixNano without its last 8 digits, and those digits' value. */
  private nanoHigh = '';
  private nanoLow = 0;

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
    return this.objectStateOf(source, ref.kind ?? '', ref.namespace ?? '', ref.name ?? '', ref.uid ?? '', ref.apiVersion ?? '');
  }

  /** objectState by the reference's fields (missing ones as ''). */
  objectStateOf(source: SourceState, kind: string, namespace: string, name: string, uid: string, apiVersion: string): ObjectState {
    const found = source.get(uid);
    if (found !== undefined && !Array.isArray(found) && sameObject(found, kind, namespace, name, apiVersion)) return found;
    if (Array.isArray(found)) for (let i = 0; i < found.length; i++) if (sameObject(found[i]!, kind, namespace, name, apiVersion)) return found[i]!;
    const o: ObjectState = { kind, namespace, name, apiVersion, tokens: SPAM_BURST, lastMs: this.sim.nowMs, reasons: undefined, lastRef: undefined };
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
   * EventAggregate: returns where the observation goes, with the message to record — the event's own
   * key (getEventKey: fieldPath and message) until the 10th distinct message for the same
   * source/object/type/reason within 10 minutes, the aggregate key from then on.
   */
  aggregate(o: ObjectState, type: EventType, reason: string, fieldPath: string, message: string): ObservationKey {
    const now = this.sim.nowMs;
    const state = reasonState(o, type, reason);
    const keys = state.recordKeys;
    if (keys === undefined || now - state.recordLastMs > AGGREGATE_INTERVAL_MS) {
      // A new record holds its first message as a string (a set of one).
      state.recordKeys = message;
      state.recordLastMs = now;
      return this.keyOf(state, false, fieldPath, message);
    }
    state.recordLastMs = now;
    let set: Set<string>;
    if (typeof keys === 'string') {
      if (keys === message) return this.keyOf(state, false, fieldPath, message);
      state.recordKeys = set = new Set([keys]);
    } else set = keys;
    set.add(message);
    if (set.size < AGGREGATE_MAX_EVENTS) return this.keyOf(state, false, fieldPath, message);
    set.delete(set.values().next().value!);
    return this.keyOf(state, true, fieldPath, message);
  }

  /**
   * aggregate's answer, in the one key object the correlator reuses: a recorder reads it at once
   * (lastObserved, remember) and keeps nothing of it.
   */
  private keyOf(state: ReasonState, combined: boolean, fieldPath: string, message: string): ObservationKey {
    const key = this.key;
    key.state = state;
    key.combined = combined;
    key.fieldPath = fieldPath;
    key.message = message;
    key.recorded = combined ? COMBINED_PREFIX + message : message;
    return key;
  }

  private readonly key: ObservationKey = { state: undefined as unknown as ReasonState, combined: false, fieldPath: '', message: '', recorded: '' };

  /**
   * An event's name: "<object name>.<%x of UnixNano>", unique within a millisecond across every
   * recorder, as real nanosecond clocks are. Joined into one flat string: a stored name then holds
   * no tree of pieces.
   */
  eventName(objectName: string, nowMs: number): string {
    if (nowMs !== this.lastMs) {
      this.lastMs = nowMs;
      this.nanoSeq = 0;
      const base = (BigInt(toUnixMs(nowMs)) * 1_000_000n).toString(16);
      this.nanoHigh = base.slice(0, -8);
      this.nanoLow = parseInt(base.slice(-8), 16);
    }
    const seq = this.nanoSeq++;
    // The low 32 bits take the sequence number while they do not carry (a million events in one
    // millisecond would be needed to reach the high digits); the exact sum otherwise.
    const low = this.nanoLow + seq;
    if (this.nanoHigh !== '' && low < 0x1_0000_0000) return [objectName, '.', this.nanoHigh, hex8(low)].join('');
    return [objectName, '.', (BigInt(toUnixMs(nowMs)) * 1_000_000n + BigInt(seq)).toString(16)].join('');
  }

  /**
   * The observation last remembered under the key, or undefined. The first event key's comes back in
   * one object the correlator reuses (read it before the next call).
   */
  lastObserved(key: ObservationKey): Observed | undefined {
    const s = key.state;
    if (key.combined) return s.combined;
    if (s.firstCount !== 0 && s.firstFieldPath === key.fieldPath && s.firstMessage === key.message) {
      const o = this.firstObserved;
      o.name = s.firstName;
      o.namespace = s.firstNamespace;
      o.count = s.firstCount;
      o.firstTimestamp = s.firstTimestamp;
      return o;
    }
    return s.more?.get(`${key.fieldPath}\u0000${key.message}`);
  }

  private readonly firstObserved: Observed = { name: '', namespace: '', count: 0, firstTimestamp: '' };

  /** Remembers an observation under the key (an object is built only where one is kept as a whole). */
  remember(key: ObservationKey, name: string, namespace: string, count: number, firstTimestamp: string): void {
    const s = key.state;
    if (key.combined) { s.combined = { name, namespace, count, firstTimestamp }; return; }
    if (s.firstCount === 0 || (s.firstFieldPath === key.fieldPath && s.firstMessage === key.message)) {
      s.firstName = name;
      s.firstNamespace = namespace;
      s.firstCount = count;
      s.firstTimestamp = firstTimestamp;
      s.firstFieldPath = key.fieldPath;
      s.firstMessage = key.message;
      return;
    }
    (s.more ??= new Map()).set(`${key.fieldPath}\u0000${key.message}`, { name, namespace, count, firstTimestamp });
  }
}

/** Two lowercase hex digits per byte value. */
const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** n.toString(16).padStart(8, '0') for 0 <= n < 2^32, by bytes (short pieces join into flat strings). */
function hex8(n: number): string {
  return BYTE_HEX[n >>> 24]! + BYTE_HEX[(n >>> 16) & 255]! + BYTE_HEX[(n >>> 8) & 255]! + BYTE_HEX[n & 255]!;
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
  /** Who the writes are from: "<component>/<host>", or the component alone. */
  private readonly actor: string;
  /** The Events' source field (frozen: every Event of this recorder shares it). */
  private readonly sourceObject: EventSource;
  /** The request contexts of this recorder's writes, built once (frozen: shared by every request). */
  private readonly plainContext: RequestContext;
  private readonly ownedContext: RequestContext;

  /**
   * `limiter`: the rate limit of the clientset the event sink writes through. A controller's
   * broadcaster records to its own kubeClient (replica_set.go Run: StartRecordingToSink with
   * rsc.kubeClient.CoreV1().Events("")), so events that pass the spam filter spend the same
   * 20 qps / burst 30 tokens as its pod creates.
   */
  constructor(private readonly api: ApiServer, private readonly source: EventSource, private readonly correlator: EventCorrelator,
    private readonly limiter?: ClientRateLimiter) {
    this.state = correlator.source(source.component, source.host);
    this.actor = source.host ? `${source.component}/${source.host}` : source.component;
    this.sourceObject = Object.freeze(source.host ? { component: source.component, host: source.host } : { component: source.component });
    this.plainContext = Object.freeze({ actor: this.actor });
    this.ownedContext = Object.freeze({ actor: this.actor, owned: true });
  }

  /** Records an event about obj (any object or a ready-made reference). Never throws: events are best effort. */
  event(obj: KubeObject | Stored | ObjectReference, type: EventType, reason: string, message: string): void {
    const ownRef = 'metadata' in obj;
    let ref: ObjectReference;
    let objectState: ObjectState;
    if (ownRef) {
      // The object's state first, by the fields its reference would carry; the reference built for
      // the same version of the object last time is the same reference.
      const o = obj as KubeObject, m = o.metadata;
      objectState = this.correlator.objectStateOf(this.state, o.kind ?? '', m.namespace || '', m.name ?? '', m.uid ?? '', o.apiVersion ?? '');
      const last = objectState.lastRef;
      ref = last !== undefined && last.resourceVersion === m.resourceVersion ? last : (objectState.lastRef = objectReference(o));
    } else {
      ref = obj as ObjectReference;
      objectState = this.correlator.objectState(this.state, ref);
    }
    const nowMs = this.api.sim.nowMs;
    const now = toRfc3339(nowMs);
    // client-go EventCorrelate: aggregate, then observe (count the duplicate), then the spam filter.
    const key = this.correlator.aggregate(objectState, type, reason, ref.fieldPath ?? '', message);
    const msg = key.recorded;
    const prior = this.correlator.lastObserved(key);
    const namespace = ref.namespace || 'default';
    // The observation: the prior one counted once more, or a new one (read off prior before remember reuses it).
    const name = prior ? prior.name : this.correlator.eventName(ref.name ?? '', nowMs);
    const count = prior ? prior.count + 1 : 1;
    const firstTimestamp = prior ? prior.firstTimestamp : now;
    this.correlator.remember(key, name, prior ? prior.namespace : namespace, count, firstTimestamp);
    if (this.correlator.spam(objectState)) return;
    try {
      if (prior) {
        try {
          this.limiter?.take();
          this.api.mutate<Event>('Event', namespace, name, e => {
            e.count = count;
            e.lastTimestamp = now;
            e.message = msg;
          }, this.plainContext);
          return;
        } catch (e) {
          if (!isApiError(e, 'NotFound')) throw e;
        }
      }
      // A fresh object handed over to the server: a reference the caller passed is copied (callers reuse
      // theirs), one built here is not; the source is this recorder's frozen one, shared like any stored part.
      const event: Event = {
        apiVersion: 'v1', kind: 'Event',
        metadata: eventMetadata(name, namespace),
        involvedObject: ownRef ? ref : copyReference(ref), reason, message: msg,
        source: this.sourceObject,
        firstTimestamp, lastTimestamp: now, count, type,
        eventTime: null, reportingComponent: this.source.component, reportingInstance: this.source.host ?? '',
      };
      this.limiter?.take();
      this.api.create(event, this.ownedContext);
    } catch (e) {
      // client-go logs and drops events it cannot write; so do we.
      if (!isApiError(e)) throw e;
    }
  }
}

/**
 * An Event's metadata as sent: name and namespace. The server adds creationTimestamp, uid and
 * resourceVersion; the object is made with room for them (a literal with all five keys, the last
 * three removed newest first, which V8 undoes without leaving fast mode), so the stored metadata
 * is one object rather than one plus an out-of-object property array.
 */
function eventMetadata(name: string, namespace: string): ObjectMeta {
  const m: ObjectMeta = { name, namespace, creationTimestamp: '', uid: '', resourceVersion: '' };
  delete m.resourceVersion;
  delete m.uid;
  delete m.creationTimestamp;
  return m;
}

/** A copy of a reference with the same keys in the same order. */
function copyReference(ref: ObjectReference): ObjectReference {
  const out: Record<string, unknown> = {};
  for (const key in ref) out[key] = ref[key as keyof ObjectReference];
  return out as ObjectReference;
}
