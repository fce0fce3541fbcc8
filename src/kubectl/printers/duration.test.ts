import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanDuration, shortHumanDuration, translateTimestampSince } from './duration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

test('HumanDuration at every boundary of apimachinery duration.go', () => {
  const cases: [number, string][] = [
    [-2 * S, '<invalid>'], [-1999, '0s'], [-1 * S, '0s'], [-1, '0s'], [0, '0s'], [999, '0s'], [1 * S, '1s'],
    [119 * S + 999, '119s'], [2 * M, '2m'], [2 * M + 1 * S, '2m1s'], [9 * M + 59 * S, '9m59s'], [10 * M, '10m'],
    [10 * M + 59 * S, '10m'], [179 * M + 59 * S, '179m'], [3 * H, '3h'], [3 * H + 1 * M, '3h1m'], [7 * H + 59 * M, '7h59m'],
    [8 * H, '8h'], [8 * H + 59 * M, '8h'], [47 * H + 59 * M, '47h'], [48 * H, '2d'], [48 * H + 1 * H, '2d1h'], [7 * D + 23 * H, '7d23h'],
    [8 * D, '8d'], [8 * D + 23 * H, '8d'], [2 * Y - 1 * H, '729d'], [2 * Y, '2y'], [2 * Y + 1 * D, '2y1d'], [8 * Y - 1 * D, '7y364d'],
    [8 * Y, '8y'], [9 * Y + 100 * D, '9y'],
  ];
  for (const [ms, want] of cases) assert.equal(humanDuration(ms), want, `HumanDuration(${ms}ms)`);
});

test('ShortHumanDuration uses a single unit', () => {
  const cases: [number, string][] = [
    [-2 * S, '<invalid>'], [-1 * S, '0s'], [59 * S, '59s'], [60 * S, '1m'], [59 * M + 59 * S, '59m'], [60 * M, '1h'],
    [23 * H + 59 * M, '23h'], [24 * H, '1d'], [364 * D, '364d'], [365 * D, '1y'], [3 * Y, '3y'],
  ];
  for (const [ms, want] of cases) assert.equal(shortHumanDuration(ms), want, `ShortHumanDuration(${ms}ms)`);
});

test('ages count from whole-second timestamps to a millisecond clock', () => {
  // Created at 00:00:01 (t=1.9s truncated by the server), now t=3.1s: 2.1s old → "2s".
  assert.equal(translateTimestampSince('2025-01-01T00:00:01Z', 3100), '2s');
  assert.equal(translateTimestampSince(undefined, 3100), '<unknown>');
  assert.equal(translateTimestampSince(null, 3100), '<unknown>');
  // A timestamp 1.5 s ahead of the clock is tolerated; 2 s ahead is invalid.
  assert.equal(translateTimestampSince('2025-01-01T00:00:10Z', 8500), '0s');
  assert.equal(translateTimestampSince('2025-01-01T00:00:10Z', 8000), '<invalid>');
});
