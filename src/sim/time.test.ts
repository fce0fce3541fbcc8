import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, parseDuration, parseRfc3339, toRfc3339, toRfc3339Micro } from './time';

test('timestamps are RFC 3339 of virtual time from 2025-01-01T00:00:00Z, truncated to seconds', () => {
  assert.equal(toRfc3339(0), '2025-01-01T00:00:00Z');
  assert.equal(toRfc3339(1999), '2025-01-01T00:00:01Z');
  assert.equal(toRfc3339(59 * 86_400_000 + 3_723_000), '2025-03-01T01:02:03Z');
  assert.equal(toRfc3339(366 * 86_400_000), '2026-01-02T00:00:00Z');
  assert.equal(toRfc3339Micro(1234), '2025-01-01T00:00:01.234000Z');
});

test('RFC 3339 parses back, with offsets and fractions', () => {
  assert.equal(parseRfc3339('2025-01-01T00:00:05Z'), 5000);
  assert.equal(parseRfc3339('2025-01-01T01:00:00+01:00'), 0);
  assert.equal(parseRfc3339('2025-01-01T00:00:00.250Z'), 250);
  assert.equal(parseRfc3339('2024-12-31T23:59:59Z'), -1000);
  assert.equal(parseRfc3339('yesterday'), undefined);
});

test('durations parse as Go writes them, bare numbers as seconds', () => {
  assert.equal(parseDuration('30s'), 30_000);
  assert.equal(parseDuration('1h30m'), 5_400_000);
  assert.equal(parseDuration('90s'), 90_000);
  assert.equal(parseDuration('200ms'), 200);
  assert.equal(parseDuration('1.5s'), 1500);
  assert.equal(parseDuration('30'), 30_000);
  assert.equal(parseDuration('0'), 0);
  assert.equal(parseDuration('soon'), undefined);
  assert.equal(parseDuration('5 m'), undefined);
});

test('durations format as Go time.Duration.String()', () => {
  assert.equal(formatDuration(0), '0s');
  assert.equal(formatDuration(500), '500ms');
  assert.equal(formatDuration(1500), '1.5s');
  assert.equal(formatDuration(60_000), '1m0s');
  assert.equal(formatDuration(90_000), '1m30s');
  assert.equal(formatDuration(7_200_000), '2h0m0s');
});

test('toRfc3339Micro (cached per second and per instant) equals the whole seconds plus the milliseconds as microseconds', () => {
  // Seconds far apart that share a cache slot, repeated instants, and every millisecond tail.
  const samples: number[] = [0, 999, 1000, 59_999, 86_400_000, 86_400_000 + 7, 3_600_000 * 24 * 366 + 123];
  for (let i = 0; i < 5000; i++) samples.push(((i * 2_654_435_761) % 4_000_000_000) + (i % 1000), i * 1000 + (i % 1000));
  for (const ms of [...samples, ...samples.slice().reverse()]) {
    const expected = `${toRfc3339(ms).slice(0, -1)}.${String(ms % 1000).padStart(3, '0')}000Z`;
    assert.equal(toRfc3339Micro(ms), expected, `at ${ms} ms`);
    assert.equal(parseRfc3339(toRfc3339Micro(ms)), ms);
  }
});
