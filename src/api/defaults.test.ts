import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { pod, replicaSet } from './test_support';
import type { KubeObject } from './objects';

test('pod defaults: policy, grace, scheduler, pull policy by tag, probe timings, tolerations, service account', () => {
  const c = new Cluster();
  const p = c.client().create(pod('p', {
    containers: [
      { name: 'a', image: 'nginx', readinessProbe: { httpGet: { port: 80 } }, ports: [{ containerPort: 80 }] },
      { name: 'b', image: 'nginx:1.27' },
      { name: 'c', image: 'nginx@sha256:abc' },
    ],
  }));
  const s = p.spec;
  assert.equal(s.restartPolicy, 'Always');
  assert.equal(s.dnsPolicy, 'ClusterFirst');
  assert.equal(s.terminationGracePeriodSeconds, 30);
  assert.equal(s.schedulerName, 'default-scheduler');
  assert.equal(s.enableServiceLinks, true);
  assert.deepEqual(s.containers.map((x: { imagePullPolicy: string }) => x.imagePullPolicy), ['Always', 'IfNotPresent', 'IfNotPresent']);
  assert.deepEqual(s.containers[0].readinessProbe, { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  assert.equal(s.containers[0].ports[0].protocol, 'TCP');
  assert.equal(s.containers[0].terminationMessagePath, '/dev/termination-log');
  assert.deepEqual(s.tolerations.map((t: { key: string; tolerationSeconds: number }) => `${t.key}=${t.tolerationSeconds}`),
    ['node.kubernetes.io/not-ready=300', 'node.kubernetes.io/unreachable=300']);
  assert.equal(s.serviceAccountName, 'default');
  assert.match(s.volumes[0].name, /^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  assert.equal(p.status.phase, 'Pending');
  assert.equal(p.status.qosClass, 'BestEffort');
});

test('requests default to limits; equal requests and limits are Guaranteed', () => {
  const c = new Cluster();
  const p = c.client().create(pod('p', { containers: [{ name: 'a', image: 'i', resources: { limits: { cpu: '500m', memory: '128Mi' } } }] }));
  assert.deepEqual(p.spec.containers[0].resources.requests, { cpu: '500m', memory: '128Mi' });
  assert.equal(p.status.qosClass, 'Guaranteed');
});

test('workload defaults: replicas 1; Deployment strategy 25%/25%, history 10, deadline 600', () => {
  const c = new Cluster();
  const rs = replicaSet();
  delete (rs.spec as { replicas?: number }).replicas;
  assert.equal(c.client().create(rs).spec.replicas, 1);
  const d = c.client().create({ ...replicaSet('d'), kind: 'Deployment', spec: { ...replicaSet('d').spec, replicas: undefined } } as KubeObject);
  assert.deepEqual(d.spec.strategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
  assert.equal(d.spec.revisionHistoryLimit, 10);
  assert.equal(d.spec.progressDeadlineSeconds, 600);
  assert.equal(d.spec.replicas, 1);
  assert.equal(d.spec.template.spec.enableServiceLinks, undefined, 'templates are not defaulted like pods');
});

test('ReplicationController: empty selector and labels come from the template', () => {
  const c = new Cluster();
  const rc = c.client().create({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' },
    spec: { template: { metadata: { labels: { app: 'rc' } }, spec: { containers: [{ name: 'a', image: 'i' }] } } } } as KubeObject);
  assert.deepEqual(rc.spec.selector, { app: 'rc' });
  assert.deepEqual(rc.metadata.labels, { app: 'rc' });
  assert.equal(rc.spec.replicas, 1);
});
