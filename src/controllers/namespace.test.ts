import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { pod } from '../api/test_support';
import type { KubeObject } from '../api/objects';

function teamPod(image: string): KubeObject {
  const p = pod('p', { containers: [{ name: 'app', image }] });
  return { ...p, metadata: { ...p.metadata, namespace: 'team' } };
}

function writesOf(c: Cluster, T: number): string[] {
  return c.store.history.records
    .filter(r => (r.kind === 'Namespace' && r.name === 'team') || (r.kind === 'Pod' && r.namespace === 'team'))
    .filter(r => r.atMs >= T)
    .map(r => `${(r.atMs - T) / 1000}s ${r.kind} ${r.type} ${r.actor}`);
}

test('a namespace with a pod ignoring SIGTERM (grace 30 s) is gone at T+42 s', () => {
  const c = new Cluster();
  c.client().create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
  c.client().create(teamPod('busybox:1.36'));
  c.sim.advance(30_000);
  const T = c.sim.nowMs;
  c.client().delete('Namespace', '', 'team', {});
  assert.equal(c.store.get('Namespace', '', 'team')?.status?.phase, 'Terminating');
  c.sim.runUntil(() => !c.store.get('Namespace', '', 'team'), T + 120_000);
  // T: the DELETE marks the namespace; enqueueNamespace adds it after namespaceDeletionGracePeriod (5 s).
  // T+5: the controller deletes the pod (deletionTimestamp T+35) and the ConfigMap; the pods' estimate is the
  //   largest grace, 30 (5 s < 30 s since the deletion), so it requeues after 30/2+1 = 16 s; its condition
  //   write (ContentRemaining True) is an update event, which requeues sooner: T+10.
  // T+10: 10 s < 30 s, estimate 30 again, no condition change: requeue at T+26; T+26: the same, requeue at T+42.
  // T+35: the kubelet kills the container at the end of the grace period; the pod is removed at T+36.
  // T+42: 42 s >= 30 s, estimate 0, nothing remains: the conditions turn False, finalize removes `kubernetes`,
  //   and the API server removes the namespace in the same write.
  assert.equal(c.sim.nowMs - T, 42_000);
  assert.deepEqual(writesOf(c, T), [
    '0s Namespace MODIFIED kubectl',
    '5s Pod MODIFIED namespace-controller',
    '5s Namespace MODIFIED namespace-controller',
    '35s Pod MODIFIED kubelet/node03',
    '36s Pod MODIFIED kubelet/node03',
    '36s Pod DELETED kubelet/node03',
    '42s Namespace MODIFIED namespace-controller',
    '42s Namespace MODIFIED namespace-controller',
    '42s Namespace DELETED namespace-controller',
  ]);
  const remaining = c.store.history.records.find(r => r.kind === 'Namespace' && r.atMs === T + 5_000)!.object!;
  const cond = (remaining.status?.conditions as { type: string; status: string; reason: string; message: string }[])
    .map(x => `${x.type} ${x.status} ${x.reason}: ${x.message}`);
  assert.deepEqual(cond, [
    'NamespaceDeletionDiscoveryFailure False ResourcesDiscovered: All resources successfully discovered',
    'NamespaceDeletionGroupVersionParsingFailure False ParsedGroupVersions: All legacy kube types successfully parsed',
    'NamespaceDeletionContentFailure False ContentDeleted: All content successfully deleted, may be waiting on finalization',
    'NamespaceContentRemaining True SomeResourcesRemain: Some resources are remaining: pods. has 1 resource instances',
    'NamespaceFinalizersRemaining False ContentRemoved: All content successfully removed',
  ]);
  assert.equal(c.store.list('ConfigMap', 'team').length, 0, 'kube-root-ca.crt deleted and not republished');
  assert.equal(c.store.list('Event').filter(e => (e.source as { component?: string } | undefined)?.component === 'namespace-controller').length, 0, 'the deleter records no Events');
});

test('content held by a finalizer: FinalizersRemaining, 15 s estimate, gone after the finalizer is removed', () => {
  const c = new Cluster();
  c.client().create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
  c.client().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', namespace: 'team', finalizers: ['example.com/hold'] } } as KubeObject);
  const T = c.sim.nowMs;
  c.client().delete('Namespace', '', 'team', {});
  // T+5: the ConfigMap is marked; it remains with a finalizer, so the estimate is finalizerEstimateSeconds (15).
  c.sim.advance(5_000);
  const ns = c.store.get('Namespace', '', 'team')!;
  const byType = new Map((ns.status?.conditions as { type: string; reason: string; message: string }[]).map(x => [x.type, x]));
  assert.equal(byType.get('NamespaceContentRemaining')?.message, 'Some resources are remaining: configmaps. has 1 resource instances');
  assert.equal(byType.get('NamespaceFinalizersRemaining')?.reason, 'SomeFinalizerRemain');
  assert.equal(byType.get('NamespaceFinalizersRemaining')?.message, 'Some finalizers are remaining: example.com/hold in 1 resource instances');
  // T+60: the finalizer goes; the ConfigMap is removed at once. Syncs: T+5 (write → T+10), T+10 → +8 s = T+18,
  // T+26, T+34, T+42, T+50, T+58, T+66: the first sync after T+60 finds nothing and finalizes.
  c.sim.advance(55_000);
  c.client().mutate('ConfigMap', 'team', 'held', d => { d.metadata.finalizers = []; });
  c.sim.runUntil(() => !c.store.get('Namespace', '', 'team'), T + 120_000);
  assert.equal(c.sim.nowMs - T, 66_000);
});
