import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { pod, replicaSet } from './test_support';

test('resourceVersion is one cluster-wide counter; generation moves on spec changes only', () => {
  const c = new Cluster();
  const k = c.client();
  const rs = k.create(replicaSet());
  assert.equal(rs.metadata.generation, 1);
  const rv0 = Number(rs.metadata.resourceVersion);
  const labelled = k.mutate('ReplicaSet', 'default', 'web', d => { d.metadata.labels = { tier: 'x' }; });
  assert.equal(labelled.metadata.generation, 1);
  assert.equal(Number(labelled.metadata.resourceVersion), rv0 + 1);
  const scaled = k.mutate('ReplicaSet', 'default', 'web', d => { d.spec.replicas = 5; });
  assert.equal(scaled.metadata.generation, 2);
  const status = k.mutateStatus('ReplicaSet', 'default', 'web', d => { d.status = { replicas: 5 }; d.spec.replicas = 9; });
  assert.equal(status.metadata.generation, 2, 'status writes never bump generation');
  assert.equal(status.spec.replicas, 5, 'status writes cannot change spec');
  assert.deepEqual(status.status, { replicas: 5 });
  const spec = k.mutate('ReplicaSet', 'default', 'web', d => { d.status = { replicas: 0 }; });
  assert.deepEqual(spec.status, { replicas: 5 }, 'spec writes cannot change status');
  assert.equal(spec.metadata.resourceVersion, status.metadata.resourceVersion, 'a write that changes nothing is not stored');
});

test('Deployment generation also moves on annotation changes', () => {
  const c = new Cluster();
  const k = c.client();
  k.create({ ...replicaSet(), kind: 'Deployment' });
  const d = k.mutate('Deployment', 'default', 'web', x => { x.metadata.annotations = { a: 'b' }; });
  assert.equal(d.metadata.generation, 2);
});

test('a stale resourceVersion is a Conflict; existing names AlreadyExists; missing ones NotFound', () => {
  const c = new Cluster();
  const k = c.client();
  const rs = k.create(replicaSet());
  k.mutate('ReplicaSet', 'default', 'web', d => { d.spec.replicas = 3; });
  assert.throws(() => k.update({ ...rs, spec: { ...rs.spec, replicas: 4 } }), {
    message: 'Operation cannot be fulfilled on replicasets.apps "web": the object has been modified; please apply your changes to the latest version and try again',
  });
  assert.throws(() => k.create(replicaSet()), { message: 'replicasets.apps "web" already exists' });
  assert.throws(() => k.get('Pod', 'default', 'nope'), { message: 'pods "nope" not found' });
  assert.throws(() => k.create({ ...pod(), metadata: { name: 'x', namespace: 'nope' } }), { message: 'namespaces "nope" not found' });
});

