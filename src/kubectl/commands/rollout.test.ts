import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../../cluster/cluster';
import type { Stored } from '../../api/objects';
import { expectTranscript, newCluster, newClusterWithoutWorkloadControllers } from '../test_support';
import { runKubectl } from '../kubectl';

/** A Deployment with two hand-made ReplicaSets: revision 1 (nginx:1.26) and revision 2 (its current template). */
function deploymentWithHistory(c: Cluster): Stored {
  const k = c.client();
  const d = k.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', annotations: { 'deployment.kubernetes.io/revision': '2' } },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } } });
  const owner = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }];
  const rs = (name: string, hash: string, rev: string, image: string, annotations: Record<string, string> = {}): void => {
    const template = JSON.parse(JSON.stringify(d.spec.template));
    template.metadata.labels['pod-template-hash'] = hash;
    template.spec.containers[0].image = image;
    k.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: { name, labels: { app: 'web', 'pod-template-hash': hash }, ownerReferences: owner, annotations: { 'deployment.kubernetes.io/revision': rev, ...annotations } },
      spec: { replicas: 0, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } }, template } });
  };
  rs('web-5d4f', '5d4f', '1', 'nginx:1.26', { 'kubernetes.io/change-cause': 'first' });
  rs('web-7c9b', '7c9b', '2', 'nginx:1.27');
  return d;
}

function setStatus(c: Cluster, status: Record<string, number>): void {
  c.client('deployment-controller').mutateStatus('Deployment', 'default', 'web', (d: any) => { d.status = { observedGeneration: d.metadata.generation, ...status }; });
}

test('rollout status prints one line per watch event until the rollout is done, in virtual time', () => {
  const c = newClusterWithoutWorkloadControllers();
  deploymentWithHistory(c);
  setStatus(c, { replicas: 3, updatedReplicas: 1, availableReplicas: 1 });
  c.sim.scheduleAt(5_000, 'test', () => setStatus(c, { replicas: 4, updatedReplicas: 3, availableReplicas: 1 }));
  c.sim.scheduleAt(10_000, 'test', () => setStatus(c, { replicas: 3, updatedReplicas: 3, availableReplicas: 2 }));
  c.sim.scheduleAt(15_000, 'test', () => setStatus(c, { replicas: 3, updatedReplicas: 3, availableReplicas: 3 }));
  expectTranscript(c, `
$ kubectl rollout status deploy/web --timeout=3s
Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...
error: timed out waiting for the condition
$ kubectl rollout status deployment web
Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...
deployment "web" successfully rolled out
$ kubectl rollout status deploy/web --revision=3
error: desired revision (3) is different from the running revision (2)
$ kubectl rollout status rs/web-7c9b
error: no status viewer has been implemented for ReplicaSet.apps
$ kubectl rollout status
error: required resource not specified
`);
  assert.equal(c.sim.nowMs, 15_000);
});

