import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { pod, replicaSet } from '../api/test_support';
import type { Stored } from '../api/objects';

function ownedPods(c: Cluster, rs: Stored, n: number, nodeName?: string): void {
  const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true };
  for (let i = 0; i < n; i++) {
    const p = pod(`${rs.metadata.name}-${i}`, nodeName ? { nodeName } : {});
    p.metadata.ownerReferences = [ref];
    c.client('replicaset-controller').create(p);
  }
}

const podNames = (c: Cluster): string[] => c.store.list('Pod', 'default').map(p => p.metadata.name);

test('background deletion: the owner goes at once, then the collector deletes its dependents', () => {
  const c = new Cluster({ nodes: [] }); // unscheduled pods are deleted at once, with no kubelet involved
  const rs = c.client().create(replicaSet());
  ownedPods(c, rs, 2);
  c.client().delete('ReplicaSet', 'default', 'web', { propagationPolicy: 'Background' });
  assert.equal(c.store.get('ReplicaSet', 'default', 'web'), undefined);
  assert.equal(podNames(c).length, 2);
  c.sim.advance(0);
  assert.deepEqual(podNames(c), []);
  const deleters = c.store.history.records.filter(r => r.kind === 'Pod' && r.type === 'DELETED').map(r => r.actor);
  assert.deepEqual(deleters, ['garbage-collector-controller', 'garbage-collector-controller']);
});

test('orphan deletion: dependents lose the owner reference and stay', () => {
  const c = new Cluster();
  const rs = c.client().create(replicaSet());
  ownedPods(c, rs, 2);
  const r = c.client().delete('ReplicaSet', 'default', 'web', { propagationPolicy: 'Orphan' });
  assert.deepEqual(r.object.metadata.finalizers, ['orphan']);
  c.sim.advance(0);
  assert.equal(c.store.get('ReplicaSet', 'default', 'web'), undefined);
  assert.deepEqual(c.store.list('Pod', 'default').map(p => p.metadata.ownerReferences ?? []), [[], []]);
});

test('foreground deletion: the owner waits with foregroundDeletion until its blocking dependents are gone', () => {
  const c = new Cluster();
  const rs = c.client().create(replicaSet());
  ownedPods(c, rs, 1, 'node01');
  c.client().delete('ReplicaSet', 'default', 'web', { propagationPolicy: 'Foreground' });
  c.sim.advance(0);
  const held = c.store.get('ReplicaSet', 'default', 'web');
  assert.deepEqual(held?.metadata.finalizers, ['foregroundDeletion']);
  assert.ok(held?.metadata.deletionTimestamp);
  const p = c.store.get('Pod', 'default', 'web-0');
  assert.ok(p?.metadata.deletionTimestamp, 'the pod is terminating (graceful: it is bound to a node)');
  // The kubelet's final delete (grace 0) removes the pod; then the owner is released.
  c.client('kubelet/node01').delete('Pod', 'default', 'web-0', { gracePeriodSeconds: 0 });
  c.sim.advance(0);
  assert.equal(c.store.get('ReplicaSet', 'default', 'web'), undefined);
});

test('a ReplicationController deleted without a policy orphans its pods (core/v1 default)', () => {
  const c = new Cluster();
  const rc = c.client().create({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' },
    spec: { replicas: 1, selector: { app: 'web' }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'i' }] } } } });
  const p = pod('rc-0');
  p.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'ReplicationController', name: 'rc', uid: rc.metadata.uid, controller: true, blockOwnerDeletion: true }];
  c.client().create(p);
  c.client().delete('ReplicationController', 'default', 'rc');
  c.sim.advance(0);
  assert.equal(c.store.get('ReplicationController', 'default', 'rc'), undefined);
  // The last reference removed leaves no ownerReferences field at all (omitempty), as the real API stores it.
  const orphan = c.store.get('Pod', 'default', 'rc-0')!;
  assert.equal('ownerReferences' in orphan.metadata, false);
});

test('a dependent whose owner never existed is collected', () => {
  const c = new Cluster({ nodes: [] }); // unscheduled: the collector's delete removes it at once
  const p = pod('stray');
  p.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'gone', uid: 'not-a-real-uid', controller: true }];
  c.client().create(p);
  c.sim.advance(0);
  assert.equal(c.store.get('Pod', 'default', 'stray'), undefined);
});

test('an owner reference the server cannot map is retried, never treated as dangling', () => {
  // attemptToDeleteItem: classifyReferences returns a restMappingError; the item is requeued, not deleted.
  const c = new Cluster();
  const p = pod('web-0');
  p.metadata.ownerReferences = [{ apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', uid: 'u-1', controller: true }];
  c.client('someone').create(p);
  c.sim.advance(60_000);
  assert.deepEqual(podNames(c), ['web-0']);
});

test('a write that leaves ownerReferences equal (each Lease renewal) gives the collector nothing to do', () => {
  // Three kubelets renew their Leases (owned by their Nodes) every 10–10.4 s (JitterUntil 0.04): at
  // least 3 × 28 = 84 renewals in 5 min, each rewriting ownerReferences with the same values. referencesDiffs finds no change, so the
  // collector never runs for them (only the Leases' creation could queue them, before t=0 ends).
  const c = new Cluster();
  c.sim.advance(0);
  let syncs = 0;
  c.sim.observe(ev => { if (ev.label === 'garbage-collector-controller: sync') syncs++; });
  c.sim.advance(300_000);
  const renewals = c.store.history.records.filter(r => r.kind === 'Lease' && r.type === 'MODIFIED').length;
  assert.ok(renewals >= 84, `only ${renewals} Lease renewals`);
  assert.equal(syncs, 0);
});

test('new dependents of owners the collector has seen cost it no requests; their owner deleted later, it collects them', () => {
  // graph_builder.go insertNode: a new node goes to attemptToDelete (as a virtual owner node) only when
  // an owner is unknown to the graph. 60 pods owned by a ConfigMap it has seen (no controller of
  // their own): no GET, no token of its 20 qps spent, so deleting the owner finds a full bucket.
  const c = new Cluster({ nodes: [] });
  const requests: string[] = [];
  c.api.use((req, next) => { if (req.actor === 'garbage-collector-controller') requests.push(`${req.verb} ${req.kind}`); return next(); });
  const owner = c.client().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner' }, data: {} });
  c.sim.advance(0);
  const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid };
  for (let i = 0; i < 60; i++) {
    const p = pod(`dep-${i}`);
    p.metadata.ownerReferences = [ref];
    c.client('someone').create(p);
  }
  c.sim.advance(1000);
  assert.deepEqual(requests, []);
  const t0 = c.sim.nowMs;
  c.client().delete('ConfigMap', 'default', 'owner', { propagationPolicy: 'Background' });
  c.sim.advance(30_000);
  assert.deepEqual(podNames(c), []);
  // Three requests a pod (GET the pod, GET its owner, DELETE), 180 in all at 20 qps after a burst
  // of 30: the last pod goes (180 − 30) / 20 = 7.5 s after the owner at the latest.
  const last = Math.max(...c.store.history.records.filter(r => r.kind === 'Pod' && r.type === 'DELETED').map(r => r.atMs));
  assert.ok(last - t0 <= 7_500, `last dependent deleted ${last - t0} ms after its owner`);
});
