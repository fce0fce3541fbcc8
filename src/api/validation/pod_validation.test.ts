// PodSpec and pod update messages, checked against pkg/apis/core/validation/validation.go (ValidatePodSpec,
// validateContainerCommon, ValidateVolumeMounts, validateProbe, ValidateTolerations, ValidatePodUpdate).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../../cluster/cluster';
import { ApiError } from '../errors';
import { pod, rejection } from '../test_support';
import type { KubeObject } from '../objects';


test('volumes come first; a volume with errors is not mountable; mount paths must be unique', () => {
  const p = pod('a', {
    volumes: [{ name: 'v', configMap: {} }],
    containers: [{ name: 'c', image: 'i', volumeMounts: [{ name: 'v', mountPath: '/x' }, { name: 'w', mountPath: '/x' }] }],
  });
  assert.equal(rejection(p), 'Pod "a" is invalid: [spec.volumes[0].configMap.name: Required value, spec.containers[0].volumeMounts[0].name: Not found: "v", spec.containers[0].volumeMounts[1].name: Not found: "w", spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/x": must be unique]');
});

test('a second volume source is Forbidden at its own path; no source at all defaults to emptyDir', () => {
  const p = pod('a', { volumes: [{ name: 'v', secret: { secretName: 's' }, configMap: { name: 'c' } }] });
  assert.equal(rejection(p), 'Pod "a" is invalid: spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type');
  const c = new Cluster();
  const ok = c.client().create(pod('b', { volumes: [{ name: 'scratch' }] }));
  assert.deepEqual(ok.spec.volumes[0], { name: 'scratch', emptyDir: {} });
});

test('container ports: name rules, Required containerPort, range, protocol', () => {
  const p = pod('a', { containers: [{ name: 'c', image: 'i', ports: [{ name: 'HTTP', containerPort: 70000, protocol: 'ICMP' }, { containerPort: 0 }] }] });
  assert.equal(rejection(p), 'Pod "a" is invalid: [spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-), spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain at least one letter (a-z), spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.containers[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP", spec.containers[0].ports[1].containerPort: Required value]');
});

test('probes: one handler, non-negative timings, successThreshold 1 for liveness, httpGet port by name or number', () => {
  const p = pod('a', { containers: [{ name: 'c', image: 'i',
    livenessProbe: { exec: { command: ['true'] }, tcpSocket: { port: 80 }, successThreshold: 2, periodSeconds: -1 },
    readinessProbe: { httpGet: { port: 'web--port' }, terminationGracePeriodSeconds: 5 } }] });
  assert.equal(rejection(p), 'Pod "a" is invalid: [spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type, spec.containers[0].livenessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0, spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1, spec.containers[0].readinessProbe.httpGet.port: Invalid value: "web--port": must not contain consecutive hyphens, spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 5: must not be set for readinessProbes]');
});

test('restart and DNS policy, node selector, active deadline, tolerations in ValidatePodSpec order', () => {
  const p = pod('a', {
    restartPolicy: 'Sometimes', dnsPolicy: 'Nearest', nodeSelector: { disk: 'ssd fast' }, activeDeadlineSeconds: 0,
    tolerations: [{ operator: 'Equal', value: 'x' }, { key: 'k', operator: 'Exists', value: 'v', effect: 'Never' }, { key: 'k', tolerationSeconds: 5 }],
  });
  assert.equal(rejection(p), 'Pod "a" is invalid: [spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never", spec.dnsPolicy: Unsupported value: "Nearest": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None", spec.nodeSelector: Invalid value: "ssd fast": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\'), spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive, spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys", spec.tolerations[1].operator: Invalid value: "v": value must be empty when `operator` is \'Exists\', spec.tolerations[1].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute", spec.tolerations[2].effect: Invalid value: "": effect must be \'NoExecute\' when `tolerationSeconds` is set]');
});

test('resources: names, negative quantities, requests over limits (path .requests, value the request)', () => {
  const p = pod('a', { containers: [{ name: 'c', image: 'i', resources: { limits: { cpu: '1', gpu: '1' }, requests: { cpu: '2', memory: '-1' } } }] });
  assert.equal(rejection(p), 'Pod "a" is invalid: [spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers, spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1, spec.containers[0].resources.requests[memory]: Invalid value: "-1": must be greater than or equal to 0, spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers]');
  // (requests[gpu] was defaulted from the limit: SetDefaults_Pod.)
});

test('init containers: restartPolicy only Always, probes forbidden without it, names unique with regular containers', () => {
  const p = pod('a', { initContainers: [{ name: 'app', image: 'i', restartPolicy: 'OnFailure', readinessProbe: { exec: { command: ['x'] } } }] });
  assert.equal(rejection(p), 'Pod "a" is invalid: [spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always", spec.initContainers[0].name: Duplicate value: "app", spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always]');
});

test('env: relaxed names (printable ASCII but "="), one valueFrom source', () => {
  const p = pod('a', { containers: [{ name: 'c', image: 'i', env: [{ name: 'A=B' }, { name: 'K', value: 'v', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] }] });
  assert.equal(rejection(p), 'Pod "a" is invalid: [spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\', spec.containers[0].env[1].valueFrom: Invalid value: "": may not be specified when `value` is not empty]');
});

test('pod updates: only images, deadline (shorter), tolerations (added); otherwise the long Forbidden with a diff', () => {
  const c = new Cluster();
  c.client().create(pod('a', { activeDeadlineSeconds: 100, tolerations: [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }] }));
  const image = c.client().mutate('Pod', 'default', 'a', d => { d.spec.containers[0].image = 'nginx:1.28'; d.spec.activeDeadlineSeconds = 50; });
  assert.equal(image.spec.containers[0].image, 'nginx:1.28');
  assert.throws(() => c.client().mutate('Pod', 'default', 'a', d => { d.spec.activeDeadlineSeconds = 60; }),
    { message: 'Pod "a" is invalid: spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value' });
  assert.throws(() => c.client().mutate('Pod', 'default', 'a', d => { d.spec.containers.push({ name: 'b', image: 'i' }); }),
    { message: 'Pod "a" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers' });
  // DefaultTolerationSeconds also runs on update: dropping its tolerations just brings them back.
  assert.equal(c.client().mutate('Pod', 'default', 'a', d => { d.spec.tolerations = d.spec.tolerations.slice(0, 1); }).spec.tolerations.length, 3);
  assert.throws(() => c.client().mutate('Pod', 'default', 'a', d => { d.spec.tolerations[0].key = 'gpu2'; }),
    { message: 'Pod "a" is invalid: spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds' });
  try {
    c.client().mutate('Pod', 'default', 'a', d => { d.spec.restartPolicy = 'Never'; });
    assert.fail('accepted');
  } catch (e) {
    const [first, ...diff] = (e as ApiError).message.split('\n');
    assert.equal(first, 'Pod "a" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)');
    assert.ok(diff.includes('- \tRestartPolicy: "Always",') && diff.includes('+ \tRestartPolicy: "Never",'), diff.join('\n'));
  }
});

test('a projected service-account token needs a service account name (pods only); image whitespace', () => {
  const p = pod('a', { automountServiceAccountToken: false, containers: [{ name: 'c', image: ' nginx' }] });
  assert.equal(rejection(p), 'Pod "a" is invalid: spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace');
});
