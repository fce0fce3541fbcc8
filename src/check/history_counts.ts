// Counts over the recorded history: how many pods a workload created, and the most pods it had
// at once — things no single state shows, because pods come and go between any two looks.
import type { OwnerReference, Stored } from '../api/objects';
import type { History } from '../api/history';
import { durationText } from './durations';
import { ReplayView } from './view';
import { TrackedCheck, type StateCheck } from './state';
import { amountHolds, countNoun, type Amount } from './amount';
import { describeRef, type ObjectRef } from './refs';
import { makeFailure, windowText, type CheckOutcome } from './failure';
import { podsOf } from './checks/workloads';
import type { Since } from './temporal';
import type { CheckTarget } from './view';

const controllerOf = (refs: readonly OwnerReference[] | undefined): OwnerReference | undefined =>
  refs?.find(r => r.controller) ?? refs?.[0];

/** Kinds between a workload and its pods (a Deployment's pods belong to its ReplicaSets). */
const INTERMEDIATE: Record<string, string> = { Deployment: 'ReplicaSet', CronJob: 'Job' };

const sinceWords = (since: Since): string => (since.mark !== undefined ? `since ${JSON.stringify(since.mark)}, ` : '');

/** Names of the pods created (ADDED) since `since` whose controller is `ref`, directly or through its ReplicaSets/Jobs. */
export function podsCreatedBy(history: History, ref: ObjectRef, sinceIndex: number, endIndex = history.records.length): string[] {
  const ownersByUid = new Map<string, OwnerReference | undefined>();
  const via = INTERMEDIATE[ref.kind];
  const names: string[] = [];
  const isRef = (o: OwnerReference | undefined): boolean => o?.kind === ref.kind && o.name === ref.name;
  const records = history.records;
  for (let i = 0; i < endIndex; i++) {
    const r = records[i]!;
    if (r.kind === via && r.namespace === ref.namespace) ownersByUid.set(r.uid, controllerOf(r.object.metadata.ownerReferences));
    if (i < sinceIndex || r.kind !== 'Pod' || r.type !== 'ADDED' || r.namespace !== ref.namespace) continue;
    const owner = controllerOf(r.object.metadata.ownerReferences);
    if (isRef(owner) || (via && owner?.kind === via && isRef(ownersByUid.get(owner.uid)))) names.push(r.name);
  }
  return names;
}

export function checkCreated(t: CheckTarget, ref: ObjectRef, amount: Amount, since: Since): CheckOutcome {
  const history = t.store.history;
  const names = podsCreatedBy(history, ref, since.index);
  const description = `${describeRef(ref)} created ${countNoun(amount, 'pod')}`;
  if (amountHolds(amount, names.length)) return { ok: true, description, atMs: t.sim.nowMs };
  const shown = names.length > 10 ? `${names.slice(0, 10).join(', ')}, …` : names.join(', ');
  const view = new ReplayView(history);
  view.seek(history.records.length);
  view.atMs = t.sim.nowMs;
  const tracked = new TrackedCheck({ description, evaluate: () => ({ ok: false, observed: '' }), related: [ref.kind, 'Pod'], namespace: ref.namespace });
  return makeFailure({
    awaited: `${sinceWords(since)}${description}`, window: windowText(since.atMs, t.sim.nowMs),
    observed: `${countNoun(names.length, 'pod')} created${shown ? `: ${shown}` : ''}`, observedAtMs: t.sim.nowMs,
    historyIndex: history.records.length,
  }, view, tracked, t);
}

/** The largest number of pods `ref` owned at once (Terminating ones included), after any write since `since`. */
export function checkMostAtOnce(t: CheckTarget, ref: ObjectRef, amount: Amount, since: Since): CheckOutcome {
  const history = t.store.history;
  const description = `${describeRef(ref)} had ${countNoun(amount, 'pod')} at once`;
  const measure: StateCheck = {
    description, related: [ref.kind, 'Pod'], namespace: ref.namespace,
    evaluate: view => {
      const owner = view.get(ref.kind, ref.namespace, ref.name);
      const pods: Stored[] = owner ? podsOf(view, owner) : [];
      return { ok: true, observed: pods.map(p => p.metadata.name).join(', '), pending: String(pods.length) };
    },
  };
  const tracked = new TrackedCheck(measure);
  const view = new ReplayView(history);
  view.seek(since.index);
  view.atMs = since.atMs;
  const endIndex = history.records.length;
  let best = { n: -1, atMs: since.atMs, index: view.index, names: '' };
  const consider = (): void => {
    const obs = tracked.evaluate(view);
    const n = Number(obs.pending);
    if (n > best.n) best = { n, atMs: view.atMs, index: view.index, names: obs.observed };
  };
  consider();
  while (view.index < endIndex) {
    const r = view.step()!;
    if (tracked.affectedBy(r)) consider();
  }
  if (amountHolds(amount, best.n)) return { ok: true, description, atMs: t.sim.nowMs };
  const at = new ReplayView(history);
  at.seek(best.index);
  at.atMs = best.atMs;
  return makeFailure({
    awaited: `${sinceWords(since)}${description}`, window: windowText(since.atMs, t.sim.nowMs),
    observed: `at most ${countNoun(best.n, 'pod')} at once, first at ${durationText(best.atMs)}${best.names ? `: ${best.names}` : ''}`,
    observedAtMs: best.atMs, historyIndex: best.index,
  }, at, tracked, t);
}
