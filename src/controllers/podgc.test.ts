// Pod garbage collector: terminating pods on a NotReady node tainted out-of-service are failed and
// force-deleted by the next 20 s run (gc_controller.go gcTerminating).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import type { Node } from '../api/objects';
import { bare, podVersions } from '../kubelet/scenario_support';

test('terminating pods on a NotReady node tainted out-of-service are failed and deleted by PodGC', () => {
  const c = new Cluster({ seed: 41 });
  for (let i = 0; i < 2; i++) c.client().create(bare(`web-${i}`, { image: 'nginx:1.27' }, { nodeName: 'node02' }));
  c.sim.advance(60_000);
  c.crashNode('node02');
  // Unknown 55–60 s after the last renewal (grace 50 s, 5 s passes); 200 s is well past that.
  c.sim.advance(140_000);
  for (let i = 0; i < 2; i++) c.client().delete('Pod', 'default', `web-${i}`);
  c.sim.advance(45_000);
  // No kubelet finishes them: still there, Terminating.
  assert.equal(c.store.list('Pod', 'default').length, 2);
  const taintedAt = c.sim.nowMs;
  assert.equal(taintedAt, 245_000);
  c.client().mutate<Node>('Node', '', 'node02', n => {
    n.spec.taints = [...(n.spec.taints ?? []), { key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' }];
  });
  c.sim.advance(20_000);
  // PodGC runs every 20 s from t=0: the run at 260 s is the first to see the taint.
  for (let i = 0; i < 2; i++) {
    const gc = podVersions(c, `web-${i}`).filter(v => v.actor === 'pod-garbage-collector');
    // The status write, then the DELETE with grace 0 (which ends in DELETED).
    assert.ok(gc.length >= 2 && gc.every(v => v.atMs === 260_000), JSON.stringify(gc.map(v => [v.atMs, v.type])));
    assert.deepEqual([gc[0]!.type, gc.at(-1)!.type], ['MODIFIED', 'DELETED']);
    assert.equal(gc[0]!.object.status?.phase, 'Failed');
    assert.equal(gc[0]!.object.status?.conditions?.find(x => x.type === 'DisruptionTarget')?.message, 'PodGC: node is out of service');
  }
  assert.equal(c.store.list('Pod', 'default').length, 0);
});
