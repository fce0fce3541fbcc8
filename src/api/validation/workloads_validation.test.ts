// Workload messages, checked against pkg/apis/apps/validation/validation.go, the RC part of core validation,
// pkg/apis/batch/validation (from memory of v1.32, see the report) and robfig/cron v3's parser errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../../cluster/cluster';
import { ApiError } from '../errors';
import { rejection, replicaSet } from '../test_support';
import type { KubeObject } from '../objects';
import { cronScheduleError } from './cron';


const template = (labels: Record<string, string> | undefined, extra: Record<string, unknown> = {}) =>
  ({ metadata: labels ? { labels } : {}, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }], ...extra } });
const apps = (kind: string, spec: Record<string, unknown>, name = 'web'): KubeObject => ({ apiVersion: 'apps/v1', kind, metadata: { name }, spec });

test('template labels are validated at spec.template.labels (upstream path); a nil label map prints as nil', () => {
  const rs = replicaSet('web');
  rs.spec.template.metadata.labels = { app: 'web', 'bad key': 'x' };
  assert.match(rejection(rs), /^ReplicaSet\.apps "web" is invalid: spec\.template\.labels: Invalid value: "bad key": name part must consist/);
  assert.equal(rejection(apps('Deployment', { selector: { matchLabels: { app: 'web' } }, template: template(undefined) })),
    'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`');
});

test('Deployment: unsupported strategy type prints the internal struct; Recreate with rollingUpdate is Forbidden', () => {
  assert.equal(rejection(apps('Deployment', { selector: { matchLabels: { a: 'b' } }, template: template({ a: 'b' }), strategy: { type: 'BlueGreen' } })),
    'Deployment.apps "web" is invalid: spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"');
  assert.equal(rejection(apps('Deployment', { selector: { matchLabels: { a: 'b' } }, template: template({ a: 'b' }), strategy: { type: 'Recreate', rollingUpdate: {} } })),
    "Deployment.apps \"web\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'");
  assert.equal(rejection(apps('Deployment', { selector: { matchLabels: { a: 'b' } }, template: template({ a: 'b' }), minReadySeconds: 700 })),
    'Deployment.apps "web" is invalid: spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds');
});

test('DaemonSet: a nil selector selects nothing (mismatch, no Required); strategy struct; surge and unavailable both set', () => {
  assert.equal(rejection(apps('DaemonSet', { template: template({ a: 'b' }) })),
    'DaemonSet.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"a":"b"}: `selector` does not match template `labels`');
  assert.equal(rejection(apps('DaemonSet', { selector: { matchLabels: { a: 'b' } }, template: template({ a: 'b' }), updateStrategy: { type: 'Blue' } })),
    'DaemonSet.apps "web" is invalid: spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Blue", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"');
  assert.equal(rejection(apps('DaemonSet', { selector: { matchLabels: { a: 'b' } }, template: template({ a: 'b' }), updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '10%' } } })),
    'DaemonSet.apps "web" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"10%"}: may not be set when maxUnavailable is non-zero');
});

test('StatefulSet: Invalid (not Unsupported) podManagementPolicy; its pod spec is not validated; spec updates are limited', () => {
  const sts = apps('StatefulSet', { selector: { matchLabels: { a: 'b' } }, podManagementPolicy: 'Fast', template: template({ a: 'b' }, { containers: [{ name: 'C', image: '' }] }) });
  assert.equal(rejection(sts), "StatefulSet.apps \"web\" is invalid: spec.podManagementPolicy: Invalid value: \"Fast\": must be 'OrderedReady' or 'Parallel'");
  const c = new Cluster();
  c.client().create(apps('StatefulSet', { selector: { matchLabels: { a: 'b' } }, serviceName: 'web', template: template({ a: 'b' }) }));
  assert.throws(() => c.client().mutate('StatefulSet', 'default', 'web', d => { d.spec.serviceName = 'other'; }), {
    message: "StatefulSet.apps \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
  });
});

