import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../api/objects';
import {
  bySizeNewer, bySizeOlder, deploymentComplete, deploymentProgressing, deploymentTimedOut, equalIgnoreHash, findActiveOrLatest,
  findNewReplicaSet, findOldReplicaSets, getReplicaSetFraction, getReplicaSetProportion, getScaledValueFromIntOrPercent, isSaturated,
  maxSurge, maxUnavailable, minAvailable, newRSNewReplicas, resolveFenceposts, roundToInt32,
} from './deployment_util';
import { proportionalSizes } from './deployment_scale';

const T0 = '2025-01-01T00:00:00Z';
function deploy(replicas: number, surge: number | string = '25%', unavailable: number | string = '25%', extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', generation: 1 },
    spec: { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } }, template: { metadata: { labels: { app: 'web' } } }, ...extra } };
}
function rs(name: string, replicas: number, o: { max?: number; desired?: number; available?: number; created?: string; image?: string } = {}): KubeObject {
  const annotations: Record<string, string> = {};
  if (o.max !== undefined) annotations['deployment.kubernetes.io/max-replicas'] = String(o.max);
  if (o.desired !== undefined) annotations['deployment.kubernetes.io/desired-replicas'] = String(o.desired);
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, uid: name, creationTimestamp: o.created ?? T0, annotations },
    spec: { replicas, template: { metadata: { labels: { app: 'web', 'pod-template-hash': name } }, spec: { containers: [{ image: o.image ?? name }] } } },
    status: { replicas, availableReplicas: o.available ?? 0 } };
}

test('percentages scale as value*total/100 in float64, then round: 7% of 100 is 7 (not 7.000000000000001 → 8)', () => {
  assert.equal(getScaledValueFromIntOrPercent('25%', 10, true), 3);
  assert.equal(getScaledValueFromIntOrPercent('25%', 10, false), 2);
  assert.equal(getScaledValueFromIntOrPercent('7%', 100, true), 7);
  assert.equal(getScaledValueFromIntOrPercent('29%', 100, false), 29, '29/100*100 would floor to 28');
  assert.equal(getScaledValueFromIntOrPercent('33%', 3, true), 1);
  assert.equal(getScaledValueFromIntOrPercent('33%', 3, false), 0);
  assert.equal(getScaledValueFromIntOrPercent(4, 10, true), 4);
  assert.throws(() => getScaledValueFromIntOrPercent('4', 10, true), /invalid type: string is not a percentage/);
  assert.throws(() => getScaledValueFromIntOrPercent(undefined, 10, true), /nil value for IntOrString/);
});

test('ResolveFenceposts: surge up, unavailable down, both zero resolves to unavailable 1', () => {
  assert.deepEqual(resolveFenceposts('25%', '25%', 10), [3, 2]);
  assert.deepEqual(resolveFenceposts('0%', '0%', 10), [0, 1]);
  assert.deepEqual(resolveFenceposts(0, 0, 0), [0, 1]);
  assert.deepEqual(resolveFenceposts(undefined, undefined, 4), [0, 1], 'nil counts as 0');
  assert.deepEqual(resolveFenceposts('10%', '10%', 5), [1, 0], 'surge 0.5 rounds up, unavailable 0.5 rounds down');
  assert.deepEqual(resolveFenceposts('0%', '10%', 5), [0, 1], '0 and floor(0.5) = 0 → the fix-up');
  assert.deepEqual(resolveFenceposts(3, 2, 10), [3, 2]);
});

test('MaxSurge / MaxUnavailable / MinAvailable: clamped to replicas, zero for Recreate and for zero replicas', () => {
  assert.equal(maxSurge(deploy(10)), 3);
  assert.equal(maxUnavailable(deploy(10)), 2);
  assert.equal(minAvailable(deploy(10)), 8);
  assert.equal(maxUnavailable(deploy(3, 0, 5)), 3, 'clamped to spec.replicas');
  assert.equal(maxUnavailable(deploy(0)), 0);
  const recreate = { ...deploy(10), spec: { replicas: 10, strategy: { type: 'Recreate' } } };
  assert.deepEqual([maxSurge(recreate), maxUnavailable(recreate), minAvailable(recreate)], [0, 0, 0]);
});

