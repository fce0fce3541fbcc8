import { garbageCollectorController } from '../controllers/garbage_collector';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import type { KubeObject, Pod, Stored } from '../api/objects';
import { pod, replicaSet } from '../api/test_support';
import { toRfc3339 } from '../sim/time';
import { LiveView, ReplayView } from './view';
import { explainPods } from './pending';
import { durationText } from './durations';
import { firstHistoryDifference } from './history_diff';
import { WITHOUT_NODES } from '../cluster/testing';

function history(seed: number): Cluster {
  const c = new Cluster({ ...WITHOUT_NODES, seed, controllers: [garbageCollectorController] });
  const rs = c.client().create(replicaSet('web'));
  c.sim.advance(1_000);
  const p = pod('', {});
  p.metadata = { generateName: 'web-', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true }] };
  c.client('replicaset-controller').create(p);
  c.sim.advance(1_000);
  c.client().delete('ReplicaSet', 'default', 'web', { propagationPolicy: 'Orphan' });
  c.sim.advance(1_000);
  return c;
}

test('a replayed view equals the live store at the end, and shows any instant in between', () => {
  const c = history(1);
  const replay = new ReplayView(c.store.history);
  replay.seek(c.store.history.records.length);
  const live = new LiveView(c.sim, c.store);
  for (const kind of ['Namespace', 'ReplicaSet', 'Pod']) assert.deepEqual(replay.list(kind), live.list(kind), kind);
  const atOneSecond = new ReplayView(c.store.history);
  atOneSecond.seekTime(1_000);
  assert.equal(atOneSecond.atMs, 1_000);
  assert.equal(atOneSecond.list('Pod').length, 1, 'the pod created at 1s is there (inclusive)');
  const rs = atOneSecond.get('ReplicaSet', 'default', 'web')!;
  assert.equal(atOneSecond.dependentsOf(rs.metadata.uid, 'Pod').length, 1);
  const before = new ReplayView(c.store.history);
  before.seekTime(999);
  assert.equal(before.list('Pod').length, 0);
});

test('histories compare write by write: same seed identical, another seed differs at the first generated name', () => {
  assert.equal(firstHistoryDifference(history(5).store.history, history(5).store.history), undefined);
  const diff = firstHistoryDifference(history(5).store.history, history(6).store.history);
  assert.match(diff!, /^write 1 of \d+ differs \(\.metadata\.uid: /);
});

test('durations in messages drop trailing zero units', () => {
  assert.deepEqual([60_000, 3_600_000, 5_400_000, 90_500, 10_000, 250, 0].map(durationText), ['1m', '1h', '1h30m', '1m30.5s', '10s', '250ms', '0s']);
});

test('pending pods are grouped by state and reason, in the cluster\'s words', () => {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 2, controllers: [garbageCollectorController] });
  const k = c.client('kubelet/node01');
  const mk = (name: string, spec: Record<string, unknown>, status: Record<string, unknown>): Stored<Pod> => {
    c.client().create(pod(name, spec));
    return k.mutateStatus('Pod', 'default', name, (d: KubeObject) => { d.status = { ...d.status, ...status }; }) as Stored<Pod>;
  };
  const unschedulable = { conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.' }] };
  const pods = [
    mk('a', {}, unschedulable),
    mk('b', {}, unschedulable),
    mk('c', { nodeName: 'node01' }, { phase: 'Pending', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, image: 'nginx', imageID: '', state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:nope"' } } }] }),
    mk('d', { nodeName: 'node01' }, { phase: 'Running', conditions: [{ type: 'Ready', status: 'False', message: 'containers with unready status: [app]' }] }),
    mk('e', { nodeName: 'node01' }, { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: toRfc3339(0) }] }),
  ];
  c.sim.advance(4_000);
  const view = new LiveView(c.sim, c.store);
  assert.equal(explainPods(view, pods, 10), [
    '2 pods Pending: 0/3 nodes are available: 3 Insufficient cpu.',
    '1 pod ImagePullBackOff: Back-off pulling image "nginx:nope"',
    '1 pod Running, not Ready: containers with unready status: [app]',
    '1 pod Ready, not yet Available: minReadySeconds 10 (6.001s to go)',
  ].join('; '));
  // Available strictly after lastTransitionTime + minReadySeconds (v1.32 IsPodAvailable): at 10s not yet, at 10.001s yes.
  c.sim.advance(6_000);
  assert.match(explainPods(new LiveView(c.sim, c.store), pods.slice(4), 10)!, /Ready, not yet Available/);
  c.sim.advance(1);
  assert.equal(explainPods(new LiveView(c.sim, c.store), pods.slice(4), 10), undefined);
});
