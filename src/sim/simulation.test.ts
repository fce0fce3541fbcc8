import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Simulation, SimulationLimitError } from './simulation';

test('advance runs events due exactly at the end and leaves now at the end', () => {
  const sim = new Simulation(1);
  const ran: number[] = [];
  sim.schedule(1000, 'a', () => ran.push(sim.nowMs));
  sim.schedule(1001, 'b', () => ran.push(sim.nowMs));
  sim.advance(1000);
  assert.deepEqual(ran, [1000]);
  assert.equal(sim.nowMs, 1000);
  sim.advance(0);
  assert.deepEqual(ran, [1000]);
  sim.advance(1);
  assert.deepEqual(ran, [1000, 1001]);
});

test('advance(0) runs what is already due now, including what those events schedule at now', () => {
  const sim = new Simulation(1);
  const ran: string[] = [];
  sim.schedule(0, 'first', () => { ran.push('first'); sim.schedule(0, 'second', () => ran.push('second')); });
  sim.advance(0);
  assert.deepEqual(ran, ['first', 'second']);
});

test('runUntil stops right after the event that makes the predicate true', () => {
  const sim = new Simulation(1);
  let x = 0;
  for (let i = 1; i <= 5; i++) sim.schedule(i * 100, `inc ${i}`, () => { x++; });
  assert.equal(sim.runUntil(() => x === 3, 10_000), true);
  assert.equal(sim.nowMs, 300);
  assert.equal(sim.pendingEvents, 2);
});

test('runUntil returns false at the deadline, inclusive of events due then', () => {
  const sim = new Simulation(1);
  let x = 0;
  sim.schedule(500, 'inc', () => { x++; });
  sim.schedule(501, 'inc', () => { x++; });
  assert.equal(sim.runUntil(() => x === 2, 500), false);
  assert.equal(x, 1);
  assert.equal(sim.nowMs, 500);
});

test('runUntil checks the predicate before running anything', () => {
  const sim = new Simulation(1);
  sim.schedule(10, 'never', () => assert.fail('should not run'));
  assert.equal(sim.runUntil(() => true, 100), true);
  assert.equal(sim.nowMs, 0);
});

test('an event loop that never lets time move is stopped with what kept firing', () => {
  const sim = new Simulation(1, { maxEventsPerAdvance: 1000 });
  const spin = (): void => { sim.schedule(0, 'controller: sync default/web', spin); };
  spin();
  assert.throws(() => sim.advance(1000), (e: unknown) => {
    assert.ok(e instanceof SimulationLimitError);
    assert.match(e.message, /1000 events ran without virtual time moving past 0s/);
    assert.match(e.message, /"controller: sync default\/web"/);
    return true;
  });
});

test('observers see every event after it runs', () => {
  const sim = new Simulation(1);
  const seen: string[] = [];
  sim.observe(ev => seen.push(`${ev.label}@${sim.nowMs}`));
  sim.schedule(5, 'x', () => {});
  sim.schedule(7, 'y', () => {});
  sim.advance(10);
  assert.deepEqual(seen, ['x@5', 'y@7']);
});

test('cancelling an event that already ran leaves the pending count alone', () => {
  const sim = new Simulation(1);
  const ran = sim.schedule(100, 'first', () => {});
  sim.schedule(200, 'second', () => {});
  sim.runUntil(() => false, 150);
  assert.equal(sim.pendingEvents, 1);
  sim.cancel(ran);
  assert.equal(sim.pendingEvents, 1);
});
