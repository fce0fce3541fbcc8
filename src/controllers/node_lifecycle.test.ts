// Node lifecycle scenarios: heartbeats stop, the node goes NotReady/Unknown, the unreachable taints
// come, the pods are evicted when their 300 s toleration runs out and stay Terminating while no
// kubelet can finish them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { parseRfc3339 } from '../sim/time';
import type { Node, Pod } from '../api/objects';
import { bare, eventWrites, podVersions } from '../kubelet/scenario_support';
import { renewTimeMs } from './lease_time';

/** Three pods pinned to node02, then node02's kubelet is cut off at 60 s; returns the last lease renewal instant. */
function partitioned(seed: number, cut: (c: Cluster) => void): { c: Cluster; lastRenewMs: number } {
  const c = new Cluster({ seed });
  for (let i = 0; i < 3; i++) c.client().create(bare(`web-${i}`, { image: 'nginx:1.27' }, { nodeName: 'node02' }));
  c.sim.advance(60_000);
  cut(c);
  const renewals = c.store.history.records.filter(r => r.kind === 'Lease' && r.name === 'node02').map(r => parseRfc3339((r.object.spec as { renewTime: string }).renewTime)!);
  return { c, lastRenewMs: renewals.at(-1)! };
}

const readyOf = (n: Node | Pod) => n.status?.conditions?.find(x => x.type === 'Ready');

test('a node that stops heartbeating becomes NotReady and its pods are evicted 300 s after the taint', () => {
  const { c, lastRenewMs } = partitioned(31, cl => cl.partitionNode('node02'));
  // The controller monitors every 5 s (from t=0) and notes a renewal at the first tick after it: P.
  const P = Math.ceil(lastRenewMs / 5000) * 5000;
  c.sim.advance(P + 400_000 - c.sim.nowMs);
  const nodeVersions = c.store.history.records.filter(r => r.kind === 'Node' && r.name === 'node02' && r.actor === 'node-lifecycle-controller');
  // Unknown at the first tick strictly more than 50 s (node-monitor-grace-period, v1.32) after P: P + 55 s.
  const unknownAt = nodeVersions.find(r => readyOf(r.object as Node)?.status === 'Unknown')!.atMs;
  assert.equal(unknownAt, P + 55_000);
  const ready = readyOf(nodeVersions.find(r => r.atMs === unknownAt)!.object as Node)!;
  assert.deepEqual([ready.reason, ready.message], ['NodeStatusUnknown', 'Kubelet stopped posting node status.']);
  // MarkPodsNotReady in the same pass; the NoSchedule taint follows the node update at once.
  for (let i = 0; i < 3; i++) {
    assert.equal(podVersions(c, `web-${i}`).find(v => readyOf(v.object)?.status === 'False' && v.actor === 'node-lifecycle-controller')?.atMs, unknownAt);
  }
  assert.equal(eventWrites(c, 'node02', 'NodeNotReady')[0]!.object.message, 'Node node02 status is now: NodeNotReady');
  const taintedAt = (effect: string) => nodeVersions.find(r => (r.object as Node).spec.taints?.some(t => t.key === 'node.kubernetes.io/unreachable' && t.effect === effect))?.atMs;
  assert.equal(taintedAt('NoSchedule'), unknownAt);
  // processTaintBaseEviction acts on the Ready it observed before the update: the next pass (P + 60 s)
  // queues the node, and the NoExecute tainting pass (every 100 ms) applies the taint at P + 60.1 s.
  const noExecuteAt = taintedAt('NoExecute')!;
  assert.equal(noExecuteAt, P + 60_100);
  // The pods carry DefaultTolerationSeconds' 300 s toleration: eviction at taint + 300 s, DELETE with the 30 s grace.
  for (let i = 0; i < 3; i++) {
    const evicted = eventWrites(c, `web-${i}`, 'TaintManagerEviction')[0]!;
    assert.deepEqual([evicted.atMs, evicted.object.message], [noExecuteAt + 300_000, `Marking for deletion Pod default/web-${i}`]);
    const pod = c.store.get('Pod', 'default', `web-${i}`) as Pod;
    assert.equal(parseRfc3339(pod.metadata.deletionTimestamp!), Math.floor((noExecuteAt + 300_000) / 1000) * 1000 + 30_000);
    assert.equal(pod.status?.conditions?.find(x => x.type === 'DisruptionTarget')?.reason, 'DeletionByTaintManager');
  }
  // The partitioned kubelet never hears of it: the pods stay Terminating (they are still there).
  c.sim.advance(600_000);
  assert.equal(c.store.list('Pod', 'default').length, 3);
  // The partition heals: the kubelet relists, stops the containers and deletes the pods; Ready and no taints again.
  c.healNode('node02');
  c.sim.advance(20_000);
  assert.equal(c.store.list('Pod', 'default').length, 0);
  const node = c.store.get('Node', '', 'node02') as Node;
  assert.equal(readyOf(node)?.status, 'True');
  assert.equal(node.spec.taints, undefined);
});

