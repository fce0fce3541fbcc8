import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { ROOT_CA_CONFIGMAP } from './root_ca_publisher';
import { KUBERNETES_SERVICE_IP } from '../cluster/bootstrap';

test('every namespace has kube-root-ca.crt, a new one at once, a deleted one back at once', () => {
  const c = new Cluster();
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) assert.ok(c.store.get('ConfigMap', ns, ROOT_CA_CONFIGMAP), ns);
  c.client().create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
  c.sim.advance(0);
  const cm = c.store.get('ConfigMap', 'team-a', ROOT_CA_CONFIGMAP);
  assert.match((cm?.data as Record<string, string> | undefined)?.['ca.crt'] ?? '', /^-----BEGIN CERTIFICATE-----\n/);
  c.client().delete('ConfigMap', 'team-a', ROOT_CA_CONFIGMAP);
  c.sim.advance(0);
  assert.ok(c.store.get('ConfigMap', 'team-a', ROOT_CA_CONFIGMAP), 'recreated');
  assert.equal(c.store.history.records.filter(r => r.kind === 'ConfigMap' && r.namespace === 'team-a').at(-1)?.actor, 'root-ca-cert-publisher');
});

test('the API server publishes the kubernetes Service at the first service IP, with its Endpoints', () => {
  const c = new Cluster();
  const svc = c.store.get('Service', 'default', 'kubernetes')!;
  assert.equal(svc.spec.clusterIP, KUBERNETES_SERVICE_IP);
  assert.deepEqual(svc.spec.ports, [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }]);
  assert.deepEqual(c.store.get('Endpoints', 'default', 'kubernetes')!.subsets, [{ addresses: [{ ip: '172.18.0.1' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
});
