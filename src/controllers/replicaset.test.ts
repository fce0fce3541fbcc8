import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { replicaSet } from '../api/test_support';
import { startFakeKubelet } from './testing';
import type { Event, KubeObject, Stored } from '../api/objects';
import { WITHOUT_NODES } from '../cluster/testing';

const pods = (c: Cluster): Stored[] => c.store.list('Pod', 'default');
const events = (c: Cluster, reason: string): string[] =>
  (c.store.list('Event', 'default') as unknown as Event[]).filter(e => e.reason === reason).map(e => e.message!);

test('creates the missing pods with upstream owner references, names and events', () => {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 7 });
  const rs = c.client().create(replicaSet('web'));
  c.sim.advance(0);
  const ps = pods(c);
  assert.equal(ps.length, 2);
  for (const p of ps) {
    assert.match(p.metadata.name, /^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.deepEqual(p.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    assert.deepEqual(p.metadata.labels, { app: 'web' });
  }
  assert.deepEqual(events(c, 'SuccessfulCreate').sort(), ps.map(p => `Created pod: ${p.metadata.name}`).sort());
  const status = c.store.get('ReplicaSet', 'default', 'web')!.status;
  assert.deepEqual(status, { replicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1 });
});

test('a deleted pod is replaced', () => {
  const c = new Cluster(WITHOUT_NODES);
  startFakeKubelet(c);
  c.client().create(replicaSet('web'));
  c.sim.advance(5000);
  const victim = pods(c)[0]!.metadata.name;
  c.client().delete('Pod', 'default', victim);
  c.sim.advance(0);
  const names = pods(c).map(p => p.metadata.name);
  assert.equal(names.length, 2);
  assert.ok(!names.includes(victim));
});

test('availableReplicas waits for minReadySeconds, strictly after the truncated Ready transition time', () => {
  const c = new Cluster(WITHOUT_NODES);
  // Pods become Ready at t=21.3s; the condition's lastTransitionTime is serialised as 00:00:21.
  startFakeKubelet(c, { readyAfterMs: 21_300 });
  const rs = replicaSet('web');
  rs.spec.minReadySeconds = 3;
  c.client().create(rs);
  const available = (): number => c.store.get('ReplicaSet', 'default', 'web')!.status?.availableReplicas ?? 0;
  const ready = (): number => c.store.get('ReplicaSet', 'default', 'web')!.status?.readyReplicas ?? 0;
  c.sim.advance(21_300);
  assert.equal(ready(), 2);
  assert.equal(available(), 0);
  // The sync at 21.3s sees ready == desired but none available and requeues after minReadySeconds: 24.3s.
  // IsPodAvailable(v1.32): 21s + 3s = 24s < 24.3s → available then (the +1 s pod-update requeue at 25.3s is later).
  c.sim.advance(2_999);
  assert.equal(available(), 0);
  c.sim.advance(1);
  assert.equal(c.sim.nowMs, 24_300);
  assert.equal(available(), 2);
});

test('scale-down removes unscheduled, then pending, then not-ready pods before ready ones', () => {
  const c = new Cluster(WITHOUT_NODES);
  const k = c.client();
  const rs = k.create({ ...replicaSet('web'), spec: { ...replicaSet('web').spec, replicas: 4 } });
  c.sim.advance(0);
  const [a, b, d, e] = pods(c).map(p => p.metadata.name) as [string, string, string, string];
  const t = '2025-01-01T00:00:00Z';
  for (const p of [b, d, e]) k.bind('default', p, 'node01');
  k.mutateStatus('Pod', 'default', d, p => { p.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: t }] }; });
  k.mutateStatus('Pod', 'default', e, p => { p.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: t }] }; });
  c.sim.advance(1000);
  const scaleTo = (n: number): string[] => {
    const before = new Set(pods(c).filter(p => !p.metadata.deletionTimestamp).map(p => p.metadata.name));
    k.mutate('ReplicaSet', 'default', 'web', r => { r.spec.replicas = n; });
    c.sim.advance(0);
    const after = new Set(pods(c).filter(p => !p.metadata.deletionTimestamp).map(p => p.metadata.name));
    return [...before].filter(x => !after.has(x));
  };
  void rs;
  assert.deepEqual(scaleTo(3), [a], 'unassigned first');
  assert.deepEqual(scaleTo(2), [b], 'then Pending before Running');
  assert.deepEqual(scaleTo(1), [d], 'then not ready before ready');
  assert.deepEqual(events(c, 'SuccessfulDelete'), [`Deleted pod: ${a}`, `Deleted pod: ${b}`, `Deleted pod: ${d}`]);
});

test('a template change leaves running pods alone; deleted pods come back from the new template', () => {
  const c = new Cluster(WITHOUT_NODES);
  startFakeKubelet(c);
  const k = c.client();
  k.create(replicaSet('web'));
  c.sim.advance(5000);
  const before = pods(c).map(p => `${p.metadata.name}=${p.spec.containers[0].image}`).sort();
  k.mutate('ReplicaSet', 'default', 'web', r => { r.spec.template.spec.containers[0].image = 'nginx:1.28'; });
  c.sim.advance(5000);
  assert.deepEqual(pods(c).map(p => `${p.metadata.name}=${p.spec.containers[0].image}`).sort(), before);
  for (const p of pods(c)) k.delete('Pod', 'default', p.metadata.name);
  c.sim.advance(5000);
  assert.deepEqual(pods(c).map(p => p.spec.containers[0].image), ['nginx:1.28', 'nginx:1.28']);
});

