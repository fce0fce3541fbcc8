// The Events an object got, in the order they were recorded, read from the history: a new Event,
// or a repeat the correlator folded into an existing one (its count going up, its message the
// latest — "(combined from similar events): …" once aggregated). What `kubectl describe` would have
// shown line by line had it been watched the whole time.
import type { Event } from '../api/objects';
import type { History } from '../api/history';
import { lineMatches } from '../kubectl/transcript/match';
import { durationText } from './durations';
import { describeRef, type ObjectRef } from './refs';
import { ReplayView, type CheckTarget } from './view';
import { TrackedCheck } from './state';
import { makeFailure, windowText, type CheckOutcome } from './failure';
import type { Since } from './temporal';

export interface RecordedEvent { atMs: number; message: string }

/** Expected lines: the message (with "..." wildcards) and, when given, the instant. */
export interface ExpectedEvent { atMs?: number; message: string }

/** Events about `ref` with `reason` recorded at or after history index `sinceIndex`. */
export function eventsRecorded(history: History, ref: ObjectRef, reason: string, sinceIndex: number): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  const records = history.records;
  for (let i = sinceIndex; i < records.length; i++) {
    const r = records[i]!;
    if (r.kind !== 'Event' || r.type === 'DELETED') continue;
    const e = r.object as unknown as Event;
    const about = e.involvedObject;
    if (e.reason !== reason || about?.kind !== ref.kind || about.name !== ref.name || (about.namespace ?? '') !== ref.namespace) continue;
    const before = r.previous as unknown as Event | undefined;
    if (r.type === 'MODIFIED' && (e.count ?? 1) <= (before?.count ?? 1)) continue;
    out.push({ atMs: r.atMs, message: e.message ?? '' });
  }
  return out;
}

const line = (e: RecordedEvent): string => `${durationText(e.atMs)}  ${e.message}`;
const expectedLine = (e: ExpectedEvent): string => `${e.atMs === undefined ? '…' : durationText(e.atMs)}  ${e.message}`;

const matches = (want: ExpectedEvent, got: RecordedEvent | undefined): boolean =>
  got !== undefined && (want.atMs === undefined || want.atMs === got.atMs) && lineMatches(want.message, got.message);

/** The events recorded since `since` are exactly `expected`, in order. */
export function checkEventSequence(t: CheckTarget, ref: ObjectRef, reason: string, expected: ExpectedEvent[], since: Since): CheckOutcome {
  const history = t.store.history;
  const got = eventsRecorded(history, ref, reason, since.index);
  const sinceWords = since.mark !== undefined ? `since ${JSON.stringify(since.mark)}, ` : '';
  const description = `${describeRef(ref)} got these ${JSON.stringify(reason)} events: ${expected.map(expectedLine).join('; ')}`;
  const firstDiff = expected.findIndex((e, i) => !matches(e, got[i]));
  const ok = firstDiff < 0 && got.length === expected.length;
  if (ok) return { ok: true, description, atMs: t.sim.nowMs };
  const at = firstDiff < 0 ? expected.length : firstDiff;
  const view = new ReplayView(history);
  view.seek(history.records.length);
  view.atMs = t.sim.nowMs;
  const tracked = new TrackedCheck({ description, evaluate: () => ({ ok: false, observed: '' }), related: ref.kind === 'Deployment' ? [ref.kind, 'ReplicaSet'] : [ref.kind], namespace: ref.namespace });
  const shown = got.length ? got.map(line).join('; ') : 'none';
  return makeFailure({
    awaited: `${sinceWords}${description}`, window: windowText(since.atMs, t.sim.nowMs),
    observed: `${got.length} recorded: ${shown} (first difference at line ${at + 1})`, observedAtMs: t.sim.nowMs,
    historyIndex: history.records.length,
  }, view, tracked, t);
}
