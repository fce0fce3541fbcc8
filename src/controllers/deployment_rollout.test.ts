import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { startFakeKubelet } from './testing';
import { deployment, deploymentEvents, replayPodCounts, scalingWrites, setImage } from './deployment_testing';
import { WITHOUT_NODES } from '../cluster/testing';

const get = (c: Cluster, kind: string, name: string) => c.store.get(kind, 'default', name)!;
const setsByImage = (c: Cluster): Map<string, string> =>
  new Map(c.store.list('ReplicaSet', 'default').map(rs => [rs.spec.template.spec.containers[0].image as string, rs.metadata.name]));

test('a new Deployment creates <name>-<pod-template-hash> at full size with revision, replica annotations and conditions', () => {
  const c = new Cluster(WITHOUT_NODES);
  startFakeKubelet(c);
  const d = c.client().create(deployment());
  c.sim.advance(5000);
  const [rs, ...others] = c.store.list('ReplicaSet', 'default');
  assert.equal(others.length, 0);
  const hash = rs!.metadata.labels!['pod-template-hash']!;
  assert.match(hash, /^[4-9bcdf]{1,10}$/);
  assert.equal(rs!.metadata.name, `web-${hash}`);
  assert.deepEqual(rs!.spec.selector, { matchLabels: { app: 'web', 'pod-template-hash': hash } });
  assert.deepEqual(rs!.spec.template.metadata.labels, { app: 'web', 'pod-template-hash': hash });
  assert.deepEqual(rs!.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
  assert.deepEqual(rs!.metadata.annotations, { 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '10', 'deployment.kubernetes.io/max-replicas': '13' });
  // NewRSNewReplicas with nothing old: min(10 + 3 − 0, 10 − 0) = 10, created at that size in one step.
  assert.deepEqual(deploymentEvents(c), [`Scaled up replica set ${rs!.metadata.name} from 0 to 10`]);
  const dep = get(c, 'Deployment', 'web');
  assert.equal(dep.metadata.annotations!['deployment.kubernetes.io/revision'], '1');
  // Pods are Ready 1 s after creation (fake kubelet), so the rollout completed at t = 1 s.
  assert.deepEqual(dep.status, {
    observedGeneration: 1, replicas: 10, updatedReplicas: 10, readyReplicas: 10, availableReplicas: 10,
    conditions: [
      { type: 'Available', status: 'True', lastUpdateTime: '2025-01-01T00:00:01Z', lastTransitionTime: '2025-01-01T00:00:01Z', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
      { type: 'Progressing', status: 'True', lastUpdateTime: '2025-01-01T00:00:01Z', lastTransitionTime: '2025-01-01T00:00:00Z', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rs!.metadata.name}" has successfully progressed.` },
    ],
  });
});

test('a 10-replica rolling update with 25%/25% proceeds in upstream steps, never below 8 serving pods nor above 13 pods', () => {
  const c = new Cluster(WITHOUT_NODES);
  startFakeKubelet(c); // pods bound at once, Ready 1 s after creation
  c.client().create(deployment());
  c.sim.advance(10_000);
  const T = c.sim.nowMs;
  setImage(c, 'web', 'nginx:1.28');
  c.sim.advance(10_000);
  const sets = setsByImage(c);
  const oldRS = sets.get('nginx:1.27')!;
  const newRS = sets.get('nginx:1.28')!;
  // maxSurge = ceil(25% × 10) = 3, maxUnavailable = floor(25% × 10) = 2: at most 13 pods, at least 8 available.
  // t=T:      new set created at NewRSNewReplicas = min(13 − 10, 10) = 3; the same sync scales old
  //           down by allPods(13) − minAvailable(8) − newUnavailable(3) = 2 → 8.
  // t=T:      next sync: spec total 8 + 3 = 11 < 13, so new 3 → 5 (none of the new pods is ready yet).
  // t=T+1s:   the 5 new pods are Ready: available 8 + 5 = 13, old can lose 13 − 8 = 5 → 3;
  //           then new gets min(13 − 8, 10 − 5) = 5 more → 10.
  // t=T+2s:   the last 5 new pods are Ready: old 3 → 0.
  assert.deepEqual(scalingWrites(c, T), [
    `${T} ${newRS} 3`, `${T} ${oldRS} 8`, `${T} ${newRS} 5`,
    `${T + 1000} ${oldRS} 3`, `${T + 1000} ${newRS} 10`, `${T + 2000} ${oldRS} 0`,
  ]);
  assert.deepEqual(deploymentEvents(c, 'ScalingReplicaSet', T), [
    `Scaled up replica set ${newRS} from 0 to 3`, `Scaled down replica set ${oldRS} from 10 to 8`,
    `Scaled up replica set ${newRS} from 3 to 5`, `Scaled down replica set ${oldRS} from 8 to 3`,
    `Scaled up replica set ${newRS} from 5 to 10`, `Scaled down replica set ${oldRS} from 3 to 0`,
  ]);
  // Always, over every write of the rollout: serving ≥ 8 and pods ≤ 13 — and both bounds are reached.
  let minServing = Infinity;
  let maxTotal = 0;
  replayPodCounts(c, T, ({ atMs, total, serving }) => {
    assert.ok(serving >= 8, `only ${serving} serving pods at ${atMs} ms`);
    assert.ok(total <= 13, `${total} pods at ${atMs} ms`);
    minServing = Math.min(minServing, serving);
    maxTotal = Math.max(maxTotal, total);
  });
  assert.deepEqual([minServing, maxTotal], [8, 13]);
  const d = get(c, 'Deployment', 'web');
  assert.equal(d.metadata.annotations!['deployment.kubernetes.io/revision'], '2');
  assert.deepEqual([d.status.replicas, d.status.updatedReplicas, d.status.availableReplicas, d.status.observedGeneration], [10, 10, 10, 2]);
  assert.equal(d.status.conditions[1].reason, 'NewReplicaSetAvailable');
  assert.equal(d.status.conditions[1].lastUpdateTime, '2025-01-01T00:00:12Z', 'complete at T + 2 s');
  assert.equal(get(c, 'ReplicaSet', oldRS).metadata.annotations!['deployment.kubernetes.io/revision'], '1', 'the old set stays as history');
});

test('Recreate: old pods are all gone before the first new pod exists, leaving a window with no pods and no serving pods', () => {
  // With 50 ms watch latency every reaction lags one delivery, which makes the window measurable.
  const c = new Cluster({ ...WITHOUT_NODES, watchLatencyMs: 50 });
  startFakeKubelet(c);
  c.client().create(deployment('web', 3, { strategy: { type: 'Recreate' } }));
  c.sim.advance(10_000);
  const T = c.sim.nowMs;
  setImage(c, 'web', 'nginx:1.28');
  c.sim.advance(10_000);
  // T+50:  the controller sees the template change and scales the old set to 0 (no new set yet).
  // T+100: the ReplicaSet controller sees that and deletes the 3 pods (deletionTimestamp set).
  // T+150: the fake kubelet sees them terminating and removes them: the last pod is gone.
  // T+200: the controller sees the last pod deletion (deletePod handler: no pods left) and creates the new set at 3.
  // T+250: the ReplicaSet controller sees the new set and creates its pods: 100 ms without any pod.
  let lastOldGone = -1;
  let firstNew = -1;
  let zeroPodsFromMs = -1;
  const zeroWindows: number[] = [];
  replayPodCounts(c, T, ({ atMs, total, byImage }) => {
    if (byImage.get('nginx:1.27') && byImage.get('nginx:1.28')) assert.fail(`old and new pods together at ${atMs} ms`);
    if (total === 0 && zeroPodsFromMs < 0) zeroPodsFromMs = atMs;
    if (total > 0 && zeroPodsFromMs >= 0) { zeroWindows.push(atMs - zeroPodsFromMs); zeroPodsFromMs = -1; }
    if (byImage.get('nginx:1.27')) lastOldGone = -1;
    else if (lastOldGone < 0) lastOldGone = atMs;
    if (firstNew < 0 && byImage.get('nginx:1.28')) firstNew = atMs;
  });
  assert.deepEqual([lastOldGone, firstNew, zeroWindows], [T + 150, T + 250, [100]]);
  const newRS = setsByImage(c).get('nginx:1.28')!;
  const oldRS = setsByImage(c).get('nginx:1.27')!;
  assert.deepEqual(scalingWrites(c, T), [`${T + 50} ${oldRS} 0`, `${T + 200} ${newRS} 3`]);
  assert.deepEqual(deploymentEvents(c, 'ScalingReplicaSet', T), [`Scaled down replica set ${oldRS} from 3 to 0`, `Scaled up replica set ${newRS} from 0 to 3`]);
  // Recreate has maxUnavailable 0: Available only with every replica available.
  const d = get(c, 'Deployment', 'web');
  assert.deepEqual(d.status.conditions.map((x: { type: string; status: string }) => `${x.type}=${x.status}`), ['Available=True', 'Progressing=True']);
  const unavailable = c.store.history.records.filter(r => r.kind === 'Deployment' && r.atMs > T &&
    r.object.status?.conditions?.some((x: { type: string; status: string }) => x.type === 'Available' && x.status === 'False'));
  assert.ok(unavailable.length > 0, 'the deployment reported Available=False during the window');
});

test('minReadySeconds: the set gets it, and each step waits until new pods have been Ready for longer than it', () => {
  const c = new Cluster(WITHOUT_NODES);
  startFakeKubelet(c); // Ready 1 s after creation
  const k = c.client();
  k.create(deployment('web', 4, { minReadySeconds: 5 }));
  c.sim.advance(20_000);
  const T = c.sim.nowMs;
  setImage(c, 'web', 'nginx:1.28');
  c.sim.advance(30_000);
  const newRS = setsByImage(c).get('nginx:1.28')!;
  const oldRS = setsByImage(c).get('nginx:1.27')!;
  assert.equal(get(c, 'ReplicaSet', newRS).spec.minReadySeconds, 5);
  // 4 replicas, 25 %: surge 1, unavailable 1, so ≤ 5 pods and ≥ 3 available.
  // T:        new 0 → 1, old 4 → 3 (5 − 3 − 1 = 1), then new 1 → 2 (spec total 4 < 5).
  // T+1 s:    the 2 new pods are Ready (lastTransitionTime T+1 s). The ReplicaSet sync then sees ready 2,
  //           available 0 and requeues after minReadySeconds: T+6 s. That replaces the pod handler's
  //           T+7 s recheck (a key waits once, at its earliest time). At T+6 s, T+1 s + 5 s is not
  //           strictly before now (v1.32 IsPodAvailable): requeue again, T+11 s — available.
  // T+11 s:   5 available − 3 → old 3 → 1; new 2 → 4. Those pods are Ready at T+12 s and, the same way,
  //           available at T+22 s: old 1 → 0.
  assert.deepEqual(scalingWrites(c, T), [
    `${T} ${newRS} 1`, `${T} ${oldRS} 3`, `${T} ${newRS} 2`,
    `${T + 11_000} ${oldRS} 1`, `${T + 11_000} ${newRS} 4`, `${T + 22_000} ${oldRS} 0`,
  ]);
  replayPodCounts(c, T, ({ atMs, total, serving }) => assert.ok(total <= 5 && serving >= 3, `${total} pods, ${serving} serving at ${atMs} ms`));
  // A changed minReadySeconds reaches the existing new set without a rollout.
  k.mutate('Deployment', 'default', 'web', d => { d.spec.minReadySeconds = 2; });
  c.sim.advance(1000);
  assert.equal(get(c, 'ReplicaSet', newRS).spec.minReadySeconds, 2);
  assert.equal(c.store.list('ReplicaSet', 'default').length, 2);
});
