import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Backoff, jitter, newContainerBackoff, newImageBackoff } from './backoff';

test('crash-loop back-off: 10 s doubling to a 300 s cap, measured from the exit', () => {
  const b = newContainerBackoff();
  const seen: number[] = [];
  let t = 0;
  for (let i = 0; i < 8; i++) {
    b.next('c', t, t);
    seen.push(b.get('c'));
    t += 1000; // each exit shortly after the last restart
  }
  assert.deepEqual(seen, [10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
  // IsInBackOffSince(id, finishedAt): in back-off while now - finishedAt < backoff.
  assert.equal(b.isInBackOffSince('c', 100_000, 399_999), true);
  assert.equal(b.isInBackOffSince('c', 100_000, 400_000), false);
  assert.equal(b.isInBackOffSince('unknown', 0, 1), false);
});

test('crash-loop back-off resets once a container ran more than 10 minutes after its last restart', () => {
  const b = newContainerBackoff();
  b.next('c', 0, 0);
  b.next('c', 5_000, 5_000);
  assert.equal(b.get('c'), 20_000);
  // Exit 600 s after the last update: not expired yet (the rule is "more than 600 s").
  assert.equal(b.isInBackOffSince('c', 605_000, 605_001), true);
  // Exit 600.001 s after: expired, so no back-off and Next starts again at 10 s.
  assert.equal(b.isInBackOffSince('c', 605_001, 605_002), false);
  b.next('c', 605_001, 605_002);
  assert.equal(b.get('c'), 10_000);
});

test('image pull back-off counts from the last failed pull (IsInBackOffSinceUpdate)', () => {
  const b = newImageBackoff();
  b.next('pod_img', 1_000, 1_000);
  assert.equal(b.isInBackOffSinceUpdate('pod_img', 10_999), true);
  assert.equal(b.isInBackOffSinceUpdate('pod_img', 11_000), false);
  b.next('pod_img', 13_000, 13_000);
  assert.equal(b.get('pod_img'), 20_000);
  // client-go's default expiry: more than 2 × max (600 s) after the last update.
  assert.equal(b.isInBackOffSinceUpdate('pod_img', 613_001), false);
});

test('gc drops keys idle for twice the maximum', () => {
  const b = new Backoff(1000, 5000);
  b.next('a', 0, 0);
  b.gc(10_000);
  assert.equal(b.get('a'), 1000);
  b.gc(10_001);
  assert.equal(b.get('a'), 0);
});

test('wait.Jitter adds up to factor × duration', () => {
  assert.equal(jitter(60_000, 0.5, { float: () => 0 }), 60_000);
  assert.equal(jitter(60_000, 0.5, { float: () => 0.999999 }), 89_999);
  assert.equal(jitter(10_000, 0.5, { float: () => 0.5 }), 12_500);
});
