import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import type { KubeObject, Stored } from '../api/objects';
import { startFakeKubelet } from './testing';
import { deployment, deploymentEvents } from './deployment_testing';
import { newReplicaSetFor } from './deployment_new_rs';
import { WITHOUT_NODES } from '../cluster/testing';

const dep = (c: Cluster): Stored => c.store.get('Deployment', 'default', 'web')!;
const condition = (d: Stored, type: string) => d.status?.conditions?.find((x: { type: string }) => x.type === type);
const deny = (c: Cluster, kind: string): void => {
  c.api.admission.validating.push({ name: 'deny.example.com', kinds: [kind], operations: ['CREATE'], validate: () => 'no' });
};

test('an existing orphan ReplicaSet with the same template is adopted as the new set instead of creating one', () => {
  const c = new Cluster(WITHOUT_NODES);
  startFakeKubelet(c);
  const k = c.client();
  const template = deployment('web', 2).spec.template;
  k.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-legacy', labels: { app: 'web' } },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template } } as KubeObject);
  c.sim.advance(5000);
  const d = k.create(deployment('web', 2));
  c.sim.advance(5000);
  const sets = c.store.list('ReplicaSet', 'default');
  assert.deepEqual(sets.map(rs => rs.metadata.name), ['web-legacy']);
  assert.equal(sets[0]!.metadata.ownerReferences?.[0]?.uid, d.metadata.uid);
  assert.equal(sets[0]!.metadata.annotations?.['deployment.kubernetes.io/revision'], '1');
  assert.deepEqual(deploymentEvents(c), [], 'nothing needed scaling');
  const reasons = c.store.history.records.filter(r => r.kind === 'Deployment').map(r => condition(r.object, 'Progressing')?.reason).filter(Boolean);
  assert.equal(reasons[0], 'FoundNewReplicaSet');
  assert.equal(condition(dep(c), 'Progressing').message, 'ReplicaSet "web-legacy" has successfully progressed.');
  assert.equal(c.store.list('Pod', 'default').length, 2, 'the adopted pods are kept');
});

test('a name collision with a foreign ReplicaSet bumps status.collisionCount and the next hash is used', () => {
  const c = new Cluster(WITHOUT_NODES);
  startFakeKubelet(c);
  const k = c.client();
  k.create(deployment('web', 2, { paused: true }));
  c.sim.advance(1000);
  const taken = newReplicaSetFor(dep(c)).metadata.name!;
  k.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: taken, labels: { app: 'other' } },
    spec: { replicas: 0, selector: { matchLabels: { app: 'other' } }, template: { metadata: { labels: { app: 'other' } }, spec: { containers: [{ name: 'x', image: 'x' }] } } } } as KubeObject);
  k.mutate('Deployment', 'default', 'web', d => { d.spec.paused = false; });
  c.sim.advance(5000);
  assert.equal(dep(c).status.collisionCount, 1);
  const expected = newReplicaSetFor(dep(c)).metadata.name!;
  assert.notEqual(expected, taken);
  const ours = c.store.list('ReplicaSet', 'default').filter(rs => rs.metadata.ownerReferences?.length);
  assert.deepEqual(ours.map(rs => rs.metadata.name), [expected]);
  assert.equal(ours[0]!.status.availableReplicas, 2);
});

test('a ReplicaSet that cannot be created: ReplicaSetCreateError condition and event; the key is dropped after 15 retries', () => {
  const c = new Cluster(WITHOUT_NODES);
  deny(c, 'ReplicaSet');
  c.client().create(deployment('web', 2));
  c.sim.advance(1_000_000);
  const name = newReplicaSetFor(dep(c)).metadata.name;
  const msg = `Failed to create new replica set "${name}": admission webhook "deny.example.com" denied the request: no`;
  assert.deepEqual({ ...condition(dep(c), 'Progressing'), lastUpdateTime: undefined, lastTransitionTime: undefined },
    { type: 'Progressing', status: 'False', reason: 'ReplicaSetCreateError', message: msg, lastUpdateTime: undefined, lastTransitionTime: undefined });
  const errors = c.controllerManager.errors.filter(e => e.controller === 'deployment-controller');
  // The first failure and 15 rate-limited retries (5 ms · 2^n apart), then the key is forgotten.
  assert.equal(errors.length, 16);
  assert.ok(errors.at(-1)!.atMs < 200_000, `last retry at ${errors.at(-1)!.atMs} ms`);
  const event = c.store.list('Event', 'default').find(e => (e as unknown as { reason: string }).reason === 'ReplicaSetCreateError') as unknown as { message: string; count: number; type: string };
  assert.deepEqual([event.type, event.message, event.count], ['Warning', msg, 16]);
});

test('ReplicaFailure on the new ReplicaSet is mirrored into the Deployment', () => {
  const c = new Cluster(WITHOUT_NODES);
  deny(c, 'Pod');
  c.client().create(deployment('web', 1));
  c.sim.advance(5000);
  const rs = c.store.list('ReplicaSet', 'default')[0]!;
  const rsCond = rs.status.conditions[0];
  assert.equal(rsCond.type, 'ReplicaFailure');
  assert.deepEqual(condition(dep(c), 'ReplicaFailure'), {
    type: 'ReplicaFailure', status: 'True', lastUpdateTime: rsCond.lastTransitionTime, lastTransitionTime: rsCond.lastTransitionTime,
    reason: 'FailedCreate', message: rsCond.message,
  });
});

test('a Deployment selecting everything (validation off) gets SelectingAll and only its observedGeneration', () => {
  const c = new Cluster(WITHOUT_NODES);
  c.api.validation = false;
  c.client().create(deployment('web', 2, { selector: {} }));
  c.sim.advance(5000);
  assert.deepEqual(deploymentEvents(c, 'SelectingAll').slice(0, 1), ['This deployment is selecting all pods. A non-empty selector is required.']);
  assert.deepEqual(dep(c).status, { observedGeneration: 1 });
  assert.equal(c.store.list('ReplicaSet', 'default').length, 0);
});

test('events come from deployment-controller and ScalingReplicaSet is Normal', () => {
  const c = new Cluster(WITHOUT_NODES);
  c.client().create(deployment('web', 2));
  c.sim.advance(1000);
  const events = c.store.list('Event', 'default').map(e => e as unknown as { source: { component: string }; type: string; reason: string; involvedObject: { kind: string } })
    .filter(e => e.involvedObject.kind === 'Deployment');
  assert.ok(events.length > 0);
  assert.deepEqual([...new Set(events.map(e => `${e.source.component} ${e.type} ${e.reason}`))], ['deployment-controller Normal ScalingReplicaSet']);
});
