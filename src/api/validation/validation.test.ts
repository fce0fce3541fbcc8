import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../../cluster/cluster';
import { ApiError } from '../errors';
import { pod, rejection, replicaSet } from '../test_support';
import type { KubeObject } from '../objects';


test('apps/v1: a selector must match the template labels', () => {
  assert.equal(rejection(replicaSet('web', { app: 'web-x' }, { app: 'web' })),
    'ReplicaSet.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web-x"}: `selector` does not match template `labels`');
});

test('apps/v1: an empty selector is invalid', () => {
  const rs = replicaSet();
  rs.spec.selector = {};
  assert.equal(rejection(rs),
    'ReplicaSet.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment');
});

test('several errors are joined in brackets', () => {
  const rs = replicaSet();
  rs.spec.replicas = -1;
  rs.spec.template.spec.containers[0].image = '';
  assert.equal(rejection(rs),
    'ReplicaSet.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.spec.containers[0].image: Required value]');
});

test('workload templates must restart Always', () => {
  const rs = replicaSet();
  rs.spec.template.spec.restartPolicy = 'OnFailure';
  assert.equal(rejection(rs), 'ReplicaSet.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"');
});

test('names must be DNS subdomains; name or generateName is required', () => {
  assert.match(rejection(pod('Web')), /^Pod "Web" is invalid: metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of/);
  const p = pod();
  delete p.metadata.name;
  assert.equal(rejection(p), 'Pod "" is invalid: metadata.name: Required value: name or generateName is required');
});

test('pod specs: validateContainerCommon (pull policy) comes before the duplicate-name check, then probes', () => {
  // pkg/apis/core/validation validateContainers: common checks, Duplicate name, then lifecycle and probes.
  const p = pod('x', { containers: [{ name: 'a', image: 'i' }, { name: 'a', image: 'i', imagePullPolicy: 'Sometimes', livenessProbe: { periodSeconds: 5 } }] });
  assert.equal(rejection(p), 'Pod "x" is invalid: [spec.containers[1].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never", spec.containers[1].name: Duplicate value: "a", spec.containers[1].livenessProbe: Required value: must specify a handler type]');
});

test('deployment: maxSurge and maxUnavailable may not both be zero (the value is the internal IntOrString, %#v)', () => {
  const d = { ...replicaSet(), kind: 'Deployment', spec: { ...replicaSet().spec, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } } } };
  assert.equal(rejection(d), 'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0');
});

test('apps/v1 selectors are immutable', () => {
  const c = new Cluster();
  const rs = c.client().create(replicaSet());
  const next = { ...rs, spec: { ...rs.spec, selector: { matchLabels: { app: 'web', v: '2' } }, template: { ...rs.spec.template, metadata: { labels: { app: 'web', v: '2' } } } } };
  assert.throws(() => c.client().update(next), {
    message: 'ReplicaSet.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "v":"2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
  });
});

test('a validation switch off lets a mismatched selector in (for the endless-creation path)', () => {
  const c = new Cluster();
  c.api.validation = false;
  const rs = c.client().create(replicaSet('web', { app: 'web-x' }, { app: 'web' }));
  assert.equal(rs.metadata.name, 'web');
});
