// Defaults, strategies, deletion and admission against v1.32 upstream: core/apps/batch v1 defaults.go, the kinds'
// strategy.go, apiserver store.go / rest/delete.go, and the ServiceAccount, Priority, DefaultTolerationSeconds,
// NamespaceLifecycle plugins and webhook ToStatusErr.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { ApiError } from './errors';
import { pod, replicaSet } from './test_support';
import type { KubeObject } from './objects';
import { imageTag } from './defaults';

const tmpl = { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }] } };

test('image tags as ParseImageName reads them: none = latest, digest-only or unparsable = no tag', () => {
  assert.deepEqual(['nginx', 'nginx:1.27', 'registry:5000/team/app', `nginx@sha256:${'a'.repeat(64)}`, 'NGINX', ''].map(imageTag),
    ['latest', '1.27', 'latest', '', '', '']);
  const c = new Cluster();
  const p = c.client().create(pod('p', { hostNetwork: true, containers: [{ name: 'c', image: 'Bad/Name', ports: [{ containerPort: 8080 }] }] }));
  assert.equal(p.spec.containers[0].imagePullPolicy, 'IfNotPresent');
  assert.equal(p.spec.containers[0].ports[0].hostPort, 8080, 'SetDefaults_Pod: hostNetwork ports');
});

test('StatefulSet: rollingUpdate only when the type was defaulted; claim templates get PVC defaults with status', () => {
  const c = new Cluster();
  const sts = (name: string, extra: Record<string, unknown>) => c.client().create({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name },
    spec: { selector: { matchLabels: { a: 'b' } }, template: tmpl, ...extra } } as KubeObject);
  assert.deepEqual(sts('a', {}).spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
  assert.deepEqual(sts('b', { updateStrategy: { type: 'RollingUpdate' } }).spec.updateStrategy, { type: 'RollingUpdate' });
  const withClaims = sts('c', { volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] });
  assert.deepEqual(withClaims.spec.volumeClaimTemplates[0].status, { phase: 'Pending' });
  assert.equal(withClaims.spec.volumeClaimTemplates[0].spec.volumeMode, 'Filesystem');
  assert.deepEqual(withClaims.status, { availableReplicas: 0, replicas: 0 });
});

test('CronJob: job templates get pod defaults only; Service: ClientIP affinity timeout, LoadBalancer node ports', () => {
  const c = new Cluster();
  const cj = c.client().create({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'cj' },
    spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'i' }] } } } } } } as KubeObject);
  assert.deepEqual(Object.keys(cj.spec.jobTemplate.spec), ['template']);
  assert.deepEqual([cj.spec.concurrencyPolicy, cj.spec.suspend, cj.spec.successfulJobsHistoryLimit, cj.spec.failedJobsHistoryLimit], ['Allow', false, 3, 1]);
  const s = c.client().create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'lb' },
    spec: { type: 'LoadBalancer', sessionAffinity: 'ClientIP', ports: [{ port: 80, targetPort: 'http' }] } } as KubeObject);
  assert.deepEqual(s.spec.sessionAffinityConfig, { clientIP: { timeoutSeconds: 10800 } });
  assert.deepEqual([s.spec.allocateLoadBalancerNodePorts, s.spec.externalTrafficPolicy, s.spec.ports[0].targetPort], [true, 'Cluster', 'http']);
});

test('status on create is each kind\'s empty status as it serializes; DaemonSets carry the template generation', () => {
  const c = new Cluster();
  assert.deepEqual(c.client().create(replicaSet()).status, { replicas: 0 });
  const d = c.client().create({ ...replicaSet('d'), kind: 'Deployment', status: { replicas: 9 } } as KubeObject);
  assert.deepEqual(d.status, {});
  const ds = c.client().create({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds' }, spec: { selector: { matchLabels: { a: 'b' } }, template: tmpl } } as KubeObject);
  assert.deepEqual(ds.status, { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 });
  assert.equal(ds.metadata.annotations?.['deprecated.daemonset.template.generation'], '1');
  const bumped = c.client().mutate('DaemonSet', 'default', 'ds', x => { x.spec.template.spec.containers[0].image = 'j'; });
  assert.deepEqual([bumped.metadata.annotations?.['deprecated.daemonset.template.generation'], bumped.metadata.generation], ['2', 2]);
  const ns = c.client().create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' }, spec: { finalizers: ['example.com/x'] } } as KubeObject);
  assert.deepEqual([ns.spec.finalizers, ns.status, ns.metadata.labels], [['example.com/x', 'kubernetes'], { phase: 'Active' }, { 'kubernetes.io/metadata.name': 'team' }]);
});

const watchTypes = (c: Cluster, kind: string, name?: string): string[] =>
  c.store.history.records.filter(r => r.kind === kind && (name === undefined || r.name === name)).map(r => r.type);

test('deleting an unscheduled pod: the grace-0 update (MODIFIED) then the removal (DELETED); a ConfigMap just goes', () => {
  const c = new Cluster();
  c.client().create(pod('p'));
  c.client().delete('Pod', 'default', 'p', {});
  assert.deepEqual(watchTypes(c, 'Pod'), ['ADDED', 'MODIFIED', 'DELETED']);
  const last = c.store.history.records.filter(r => r.kind === 'Pod').at(-1)!;
  assert.equal((last as unknown as { object: KubeObject }).object?.metadata.deletionGracePeriodSeconds ?? 0, 0);
  c.client().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } } as KubeObject);
  const r = c.client().delete('ConfigMap', 'default', 'cm', {});
  assert.deepEqual([watchTypes(c, 'ConfigMap', 'cm'), r.object.metadata.deletionTimestamp], [['ADDED', 'DELETED'], undefined]);
});