test('generateName appends five characters from the seeded stream', () => {
  const names = (seed: number): string[] => {
    const c = new Cluster({ seed });
    return [1, 2, 3].map(() => c.client().create({ ...pod(), metadata: { generateName: 'web-' } }).metadata.name);
  };
  assert.deepEqual(names(3), names(3));
  assert.notDeepEqual(names(3), names(4));
  for (const n of names(3)) assert.match(n, /^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
});

test('pods on a node delete gracefully: deletionTimestamp = now + grace, shortening allowed, grace 0 removes', () => {
  const c = new Cluster();
  const k = c.client();
  k.create(pod('p', { nodeName: 'node01' }));
  c.sim.advance(5000);
  const r = k.delete('Pod', 'default', 'p');
  assert.equal(r.removed, false);
  assert.equal(r.object.metadata.deletionTimestamp, '2025-01-01T00:00:35Z');
  assert.equal(r.object.metadata.deletionGracePeriodSeconds, 30);
  const longer = k.delete('Pod', 'default', 'p', { gracePeriodSeconds: 60 });
  assert.equal(longer.object.metadata.deletionGracePeriodSeconds, 30, 'a longer grace is ignored');
  const shorter = k.delete('Pod', 'default', 'p', { gracePeriodSeconds: 10 });
  assert.equal(shorter.object.metadata.deletionTimestamp, '2025-01-01T00:00:15Z');
  assert.equal(k.delete('Pod', 'default', 'p', { gracePeriodSeconds: 0 }).removed, true);
  assert.equal(k.find('Pod', 'default', 'p'), undefined);
});

test('unscheduled pods are removed at once', () => {
  const c = new Cluster();
  c.client().create(pod('p'));
  assert.equal(c.client().delete('Pod', 'default', 'p').removed, true);
});

test('history keeps every version with its instant and writer', () => {
  const c = new Cluster({ controllers: [] });
  const rs = c.client('alice').create(replicaSet());
  c.sim.advance(2000);
  c.client('bob').mutate('ReplicaSet', 'default', 'web', d => { d.spec.replicas = 3; });
  c.sim.advance(1000);
  c.client('carol').delete('ReplicaSet', 'default', 'web');
  const versions = c.store.history.versionsOf(rs.metadata.uid);
  assert.deepEqual(versions.map(v => `${v.type}@${v.atMs} by ${v.actor}`), ['ADDED@0 by alice', 'MODIFIED@2000 by bob', 'DELETED@3000 by carol']);
  assert.equal(c.store.history.objectAt(rs.metadata.uid, 1999)?.spec.replicas, 2);
  assert.equal(c.store.history.objectAt(rs.metadata.uid, 2000)?.spec.replicas, 3);
  assert.equal(c.store.history.objectAt(rs.metadata.uid, 3000), undefined);
});

test('watch events are delivered as scheduled events, never inline, after the configured latency', () => {
  const c = new Cluster({ watchLatencyMs: 200 });
  const seen: string[] = [];
  c.api.watch('Pod', { watcher: 'test' }, e => seen.push(`${e.type} ${e.object.metadata.name}@${c.sim.nowMs}`));
  c.client().create(pod('a'));
  assert.deepEqual(seen, []);
  c.sim.advance(199);
  assert.deepEqual(seen, []);
  c.sim.advance(1);
  assert.deepEqual(seen, ['ADDED a@200']);
});

test('label-selected watches see objects move in and out as ADDED and DELETED', () => {
  const c = new Cluster({ nodes: [], scheduler: false }); // nothing but the test writes pods
  const seen: string[] = [];
  c.api.watch('Pod', { watcher: 'test', labelSelector: { requirements: [{ key: 'app', operator: '=', values: ['web'] }] } }, e => seen.push(`${e.type} ${e.object.metadata.name}`));
  const k = c.client();
  k.create(pod('a'));
  k.mutate('Pod', 'default', 'a', d => { d.metadata.labels = { app: 'other' }; });
  k.mutate('Pod', 'default', 'a', d => { d.metadata.labels = { app: 'web' }; });
  c.sim.advance(0);
  assert.deepEqual(seen, ['ADDED a', 'DELETED a', 'ADDED a']);
});

test('mutating hooks rewrite objects; validating hooks deny with the webhook message', () => {
  const c = new Cluster();
  c.api.admission.mutating.push({ name: 'relabel.example.com', kinds: ['Pod'], mutate: r => { r.object.metadata.labels = { app: 'rewritten' }; } });
  c.api.admission.validating.push({ name: 'deny.example.com', kinds: ['ConfigMap'], validate: () => 'no config maps here' });
  assert.deepEqual(c.client().create(pod('a')).metadata.labels, { app: 'rewritten' });
  assert.throws(() => c.client().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }), {
    message: 'admission webhook "deny.example.com" denied the request: no config maps here',
  });
});

test('empty labels, annotations, ownerReferences and finalizers are not stored (ObjectMeta omitempty)', () => {
  const c = new Cluster({ controllers: [], nodes: [] });
  const k = c.client();
  k.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', labels: {}, annotations: {}, finalizers: ['example.com/hold'],
    ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: 'u-1' }] } });
  const created = c.store.get('ConfigMap', 'default', 'cm')!;
  assert.deepEqual([created.metadata.labels, created.metadata.annotations], [undefined, undefined]);
  const updated = k.mutate('ConfigMap', 'default', 'cm', d => { d.metadata.ownerReferences = []; d.metadata.finalizers = []; });
  assert.deepEqual(Object.keys(updated.metadata).filter(f => ['ownerReferences', 'finalizers'].includes(f)), []);
});

test('an owned update stores what a plain update stores, without copying the object it was handed', () => {
  const lease = (renewTime: string) => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
    metadata: { name: 'n1', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'n1', renewTime } });
  const plain = new Cluster().client();
  const owned = new Cluster().client();
  const a0 = plain.create(lease('2025-01-01T00:00:00.000000Z'));
  const b0 = owned.create(lease('2025-01-01T00:00:00.000000Z'));
  const a1 = plain.update({ ...a0, spec: { ...a0.spec, renewTime: '2025-01-01T00:00:10.000000Z' } });
  const input = { ...b0, metadata: { ...b0.metadata }, spec: { ...b0.spec, renewTime: '2025-01-01T00:00:10.000000Z' } };
  const b1 = owned.updateOwned(input);
  assert.equal(JSON.stringify(b1), JSON.stringify(a1));
  assert.equal(b1, input, 'the handed-over object is the stored version');
  assert.ok(Object.isFrozen(b1.spec));
  // Frozen metadata (a stored version's) cannot be the draft: it is copied, and the write still goes through.
  const b2 = owned.updateOwned({ ...b1, spec: { ...b1.spec, renewTime: '2025-01-01T00:00:20.000000Z' } });
  assert.equal(b2.spec.renewTime, '2025-01-01T00:00:20.000000Z');
  assert.equal(Number(b2.metadata.resourceVersion), Number(b1.metadata.resourceVersion) + 1);
  assert.equal(owned.updateOwned({ ...b2, metadata: { ...b2.metadata } }), b2, 'no change, no write');
});
