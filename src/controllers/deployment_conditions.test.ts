import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../api/objects';
import { Cluster } from '../cluster/cluster';
import {
  calculateStatus, newDeploymentCondition, serializeStatus, setDeploymentCondition, type DeploymentStatus,
} from './deployment_conditions';
import { requeueStuckDeployment, syncRolloutStatus } from './deployment_progress';
import type { Dc } from './deployment_scale';
import type { ReconcileResult } from './runner';
import { WITHOUT_NODES } from '../cluster/testing';

const at = (s: number): string => `2025-01-01T00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}Z`;

test('SetDeploymentCondition: same status and reason changes nothing; same status keeps lastTransitionTime; the changed condition moves last', () => {
  const status: DeploymentStatus = {};
  setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', 'NewReplicaSetCreated', 'Created new replica set "web-1"', 1000));
  setDeploymentCondition(status, newDeploymentCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', 2000));
  setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', 'NewReplicaSetCreated', 'other message', 9000));
  assert.equal(status.conditions![0]!.message, 'Created new replica set "web-1"', 'same status and reason: untouched');
  setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', 'ReplicaSetUpdated', 'ReplicaSet "web-1" is progressing.', 5000));
  assert.deepEqual(status.conditions!.map(c => c.type), ['Available', 'Progressing']);
  assert.deepEqual(status.conditions![1], { type: 'Progressing', status: 'True', lastUpdateTime: at(5), lastTransitionTime: at(1),
    reason: 'ReplicaSetUpdated', message: 'ReplicaSet "web-1" is progressing.' });
  setDeploymentCondition(status, newDeploymentCondition('Progressing', 'False', 'ProgressDeadlineExceeded', 'x', 70_000));
  assert.equal(status.conditions![1]!.lastTransitionTime, at(70), 'a status change moves lastTransitionTime');
});

test('calculateStatus sums the sets and sets Available against spec.replicas − maxUnavailable; zero counters are not serialised', () => {
  const d: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', generation: 3 },
    spec: { replicas: 10, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } }, status: { collisionCount: 1 } };
  const set = (replicas: number, status: Record<string, number>): KubeObject => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'x' }, spec: { replicas }, status });
  const oldRS = set(8, { replicas: 9, readyReplicas: 8, availableReplicas: 7 });
  const newRS = set(5, { replicas: 5, readyReplicas: 1 });
  const s = calculateStatus([oldRS, newRS, undefined], newRS, d, 4000);
  // available 7 < 10 − 2; unavailable = 13 (spec) − 7 = 6.
  assert.deepEqual(serializeStatus(s), {
    observedGeneration: 3, replicas: 14, updatedReplicas: 5, readyReplicas: 9, availableReplicas: 7, unavailableReplicas: 6,
    conditions: [{ type: 'Available', status: 'False', lastUpdateTime: at(4), lastTransitionTime: at(4), reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' }],
    collisionCount: 1,
  });
  const ok = calculateStatus([set(10, { replicas: 10, availableReplicas: 8 })], undefined, d, 4000);
  assert.equal(ok.conditions![0]!.reason, 'MinimumReplicasAvailable');
  assert.equal(serializeStatus(ok).updatedReplicas, undefined, 'no new set: 0, omitted');
});

function fakeDc(nowMs: number): Dc & { requeued: ReconcileResult[]; writes: KubeObject[] } {
  const requeued: ReconcileResult[] = [];
  const writes: KubeObject[] = [];
  const c = new Cluster({ ...WITHOUT_NODES, controllers: [] });
  const client = c.client('test');
  return {
    requeued, writes,
    client: Object.assign(Object.create(client), { updateStatus: (o: KubeObject) => { writes.push(o); return o; } }),
    recorder: c.recorder('test'), nowMs: () => nowMs, cachedReplicaSet: () => undefined,
    requeue: r => { requeued.push(r); },
  };
}

const stuck = (lastUpdate: string, reason = 'ReplicaSetUpdated'): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', generation: 1 },
  spec: { replicas: 2, progressDeadlineSeconds: 60, strategy: { type: 'Recreate' } },
  status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, unavailableReplicas: 2, conditions: [
    { type: 'Available', status: 'False', lastUpdateTime: lastUpdate, lastTransitionTime: lastUpdate, reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' },
    { type: 'Progressing', status: 'True', lastUpdateTime: lastUpdate, lastTransitionTime: lastUpdate, reason, message: 'ReplicaSet "web-1" is progressing.' }] },
});

test('requeueStuckDeployment: lastUpdateTime + deadline − now + 1 s; rate limited within the last second; nothing once timed out', () => {
  // lastUpdateTime 00:00:10 (stored in whole seconds) + 60 s − now 12.3 s = 57.7 s; +1 s → 58.7 s.
  let dc = fakeDc(12_300);
  assert.equal(requeueStuckDeployment(dc, stuck(at(10)), {}), 57_700);
  assert.deepEqual(dc.requeued, [{ requeueAfterMs: 58_700 }]);
  dc = fakeDc(69_500);
  assert.equal(requeueStuckDeployment(dc, stuck(at(10)), {}), 0);
  assert.deepEqual(dc.requeued, [{ requeueRateLimited: true }]);
  dc = fakeDc(80_000);
  assert.equal(requeueStuckDeployment(dc, stuck(at(10), 'ProgressDeadlineExceeded'), {}), -1);
  assert.deepEqual(dc.requeued, []);
});

test('syncRolloutStatus writes ProgressDeadlineExceeded once lastUpdateTime + deadline is strictly past, and requeues before that', () => {
  const rs: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1' }, spec: { replicas: 2 }, status: { replicas: 2 } };
  let dc = fakeDc(70_000);
  syncRolloutStatus(dc, [rs], rs, stuck(at(10)));
  assert.deepEqual([dc.writes.length, dc.requeued], [0, [{ requeueRateLimited: true }]], 'at exactly 70 s: not yet (strict)');
  dc = fakeDc(71_000);
  syncRolloutStatus(dc, [rs], rs, stuck(at(10)));
  assert.equal(dc.writes.length, 1);
  assert.deepEqual(dc.writes[0]!.status.conditions[1], { type: 'Progressing', status: 'False', lastUpdateTime: at(71), lastTransitionTime: at(71),
    reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-1" has timed out progressing.' });
});
