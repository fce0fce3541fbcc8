import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from './cluster';
import { pod, replicaSet } from '../api/test_support';

/** A scenario with generated names, uids, events, deletions and the collector at work. */
function run(seed: number): string {
  const c = new Cluster({ seed, watchLatencyMs: 50 });
  const k = c.client();
  const rs = k.create(replicaSet());
  for (let i = 0; i < 5; i++) {
    const p = pod('', { nodeName: `node0${i % 3 + 1}` });
    p.metadata = { generateName: 'web-', labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }] };
    k.create(p);
    c.recorder('replicaset-controller').event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${i}`);
    c.sim.advance(700);
  }
  k.delete('ReplicaSet', 'default', 'web');
  c.sim.advance(10_000);
  return JSON.stringify(c.store.history.records.map(r => [r.rv, r.atMs, r.type, r.actor, r.object]));
}

test('the same seed gives byte-identical histories', () => {
  const a = run(99);
  assert.equal(a, run(99));
  assert.notEqual(a, run(100));
});
