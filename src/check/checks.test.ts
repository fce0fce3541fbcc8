import { garbageCollectorController } from '../controllers/garbage_collector';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import type { KubeObject, Stored } from '../api/objects';
import { pod, replicaSet } from '../api/test_support';
import { LiveView } from './view';
import { parseRef, describeRef } from './refs';
import { parseAmount } from './amount';
import { replicaCount, podCount } from './checks/workloads';
import { hasEvent, eventCount } from './checks/events';
import { hasCondition } from './checks/conditions';
import { fieldAbsent, fieldMatches, objectGone } from './checks/objects';
import { checkCreated, checkMostAtOnce } from './history_counts';
import type { CheckFailure } from './failure';
import { WITHOUT_NODES } from '../cluster/testing';
import { jsonPathText, jsonPathValues } from './jsonpath';

function withRs(): { c: Cluster; rs: Stored } {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 3, controllers: [garbageCollectorController] });
  const rs = c.client().create(replicaSet('web'));
  return { c, rs };
}

function ownedPod(c: Cluster, owner: Stored, name: string, extra: Record<string, unknown> = {}): Stored {
  const p = pod(name, extra);
  p.metadata.ownerReferences = [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true }];
  return c.client('replicaset-controller').create(p);
}

const view = (c: Cluster): LiveView => new LiveView(c.sim, c.store);

test('object references resolve kubectl names, both forms, and namespaces', () => {
  assert.deepEqual(parseRef('rs/web'), { kind: 'ReplicaSet', namespace: 'default', name: 'web' });
  assert.deepEqual(parseRef('replicasets.apps "web"'), { kind: 'ReplicaSet', namespace: 'default', name: 'web' });
  assert.deepEqual(parseRef('pod "x" in namespace "kube-system"'), { kind: 'Pod', namespace: 'kube-system', name: 'x' });
  assert.deepEqual(parseRef('node "n1"'), { kind: 'Node', namespace: '', name: 'n1' });
  assert.equal(describeRef(parseRef('deploy/api')), 'deployment "api"');
  assert.throws(() => parseRef('widget "x"'), /not an object reference/);
});

test('amounts: exact, no, and bounds', () => {
  assert.deepEqual(parseAmount('no'), { op: '=', n: 0 });
  assert.deepEqual(parseAmount('at least 2'), { op: '>=', n: 2 });
  assert.deepEqual(parseAmount('fewer than 5'), { op: '<', n: 5 });
});