test('matching orphans are adopted and pods whose labels stop matching are released', () => {
  const c = new Cluster(WITHOUT_NODES);
  const k = c.client();
  k.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare', labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'i' }] } });
  const rs = k.create(replicaSet('web'));
  c.sim.advance(0);
  assert.equal(c.store.get('Pod', 'default', 'bare')!.metadata.ownerReferences?.[0]?.uid, rs.metadata.uid);
  assert.equal(pods(c).length, 2, 'the adopted orphan counts: only one pod is created');
  k.mutate('Pod', 'default', 'bare', p => { p.metadata.labels = { app: 'other' }; });
  c.sim.advance(0);
  assert.equal('ownerReferences' in c.store.get('Pod', 'default', 'bare')!.metadata, false, 'released: no ownerReferences left (omitempty)');
  assert.equal(pods(c).filter(p => p.metadata.labels?.app === 'web').length, 2, 'a replacement was created');
});

test('a label-rewriting admission hook makes the controller create pods without end, paced by its client rate limit', () => {
  const c = new Cluster(WITHOUT_NODES);
  c.api.admission.mutating.push({ name: 'relabel.example.com', kinds: ['Pod'], operations: ['CREATE'],
    mutate: r => { r.object.metadata.labels = { app: 'web-x' }; } });
  c.client().create(replicaSet('web'));
  const counts: number[] = [];
  for (let s = 0; s <= 4; s++) {
    c.sim.advance(s === 0 ? 0 : 1000);
    counts.push(pods(c).length);
  }
  // The controller's client: 20 qps, burst 30, shared with its event sink. A sync's requests take their
  // tokens at once; the next sync waits until a token is back.
  // t=0: sync 1 creates 2 pods (slow start 1, 1) + 2 SuccessfulCreate events + 1 status write = 5 tokens.
  //      Each later sync releases the 2 pods it created (2 patches), creates 2 (+2 events) = 6 tokens:
  //      4 syncs leave 1 token, the 5th goes to −5 → 12 pods at t=0.
  // Then a sync every 300 ms (6 tokens): 18 pods at 1 s, 24 at 2 s. The spam filter lets 25 events
  // through per object; from the 26th "Created pod" on, a sync costs 4 tokens (one every 200 ms): +10 a second.
  assert.deepEqual(counts, [12, 18, 24, 34, 44]);
  const events = (c.store.list('Event', 'default') as unknown as Event[]).filter(e => e.source?.component === 'replicaset-controller');
  assert.equal(events.reduce((n, e) => n + e.count!, 0), 25, 'the spam filter stopped the events at 25');
  assert.ok(pods(c).every(p => p.metadata.labels?.app === 'web-x'));
  const released = pods(c).filter(p => (p.metadata.ownerReferences ?? []).length === 0).length;
  assert.equal(released, counts[4]! - 2, 'all but the 2 newest pods were released');
  assert.deepEqual(c.store.get('ReplicaSet', 'default', 'web')!.status?.replicas, 0);
});

test('ReplicationControllers run on the same controller with their own event source', () => {
  const c = new Cluster(WITHOUT_NODES);
  const rc = c.client().create({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' },
    spec: { replicas: 3, template: { metadata: { labels: { app: 'rc' } }, spec: { containers: [{ name: 'a', image: 'i' }] } } } } as KubeObject);
  c.sim.advance(0);
  assert.equal(pods(c).length, 3);
  assert.deepEqual(pods(c)[0]!.metadata.ownerReferences![0], { apiVersion: 'v1', kind: 'ReplicationController', name: 'rc', uid: rc.metadata.uid, controller: true, blockOwnerDeletion: true });
  const sources = (c.store.list('Event', 'default') as unknown as Event[]).map(e => e.source?.component);
  assert.deepEqual([...new Set(sources)], ['replication-controller']);
});

test('fullyLabeledReplicas counts the claimed pods carrying every template label, selected or not', () => {
  const c = new Cluster(WITHOUT_NODES);
  // The selector asks for app only; the template also labels tier, which a pod can lose and stay claimed.
  c.client().create(replicaSet('web', { app: 'web', tier: 'front' }, { app: 'web' }));
  c.sim.advance(0);
  const status = () => c.store.get('ReplicaSet', 'default', 'web')!.status;
  assert.equal(status()?.fullyLabeledReplicas, 2);
  c.client().mutate('Pod', 'default', pods(c)[0]!.metadata.name, p => { delete p.metadata.labels!.tier; });
  c.sim.advance(0);
  assert.equal(pods(c).length, 2);
  assert.deepEqual([status()?.replicas, status()?.fullyLabeledReplicas], [2, 1]);
});
