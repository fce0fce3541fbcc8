import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundPod, expectTranscript, finishGracefulDeletions, newCluster } from '../test_support';

test('wait --for=condition: met at the instant the condition turns true, in virtual time; timeouts name the object', () => {
  const c = newCluster();
  c.client().create(boundPod('p', 'node01'));
  // A kubelet stand-in marks the pod Ready at t=12s.
  c.sim.scheduleAt(12_000, 'test/ready', () => c.client('kubelet').mutateStatus('Pod', 'default', 'p', (d: any) => {
    d.status.phase = 'Running';
    d.status.conditions = [{ type: 'Ready', status: 'True' }];
  }));
  expectTranscript(c, `
$ kubectl wait --for=condition=Ready pod/p --timeout=5s
error: timed out waiting for the condition on pods/p
$ kubectl wait --for=condition=ready pod/p
pod/p condition met
$ kubectl wait --for=condition=Ready=false pod/p --timeout=0
error: condition not met for pods/p
$ kubectl wait --for=jsonpath='{.status.phase}'=Running pod/p
pod/p condition met
$ kubectl wait --for=jsonpath='{.status.conditions[?(@.type=="Ready")].status}'=True pods -l app=web
pod/p condition met
$ kubectl wait --for=jsonpath='{.status}'=x pod/p
error: jsonpath leads to a nested object or list which is not supported
$ kubectl wait --for=ready pod/p
error: unrecognized condition: "ready"
$ kubectl wait --for=condition=Ready pods -l app=nosuch
error: no matching resources found
$ kubectl wait --for=condition=Ready pod/nosuch
Error from server (NotFound): pods "nosuch" not found
`);
  // 5 s of timeout, then the second wait ran until the pod turned Ready at 12 s.
  assert.equal(c.sim.nowMs, 12_000);
});

test('wait --for=delete follows a graceful deletion; an object already gone is fine', () => {
  const c = newCluster();
  finishGracefulDeletions(c);
  c.client().create(boundPod('p', 'node01'));
  expectTranscript(c, `
$ kubectl delete pod p --wait=false
pod "p" deleted
$ kubectl wait --for=delete pod/p --timeout=10s
error: timed out waiting for the condition on pods/p
$ kubectl wait --for=delete pod/p --timeout=1m
pod/p condition met
$ kubectl wait --for=delete pod/p
`);
  assert.equal(c.sim.nowMs, 30_000);
});

test('wait on several objects shares one deadline; errors come last, one per line (as kubectl v1.32.5)', () => {
  const c = newCluster();
  c.client().create(boundPod('p', 'node01'));
  c.client().create(boundPod('q', 'node01'));
  c.client('kubelet').mutateStatus('Pod', 'default', 'p', (d: any) => { d.status.conditions = [{ type: 'Ready', status: 'True' }]; });
  expectTranscript(c, `
$ kubectl wait --for=condition=Ready pod/p pod/nosuch pod/q --timeout=2s
pod/p condition met
Error from server (NotFound): pods "nosuch" not found
timed out waiting for the condition on pods/q
`);
  assert.equal(c.sim.nowMs, 2_000);
});
