// Temporal qualifiers over any state check. Each reads the recorded history and, when it looks
// ahead, drives the simulation itself:
//   now        — the current state;
//   within D   — runs events until the check holds after one (stopping at once, so later events
//                of that instant have not run), or until now + D inclusive;
//   for D      — runs events to now + D inclusive; the check must hold now and after every write;
//   always / never — over the history since the scenario start or a mark, after every write;
//   at T       — the state at virtual instant T: from history when T has passed, else by advancing.
// Liveness (within) is judged on the state after each event, which is what the next step sees;
// safety (for, always, never) on the state after each write, so a violation that one event
// makes and undoes is still caught. Checks that read the clock are also re-evaluated after every
// event; between writes, history holds nothing to check.
import type { WriteRecord } from '../api/history';
import { durationText } from './durations';
import { LiveView, ReplayView, type CheckTarget, type ClusterView } from './view';
import { not, TrackedCheck, type Observation, type StateCheck } from './state';
import { makeFailure, windowText, type CheckOutcome } from './failure';

export type { CheckTarget } from './view';

/** Where an always/never window starts: after `index` writes, at atMs; named for a mark. */
export interface Since { mark?: string; index: number; atMs: number }

const pass = (check: StateCheck, atMs: number): CheckOutcome => ({ ok: true, description: check.description, atMs });

const causeOf = (r: WriteRecord): string =>
  `after ${r.kind.toLowerCase()}/${r.name} ${r.type} by ${r.actor}`;

function fail(t: CheckTarget, tracked: TrackedCheck, view: ClusterView, awaited: string, obs: Observation,
  extra: { window?: string; cause?: string; historyIndex?: number } = {}): CheckOutcome {
  return makeFailure({
    awaited, window: extra.window, observed: obs.observed, observedAtMs: view.atMs, cause: extra.cause, pending: obs.pending,
    historyIndex: extra.historyIndex ?? t.store.history.records.length,
  }, view, tracked, t);
}

export function checkNow(t: CheckTarget, check: StateCheck): CheckOutcome {
  const tracked = new TrackedCheck(check);
  const view = new LiveView(t.sim, t.store);
  const obs = tracked.evaluate(view);
  return obs.ok ? pass(check, t.sim.nowMs) : fail(t, tracked, view, check.description, obs);
}

export function checkWithin(t: CheckTarget, check: StateCheck, durationMs: number): CheckOutcome {
  const startMs = t.sim.nowMs;
  const deadlineMs = startMs + durationMs;
  const tracked = new TrackedCheck(check);
  const view = new LiveView(t.sim, t.store);
  const records = t.store.history.records;
  let seen = records.length;
  let obs = tracked.evaluate(view);
  // Re-evaluate only when a write since the last evaluation touched a kind the check reads.
  const changed = (): boolean => {
    let hit = tracked.readsTime;
    for (; seen < records.length; seen++) if (!hit && tracked.affectedBy(records[seen]!)) hit = true;
    return hit;
  };
  const met = obs.ok || t.sim.runUntil(() => changed() && (obs = tracked.evaluate(view)).ok, deadlineMs);
  if (met) return pass(check, t.sim.nowMs);
  obs = tracked.evaluate(view);
  return fail(t, tracked, view, `within ${durationText(durationMs)}, ${check.description}`, obs,
    { window: windowText(startMs, deadlineMs) });
}

/** Steps `view` through new writes, evaluating after each that matters; returns the first failing write. */
function scanWrites(view: ReplayView, tracked: TrackedCheck, endIndex = Infinity): { record: WriteRecord; obs: Observation } | undefined {
  while (view.index < endIndex) {
    const r = view.step();
    if (r === undefined) return undefined;
    if (!tracked.affectedBy(r)) continue;
    const obs = tracked.evaluate(view);
    if (!obs.ok) return { record: r, obs };
  }
  return undefined;
}

export function checkFor(t: CheckTarget, check: StateCheck, durationMs: number): CheckOutcome {
  const startMs = t.sim.nowMs;
  const endMs = startMs + durationMs;
  const awaited = `for ${durationText(durationMs)}, ${check.description}`;
  const window = windowText(startMs, endMs);
  const tracked = new TrackedCheck(check);
  const view = new ReplayView(t.store.history);
  view.seek(t.store.history.records.length);
  view.atMs = startMs;
  const first = tracked.evaluate(view);
  if (!first.ok) return fail(t, tracked, view, awaited, first, { window, historyIndex: view.index });
  let broken: { record?: WriteRecord; obs: Observation } | undefined;
  t.sim.runUntil(() => {
    broken = scanWrites(view, tracked);
    if (!broken && tracked.readsTime) {
      view.atMs = t.sim.nowMs;
      const obs = tracked.evaluate(view);
      if (!obs.ok) broken = { obs };
    }
    return broken !== undefined;
  }, endMs);
  if (!broken) return pass(check, t.sim.nowMs);
  return fail(t, tracked, view, awaited, broken.obs,
    { window, cause: broken.record && causeOf(broken.record), historyIndex: view.index });
}

function overHistory(t: CheckTarget, check: StateCheck, since: Since, mode: 'always' | 'never'): CheckOutcome {
  const tracked = new TrackedCheck(mode === 'always' ? check : not(check));
  const view = new ReplayView(t.store.history);
  view.seek(since.index);
  view.atMs = since.atMs;
  const endIndex = t.store.history.records.length;
  const awaited = `${mode}${since.mark !== undefined ? ` since ${JSON.stringify(since.mark)}` : ''}, ${check.description}`;
  const window = windowText(since.atMs, t.sim.nowMs);
  const first = tracked.evaluate(view);
  if (!first.ok) return fail(t, tracked, view, awaited, first, { window, historyIndex: view.index });
  const broken = scanWrites(view, tracked, endIndex);
  if (!broken) return pass(check, t.sim.nowMs);
  return fail(t, tracked, view, awaited, broken.obs, { window, cause: causeOf(broken.record), historyIndex: view.index });
}

/** The check held in the state after every write since `since` (and in the state at `since`). */
export function checkAlways(t: CheckTarget, check: StateCheck, since: Since): CheckOutcome {
  return overHistory(t, check, since, 'always');
}

/** The check held in no state since `since`. */
export function checkNever(t: CheckTarget, check: StateCheck, since: Since): CheckOutcome {
  return overHistory(t, check, since, 'never');
}

/** The state at virtual instant atMs, after every write made at that instant. */
export function checkAt(t: CheckTarget, check: StateCheck, atMs: number): CheckOutcome {
  const tracked = new TrackedCheck(check);
  let view: ClusterView;
  let historyIndex: number;
  if (atMs > t.sim.nowMs) {
    t.sim.advance(atMs - t.sim.nowMs);
    view = new LiveView(t.sim, t.store);
    historyIndex = t.store.history.records.length;
  } else {
    const replay = new ReplayView(t.store.history);
    replay.seekTime(atMs);
    view = replay;
    historyIndex = replay.index;
  }
  const obs = tracked.evaluate(view);
  return obs.ok ? pass(check, atMs) : fail(t, tracked, view, `at ${durationText(atMs)}, ${check.description}`, obs, { historyIndex });
}
