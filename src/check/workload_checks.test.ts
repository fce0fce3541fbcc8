import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { replicaSet } from '../api/test_support';
import { WITHOUT_NODES } from '../cluster/testing';
import { startFakeKubelet } from '../controllers/testing';
import { LiveView } from './view';
import { parseRef } from './refs';
import { parseAmount } from './amount';
import { allPodsRunImage, podStateCount, podsWithImage } from './checks/workload_pods';
import { checkEventSequence, eventsRecorded } from './event_history';
import { deletePodsOf } from '../cluster/workload_pods';
import type { CheckFailure } from './failure';

const web = parseRef('rs/web');
const view = (c: Cluster): LiveView => new LiveView(c.sim, c.store);

/** A ReplicaSet of 2 whose pods are bound at once and Ready 1 s later (Ready at 00:00:01). */
function cluster(minReadySeconds = 0): Cluster {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 5 });
  startFakeKubelet(c);
  const rs = replicaSet('web');
  rs.spec.minReadySeconds = minReadySeconds;
  c.client().create(rs);
  return c;
}

test('serving, available and active pods are counted on the pods, at the view\'s instant', () => {
  const c = cluster(3);
  c.sim.advance(500);
  const serving = podStateCount(web, parseAmount('2'), 'serving');
  assert.equal(serving.description, 'replicaset "web" has 2 serving pods');
  const notYet = serving.evaluate(view(c));
  assert.deepEqual([notYet.ok, notYet.observed], [false, '0 serving pods of 2 pods']);
  assert.match(notYet.pending!, /^2 pods Running, not Ready: |^2 pods /);
  c.sim.advance(500);
  assert.equal(serving.evaluate(view(c)).ok, true);
  // Ready at 1 s, minReadySeconds 3: available strictly after 4 s, whatever the controller has written.
  const available = podStateCount(web, parseAmount('2'), 'available');
  c.sim.advance(3000);
  const at4 = available.evaluate(view(c));
  assert.deepEqual([at4.ok, at4.observed], [false, '0 available pods of 2 pods']);
  assert.match(at4.pending!, /^2 pods Ready, not yet Available: minReadySeconds 3/);
  c.sim.advance(1);
  assert.equal(available.evaluate(view(c)).ok, true);
  // A pod being deleted is neither active nor serving, though it still exists.
  deletePodsOf(c, web, 1);
  const v = view(c);
  assert.equal(podStateCount(web, parseAmount('1'), 'active').evaluate(v).ok, true);
  assert.equal(podStateCount(web, parseAmount('1'), 'serving').evaluate(v).ok, true);
  assert.equal(podStateCount(web, parseAmount('1'), 'available').evaluate(v).ok, true);
  assert.equal(podStateCount(web, parseAmount('no'), 'active').evaluate(view(new Cluster({ ...WITHOUT_NODES }))).observed, 'replicaset "web" not found');
});

test('pods by image count every pod, Terminating ones too; "all run" needs at least one pod', () => {
  const c = cluster();
  const allOld = allPodsRunImage(web, 'nginx:1.27');
  assert.deepEqual(allOld.evaluate(view(c)), { ok: false, observed: 'pods by image: no pods' }, 'no pods yet: not a vacuous truth');
  c.sim.advance(2000);
  assert.equal(allOld.evaluate(view(c)).ok, true);
  c.client().mutate('ReplicaSet', 'default', 'web', d => { d.spec.template.spec.containers[0].image = 'nginx:1.28'; });
  deletePodsOf(c, web, 1, 'nginx:1.27');
  assert.equal(podsWithImage(web, parseAmount('2'), 'nginx:1.27').evaluate(view(c)).ok, true, 'the deleted pod counts until it is gone');
  assert.equal(podStateCount(web, parseAmount('1'), 'active').evaluate(view(c)).ok, true);
  c.sim.advance(0); // the replacement comes from the new template; the fake kubelet removes the deleted pod
  const v = view(c);
  const mixed = allOld.evaluate(v);
  assert.equal(mixed.ok, false);
  assert.match(mixed.observed, /^pods by image: nginx:1\.2[78] × 1, nginx:1\.2[78] × 1; not on it: web-\w{5}$/);
  assert.equal(podsWithImage(web, parseAmount('1'), 'nginx:1.27').evaluate(v).ok, true);
  assert.equal(podsWithImage(web, parseAmount('1'), 'nginx:1.28').evaluate(v).ok, true);
  assert.throws(() => deletePodsOf(c, web, 2, 'nginx:1.28'), /has 1 pods with image "nginx:1.28" not being deleted; cannot delete 2/);
});

test('event sequences: in recorded order, folded repeats counted again, "..." and instants compared', () => {
  const c = cluster();
  c.sim.advance(2000);
  const since = { index: 0, atMs: 0 };
  const recorded = eventsRecorded(c.store.history, web, 'SuccessfulCreate', 0);
  assert.equal(recorded.length, 2);
  assert.ok(recorded.every(e => e.atMs === 0 && /^Created pod: web-\w{5}$/.test(e.message)));
  const ok = checkEventSequence(c, web, 'SuccessfulCreate', [{ atMs: 0, message: 'Created pod: web-...' }, { message: 'Created pod: ...' }], since);
  assert.equal(ok.ok, true);
  const late = checkEventSequence(c, web, 'SuccessfulCreate', [{ atMs: 1000, message: 'Created pod: web-...' }, { message: 'Created pod: ...' }], since) as CheckFailure;
  assert.equal(late.ok, false);
  assert.match(late.observed, /^2 recorded: 0s {2}Created pod: web-\w{5}; 0s {2}Created pod: web-\w{5} \(first difference at line 1\)$/);
  const short = checkEventSequence(c, web, 'SuccessfulCreate', [{ message: 'Created pod: ...' }], since) as CheckFailure;
  assert.match(short.observed, /first difference at line 2/);
  // A repeat the correlator folds into an existing Event (count 2) is recorded a second time.
  const rs = c.store.get('ReplicaSet', 'default', 'web')!;
  const r = c.recorder('replicaset-controller');
  r.event(rs, 'Warning', 'FailedCreate', 'Error creating: quota');
  c.sim.advance(1000);
  r.event(rs, 'Warning', 'FailedCreate', 'Error creating: quota');
  assert.deepEqual(eventsRecorded(c.store.history, web, 'FailedCreate', 0), [
    { atMs: 2000, message: 'Error creating: quota' }, { atMs: 3000, message: 'Error creating: quota' }]);
});