test('rollout status: a spec change not yet observed, and the progress deadline', () => {
  const c = newClusterWithoutWorkloadControllers();
  deploymentWithHistory(c);
  setStatus(c, { replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
  c.client().mutate('Deployment', 'default', 'web', (d: any) => { d.spec.replicas = 4; });
  c.sim.scheduleAt(2_000, 'test', () => c.client('deployment-controller').mutateStatus('Deployment', 'default', 'web', (d: any) => {
    d.status.observedGeneration = d.metadata.generation;
    d.status.conditions = [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }];
  }));
  expectTranscript(c, `
$ kubectl rollout status deploy/web
Waiting for deployment spec update to be observed...
error: deployment "web" exceeded its progress deadline
`);
});

test('rollout history: revisions from the controlled ReplicaSets, byte for byte', () => {
  const c = newClusterWithoutWorkloadControllers();
  deploymentWithHistory(c);
  const r = runKubectl(['rollout', 'history', 'deployment/web'], { cluster: c, cwd: '.' });
  assert.equal(r.stdout, 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         first\n2         <none>\n\n');
  expectTranscript(c, `
$ kubectl rollout history rs/web-7c9b
error: no history viewer has been implemented for "ReplicaSet.apps"
`);
});

test('rollout history --revision: the revision\'s pod template as printTemplate writes it, tabs unaligned', () => {
  const c = newClusterWithoutWorkloadControllers();
  deploymentWithHistory(c);
  const r = runKubectl(['rollout', 'history', 'deployment/web', '--revision=1'], { cluster: c, cwd: '.' });
  // history.go printTemplate: DescribePodTemplate on a PrefixWriter over a plain buffer (no
  // tabwriter), the change-cause among the template's annotations; the name printer adds "\n".
  assert.equal(r.stdout, [
    'deployment.apps/web with revision #1', 'Pod Template:', '  Labels:\tapp=web', '\tpod-template-hash=5d4f',
    '  Annotations:\tkubernetes.io/change-cause: first', '  Containers:', '   app:', '    Image:\tnginx:1.26',
    '    Port:\t<none>', '    Host Port:\t<none>', '    Environment:\t<none>', '    Mounts:\t<none>',
    '  Volumes:\t<none>', '  Node-Selectors:\t<none>', '  Tolerations:\t<none>', '', ''].join('\n'));
  assert.equal(runKubectl(['rollout', 'history', 'deployment/web', '--revision=2'], { cluster: c, cwd: '.' }).stdout.split('\n').slice(0, 4).join('\n'),
    'deployment.apps/web with revision #2\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=7c9b');
  expectTranscript(c, `
$ kubectl rollout history deployment/web --revision=3
error: unable to find the specified revision
$ kubectl rollout history deployment/web --revision=1 -o name
deployment.apps/web
`);
});

test('rollout undo: previous revision, --to-revision, skipped when the template already matches', () => {
  const c = newClusterWithoutWorkloadControllers();
  deploymentWithHistory(c);
  expectTranscript(c, `
$ kubectl rollout undo deploy/web
deployment.apps/web rolled back
$ kubectl rollout undo deploy/web
deployment.apps/web skipped rollback (current template already matches revision 0)
$ kubectl rollout undo deploy/web --to-revision=7
error: unable to find specified revision 7 in history
`);
  const d = c.store.get('Deployment', 'default', 'web')!;
  assert.equal(d.spec.template.spec.containers[0].image, 'nginx:1.26');
  assert.deepEqual(d.spec.template.metadata.labels, { app: 'web' });
  // The deployment keeps its own revision annotation and takes the others from the ReplicaSet.
  assert.deepEqual(d.metadata.annotations, { 'deployment.kubernetes.io/revision': '2', 'kubernetes.io/change-cause': 'first' });
  expectTranscript(c, '$ kubectl rollout undo deploy/web --to-revision=2\ndeployment.apps/web rolled back\n');
  assert.equal(c.store.get('Deployment', 'default', 'web')!.spec.template.spec.containers[0].image, 'nginx:1.27');
});

test('rollout pause, resume and restart', () => {
  const c = newClusterWithoutWorkloadControllers();
  deploymentWithHistory(c);
  c.sim.advance(90_000);
  expectTranscript(c, `
$ kubectl rollout pause deploy/web
deployment.apps/web paused
$ kubectl rollout pause deploy/web
error: deployments.apps "web" is already paused
$ kubectl rollout undo deploy/web
error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again
$ kubectl rollout restart deploy/web
error: deployments.apps "web" can't restart paused deployment (run rollout resume first)
$ kubectl rollout resume deploy/web
deployment.apps/web resumed
$ kubectl rollout resume deploy/web
error: deployments.apps "web" is not paused
$ kubectl rollout restart deploy/web
deployment.apps/web restarted
$ kubectl rollout restart deploy/web
error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another
$ kubectl rollout pause rs/web-7c9b
error: replicasets.apps "web-7c9b" pausing is not supported
`);
  const d = c.store.get('Deployment', 'default', 'web')!;
  assert.equal(d.spec.paused, undefined);
  assert.equal(d.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt'], '2025-01-01T00:01:30Z');
});
