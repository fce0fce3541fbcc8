import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from './cluster';
import { replicaSet } from '../api/test_support';
import { RunawayError, runUntilStopped } from './runaway';

test('endless creation stops the simulation with a diagnosis naming the owner, the count and the reason', () => {
  const c = new Cluster({ runaway: { maxCreations: 100, windowMs: 60_000 } });
  c.api.admission.mutating.push({ name: 'relabel.example.com', kinds: ['Pod'], operations: ['CREATE'],
    mutate: r => { r.object.metadata.labels = { app: 'web-x' }; } });
  c.client().create(replicaSet('web'));
  assert.throws(() => c.sim.advance(120_000), (e: unknown) => {
    assert.ok(e instanceof RunawayError);
    assert.match(e.message, /^ReplicaSet default\/web created 100 pods in \d+(\.\d+)?s of virtual time; each was released because its labels \{app: web-x\} do not match the selector app=web$/);
    return true;
  });
  assert.ok(c.sim.nowMs < 120_000, 'stopped early');
});

test('a large legitimate scale-up is not a runaway', () => {
  const c = new Cluster({ runaway: { maxCreations: 100, windowMs: 60_000 } });
  const rs = replicaSet('web');
  rs.spec.replicas = 300;
  c.client().create(rs);
  c.sim.advance(60_000);
  assert.equal(c.store.list('Pod', 'default').length, 300);
});

test('runUntilStopped returns the diagnosis and leaves the clock where kukumber stopped; undefined when nothing stops it', () => {
  const c = new Cluster({ runaway: { maxCreations: 20, windowMs: 60_000 } });
  c.faults.relabelWebhook('relabel', ['Pod'], { app: 'web-x' }, { atMs: 0 });
  c.client().create(replicaSet('web'));
  const stopped = runUntilStopped(c, 120_000);
  assert.match(stopped ?? '', /^ReplicaSet default\/web created 20 pods in /);
  assert.ok(c.sim.nowMs < 120_000);
  assert.equal(runUntilStopped(new Cluster(), 1000), undefined);
});
