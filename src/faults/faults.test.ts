import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { replicaSet } from '../api/test_support';
import { startFakeKubelet } from '../controllers/testing';
import type { Event } from '../api/objects';
import { WITHOUT_NODES } from '../cluster/testing';

const pods = (c: Cluster): number => c.store.list('Pod', 'default').filter(p => !p.metadata.deletionTimestamp).length;
const reasons = (c: Cluster): string[] => (c.store.list('Event', 'default') as unknown as Event[]).map(e => `${e.reason}: ${e.message}`);

test('500s on every pod create: FailedCreate events and ReplicaFailure, then convergence once healed', () => {
  const c = new Cluster(WITHOUT_NODES);
  c.faults.apiErrors({ verb: 'create', kind: 'Pod' }, 500, { atMs: 0, durationMs: 30_000 });
  c.client().create(replicaSet('web'));
  c.sim.advance(29_000);
  assert.equal(pods(c), 0);
  assert.ok(reasons(c).includes('FailedCreate: Error creating: Internal error occurred: injected fault'));
  const cond = c.store.get('ReplicaSet', 'default', 'web')!.status?.conditions?.[0];
  assert.equal(cond?.type, 'ReplicaFailure');
  assert.equal(cond?.reason, 'FailedCreate');
  // After the heal the rate-limited retry (5 ms doubling per failure, capped) succeeds within a couple of minutes.
  c.sim.advance(180_000);
  assert.equal(pods(c), 2);
  assert.equal(c.store.get('ReplicaSet', 'default', 'web')!.status?.conditions, undefined);
  const [r] = c.annotations.faults;
  assert.deepEqual([r!.name, r!.detail, r!.startMs, r!.healMs], ['api-errors', '500 errors on create Pod requests', 0, 30_000]);
});

test('a fraction of failing requests is drawn from the seed: the same seed fails the same requests', () => {
  const run = (seed: number): string => {
    const c = new Cluster({ ...WITHOUT_NODES, seed });
    c.faults.apiErrors({ verb: 'create', kind: 'Pod', fraction: 0.5 }, 429, { atMs: 0 });
    const rs = replicaSet('web');
    rs.spec.replicas = 20;
    c.client().create(rs);
    c.sim.advance(60_000);
    return JSON.stringify(c.store.history.records.map(r => [r.atMs, r.type, r.kind, r.object.metadata.name]));
  };
  assert.equal(run(5), run(5));
  assert.notEqual(run(5), run(6));
});

test('kube-controller-manager down: nothing reconciles; back up with empty memory, it catches up', () => {
  const c = new Cluster(WITHOUT_NODES);
  c.faults.controllerManagerDown({ atMs: 0, durationMs: 60_000 });
  c.sim.advance(0);
  c.client().create(replicaSet('web'));
  c.sim.advance(59_999);
  assert.equal(pods(c), 0);
  c.sim.advance(1);
  assert.equal(pods(c), 2);
});

test('watch events to the controller manager delayed: pods appear only after the delay', () => {
  const c = new Cluster(WITHOUT_NODES);
  c.faults.watchDelay('kube-controller-manager', 5_000, { atMs: 0, durationMs: 60_000 });
  c.sim.advance(0);
  c.client().create(replicaSet('web'));
  c.sim.advance(4_999);
  assert.equal(pods(c), 0);
  c.sim.advance(1);
  assert.equal(pods(c), 2);
});

test('a dropped watch loses events in the gap; the relist catches up', () => {
  const c = new Cluster(WITHOUT_NODES);
  startFakeKubelet(c);
  c.client().create(replicaSet('web'));
  c.sim.advance(5_000);
  c.faults.dropWatches('kube-controller-manager', { atMs: 6_000, durationMs: 2_000 });
  c.sim.advance(1_500);
  const victim = c.store.list('Pod', 'default')[0]!.metadata.name;
  c.client().delete('Pod', 'default', victim, { gracePeriodSeconds: 0 });
  c.sim.advance(1_499);
  assert.equal(pods(c), 1, 'the deletion went unseen during the gap (6.5s to 8s)');
  c.sim.advance(1);
  assert.equal(pods(c), 2, 'the relist at 8s noticed and the pod was replaced');
});

test('API latency holds the controller and the watchers for as long as its requests take', () => {
  const c = new Cluster(WITHOUT_NODES);
  c.faults.apiLatency({ verb: 'create', kind: 'Pod' }, 2_000, { atMs: 0 });
  c.client().create(replicaSet('web'));
  c.sim.advance(1_999);
  const seen: string[] = [];
  c.api.watch('Pod', { watcher: 'probe' }, e => seen.push(e.type));
  assert.equal(pods(c), 2, 'creates happen at once');
  c.sim.advance(0);
  assert.deepEqual(seen, [], 'but watchers hear of them 2 s later');
});
