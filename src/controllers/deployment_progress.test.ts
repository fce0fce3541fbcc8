import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import type { Stored } from '../api/objects';
import { startFakeKubelet } from './testing';
import { deployment, deploymentEvents, replayPodCounts, scalingWrites, setImage } from './deployment_testing';
import { WITHOUT_NODES } from '../cluster/testing';

const dep = (c: Cluster): Stored => c.store.get('Deployment', 'default', 'web')!;
const progressing = (d: Stored) => d.status?.conditions?.find((x: { type: string }) => x.type === 'Progressing');
const setsByImage = (c: Cluster): Map<string, Stored> =>
  new Map(c.store.list('ReplicaSet', 'default').map(rs => [rs.spec.template.spec.containers[0].image as string, rs]));
/** A kubelet under which the image "nginx:broken" runs but never becomes Ready. */
const kubelet = (c: Cluster): void => startFakeKubelet(c, { ready: p => p.spec.containers[0].image !== 'nginx:broken' });

/** 10 replicas, progressDeadlineSeconds 60, fully rolled out; then at T the template moves to the broken image. */
function rollToBrokenImage(): { c: Cluster; T: number } {
  const c = new Cluster(WITHOUT_NODES);
  kubelet(c);
  c.client().create(deployment('web', 10, { progressDeadlineSeconds: 60 }));
  c.sim.advance(10_000);
  const T = c.sim.nowMs;
  setImage(c, 'web', 'nginx:broken');
  return { c, T };
}

test('a rollout whose new pods never become ready stops at the bound and times out after progressDeadlineSeconds', () => {
  const { c, T } = rollToBrokenImage();
  c.sim.advance(120_000);
  const newRS = setsByImage(c).get('nginx:broken')!;
  const oldRS = setsByImage(c).get('nginx:1.27')!;
  // At T: new 0 → 3, old 10 → 8, new 3 → 5 (room up to 13 by spec). Then allPods 13 − minAvailable 8 −
  // newUnavailable 5 = 0: nothing more may go, whatever the wait.
  assert.deepEqual(scalingWrites(c, T), [`${T} ${newRS.metadata.name} 3`, `${T} ${oldRS.metadata.name} 8`, `${T} ${newRS.metadata.name} 5`]);
  assert.deepEqual([newRS.spec.replicas, oldRS.spec.replicas], [5, 8]);
  replayPodCounts(c, T, ({ atMs, total, serving }) => {
    assert.ok(total <= 13 && serving >= 8, `${total} pods, ${serving} serving at ${atMs} ms`);
  });
  // The last progress (updatedReplicas 3 → 5) was recorded at T = 10 s (lastUpdateTime 00:00:10). Nothing
  // changes after: requeueStuckDeployment asks for a sync at 10 s + 60 s + 1 s = 71 s, when
  // 10 s + 60 s is strictly before now: ProgressDeadlineExceeded, written at exactly T + 61 s.
  const timedOut = c.store.history.records.find(r => r.kind === 'Deployment' &&
    r.object.status?.conditions?.some((x: { reason: string }) => x.reason === 'ProgressDeadlineExceeded'))!;
  assert.equal(timedOut.atMs, T + 61_000);
  assert.equal(timedOut.actor, 'deployment-controller');
  assert.deepEqual(progressing(dep(c)), {
    type: 'Progressing', status: 'False', lastUpdateTime: '2025-01-01T00:01:11Z', lastTransitionTime: '2025-01-01T00:01:11Z',
    reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newRS.metadata.name}" has timed out progressing.`,
  });
  const s = dep(c).status;
  assert.deepEqual([s.replicas, s.updatedReplicas, s.readyReplicas, s.availableReplicas, s.unavailableReplicas], [13, 5, 8, 8, 5]);
  assert.equal(s.conditions.find((x: { type: string }) => x.type === 'Available').status, 'True', '8 ≥ 10 − 2');
});

