// client-go's EventCorrelator (tools/record/events_cache.go): identical events fold into one with a
// growing count, more than 9 distinct messages for the same reason within 10 minutes are combined
// ("(combined from similar events): …"), a per-object token bucket (burst 25, one token per 5 minutes)
// drops the rest, and events are named "<object>.<hex nanoseconds>". It decides; events.ts writes.
import type { Simulation } from '../sim/simulation';
import * as timeModule from '../sim/time';
import type { ObjectReference } from './objects';

// Imported functions on the request path are read once, here: tsx runs this code as CommonJS, where
// every call of an imported name first reads it through two export getters.
const { toUnixMs } = timeModule;

export type EventType = 'Normal' | 'Warning';

const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000; // qps 1/300
const COMBINED_PREFIX = '(combined from similar events): ';

export interface Observed { name: string; namespace: string; count: number; firstTimestamp: string }

/**
 * What the correlator knows of one (source, involved object, type, reason): the aggregate record (the
 * distinct messages seen, one kept as a string until a second arrives, and when it was last used) and
 * the observations under the aggregate key (`combined`) and under each event key (fieldPath and
 * message: the first one's fields inline, others in a map, as most reasons only ever see one). An object's
 * reasons form a list (`next`): a component names an object with a handful of reasons, and a list
 * costs no map per object.
 */
export interface ReasonState {
  readonly type: string; readonly reason: string; next: ReasonState | undefined;
  /**
   * The record's distinct messages, oldest first (at most 9 between events: the 10th evicts the oldest),
   * one kept as a string until a second arrives. A short list rather than a Set: a Set that loses its
   * oldest entry on every aggregated event keeps rebuilding its table, and its iterator is an object.
   */
  recordKeys: string[] | string | undefined; recordLastMs: number;
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
export interface ObjectState {
  readonly kind: string; readonly namespace: string; readonly name: string; readonly apiVersion: string;
  tokens: number; lastMs: number;
  reasons: ReasonState | undefined;
  lastRef: ObjectReference | undefined;
  /** The copy made of the last reference a caller passed for it (events about one container share it). */
  lastCopy: ObjectReference | undefined;
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
}

/**
 * The message an event is recorded with: the combined prefix on an aggregate (built only for an
 * event the spam filter lets through).
 */
export function recordedMessage(key: ObservationKey): string {
  return key.combined ? COMBINED_PREFIX + key.message : key.message;
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
    const o: ObjectState = { kind, namespace, name, apiVersion, tokens: SPAM_BURST, lastMs: this.sim.nowMs, reasons: undefined, lastRef: undefined, lastCopy: undefined };
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
    let list: string[];
    if (typeof keys === 'string') {
      if (keys === message) return this.keyOf(state, false, fieldPath, message);
      state.recordKeys = list = [keys];
    } else {
      list = keys;
      // Set.add: a message already held changes nothing.
      for (let i = 0; i < list.length; i++) if (list[i] === message) return this.keyOf(state, false, fieldPath, message);
    }
    list.push(message);
    if (list.length < AGGREGATE_MAX_EVENTS) return this.keyOf(state, false, fieldPath, message);
    list.shift();
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
    return key;
  }

  private readonly key: ObservationKey = { state: undefined as unknown as ReasonState, combined: false, fieldPath: '', message: '' };

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
    // The low digits byte by byte in the same join (hex8's pieces, without building them first).
    if (this.nanoHigh !== '' && low < 0x1_0000_0000) {
      return [objectName, '.', this.nanoHigh, BYTE_HEX[low >>> 24]!, BYTE_HEX[(low >>> 16) & 255]!, BYTE_HEX[(low >>> 8) & 255]!, BYTE_HEX[low & 255]!].join('');
    }
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
    if (key.combined) { s.combined = observed(s.combined, name, namespace, count, firstTimestamp); return; }
    if (s.firstCount === 0 || (s.firstFieldPath === key.fieldPath && s.firstMessage === key.message)) {
      s.firstName = name;
      s.firstNamespace = namespace;
      s.firstCount = count;
      s.firstTimestamp = firstTimestamp;
      s.firstFieldPath = key.fieldPath;
      s.firstMessage = key.message;
      return;
    }
    const more = (s.more ??= new Map());
    const k = `${key.fieldPath}\u0000${key.message}`;
    const was = more.get(k);
    if (was === undefined) more.set(k, { name, namespace, count, firstTimestamp });
    else observed(was, name, namespace, count, firstTimestamp);
  }
}

/**
 * An observation with these fields: the one remembered before, updated in place (a recorder reads
 * what it needs of the prior one before remembering), or a new one.
 */
function observed(o: Observed | undefined, name: string, namespace: string, count: number, firstTimestamp: string): Observed {
  if (o === undefined) return { name, namespace, count, firstTimestamp };
  o.name = name;
  o.namespace = namespace;
  o.count = count;
  o.firstTimestamp = firstTimestamp;
  return o;
}

/** Two lowercase hex digits per byte value. */
const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