test('NewRSNewReplicas: room under spec.replicas + maxSurge, never beyond spec.replicas; Recreate takes all', () => {
  const d = deploy(10);
  // Rollout start: old 10 + new 0 = 10 < 13 → min(13 − 10, 10 − 0) = 3.
  assert.equal(newRSNewReplicas(d, [rs('old', 10), rs('new', 0)], rs('new', 0)), 3);
  // After old 10→8: 8 + 3 = 11 → 3 + min(2, 7) = 5.
  assert.equal(newRSNewReplicas(d, [rs('old', 8), rs('new', 3)], rs('new', 3)), 5);
  assert.equal(newRSNewReplicas(d, [rs('old', 8), rs('new', 5)], rs('new', 5)), 5, 'at 13: no room');
  assert.equal(newRSNewReplicas(d, [rs('old', 0), rs('new', 9)], rs('new', 9)), 10, 'capped by spec.replicas');
  assert.equal(newRSNewReplicas({ ...d, spec: { replicas: 4, strategy: { type: 'Recreate' } } }, [rs('old', 4)], rs('new', 0)), 4);
});

test('RoundToInt32 rounds half away from zero', () => {
  assert.deepEqual([2.5, -2.5, 2.4999, -0.5, 0.5, 11.077, 6.923].map(roundToInt32), [3, -3, 2, -1, 1, 11, 7]);
});

test('proportions: the documented 10 → 15 scale-up mid-rollout gives 3 to the old set and 2 to the new', () => {
  // kubernetes.io "Proportional scaling": maxSurge 3, maxUnavailable 2, old 8 + new 5 sized for max 13.
  const d = deploy(15, 3, 2);
  const old = rs('old', 8, { max: 13, created: T0 });
  const neu = rs('new', 5, { max: 13, created: '2025-01-01T00:01:00Z' });
  // toAdd = 15 + 3 − 13 = 5; old: round(8·18/13 = 11.077) − 8 = 3; new: round(5·18/13 = 6.923) − 5 = 2.
  assert.equal(getReplicaSetFraction(old, d), 3);
  assert.equal(getReplicaSetProportion(old, d, 5, 0), 3);
  assert.equal(getReplicaSetProportion(neu, d, 5, 3), 2);
  const sorted = [neu, old].sort(bySizeNewer);
  assert.deepEqual(sorted.map(r => r.metadata.name), ['old', 'new']);
  assert.deepEqual(proportionalSizes(sorted, d, 5), [11, 7]);
});

test('proportions: scaling down takes the larger share from the larger set; to zero takes everything', () => {
  // 15 → 5 with old 11 / new 7 sized for 18: allowed 5 + 3 = 8, toAdd −10.
  // old: round(11·8/18 = 4.89) − 11 = −6; new: round(7·8/18 = 3.11) − 7 = −4 = the remaining −4.
  const d = deploy(5, 3, 2);
  const sorted = [rs('new', 7, { max: 18, created: '2025-01-01T00:01:00Z' }), rs('old', 11, { max: 18 })].sort(bySizeOlder);
  assert.deepEqual(proportionalSizes(sorted, d, -10), [5, 3]);
  assert.equal(getReplicaSetFraction(rs('old', 4, { max: 13 }), deploy(0)), -4);
  assert.equal(getReplicaSetProportion(rs('x', 0, { max: 13 }), d, 5, 0), 0, 'never scale up from zero');
  assert.equal(getReplicaSetProportion(rs('x', 4, { max: 13 }), d, 5, 5), 0, 'nothing left to add');
});

test('proportions: a missing max-replicas annotation falls back to status.replicas, and to 0 when that is 0', () => {
  const d = { ...deploy(20), status: { replicas: 10 } };
  // newMax 20 + 5 = 25; round(4·25/10 = 10) − 4 = 6.
  assert.equal(getReplicaSetFraction(rs('x', 4), d), 6);
  assert.equal(getReplicaSetFraction(rs('x', 4), deploy(20)), 0);
  // Ties in size: scale-up gives newer first, scale-down older first.
  const a = rs('a', 3, { created: T0 });
  const b = rs('b', 3, { created: '2025-01-01T00:00:01Z' });
  assert.deepEqual([a, b].sort(bySizeNewer).map(r => r.metadata.name), ['b', 'a']);
  assert.deepEqual([b, a].sort(bySizeOlder).map(r => r.metadata.name), ['a', 'b']);
});

