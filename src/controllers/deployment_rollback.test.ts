import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import type { Stored } from '../api/objects';
import { startFakeKubelet } from './testing';
import { deployment, deploymentEvents, replicaSetsByRevision, rolloutUndo, setImage } from './deployment_testing';
import { WITHOUT_NODES } from '../cluster/testing';

const dep = (c: Cluster): Stored => c.store.get('Deployment', 'default', 'web')!;
const revisionOf = (o: Stored): string | undefined => o.metadata.annotations?.['deployment.kubernetes.io/revision'];
const image = (o: Stored): string => o.spec.template.spec.containers[0].image;

/** Revision 1 runs nginx:1.27, revision 2 nginx:1.28, each rolled out completely. */
function twoRevisions(): Cluster {
  const c = new Cluster(WITHOUT_NODES);
  startFakeKubelet(c);
  c.client().create(deployment('web', 4, { template: { metadata: { labels: { app: 'web' }, annotations: { team: 'a' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } }));
  c.sim.advance(10_000);
  setImage(c, 'web', 'nginx:1.28');
  c.sim.advance(10_000);
  return c;
}

test('rollout undo restores the previous template; the old set becomes revision 3 with revision-history 1', () => {
  const c = twoRevisions();
  const rs1 = replicaSetsByRevision(c).get(1)!;
  const rs2 = replicaSetsByRevision(c).get(2)!;
  const original = rs1.spec.template;
  const U = c.sim.nowMs;
  rolloutUndo(c, 'web');
  // First sync: rs1's template is the deployment's again, so rs1 is the "new" set; its revision goes
  // to maxOld(2) + 1 = 3 (history "1"). The deployment's own annotation follows on the next sync.
  c.sim.advance(10_000);
  const after = replicaSetsByRevision(c);
  assert.deepEqual([...after.keys()].sort(), [2, 3]);
  assert.equal(after.get(3)!.metadata.uid, rs1.metadata.uid, 'no new set: the old one is reused');
  assert.equal(after.get(3)!.metadata.annotations!['deployment.kubernetes.io/revision-history'], '1');
  assert.equal(after.get(2)!.metadata.uid, rs2.metadata.uid);
  assert.equal(revisionOf(dep(c)), '3');
  const firstRevisionWrite = c.store.history.versionsOf(rs1.metadata.uid).find(r => r.atMs >= U && revisionOf(r.object) === '3')!;
  const deploymentAt3 = c.store.history.versionsOf(dep(c).metadata.uid).find(r => r.atMs >= U && revisionOf(r.object) === '3')!;
  assert.ok(firstRevisionWrite.rv < deploymentAt3.rv, 'the set is renumbered before the deployment');
  // The template is the original one (hash label aside) and the pods run it again.
  const { 'pod-template-hash': _, ...labels } = original.metadata.labels;
  assert.deepEqual(dep(c).spec.template, { ...original, metadata: { ...original.metadata, labels } });
  const pods = c.store.list('Pod', 'default');
  assert.deepEqual([...new Set(pods.map(p => p.spec.containers[0].image))], ['nginx:1.27']);
  assert.equal(pods.length, 4);
  assert.equal(after.get(3)!.spec.replicas, 4);
  assert.equal(after.get(2)!.spec.replicas, 0);
  assert.deepEqual(deploymentEvents(c, 'ScalingReplicaSet', U).slice(0, 1), [`Scaled up replica set ${rs1.metadata.name} from 0 to 1`]);
});

test('rollout undo --to-revision picks that revision; undoing twice keeps extending revision-history', () => {
  const c = twoRevisions();
  setImage(c, 'web', 'nginx:1.29');
  c.sim.advance(10_000);
  const rs1 = replicaSetsByRevision(c).get(1)!;
  rolloutUndo(c, 'web', 1);
  c.sim.advance(10_000);
  // Revisions were 1, 2, 3; revision 1 becomes 4.
  assert.deepEqual([...replicaSetsByRevision(c).keys()].sort(), [2, 3, 4]);
  assert.equal(replicaSetsByRevision(c).get(4)!.metadata.uid, rs1.metadata.uid);
  rolloutUndo(c, 'web', 2);
  c.sim.advance(10_000);
  rolloutUndo(c, 'web', 4);
  c.sim.advance(10_000);
  // 4 (rs1) → 6, after revision 2 became 5: rs1's history is "1,4".
  const sets = replicaSetsByRevision(c);
  assert.deepEqual([...sets.keys()].sort(), [3, 5, 6]);
  assert.equal(sets.get(6)!.metadata.annotations!['deployment.kubernetes.io/revision-history'], '1,4');
  assert.equal(sets.get(5)!.metadata.annotations!['deployment.kubernetes.io/revision-history'], '2');
  assert.equal(revisionOf(dep(c)), '6');
  assert.equal(image(dep(c)), 'nginx:1.27');
});

test('the legacy rollback annotation rolls back in the controller and is removed, with upstream events', () => {
  const c = twoRevisions();
  const k = c.client();
  k.mutate('Deployment', 'default', 'web', d => { d.metadata.annotations = { ...d.metadata.annotations, 'deprecated.deployment.rollback.to': '0' }; });
  c.sim.advance(10_000);
  // Revision 0 means the last revision (second highest): 1.
  assert.deepEqual(deploymentEvents(c, 'DeploymentRollback'), ['Rolled back deployment "web" to revision 1']);
  assert.equal(dep(c).metadata.annotations!['deprecated.deployment.rollback.to'], undefined);
  assert.equal(image(dep(c)), 'nginx:1.27');
  assert.equal(revisionOf(dep(c)), '3');
  k.mutate('Deployment', 'default', 'web', d => { d.metadata.annotations = { ...d.metadata.annotations, 'deprecated.deployment.rollback.to': '9' }; });
  c.sim.advance(1000);
  assert.deepEqual(deploymentEvents(c, 'DeploymentRollbackRevisionNotFound'), ['Unable to find the revision to rollback to.']);
  k.mutate('Deployment', 'default', 'web', d => { d.metadata.annotations = { ...d.metadata.annotations, 'deprecated.deployment.rollback.to': '3' }; });
  c.sim.advance(1000);
  assert.deepEqual(deploymentEvents(c, 'DeploymentRollbackTemplateUnchanged'), ['The rollback revision contains the same template as current deployment "web"']);
  assert.equal(dep(c).metadata.annotations!['deprecated.deployment.rollback.to'], undefined);
});

test('rollout restart (a template annotation) rolls out a new set; revisionHistoryLimit deletes the oldest scaled-down sets', () => {
  const c = new Cluster(WITHOUT_NODES);
  startFakeKubelet(c);
  const k = c.client();
  k.create(deployment('web', 2, { revisionHistoryLimit: 1 }));
  c.sim.advance(5000);
  for (let i = 1; i <= 3; i++) {
    k.mutate('Deployment', 'default', 'web', d => {
      d.spec.template.metadata.annotations = { 'kubectl.kubernetes.io/restartedAt': `2025-01-01T00:00:0${i}Z` };
    });
    c.sim.advance(10_000);
  }
  // Four revisions; after each completed rollout only revisionHistoryLimit (1) old set is kept.
  assert.deepEqual([...replicaSetsByRevision(c).keys()].sort(), [3, 4]);
  assert.equal(replicaSetsByRevision(c).get(3)!.spec.replicas, 0);
  const deletions = c.store.history.records.filter(r => r.kind === 'ReplicaSet' && r.type === 'DELETED');
  assert.deepEqual(deletions.map(r => revisionOf(r.object)), ['1', '2']);
  for (const r of deletions) {
    assert.equal(r.actor, 'deployment-controller');
    assert.deepEqual([r.object.spec.replicas, r.object.status?.replicas], [0, 0], 'only fully scaled-down sets are deleted');
  }
});
