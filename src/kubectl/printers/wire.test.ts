// The zero values and canonical quantities the API server's JSON carries (k8s.io/api v1.32 json tags).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toWire } from './wire';
import { canonicalQuantity, parseQuantityExact, quantityString, addQuantities } from './quantity_string';

test('struct fields are always written: template metadata, resources, status', () => {
  const rs = toWire({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r', creationTimestamp: '2025-01-01T00:00:00Z' },
    spec: { replicas: 1, selector: { matchLabels: { a: 'b' } }, template: { spec: { containers: [{ name: 'c', image: 'x' }] } } } });
  assert.deepEqual(rs.spec, { replicas: 1, selector: { matchLabels: { a: 'b' } },
    template: { metadata: { creationTimestamp: null }, spec: { containers: [{ name: 'c', image: 'x', resources: {} }] } } });
  assert.deepEqual(rs.status, { replicas: 0 });
  const d = toWire({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: {} } });
  assert.deepEqual(d.status, {});
  assert.deepEqual((d.spec as Record<string, unknown>).strategy, {});
  assert.equal((d.spec as Record<string, unknown>).selector, null);
});

test('pod conditions carry lastProbeTime: null, container statuses their state and lastState', () => {
  const pod = toWire({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [] },
    status: { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2025-01-01T00:00:00Z' }], containerStatuses: [{ name: 'c', image: 'x' }] } }) as any;
  assert.deepEqual(pod.status.conditions[0], { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:00Z' });
  assert.deepEqual(pod.status.containerStatuses[0], { name: 'c', image: 'x', imageID: '', ready: false, restartCount: 0, state: {}, lastState: {} });
});

test('events and nodes get their non-omitempty fields', () => {
  const ev = toWire({ apiVersion: 'v1', kind: 'Event', metadata: { name: 'e' }, involvedObject: { kind: 'Pod' } }) as any;
  assert.equal(ev.eventTime, null);
  assert.equal(ev.reportingComponent, '');
  assert.deepEqual(ev.source, {});
  const node = toWire({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' } }) as any;
  assert.deepEqual(node.status.daemonEndpoints, { kubeletEndpoint: { Port: 0 } });
  assert.equal(node.status.nodeInfo.kubeletVersion, '');
});

test('quantities are written in canonical form; the input object is not touched', () => {
  const input = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', resources: { limits: { cpu: '0.5', memory: '1024Mi' } } }] } };
  const pod = toWire(input) as any;
  assert.deepEqual(pod.spec.containers[0].resources.limits, { cpu: '500m', memory: '1Gi' });
  assert.equal(input.spec.containers[0]!.resources.limits.cpu, '0.5');
});

test('Quantity.String(): canonical decimal, binary and exponent forms', () => {
  const cases: [string, string][] = [
    ['0.5', '500m'], ['1000m', '1'], ['1500m', '1500m'], ['2000', '2k'], ['1500', '1500'], ['100m', '100m'], ['0', '0'],
    ['1024Mi', '1Gi'], ['1.5Gi', '1536Mi'], ['512', '512'], ['0.5Ki', '512'], ['1536', '1536'], ['128974848', '128974848'],
    ['1e3', '1e3'], ['1.5e3', '1500'], ['12e6', '12e6'], ['1G', '1G'], ['1E', '1E'], ['-1', '-1'], ['0.1', '100m'], ['1n', '1n'],
  ];
  for (const [input, want] of cases) assert.equal(canonicalQuantity(input), want, input);
  assert.equal(canonicalQuantity('garbage'), 'garbage');
  // Sums keep the first operand's format.
  assert.equal(quantityString(addQuantities(parseQuantityExact('128Mi')!, parseQuantityExact('64Mi')!)), '192Mi');
  assert.equal(quantityString(addQuantities(parseQuantityExact('250m')!, parseQuantityExact('0.25')!)), '500m');
});