test('IsSaturated: replicas, desired-replicas annotation and availability all equal spec.replicas', () => {
  const d = deploy(4);
  assert.equal(isSaturated(d, rs('n', 4, { desired: 4, available: 4 })), true);
  assert.equal(isSaturated(d, rs('n', 4, { desired: 4, available: 3 })), false);
  assert.equal(isSaturated(d, rs('n', 4, { desired: 5, available: 4 })), false);
  assert.equal(isSaturated(d, rs('n', 4, { available: 4 })), false, 'no annotation');
  assert.equal(isSaturated(d, undefined), false);
});

test('DeploymentComplete / DeploymentProgressing / DeploymentTimedOut', () => {
  const d = { ...deploy(3), metadata: { name: 'web', generation: 2 }, status: { replicas: 4, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3 } };
  assert.equal(deploymentComplete(d, { replicas: 3, updatedReplicas: 3, availableReplicas: 3, observedGeneration: 2 }), true);
  assert.equal(deploymentComplete(d, { replicas: 3, updatedReplicas: 3, availableReplicas: 3, observedGeneration: 1 }), false);
  assert.equal(deploymentProgressing(d, { replicas: 4, updatedReplicas: 2, readyReplicas: 3, availableReplicas: 3 }), true, 'more updated');
  assert.equal(deploymentProgressing(d, { replicas: 3, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3 }), true, 'fewer old');
  assert.equal(deploymentProgressing(d, { replicas: 4, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3 }), false);
  const dl = { ...d, spec: { ...d.spec, progressDeadlineSeconds: 60 } };
  const cond = (reason: string, at: string) => [{ type: 'Progressing', reason, lastUpdateTime: at }];
  // lastUpdateTime 00:00:10 + 60 s = 70 s; strictly before now.
  assert.equal(deploymentTimedOut(dl, cond('ReplicaSetUpdated', '2025-01-01T00:00:10Z'), 70_000), false);
  assert.equal(deploymentTimedOut(dl, cond('ReplicaSetUpdated', '2025-01-01T00:00:10Z'), 70_001), true);
  assert.equal(deploymentTimedOut(dl, cond('NewReplicaSetAvailable', T0), 1e9), false);
  assert.equal(deploymentTimedOut(dl, cond('ProgressDeadlineExceeded', T0), 0), true);
  assert.equal(deploymentTimedOut({ ...dl, spec: { ...dl.spec, progressDeadlineSeconds: 2147483647 } }, cond('ReplicaSetUpdated', T0), 1e12), false);
});

test('new and old sets: template equality ignores pod-template-hash; the oldest match wins; FindActiveOrLatest', () => {
  const d = { ...deploy(3), spec: { ...deploy(3).spec, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ image: 'b' }] } } } };
  const a = rs('a', 2, { image: 'a', created: T0 });
  const b2 = rs('b2', 0, { image: 'b', created: '2025-01-01T00:00:09Z' });
  const b1 = rs('b1', 1, { image: 'b', created: '2025-01-01T00:00:09Z' });
  assert.equal(equalIgnoreHash(b1.spec.template, d.spec.template), true);
  assert.equal(equalIgnoreHash(a.spec.template, d.spec.template), false);
  assert.equal(equalIgnoreHash({ metadata: { labels: {} }, spec: { volumes: [] } }, { spec: {} }), true, 'empty equals absent');
  assert.equal(findNewReplicaSet(d, [b2, a, b1])?.metadata.name, 'b1', 'same second: name breaks the tie');
  const [withReplicas, all] = findOldReplicaSets(d, [b2, a, b1]);
  assert.deepEqual([withReplicas.map(r => r.metadata.name), all.map(r => r.metadata.name)], [['a'], ['a', 'b2']]);
  assert.equal(findActiveOrLatest(b1, [a])?.metadata.name, undefined, 'two active');
  assert.equal(findActiveOrLatest(rs('n', 0), [rs('o', 0)])?.metadata.name, 'n', 'none active: the new one');
  assert.equal(findActiveOrLatest(undefined, [rs('o1', 0, { created: T0 }), rs('o2', 0, { created: '2025-01-01T00:00:05Z' })])?.metadata.name, 'o2');
});