test('the deadline counts from the last progress: a rollout that keeps progressing slowly never times out', () => {
  const c = new Cluster(WITHOUT_NODES);
  // Each pod takes 50 s to become Ready; the deadline is 60 s, so every step lands inside it.
  startFakeKubelet(c, { readyAfterMs: 50_000 });
  c.client().create(deployment('web', 4, { progressDeadlineSeconds: 60 }));
  c.sim.advance(60_000);
  setImage(c, 'web', 'nginx:1.28');
  c.sim.advance(600_000);
  const reasons = c.store.history.records.filter(r => r.kind === 'Deployment')
    .map(r => progressing(r.object)?.reason).filter((x, i, a) => x && x !== a[i - 1]);
  assert.ok(!reasons.includes('ProgressDeadlineExceeded'), reasons.join(' → '));
  assert.equal(progressing(dep(c)).reason, 'NewReplicaSetAvailable');
});

test('pause holds a rollout mid-way while pods become ready; resume continues it to the end', () => {
  const c = new Cluster(WITHOUT_NODES);
  startFakeKubelet(c);
  const k = c.client();
  k.create(deployment('web', 10, { progressDeadlineSeconds: 60 }));
  c.sim.advance(10_000);
  const T = c.sim.nowMs;
  setImage(c, 'web', 'nginx:1.28');
  c.sim.advance(500);
  k.mutate('Deployment', 'default', 'web', d => { d.spec.paused = true; });
  c.sim.advance(120_000);
  const newRS = setsByImage(c).get('nginx:1.28')!.metadata.name;
  const oldRS = setsByImage(c).get('nginx:1.27')!.metadata.name;
  // Paused at T + 0.5 s with new 5 / old 8 (both steps of T happened). The 5 new pods become Ready at
  // T + 1 s, which would let old go to 3 — but a paused sync only scales proportionally: total 13 = 10 + 3, nothing to do.
  assert.deepEqual(scalingWrites(c, T + 1), []);
  assert.deepEqual([setsByImage(c).get('nginx:1.28')!.spec.replicas, setsByImage(c).get('nginx:1.27')!.spec.replicas], [5, 8]);
  assert.deepEqual(progressing(dep(c)), {
    type: 'Progressing', status: 'Unknown', lastUpdateTime: '2025-01-01T00:00:10Z', lastTransitionTime: '2025-01-01T00:00:10Z',
    reason: 'DeploymentPaused', message: 'Deployment is paused',
  });
  assert.equal(dep(c).status.availableReplicas, 13, 'all 13 pods serve while paused');
  // Two minutes paused do not count against the 60 s deadline.
  const R = c.sim.nowMs;
  k.mutate('Deployment', 'default', 'web', d => { d.spec.paused = false; });
  c.sim.advance(10_000);
  // On resume: Progressing Unknown/DeploymentResumed, then the rolling sync: available 13 → old 8 → 3,
  // new 5 → 10 at R; the last 5 new pods are Ready at R + 1 s → old 3 → 0.
  assert.deepEqual(scalingWrites(c, R), [`${R} ${oldRS} 3`, `${R} ${newRS} 10`, `${R + 1000} ${oldRS} 0`]);
  const reasons = c.store.history.records.filter(r => r.kind === 'Deployment' && r.atMs >= R)
    .map(r => progressing(r.object)?.reason).filter((x, i, a) => x !== a[i - 1]);
  assert.deepEqual(reasons, ['DeploymentPaused', 'DeploymentResumed', 'ReplicaSetUpdated', 'NewReplicaSetAvailable']);
});

test('a template change while paused creates no ReplicaSet until resumed', () => {
  const c = new Cluster(WITHOUT_NODES);
  startFakeKubelet(c);
  const k = c.client();
  k.create(deployment('web', 3, { paused: true }));
  c.sim.advance(5000);
  assert.equal(c.store.list('ReplicaSet', 'default').length, 0, 'a Deployment created paused has no ReplicaSet');
  k.mutate('Deployment', 'default', 'web', d => { d.spec.paused = false; });
  c.sim.advance(5000);
  k.mutate('Deployment', 'default', 'web', d => { d.spec.paused = true; d.spec.template.spec.containers[0].image = 'nginx:1.28'; });
  c.sim.advance(60_000);
  assert.equal(c.store.list('ReplicaSet', 'default').length, 1);
  assert.equal(dep(c).status.observedGeneration, dep(c).metadata.generation, 'the change is observed, just not rolled out');
  k.mutate('Deployment', 'default', 'web', d => { d.spec.paused = false; });
  c.sim.advance(10_000);
  assert.equal(setsByImage(c).get('nginx:1.28')!.spec.replicas, 3);
  assert.equal(setsByImage(c).get('nginx:1.27')!.spec.replicas, 0);
});

