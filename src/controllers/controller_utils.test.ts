// ActivePodsWithRanks: the one-pass three-way comparison agrees with Less (controller_utils.go)
// asked both ways, on keys drawn to collide often, including unset times, NaN and equal uids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Stored } from '../api/objects';
import { comparePodRanks, type PodRankKey } from './controller_utils';

/** ActivePodsWithRanks.Less written out test by test, as upstream orders them. */
function less(a: PodRankKey, b: PodRankKey): boolean {
  const afterOrZero = (t1: number | undefined, t2: number | undefined): boolean =>
    t1 === undefined || t2 === undefined ? t1 === undefined : t1 > t2;
  if (a.node !== b.node && (a.node === '' || b.node === '')) return a.node === '';
  if (a.phase !== b.phase) return a.phase < b.phase;
  if (a.ready !== b.ready) return !a.ready;
  if (a.cost !== b.cost) return a.cost < b.cost;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (a.ready && b.ready && a.readyMs !== b.readyMs) {
    if (a.readyMs === undefined || b.readyMs === undefined) return afterOrZero(a.readyMs, b.readyMs);
    const diff = a.readyLog - b.readyLog;
    return diff === 0 ? a.uid < b.uid : diff < 0;
  }
  if (a.restarts !== b.restarts) return a.restarts > b.restarts;
  if (a.sidecarRestarts !== b.sidecarRestarts) return a.sidecarRestarts > b.sidecarRestarts;
  if (a.createdMs !== b.createdMs) {
    if (a.createdMs === undefined || b.createdMs === undefined) return afterOrZero(a.createdMs, b.createdMs);
    const diff = a.createdLog - b.createdLog;
    return diff === 0 ? a.uid < b.uid : diff < 0;
  }
  return false;
}

test('comparePodRanks is Less asked both ways', () => {
  // A fixed linear congruential sequence: the same keys every run.
  let seed = 12345;
  const next = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const pick = <T>(xs: T[]): T => xs[next(xs.length)]!;
  const key = (): PodRankKey => ({
    pod: {} as Stored, uid: pick(['a', 'b', 'c']), node: pick(['', 'n1', 'n2']), phase: pick([0, 1, 2]), ready: pick([true, false]),
    cost: pick([0, 1, -1]), readyMs: pick([undefined, 1000, 2000, NaN]), restarts: pick([0, 1, NaN]), sidecarRestarts: pick([0, 2]),
    createdMs: pick([undefined, 0, 500, NaN]), rank: pick([0, 1, 3]), readyLog: pick([-1, 30, 31]), createdLog: pick([-1, 30, 31]),
  });
  let decided = 0;
  for (let i = 0; i < 20_000; i++) {
    const a = key(), b = key();
    const want = less(a, b) ? -1 : less(b, a) ? 1 : 0;
    assert.equal(comparePodRanks(a, b), want, JSON.stringify([a, b]));
    if (want !== 0) decided++;
  }
  assert.ok(decided > 10_000);
});
