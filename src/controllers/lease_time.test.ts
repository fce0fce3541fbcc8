import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renewTimeMs } from './lease_time';
import { parseRfc3339, toRfc3339Micro } from '../sim/time';

test('a renewal time read after an earlier one is the value parseRfc3339 gives', () => {
  // Kubelet renewals 10 s apart (with jitter), across minute, hour and day boundaries.
  let seenMs = 86_400_000 - 95_000;
  let seen = toRfc3339Micro(seenMs);
  for (let i = 0; i < 2_000; i++) {
    const nowMs = seenMs + 10_000 + ((i * 7919) % 400);
    const renew = toRfc3339Micro(nowMs);
    assert.equal(renewTimeMs(renew, seen, parseRfc3339(seen)), parseRfc3339(renew), renew);
    seenMs = nowMs;
    seen = renew;
  }
});

test('renewal times in other shapes fall back to the full parse', () => {
  const seen = '2025-01-01T10:00:00.000000Z';
  for (const renew of ['2025-01-01T10:00:10.5Z', '2025-01-01T10:00:10Z', '2025-01-01T10:00:10.123456789Z', '2025-01-01T10:00:10.250000+01:00', '2025-01-02T10:00:10.000000Z', 'garbage']) {
    assert.equal(renewTimeMs(renew, seen, parseRfc3339(seen)), parseRfc3339(renew), renew);
  }
});
