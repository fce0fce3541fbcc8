import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventQueue } from './event_queue';

test('events pop in time order, first-in first-out within the same instant', () => {
  const q = new EventQueue();
  const times = [5, 1, 5, 3, 1, 5, 2, 1];
  const names = 'abcdefgh'.split('');
  times.forEach((t, i) => q.push(t, names[i]!, () => {}));
  const order: string[] = [];
  for (let ev = q.pop(); ev; ev = q.pop()) order.push(ev.label);
  assert.equal(order.join(''), 'behgdacf');
});

test('cancelled events are skipped and not counted', () => {
  const q = new EventQueue();
  const a = q.push(1, 'a', () => {});
  q.push(2, 'b', () => {});
  q.cancel(a);
  assert.equal(q.size, 1);
  assert.equal(q.peekTime(), 2);
  assert.equal(q.pop()?.label, 'b');
  assert.equal(q.pop(), undefined);
});

test('a large shuffled load comes out sorted by (time, seq)', () => {
  const q = new EventQueue();
  let x = 12345;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < 5000; i++) q.push(next() % 100, String(i), () => {});
  let prev = { at: -1, seq: -1 };
  for (let ev = q.pop(); ev; ev = q.pop()) {
    assert.ok(ev.atMs > prev.at || (ev.atMs === prev.at && ev.seq > prev.seq));
    prev = { at: ev.atMs, seq: ev.seq };
  }
});

test('an instant keeps its order when its first event is cancelled or taken before more arrive', () => {
  const q = new EventQueue();
  const a = q.push(4, 'a', () => {});
  q.push(4, 'b', () => {});
  q.cancel(a);
  assert.equal(q.peekTime(), 4);
  assert.equal(q.pop()?.label, 'b');
  // An instant whose only event was taken gets more while it runs (schedule(0) at "now").
  q.push(6, 'c', () => {});
  assert.equal(q.popDue(6)?.label, 'c');
  q.push(6, 'd', () => {});
  const e = q.push(6, 'e', () => {});
  q.push(6, 'f', () => {});
  q.cancel(e);
  assert.deepEqual([q.pop()?.label, q.pop()?.label, q.pop()], ['d', 'f', undefined]);
  assert.equal(q.size, 0);
});

test('random pushes, cancels and pops agree with a sorted list, across instants revisited after they ran dry', () => {
  const q = new EventQueue();
  const model: { atMs: number; seq: number; label: string }[] = [];
  const queued: ReturnType<EventQueue['push']>[] = [];
  let x = 987654;
  const next = (n: number): number => (x = (x * 1103515245 + 12345) % 2147483648) % n;
  let now = 0;
  for (let i = 0; i < 10_000; i++) {
    const op = next(10);
    if (op < 5) {
      const ev = q.push(now + next(4), String(i), () => {});
      queued.push(ev);
      model.push({ atMs: ev.atMs, seq: ev.seq, label: ev.label });
    } else if (op < 6 && queued.length > 0) {
      const ev = queued.splice(next(queued.length), 1)[0]!;
      q.cancel(ev);
      model.splice(model.findIndex(m => m.seq === ev.seq), 1);
    } else {
      model.sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
      const want = model.shift();
      const got = q.pop();
      assert.equal(got?.label, want?.label);
      if (got) {
        now = got.atMs;
        queued.splice(queued.indexOf(got), 1);
        // A taken event holds no link to the events queued after it.
        assert.equal((got as unknown as { next?: unknown }).next, undefined);
      }
    }
    assert.equal(q.size, model.length);
  }
});
