// kube-scheduler scenarios on the default cluster (3 nodes of 4 CPUs, 16Gi, 110 pods).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { bare, eventWrites, podVersions } from '../kubelet/scenario_support';
import type { Pod } from '../api/objects';

test('a pod no node can hold stays Pending with FailedScheduling, is retried after 5 minutes, and binds when a node fits', () => {
  const c = new Cluster({ seed: 21 });
  c.client().create(bare('big', { image: 'nginx:1.27', resources: { requests: { cpu: '8' } } }));
  c.sim.advance(350_000);
  const message = '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..';
  const failed = eventWrites(c, 'big', 'FailedScheduling');
  assert.equal(failed[0]!.object.message, message);
  assert.deepEqual([failed[0]!.object.type, failed[0]!.object.source], ['Warning', { component: 'default-scheduler' }]);
  // Nothing in the cluster changes, so the pod waits in unschedulablePods until it has been there more
  // than 5 minutes; the leftover flush runs every 30 s from the scheduler's start: at 330 s (300 s is not "more").
  assert.deepEqual(failed.map(e => [e.atMs, e.object.count]), [[0, 1], [330_000, 2]]);
  const pod = c.store.get('Pod', 'default', 'big') as Pod;
  assert.equal(pod.status?.phase, 'Pending');
  assert.deepEqual(pod.status?.conditions?.map(x => [x.type, x.status, x.reason, x.message, x.lastTransitionTime]),
    [['PodScheduled', 'False', 'Unschedulable', message, '2025-01-01T00:00:00Z']]);
  // A node that fits: the node add is a cluster event NodeResourcesFit cares about → activeQ (back-off over).
  c.addNode({ name: 'node04', cpu: '16' });
  c.sim.advance(1);
  const bound = podVersions(c, 'big').find(v => v.object.spec.nodeName)!;
  assert.deepEqual([bound.atMs, bound.actor, bound.object.spec.nodeName], [350_000, 'default-scheduler', 'node04']);
  assert.equal(eventWrites(c, 'big', 'Scheduled')[0]!.object.message, 'Successfully assigned default/big to node04');
  assert.equal(bound.object.status?.conditions?.find(x => x.type === 'PodScheduled')?.status, 'True');
});

test('node selectors, taints and cordons give their own reasons; preemption is not helpful for them', () => {
  const c = new Cluster({ seed: 22, nodes: [
    { name: 'n1', labels: { disk: 'hdd' } },
    { name: 'n2', taints: [{ key: 'dedicated', value: 'infra', effect: 'NoSchedule' }], labels: { disk: 'ssd' } },
    { name: 'n3', unschedulable: true, labels: { disk: 'ssd' } },
  ] });
  c.client().create(bare('picky', { image: 'nginx:1.27' }, { nodeSelector: { disk: 'ssd' } }));
  c.sim.advance(0);
  assert.equal(eventWrites(c, 'picky', 'FailedScheduling')[0]!.object.message,
    "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {dedicated: infra}, 1 node(s) were unschedulable. " +
    'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..');
});

test("a controller's pods spread over the nodes; ties go to the seeded stream", () => {
  const spread = (seed: number): string[] => {
    // No controllers: the ReplicaSet only gives the pods an owner whose selector the spreading counts
    // (its own controller would delete the extra pods, at the pace of its client's rate limit).
    const c = new Cluster({ seed, controllers: [] });
    const k = c.client();
    const rs = k.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web' },
      spec: { replicas: 6, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } } });
    c.sim.advance(0);
    for (let i = 0; i < 6; i++) {
      const p = bare(`web-${i}`, { image: 'nginx:1.27' });
      p.metadata.labels = { app: 'web' };
      p.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true }];
      k.create(p);
      c.sim.advance(0);
    }
    return (c.store.list('Pod', 'default') as Pod[]).map(p => p.spec.nodeName!);
  };
  const nodes = spread(23);
  const counts = ['node01', 'node02', 'node03'].map(n => nodes.filter(x => x === n).length);
  assert.deepEqual(counts, [2, 2, 2]);
  assert.deepEqual(spread(23), nodes);
});

test('equal scores are broken by the seeded stream "kube-scheduler": the seed decides, the same seed decides the same', () => {
  const first = (seed: number): string => {
    const c = new Cluster({ seed });
    c.client().create(bare('solo', { image: 'nginx:1.27' }));
    c.sim.advance(0);
    return (c.store.get('Pod', 'default', 'solo') as Pod).spec.nodeName!;
  };
  const picks = [1, 2, 3, 4, 5, 6, 7, 8].map(first);
  assert.ok(new Set(picks).size > 1, `every seed picked ${picks[0]}`);
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8].map(first), picks);
});