test('ReplicationController: minReadySeconds, Required selector, replicas, template — no selector label checks', () => {
  const rc: KubeObject = { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' },
    spec: { replicas: -1, minReadySeconds: -1, template: { metadata: {}, spec: { containers: [{ name: 'c', image: 'i' }] } } } };
  assert.equal(rejection(rc), 'ReplicationController "rc" is invalid: [spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0, spec.selector: Required value, spec.replicas: Invalid value: -1: must be greater than or equal to 0]');
});

const job = (spec: Record<string, unknown>, name = 'pi'): KubeObject => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec });

test('Job: restartPolicy defaulted to Always reads "Required value: valid values"; generated selector and labels', () => {
  assert.equal(rejection(job({ template: template(undefined) })),
    'Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"');
  const c = new Cluster();
  const j = c.client().create(job({ template: template({ app: 'pi' }, { restartPolicy: 'Never' }) }));
  const uid = j.metadata.uid;
  assert.deepEqual(j.spec.selector, { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
  assert.deepEqual(j.spec.template.metadata.labels, { app: 'pi', 'job-name': 'pi', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'batch.kubernetes.io/controller-uid': uid });
  assert.deepEqual(j.metadata.labels, { app: 'pi' }, 'SetDefaults_Job copied the template labels before generation');
  assert.deepEqual(j.status, {});
  assert.throws(() => c.client().mutate('Job', 'default', 'pi', d => { d.spec.completions = 3; }),
    { message: 'Job.batch "pi" is invalid: spec.completions: Invalid value: 3: field is immutable' });
  assert.throws(() => c.client().mutate('Job', 'default', 'pi', d => { d.spec.template.spec.containers[0].image = 'x'; }),
    (e: ApiError) => /^Job\.batch "pi" is invalid: spec\.template: Invalid value: core\.PodTemplateSpec\{.*\}: field is immutable$/.test(e.message));
});

test('Job: a user label that contradicts the generated one is rejected', () => {
  assert.match(rejection(job({ template: template({ 'job-name': 'other' }, { restartPolicy: 'Never' }) })),
    /^Job\.batch "pi" is invalid: spec\.template\.metadata\.labels\[job-name\]: Invalid value: map\[string\]string\{.*"job-name":"other".*\}: must be 'pi'$/);
});

test('CronJob: robfig/cron errors, TZ in schedule, 52-character names, no selector in the job template', () => {
  assert.equal(cronScheduleError('* * * *'), 'expected exactly 5 fields, found 4: [* * * *]');
  assert.equal(cronScheduleError('* * * * 7'), 'end of range (7) above maximum (6): 7');
  assert.equal(cronScheduleError('*/x * * * *'), 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax');
  assert.equal(cronScheduleError('5-1 * * * *'), 'beginning of range (5) beyond end of range (1): 5-1');
  assert.equal(cronScheduleError('@fortnightly'), 'unrecognized descriptor: @fortnightly');
  assert.equal(cronScheduleError('0 9 * JAN-MAR MON-FRI'), undefined);
  const cj = (schedule: string, name = 'nightly', extra: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name },
    spec: { schedule, jobTemplate: { spec: { template: template(undefined, { restartPolicy: 'OnFailure' }), ...extra } } } });
  assert.equal(rejection(cj('TZ=UTC 0 * * * *')), 'CronJob.batch "nightly" is invalid: spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead');
  assert.equal(rejection(cj('0 * * * *', 'n'.repeat(53))), `CronJob.batch "${'n'.repeat(53)}" is invalid: metadata.name: Invalid value: "${'n'.repeat(53)}": must be no more than 52 characters`);
  assert.equal(rejection(cj('0 * * * *', 'nightly', { selector: { matchLabels: { a: 'b' } } })),
    'CronJob.batch "nightly" is invalid: spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"a":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated');
});
