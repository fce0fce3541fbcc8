import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../../cluster/cluster';
import { boundPod, expectTranscript, finishGracefulDeletions, newCluster, newClusterWithoutWorkloadControllers } from '../test_support';
import { replicaSet } from '../../api/test_support';

/** A running, ready pod on a node. */
function runningPod(c: Cluster, name: string, node: string, owner?: { kind: string; name: string; uid: string }, app = 'web'): void {
  c.client().create(boundPod(name, node, { app: owner?.kind === 'DaemonSet' ? 'agent' : app }, owner));
  c.client('kubelet').mutateStatus('Pod', 'default', name, (d: any) => {
    d.status.phase = 'Running';
    d.status.conditions = [{ type: 'Ready', status: 'True' }];
  });
}

function pdb(c: Cluster, allowed: number): void {
  c.client().create({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web' },
    spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } } });
  setAllowed(c, allowed);
}

function setAllowed(c: Cluster, allowed: number): void {
  c.client('disruption-controller').mutateStatus('PodDisruptionBudget', 'default', 'web', (d: any) => {
    d.status = { ...(d.status ?? {}), observedGeneration: 1, disruptionsAllowed: allowed, currentHealthy: 2, desiredHealthy: 1, expectedPods: 2 };
  });
}

test('cordon and uncordon: spec.unschedulable, already cordoned, unknown nodes, usage', () => {
  const c = newClusterWithoutWorkloadControllers();
  expectTranscript(c, `
$ kubectl cordon node01
node/node01 cordoned
$ kubectl cordon node01
node/node01 already cordoned
$ kubectl uncordon node01 node02
node/node01 uncordoned
node/node02 already uncordoned
$ kubectl cordon node09
Error from server (NotFound): nodes "node09" not found
$ kubectl cordon
error: USAGE: cordon NODE [flags]
See 'kubectl cordon -h' for help and examples
`);
  assert.equal(c.store.get('Node', '', 'node01')!.spec.unschedulable, undefined);
  expectTranscript(c, '$ kubectl cordon -l kubernetes.io/hostname=node02\nnode/node02 cordoned\n');
  assert.equal(c.store.get('Node', '', 'node02')!.spec.unschedulable, true);
});

test('drain evicts through the PodDisruptionBudget, retrying every 5 s, and waits for the pods in virtual time', () => {
  const c = newClusterWithoutWorkloadControllers();
  finishGracefulDeletions(c);
  const rs = c.client().create(replicaSet('web'));
  c.client().create({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' },
    spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'i' }] } } } });
  const ds = c.store.get('DaemonSet', 'default', 'agent')!;
  runningPod(c, 'web-1', 'node01', { kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid });
  runningPod(c, 'web-2', 'node01', { kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid });
  runningPod(c, 'agent-x', 'node01', { kind: 'DaemonSet', name: 'agent', uid: ds.metadata.uid });
  runningPod(c, 'web-3', 'node02', { kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid });
  pdb(c, 1);
  // The disruption controller (not simulated here) allows one more disruption at t=12s.
  c.sim.scheduleAt(12_000, 'test/pdb', () => setAllowed(c, 1));
  expectTranscript(c, `
$ kubectl drain node01
node/node01 cordoned
error: unable to drain node "node01" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/agent-x, continuing command...
There are pending nodes to be drained:
 node01
cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/agent-x
$ kubectl drain node01 --ignore-daemonsets
node/node01 already cordoned
Warning: ignoring DaemonSet-managed Pods: default/agent-x
evicting pod default/web-1
evicting pod default/web-2
error when evicting pods/"web-2" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.
evicting pod default/web-2
error when evicting pods/"web-2" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.
evicting pod default/web-2
error when evicting pods/"web-2" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.
evicting pod default/web-2
pod/web-1 evicted
pod/web-2 evicted
node/node01 drained
`);
  // web-1 spends the one allowed disruption at 0 s and is gone after its 30 s grace period;
  // web-2's eviction succeeds at the retry at 15 s (the budget allows one more from 12 s) and it
  // is gone at 45 s, when drain returns.
  assert.equal(c.sim.nowMs, 45_000);
  const evicted = c.store.history.records.find(r => r.object.metadata.name === 'web-1' && r.object.metadata.deletionTimestamp)!;
  assert.deepEqual(evicted.object.status.conditions.find((x: any) => x.type === 'DisruptionTarget'),
    { type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting', lastTransitionTime: '2025-01-01T00:00:00Z' });
  assert.ok(c.store.get('Pod', 'default', 'agent-x'));
  assert.ok(c.store.get('Pod', 'default', 'web-3'));
});

test('drain: bare pods need --force; --timeout ends a blocked eviction with kubectl\'s messages', () => {
  const c = newClusterWithoutWorkloadControllers();
  finishGracefulDeletions(c);
  const rs = c.client().create(replicaSet('web'));
  runningPod(c, 'web-1', 'node01', { kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid });
  runningPod(c, 'bare', 'node01', undefined, 'tool');
  pdb(c, 0);
  expectTranscript(c, `
$ kubectl drain node01
node/node01 cordoned
error: unable to drain node "node01" due to error: cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare, continuing command...
There are pending nodes to be drained:
 node01
cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare
$ kubectl drain node01 --force --timeout=7s --grace-period=1
node/node01 already cordoned
Warning: deleting Pods that declare no controller: default/bare
evicting pod default/bare
evicting pod default/web-1
error when evicting pods/"web-1" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.
pod/bare evicted
evicting pod default/web-1
error when evicting pods/"web-1" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.
evicting pod default/web-1
There are pending pods in node "node01" when an error occurred: error when evicting pods/"web-1" -n "default": global timeout reached: 7s
pod/web-1
error: unable to drain node "node01" due to error: error when evicting pods/"web-1" -n "default": global timeout reached: 7s, continuing command...
There are pending nodes to be drained:
 node01
error when evicting pods/"web-1" -n "default": global timeout reached: 7s
`);
  // The bare pod is in no budget: evicted at 0 s with a 1 s grace period, gone at 1 s. web-1 was
  // refused at 0 s and 5 s; the attempt at 10 s found the 7 s deadline passed.
  assert.equal(c.store.get('Pod', 'default', 'bare'), undefined);
  assert.equal(c.sim.nowMs, 10_000);
});