test('pods on a crashed node stay Terminating until the Node object is deleted; then PodGC removes them', () => {
  const { c } = partitioned(32, cl => cl.crashNode('node02'));
  c.sim.advance(500_000);
  assert.ok((c.store.list('Pod', 'default') as Pod[]).every(p => p.metadata.deletionTimestamp));
  c.client().delete('Node', '', 'node02');
  const deletedAt = c.sim.nowMs;
  c.sim.advance(120_000);
  assert.equal(c.store.list('Pod', 'default').length, 0);
  // PodGC runs every 20 s from t=0 (the run at 560 s came before the DELETE, which the test made after
  // advancing to that instant): the run at 580 s quarantines node02 for 40 s; the run at 620 s finds it
  // still gone and force-deletes its pods (phase Failed, DisruptionTarget by PodGC).
  const firstRun = Math.floor(deletedAt / 20_000) * 20_000 + 20_000;
  const last = podVersions(c, 'web-0').slice(-2);
  assert.deepEqual(last.map(v => [v.atMs, v.actor, v.type]), [[firstRun + 40_000, 'pod-garbage-collector', 'MODIFIED'], [firstRun + 40_000, 'pod-garbage-collector', 'DELETED']]);
  assert.equal(last[0]!.object.status?.phase, 'Failed');
  assert.equal(last[0]!.object.status?.conditions?.find(x => x.type === 'DisruptionTarget')?.message, 'PodGC: node no longer exists');
  // The node lifecycle controller's next 5 s pass finds node02 gone from its cache (classifyNodes' deleted list).
  const removing = eventWrites(c, 'node02', 'RemovingNode');
  assert.deepEqual(removing.map(e => [e.atMs, e.object.message, e.object.involvedObject.kind]),
    [[Math.floor(deletedAt / 5000) * 5000 + 5000, 'Removing Node node02 from Controller', 'Node']]);
});

test('a renewal time read from the one seen before has the value parseRfc3339 gives it', () => {
  // Pairs in the same hour (the shortcut), across hours, with fractions that floor oddly in
  // floating point (.291 → 290 ms), other precisions, an offset zone and malformed text (fallbacks).
  const seen = ['2025-01-01T00:00:10.291000Z', '2025-01-01T00:00:59.999999Z', '2025-01-01T00:00:05Z', '2025-01-01T00:00:05.5z',
    '2025-01-01T00:00:05.123+01:00', 'not a time at all', '2025-01-01T00:00:xx.000000Z'];
  const renew = ['2025-01-01T00:00:20.292000Z', '2025-01-01T00:00:10.290000Z', '2025-01-01T00:00:10.291000Z', '2025-01-01T00:01:00.000000Z',
    '2025-01-01T00:00:07.123456789Z', '2025-01-01T00:00:07.1234567890Z', '2025-01-01T00:00:07Z', '2025-01-01T00:00:07.Z',
    '2025-01-01T00:00:07.5-02:00', '2025-01-01T00:00:7.500000Z', '2025-01-01T00:00:08.000000', '2025-01-01 00:00:09.000000Z'];
  for (let ms = 0; ms < 1000; ms += 7) renew.push(`2025-01-01T00:${String(ms % 60).padStart(2, '0')}:1${ms % 10}.${String(ms).padStart(3, '0')}000Z`);
  renew.push('2025-01-01T00:5:07.000000Z', '2025-01-01T00:05-07.000000Z', '2025-01-01T01:00:00.000000Z', '2025-01-01T00:59:59Z');
  for (const s of seen) for (const r of renew) assert.equal(renewTimeMs(r, s, parseRfc3339(s)), parseRfc3339(r), `${r} after ${s}`);
});