test('replica counts read the status field, absent meaning 0, and explain pending pods in the cluster\'s words', () => {
  const { c, rs } = withRs();
  const check = replicaCount(parseRef('replicaset "web"'), parseAmount('2'), 'ready');
  assert.equal(check.description, 'replicaset "web" has 2 ready replicas');
  ownedPod(c, rs, 'web-a');
  ownedPod(c, rs, 'web-b');
  for (const name of ['web-a', 'web-b']) {
    c.client('default-scheduler').mutateStatus('Pod', 'default', name, (d: KubeObject) => {
      d.status.conditions = [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.' }];
    });
  }
  const o = check.evaluate(view(c));
  assert.deepEqual(o, { ok: false, observed: '0 ready replicas (status.readyReplicas)', pending: '2 pods Pending: 0/3 nodes are available: 3 Insufficient cpu.' });
  c.client('replicaset-controller').mutateStatus('ReplicaSet', 'default', 'web', (d: KubeObject) => { d.status = { ...d.status, replicas: 2, readyReplicas: 2 }; });
  assert.deepEqual(check.evaluate(view(c)), { ok: true, observed: '2 ready replicas (status.readyReplicas)' });
  assert.throws(() => replicaCount(parseRef('rs/web'), parseAmount('1'), 'updated'), /a ReplicaSet has no updated replica count/);
});

test('pod counts list the owned pods; created and most-at-once read the history', () => {
  const { c, rs } = withRs();
  ownedPod(c, rs, 'web-a');
  c.sim.advance(1_000);
  ownedPod(c, rs, 'web-b');
  ownedPod(c, rs, 'web-c');
  c.sim.advance(1_000);
  c.client().delete('Pod', 'default', 'web-a');
  c.client().delete('Pod', 'default', 'web-b');
  ownedPod(c, rs, 'web-d');
  c.client().create(pod('stranger'));
  const ref = parseRef('rs/web');
  assert.deepEqual(podCount(ref, parseAmount('2')).evaluate(view(c)), { ok: true, observed: '2 pods: web-c, web-d' });
  const since = { index: 0, atMs: 0 };
  assert.equal(checkCreated(c, ref, parseAmount('4'), since).ok, true);
  const f = checkCreated(c, ref, parseAmount('at most 3'), since) as CheckFailure;
  assert.equal(f.awaited, 'replicaset "web" created at most 3 pods');
  assert.equal(f.observed, '4 pods created: web-a, web-b, web-c, web-d');
  assert.equal(checkMostAtOnce(c, ref, parseAmount('3'), since).ok, true);
  const m = checkMostAtOnce(c, ref, parseAmount('at most 2'), { mark: 'm', index: 0, atMs: 0 }) as CheckFailure;
  assert.equal(m.awaited, 'since "m", replicaset "web" had at most 2 pods at once');
  assert.equal(m.observed, 'at most 3 pods at once, first at 1s: web-a, web-b, web-c');
  assert.equal(m.observedAtMs, 1_000);
});

test('pods created through a Deployment\'s ReplicaSets count for the Deployment', () => {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 3, controllers: [garbageCollectorController] });
  const d = c.client().create({ ...replicaSet('api'), kind: 'Deployment' });
  const rs = c.client('deployment-controller').create({ ...replicaSet('api-123'), metadata: { name: 'api-123', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', uid: d.metadata.uid, controller: true }] } });
  ownedPod(c, rs, 'api-123-x');
  assert.equal(checkCreated(c, parseRef('deployment "api"'), parseAmount('1'), { index: 0, atMs: 0 }).ok, true);
  assert.equal(podCount(parseRef('deploy/api'), parseAmount('1')).evaluate(view(c)).ok, true);
});

test('events match by involved object, reason and message; counts add up folded repeats', () => {
  const { c, rs } = withRs();
  const rec = c.recorder('replicaset-controller');
  rec.event(rs, 'Normal', 'SuccessfulCreate', 'Created pod: web-a');
  rec.event(rs, 'Warning', 'FailedCreate', 'pods "web-b" is forbidden: exceeded quota');
  rec.event(rs, 'Warning', 'FailedCreate', 'pods "web-b" is forbidden: exceeded quota');
  const ref = parseRef('rs/web');
  assert.equal(hasEvent(ref, 'SuccessfulCreate', { how: 'equal to', text: 'Created pod: web-a' }).evaluate(view(c)).ok, true);
  assert.equal(hasEvent(ref, 'FailedCreate', { how: 'containing', text: 'exceeded quota' }).evaluate(view(c)).ok, true);
  assert.deepEqual(hasEvent(ref, 'ScalingReplicaSet').evaluate(view(c)), {
    ok: false, observed: 'events about replicaset "web": Normal SuccessfulCreate: Created pod: web-a; Warning FailedCreate: pods "web-b" is forbidden: exceeded quota (x2)',
  });
  assert.deepEqual(eventCount(ref, parseAmount('2'), 'FailedCreate').evaluate(view(c)), { ok: true, observed: '2 "FailedCreate" events' });
  assert.equal(hasEvent(parseRef('rs/other'), 'SuccessfulCreate').evaluate(view(c)).observed, 'no events about replicaset "other"');
});

test('conditions, fields by JSONPath, and gone objects held by finalizers', () => {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 3, controllers: [garbageCollectorController] });
  c.client().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', finalizers: ['example.com/hold'] }, data: { mode: 'fast' } });
  const p = c.client().create(pod('web'));
  c.client('kubelet/node01').mutateStatus('Pod', 'default', p.metadata.name, (d: KubeObject) => {
    d.status.conditions = [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]' }];
  });
  assert.deepEqual(hasCondition(parseRef('pod "web"'), 'Ready', 'True').evaluate(view(c)),
    { ok: false, observed: 'Ready=False (reason ContainersNotReady, message "containers with unready status: [app]")' });
  assert.equal(hasCondition(parseRef('pod "web"'), 'Ready', 'False', 'ContainersNotReady').evaluate(view(c)).ok, true);
  assert.equal(hasCondition(parseRef('pod "web"'), 'PodScheduled', 'True').evaluate(view(c)).observed,
    'no PodScheduled condition (conditions: Ready=False (reason ContainersNotReady, message "containers with unready status: [app]"))');
  const cfg = parseRef('configmap "cfg"');
  assert.equal(fieldMatches(cfg, '{.data.mode}', 'equal to', 'fast').evaluate(view(c)).ok, true);
  assert.equal(fieldMatches(cfg, '.data.mode', 'containing', 'as').evaluate(view(c)).ok, true);
  assert.deepEqual(fieldAbsent(cfg, '.data.other').evaluate(view(c)), { ok: true, observed: '.data.other is not set' });
  c.client().delete('ConfigMap', 'default', 'cfg');
  const gone = objectGone(cfg).evaluate(view(c));
  assert.equal(gone.ok, false);
  assert.equal(gone.pending, 'held by finalizers ["example.com/hold"]');
});

test('a key holding undefined is absent, as in the JSON kubectl receives', () => {
  const pod = { metadata: { name: 'bare', ownerReferences: undefined, labels: { app: 'x' } } };
  assert.deepEqual(jsonPathValues(pod, '.metadata.ownerReferences'), []);
  assert.equal(jsonPathText(pod, '{.metadata.ownerReferences}'), undefined);
  assert.equal(jsonPathText(pod, '.metadata.labels.app'), 'x');
});
