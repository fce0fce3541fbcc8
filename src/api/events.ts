// Event recording as client-go's tools/record does it: an Event object named "<object>.<hex
// nanoseconds>", passed through the correlator (event_correlator.ts: dedupe, aggregate, spam filter),
// then created or, for a repeat, updated with its new count. Writes go through the API server like any client's.
import * as timeModule from '../sim/time';
import type { Event, KubeObject, ObjectMeta, ObjectReference, Stored } from './objects';
import type { ApiServer, RequestContext } from './apiserver';
import { isApiError } from './errors';
import type { ClientRateLimiter } from './client';
import type { EventCorrelator, EventType, ObjectState, SourceState } from './event_correlator';
import * as eventCorrelatorModule from './event_correlator';

export { EventCorrelator, type EventType } from './event_correlator';

// Imported functions on the request path are read once, here: tsx runs this code as CommonJS, where
// every call of an imported name first reads it through two export getters.
const { toRfc3339 } = timeModule;
const { recordedMessage } = eventCorrelatorModule;

export interface EventSource { component: string; host?: string }

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
    const prior = this.correlator.lastObserved(key);
    const namespace = ref.namespace || 'default';
    // The observation: the prior one counted once more, or a new one (read off prior before remember reuses it).
    const name = prior ? prior.name : this.correlator.eventName(ref.name ?? '', nowMs);
    const count = prior ? prior.count + 1 : 1;
    const firstTimestamp = prior ? prior.firstTimestamp : now;
    this.correlator.remember(key, name, prior ? prior.namespace : namespace, count, firstTimestamp);
    if (this.correlator.spam(objectState)) return;
    const msg = recordedMessage(key);
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
      // theirs; the copy made last time when the fields are the same, unless a mutating hook could write
      // into it), one built here is not; the source is this recorder's frozen one, shared like any stored part.
      const event: Event = {
        apiVersion: 'v1', kind: 'Event',
        metadata: eventMetadata(name, namespace),
        involvedObject: ownRef ? ref : this.api.admission.mutating.length > 0 ? copyReference(ref) : referenceCopy(objectState, ref), reason, message: msg,
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

/**
 * A copy of a reference the caller passed: the last one made for the object when it has the same keys
 * in the same order with the same values (the kubelet names one container in several events in a row).
 */
function referenceCopy(o: ObjectState, ref: ObjectReference): ObjectReference {
  const last = o.lastCopy;
  if (last !== undefined && sameReference(ref, last)) return last;
  return (o.lastCopy = copyReference(ref));
}

/** The keys of the reference sameReference compares against (written by index, never shrunk). */
const lastKeys: string[] = [];

/** Same keys in the same order with the same values (what copyReference would make of a is b). */
function sameReference(a: ObjectReference, b: ObjectReference): boolean {
  const ar = a as Record<string, unknown>, br = b as Record<string, unknown>;
  let n = 0;
  for (const key in br) lastKeys[n++] = key;
  let i = 0;
  for (const key in ar) {
    if (i >= n || lastKeys[i] !== key || ar[key] !== br[key]) return false;
    i++;
  }
  return i === n;
}

/** A copy of a reference with the same keys in the same order. */
function copyReference(ref: ObjectReference): ObjectReference {
  const out: Record<string, unknown> = {};
  for (const key in ref) out[key] = ref[key as keyof ObjectReference];
  return out as ObjectReference;
}