test('scaling mid-rollout splits the new replicas proportionally (the documented 10 → 15 example), and back down', () => {
  const c = new Cluster(WITHOUT_NODES);
  kubelet(c);
  const k = c.client();
  k.create(deployment('web', 10, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } }));
  c.sim.advance(10_000);
  setImage(c, 'web', 'nginx:broken');
  c.sim.advance(10_000);
  const sizes = (): number[] => [setsByImage(c).get('nginx:1.27')!.spec.replicas, setsByImage(c).get('nginx:broken')!.spec.replicas];
  assert.deepEqual(sizes(), [8, 5], 'stuck at old 8 + new 5 = 13');
  const oldRS = setsByImage(c).get('nginx:1.27')!.metadata.name;
  const newRS = setsByImage(c).get('nginx:broken')!.metadata.name;
  const S = c.sim.nowMs;
  k.mutate('Deployment', 'default', 'web', d => { d.spec.replicas = 15; });
  c.sim.advance(10_000);
  // Both sets carry desired 10 ≠ 15: a scaling event. allowed = 15 + 3 = 18, toAdd = 18 − 13 = 5,
  // largest first: old round(8·18/13) − 8 = 3 → 11, new min(round(5·18/13) − 5, 5 − 3) = 2 → 7.
  assert.deepEqual(sizes(), [11, 7]);
  assert.deepEqual(deploymentEvents(c, 'ScalingReplicaSet', S), [`Scaled up replica set ${oldRS} from 8 to 11`, `Scaled up replica set ${newRS} from 5 to 7`]);
  for (const rs of c.store.list('ReplicaSet', 'default')) {
    assert.equal(rs.metadata.annotations!['deployment.kubernetes.io/desired-replicas'], '15');
    assert.equal(rs.metadata.annotations!['deployment.kubernetes.io/max-replicas'], '18');
  }
  // Then the rolling sync holds: allPods 18 − minAvailable 13 − newUnavailable 7 < 0.
  const S2 = c.sim.nowMs;
  k.mutate('Deployment', 'default', 'web', d => { d.spec.replicas = 5; });
  c.sim.advance(10_000);
  // allowed 5 + 3 = 8, toAdd −10; largest first: old round(11·8/18) − 11 = −6 → 5, new −4 → 3.
  // Then the rolling sync has room again: maxUnavailable 2 of 5 → minAvailable 3; allPods 8 − 3 −
  // newUnavailable 3 = 2 → old 5 → 3 (5 available − 3); new gets 8 − 6 = 2 → 5; then 8 − 3 − 5 = 0: held.
  assert.deepEqual(deploymentEvents(c, 'ScalingReplicaSet', S2), [
    `Scaled down replica set ${oldRS} from 11 to 5`, `Scaled down replica set ${newRS} from 7 to 3`,
    `Scaled down replica set ${oldRS} from 5 to 3`, `Scaled up replica set ${newRS} from 3 to 5`,
  ]);
  assert.deepEqual(sizes(), [3, 5]);
});

test('a sync within the last second before the deadline requeues rate-limited (5 ms) instead of waiting for deadline + 1 s', () => {
  const { c, T } = rollToBrokenImage();
  // Last progress at T (lastUpdateTime T); the deadline passes strictly after T + 60 s.
  c.sim.advance(59_500);
  // A label change wakes the controller at T + 59.5 s with nothing to write: 0.5 s remain (< 1 s), so
  // requeueStuckDeployment adds rate-limited: 5 ms each time (each successful sync forgets the key;
  // the 10 qps / burst 100 bucket is full). Syncs at +59.500, +59.505, … +60.000 find it not yet past
  // (strictly before), the one at T + 60.005 s writes ProgressDeadlineExceeded.
  c.client().mutate('Deployment', 'default', 'web', d => { d.metadata.labels = { tier: 'web' }; });
  c.sim.advance(10_000);
  const timedOut = c.store.history.records.find(r => r.kind === 'Deployment' &&
    r.object.status?.conditions?.some((x: { reason: string }) => x.reason === 'ProgressDeadlineExceeded'))!;
  assert.equal(timedOut.atMs, T + 60_005);
});
