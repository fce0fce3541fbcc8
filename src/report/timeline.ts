// The timeline of a scenario, built from the API history alone: one lane per pod with its states
// over virtual time, markers for events (on the pod's lane, or on a shared row for other objects),
// fault spans and scenario marks. Pure data; svg.ts draws it.
import type { History, WriteRecord } from '../api/history';
import type { Event, Pod, Stored } from '../api/objects';
import { firstAvailableMs, podStateOf, readySinceMs, type PodState } from './pod_states';
import type { Annotations, FaultRecord, Mark } from './annotations';

export interface Segment { state: PodState; fromMs: number; toMs: number; detail: string }

export interface Lane {
  uid: string;
  namespace: string;
  name: string;
  /** `replicaset/web`, from the controller ownerReference. */
  owner?: string;
  createdMs: number;
  deletedMs?: number;
  segments: Segment[];
}

export interface EventMarker {
  atMs: number;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** `pod/web-x`, `replicaset/web` */
  object: string;
  /** The pod lane it belongs on; undefined for the shared events row. */
  laneUid?: string;
}

export interface Timeline {
  startMs: number;
  endMs: number;
  lanes: Lane[];
  /** Pods left out beyond maxLanes. */
  hiddenLanes: number;
  events: EventMarker[];
  faults: FaultRecord[];
  marks: Mark[];
}

export interface TimelineOptions { maxLanes?: number; startMs?: number }

/** The minReadySeconds of the pod's controller at atMs (undefined without one: a bare pod is never "Available"). */
function minReadySecondsOf(history: History, pod: Stored<Pod>, atMs: number): number | undefined {
  const ref = pod.metadata.ownerReferences?.find(r => r.controller);
  if (!ref) return undefined;
  const owner = history.objectAt(ref.uid, atMs);
  return owner ? Number(owner.spec?.minReadySeconds ?? 0) : 0;
}

/** A segment while the lane is being built: Ready segments remember when they turn Available. */
interface DraftSegment extends Segment { availableFromMs?: number }
interface DraftLane extends Lane { segments: DraftSegment[] }

function addState(history: History, lane: DraftLane, r: WriteRecord): void {
  const pod = r.object as Stored<Pod>;
  const { state, detail } = podStateOf(pod);
  const last = lane.segments[lane.segments.length - 1];
  if (last && last.state === state && (last.detail === detail || state === 'Ready')) return;
  if (last) last.toMs = r.atMs;
  const segment: DraftSegment = { state, fromMs: r.atMs, toMs: Number.POSITIVE_INFINITY, detail };
  lane.segments.push(segment);
  const minReady = state === 'Ready' ? minReadySecondsOf(history, pod, r.atMs) : undefined;
  if (minReady !== undefined) {
    const readySince = readySinceMs(pod) ?? r.atMs;
    segment.availableFromMs = Math.max(r.atMs, firstAvailableMs(readySince, minReady));
  }
}

/** Ends open segments at endMs and splits Ready segments where they turn Available. */
function closeLane(lane: DraftLane, endMs: number): Lane {
  const out: Segment[] = [];
  for (const { availableFromMs, ...s } of lane.segments) {
    const toMs = Math.min(s.toMs, endMs);
    if (availableFromMs !== undefined && availableFromMs < toMs) {
      if (availableFromMs > s.fromMs) out.push({ ...s, toMs: availableFromMs });
      out.push({ state: 'Available', fromMs: availableFromMs, toMs, detail: 'Ready for minReadySeconds' });
    } else out.push({ ...s, toMs });
  }
  // A state replaced at the instant it began is dropped; the last one stays even if it has just begun.
  return { ...lane, segments: out.filter((s, i) => s.toMs > s.fromMs || i === out.length - 1) };
}

function eventMarker(r: WriteRecord, lanes: Map<string, DraftLane>): EventMarker | undefined {
  const e = r.object as unknown as Event;
  if (r.type === 'DELETED') return undefined;
  if (r.type === 'MODIFIED' && (r.previous as unknown as Event | undefined)?.count === e.count) return undefined;
  const io = e.involvedObject;
  const laneUid = io.kind === 'Pod' && io.uid && lanes.has(io.uid) ? io.uid : undefined;
  return { atMs: r.atMs, type: e.type ?? 'Normal', reason: e.reason ?? '', message: e.message ?? '', object: `${(io.kind ?? '').toLowerCase()}/${io.name}`, laneUid };
}

export function buildTimeline(history: History, annotations: Annotations | undefined, endMs: number, options: TimelineOptions = {}): Timeline {
  const maxLanes = options.maxLanes ?? 60;
  const lanes = new Map<string, DraftLane>();
  const events: EventMarker[] = [];
  let hidden = 0;
  for (const r of history.records) {
    if (r.kind === 'Event') {
      const m = eventMarker(r, lanes);
      if (m) events.push(m);
      continue;
    }
    if (r.kind !== 'Pod') continue;
    let lane = lanes.get(r.uid);
    if (!lane) {
      if (r.type !== 'ADDED') continue;
      if (lanes.size >= maxLanes) { hidden++; continue; }
      const owner = r.object.metadata.ownerReferences?.find(o => o.controller);
      lane = { uid: r.uid, namespace: r.namespace, name: r.name, owner: owner && `${owner.kind.toLowerCase()}/${owner.name}`, createdMs: r.atMs, segments: [] };
      lanes.set(r.uid, lane);
    }
    if (r.type === 'DELETED') {
      lane.deletedMs = r.atMs;
      const last = lane.segments[lane.segments.length - 1];
      if (last) last.toMs = r.atMs;
      continue;
    }
    addState(history, lane, r);
  }
  return {
    startMs: options.startMs ?? 0, endMs, lanes: [...lanes.values()].map(l => closeLane(l, endMs)), hiddenLanes: hidden, events,
    faults: annotations ? annotations.faults.map(f => ({ ...f })) : [],
    marks: annotations ? [...annotations.marks] : [],
  };
}
