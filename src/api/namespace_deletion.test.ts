import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import type { KubeObject } from './objects';

function bare(): Cluster {
  // No kube-controller-manager: only the API server's own rules are at work.
  return new Cluster({ controllers: [] });
}

test('the first DELETE of a namespace marks it Terminating and keeps it; a second DELETE changes nothing', () => {
  const c = bare();
  c.client().create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
  c.sim.advance(10_000);
  const first = c.client().delete('Namespace', '', 'team', {});
  assert.equal(first.removed, false);
  const ns = c.store.get('Namespace', '', 'team')!;
  assert.equal(ns.metadata.deletionTimestamp, first.object.metadata.deletionTimestamp);
  assert.equal(ns.status?.phase, 'Terminating');
  assert.equal(ns.metadata.deletionGracePeriodSeconds, undefined);
  assert.deepEqual(ns.spec?.finalizers, ['kubernetes']);
  c.sim.advance(5_000);
  const second = c.client().delete('Namespace', '', 'team', {});
  assert.equal(second.removed, false);
  assert.equal(c.store.get('Namespace', '', 'team')!.metadata.resourceVersion, ns.metadata.resourceVersion);
});

test('finalize removes the namespace once spec.finalizers and metadata.finalizers are empty', () => {
  const c = bare();
  c.client().create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', finalizers: ['example.com/hold'] } } as KubeObject);
  c.client().delete('Namespace', '', 'team', {});
  // spec.finalizers emptied, but a metadata finalizer still holds it.
  c.client().finalizeNamespace('team', []);
  assert.deepEqual(c.store.get('Namespace', '', 'team')!.spec?.finalizers, undefined);
  // An ordinary update cannot put spec.finalizers back (only the finalize subresource changes them).
  c.client().mutate('Namespace', '', 'team', d => { d.spec = { finalizers: ['kubernetes'] }; d.metadata.finalizers = []; });
  assert.equal(c.store.get('Namespace', '', 'team'), undefined, 'the last metadata finalizer gone: removed during the update');
  assert.equal(c.store.history.records.at(-1)?.type, 'DELETED');
});

test('a terminating namespace is not removed while spec.finalizers remain, even with no metadata finalizers', () => {
  const c = bare();
  c.client().create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
  c.client().delete('Namespace', '', 'team', {});
  c.client().mutate('Namespace', '', 'team', d => { d.metadata.labels = { ...d.metadata.labels, x: 'y' }; });
  assert.ok(c.store.get('Namespace', '', 'team'));
  c.client().finalizeNamespace('team', []);
  assert.equal(c.store.get('Namespace', '', 'team'), undefined);
});

test('namespace DELETE preconditions use the namespace registry words; Foreground adds foregroundDeletion', () => {
  const c = bare();
  c.client().create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
  const uid = c.store.get('Namespace', '', 'team')!.metadata.uid;
  assert.throws(() => c.client().delete('Namespace', '', 'team', { preconditions: { uid: 'other' } }),
    { message: `Operation cannot be fulfilled on namespaces "team": Precondition failed: UID in precondition: other, UID in object meta: ${uid}` });
  c.client().delete('Namespace', '', 'team', { propagationPolicy: 'Foreground' });
  assert.deepEqual(c.store.get('Namespace', '', 'team')!.metadata.finalizers, ['foregroundDeletion']);
});