test('graceful pod deletion: a longer or equal grace is pending (finalizers untouched), a shorter one moves the timestamp', () => {
  const c = new Cluster();
  c.client().create(pod('p', { nodeName: 'node01' }));
  c.sim.advance(10_000);
  const first = c.client().delete('Pod', 'default', 'p', {});
  assert.deepEqual([first.object.metadata.deletionTimestamp, first.object.metadata.deletionGracePeriodSeconds], ['2025-01-01T00:00:40Z', 30]);
  const pending = c.client().delete('Pod', 'default', 'p', { gracePeriodSeconds: 60, propagationPolicy: 'Orphan' });
  assert.deepEqual([pending.removed, pending.object.metadata.finalizers], [false, undefined]);
  // Shortened to 5 s from the original start (t=10 s): 15 s.
  const shorter = c.client().delete('Pod', 'default', 'p', { gracePeriodSeconds: 5 });
  assert.deepEqual([shorter.object.metadata.deletionTimestamp, shorter.object.metadata.deletionGracePeriodSeconds], ['2025-01-01T00:00:15Z', 5]);
});

test('delete preconditions use BeforeDelete\'s words and the kind; finalizers hold a non-graceful object (markAsDeleting)', () => {
  const c = new Cluster();
  const rs = c.client().create(replicaSet());
  assert.throws(() => c.client().delete('ReplicaSet', 'default', 'web', { preconditions: { uid: 'x' } }), {
    message: `Operation cannot be fulfilled on ReplicaSet.apps "web": the UID in the precondition (x) does not match the UID in record (${rs.metadata.uid}). The object might have been deleted and then recreated`,
  });
  assert.throws(() => c.client().delete('ReplicaSet', 'default', 'web', { preconditions: { resourceVersion: '1' } }), {
    message: `Operation cannot be fulfilled on ReplicaSet.apps "web": the ResourceVersion in the precondition (1) does not match the ResourceVersion in record (${rs.metadata.resourceVersion}). The object might have been modified`,
  });
  c.client().mutate('ReplicaSet', 'default', 'web', d => { d.metadata.finalizers = ['example.com/hold']; });
  const held = c.client().delete('ReplicaSet', 'default', 'web', { propagationPolicy: 'Foreground' });
  assert.deepEqual([held.removed, held.object.metadata.finalizers, held.object.metadata.deletionGracePeriodSeconds, held.object.metadata.generation],
    [false, ['example.com/hold', 'foregroundDeletion'], 0, 2]);
});

test('admission: PriorityClass resolution and Forbidden words; the token volume is reused; webhook denials', () => {
  const c = new Cluster();
  assert.equal(c.client().create(pod('crit', { priorityClassName: 'system-node-critical' })).spec.priority, 2000001000);
  assert.throws(() => c.client().create(pod('x', { priorityClassName: 'gold' })), { message: 'pods "x" is forbidden: no PriorityClass with name gold was found' });
  assert.throws(() => c.client().create({ ...pod('y', { priority: 5 }), metadata: { generateName: 'y-' } }),
    { message: 'pods "y-" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name' });
  const withVolume = c.client().create(pod('v', { volumes: [{ name: 'kube-api-access-abcde', emptyDir: {} }] }));
  assert.deepEqual(withVolume.spec.volumes.map((v: { name: string }) => v.name), ['kube-api-access-abcde']);
  assert.equal(withVolume.spec.containers[0].volumeMounts[0].name, 'kube-api-access-abcde');
  c.api.admission.validating.push({ name: 'policy.example.com', validate: () => ({}) });
  assert.throws(() => c.client().create(pod('w')), (e: ApiError) =>
    e.message === 'admission webhook "policy.example.com" denied the request without explanation' && e.code === 400);
  c.api.admission.validating[0] = { name: 'policy.example.com', validate: () => ({ code: 403, reason: 'Forbidden', message: 'no latest tags' }) };
  assert.throws(() => c.client().create(pod('w')), (e: ApiError) => e.code === 403 && e.reason === 'Forbidden' &&
    e.message === 'admission webhook "policy.example.com" denied the request: no latest tags');
});

test('NamespaceLifecycle: no new content in a terminating namespace (admission Forbidden)', () => {
  const c = new Cluster();
  c.client().create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'old', finalizers: ['example.com/hold'] } } as KubeObject);
  c.client().delete('Namespace', '', 'old', {});
  assert.throws(() => c.client().create({ ...pod('p'), metadata: { name: 'p', namespace: 'old' } }),
    { message: 'pods "p" is forbidden: unable to create new content in namespace old because it is being terminated' });
});
