import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from './cluster';
import { applyManifest, ManifestRejected } from './apply';
import { LAST_APPLIED } from '../kubectl/apply/last_applied';
import { RS } from '../kubectl/test_support';

const rs = (image: string, replicas: number, env = ''): string => RS(image, replicas, env);

test('the harness applies like kubectl apply: last-applied annotation, three-way merge, others\' changes kept', () => {
  const c = new Cluster();
  applyManifest(c, rs('nginx:1.27', 2, '\n        env:\n        - name: A\n          value: "1"'), 'manifest');
  const created = c.store.get('ReplicaSet', 'default', 'web')!;
  assert.ok(created.metadata.annotations![LAST_APPLIED]!.includes('"image":"nginx:1.27"'));
  c.client('hpa').mutate('ReplicaSet', 'default', 'web', (d: any) => { d.metadata.labels = { scaled: 'yes' }; });
  applyManifest(c, rs('nginx:1.28', 3), 'manifest');
  const updated = c.store.get('ReplicaSet', 'default', 'web')!;
  assert.equal(updated.spec.replicas, 3);
  assert.equal(updated.spec.template.spec.containers[0].image, 'nginx:1.28');
  assert.equal(updated.spec.template.spec.containers[0].env, undefined);
  assert.deepEqual(updated.metadata.labels, { scaled: 'yes' });
  // The same manifest again writes nothing.
  const rv = updated.metadata.resourceVersion;
  applyManifest(c, rs('nginx:1.28', 3), 'manifest');
  assert.equal(c.store.get('ReplicaSet', 'default', 'web')!.metadata.resourceVersion, rv);
});

test('a bad document anywhere changes nothing, even for updates that would have been fine', () => {
  const c = new Cluster();
  applyManifest(c, rs('nginx:1.27', 2), 'manifest');
  const before = c.store.get('ReplicaSet', 'default', 'web')!.metadata.resourceVersion;
  const bad = `${rs('nginx:1.28', 5)}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n`;
  assert.throws(() => applyManifest(c, bad, 'manifest'), (e: unknown) => e instanceof ManifestRejected && /manifest:19: The ConfigMap "Bad_Name" is invalid/.test(e.message));
  assert.equal(c.store.get('ReplicaSet', 'default', 'web')!.metadata.resourceVersion, before);
  assert.equal(c.store.get('ReplicaSet', 'default', 'web')!.spec.replicas, 2);
});
