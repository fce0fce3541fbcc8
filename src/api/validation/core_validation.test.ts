// Service, ConfigMap, Secret, PVC, PDB and Namespace messages (pkg/apis/core/validation ValidateService,
// ValidateServiceUpdate, ValidateConfigMap(Update), ValidateSecret, PVC spec; pkg/apis/policy/validation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../../cluster/cluster';
import { ApiError } from '../errors';
import { rejection } from '../test_support';
import type { KubeObject } from '../objects';


const svc = (spec: Record<string, unknown>, name = 'web'): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });

test('Service ports: names required when several, range, protocol, targetPort names, duplicate (protocol, port) as a struct', () => {
  assert.equal(rejection(svc({ ports: [{ port: 80 }, { name: 'b', port: 0, protocol: 'HTTP', targetPort: 'Web' }, { name: 'c', port: 80 }] })),
    'Service "web" is invalid: [spec.ports[0].name: Required value, spec.ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive, spec.ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP", spec.ports[1].targetPort: Invalid value: "Web": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-), spec.ports[2]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}]');
  assert.equal(rejection(svc({ type: 'Magic', ports: [{ port: 80 }] })),
    'Service "web" is invalid: spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"');
  assert.equal(rejection(svc({ ports: [{ port: 80, nodePort: 30080 }] })),
    "Service \"web\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
});

test('Service clusterIP: allocated from 10.96.0.0/12, kept when an update omits it, immutable once set', () => {
  const c = new Cluster();
  const s = c.client().create(svc({ selector: { app: 'web' }, ports: [{ port: 80 }] }));
  assert.match(s.spec.clusterIP, /^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);
  assert.deepEqual([s.spec.clusterIPs, s.spec.ipFamilies, s.spec.ipFamilyPolicy], [[s.spec.clusterIP], ['IPv4'], 'SingleStack']);
  assert.deepEqual(s.status, { loadBalancer: {} });
  const kept = c.client().mutate('Service', 'default', 'web', d => { delete d.spec.clusterIP; delete d.spec.clusterIPs; d.spec.selector = { app: 'web2' }; });
  assert.equal(kept.spec.clusterIP, s.spec.clusterIP);
  assert.throws(() => c.client().mutate('Service', 'default', 'web', d => { d.spec.clusterIP = '10.96.0.9'; d.spec.clusterIPs = ['10.96.0.9']; }),
    { message: 'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.9"}: may not change once set' });
  assert.equal(rejection(svc({ clusterIP: s.spec.clusterIP, ports: [{ port: 80 }] }, 'other'), c),
    `Service "other" is invalid: spec.clusterIPs: Invalid value: []string{"${s.spec.clusterIP}"}: failed to allocate IP ${s.spec.clusterIP}: provided IP is already allocated`);
});

test('Service NodePort: node ports allocated in 30000-32767, externalTrafficPolicy defaulted; headless needs no ports', () => {
  const c = new Cluster();
  const s = c.client().create(svc({ type: 'NodePort', ports: [{ port: 80 }] }));
  assert.ok(s.spec.ports[0].nodePort >= 30000 && s.spec.ports[0].nodePort <= 32767);
  assert.equal(s.spec.externalTrafficPolicy, 'Cluster');
  const h = c.client().create(svc({ clusterIP: 'None', selector: { app: 'db' } }, 'db'));
  assert.deepEqual([h.spec.clusterIPs, h.spec.ipFamilyPolicy], [['None'], 'SingleStack']);
});

test('ConfigMap and Secret keys: IsConfigMapKey messages; data and binaryData may not share a key; immutable data', () => {
  const cm = (data: Record<string, string>, binaryData?: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data, ...(binaryData ? { binaryData } : {}) });
  assert.equal(rejection(cm({ 'a b': 'x', '..x': 'y' })),
    "ConfigMap \"c\" is invalid: [data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+'), data[..x]: Invalid value: \"..x\": must not start with '..']");
  assert.equal(rejection(cm({ k: 'x' }, { k: 'eA==' })), 'ConfigMap "c" is invalid: data[k]: Invalid value: "k": duplicate of key present in binaryData');
  const c = new Cluster();
  c.client().create({ ...cm({ k: 'v' }), immutable: true });
  assert.throws(() => c.client().mutate('ConfigMap', 'default', 'c', d => { (d.data as Record<string, string>).k = 'w'; }),
    { message: 'ConfigMap "c" is invalid: data: Forbidden: field is immutable when `immutable` is set' });
  // stringData keys are checked as data keys (v1 conversion merges them).
  assert.equal(rejection({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { 'bad key': 'x' } } as KubeObject),
    "Secret \"s\" is invalid: data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  const secret = c.client().create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'ok' }, data: { a: 'eA==' }, stringData: { a: 'y', b: 'z' } } as KubeObject);
  assert.deepEqual([secret.data, secret.stringData, secret.type], [{ a: 'eQ==', b: 'eg==' }, undefined, 'Opaque']);
});

test('PVC: access modes, storage request, volume mode; spec frozen after creation', () => {
  const pvc = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec });
  assert.equal(rejection(pvc({ accessModes: ['ReadWriteSometimes'], resources: { requests: {} } })),
    'PersistentVolumeClaim "data" is invalid: [spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod", spec.resources[storage]: Required value]');
  assert.equal(rejection(pvc({ resources: { requests: { storage: '0' } } })),
    'PersistentVolumeClaim "data" is invalid: [spec.accessModes: Required value: at least 1 access mode is required, spec.resources[storage]: Invalid value: "0": must be greater than zero]');
});

test('PDB: both minAvailable and maxUnavailable; percent format (IntOrString %#v)', () => {
  const pdb = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'p' }, spec });
  assert.match(rejection(pdb({ minAvailable: 1, maxUnavailable: 1, selector: { matchLabels: { a: 'b' } } })),
    /^PodDisruptionBudget\.policy "p" is invalid: spec: Invalid value: policy\.PodDisruptionBudgetSpec\{.*\}: minAvailable and maxUnavailable cannot be both set$/);
  assert.equal(rejection(pdb({ maxUnavailable: '150%' })),
    'PodDisruptionBudget.policy "p" is invalid: spec.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%');
  const c = new Cluster();
  assert.deepEqual(c.client().create(pdb({ minAvailable: 1, selector: { matchLabels: { a: 'b' } } })).status,
    { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 });
});
