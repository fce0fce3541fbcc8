import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundPod, expectTranscript, finishGracefulDeletions, manifestDir, newCluster, RS } from '../test_support';
import { replicaSet } from '../../api/test_support';

test('delete by name waits for graceful pod termination in virtual time; v1.32 prints no namespace suffix', () => {
  const c = newCluster();
  finishGracefulDeletions(c);
  const k = c.client();
  k.create(boundPod('web-1', 'node01'));
  k.create(boundPod('web-2', 'node02'));
  expectTranscript(c, `
$ kubectl delete pod web-1
pod "web-1" deleted
`);
  // The default grace period is 30 s; kubectl returns when the pod is gone, at t=30s.
  assert.equal(c.sim.nowMs, 30_000);
  assert.equal(c.store.get('Pod', 'default', 'web-1'), undefined);
  expectTranscript(c, `
$ kubectl delete po/web-2 --now
pod "web-2" deleted
`);
  // --now is grace 1 s.
  assert.equal(c.sim.nowMs, 31_000);
});

test('delete -l, --all, missing names, --ignore-not-found, No resources found', () => {
  const c = newCluster();
  const k = c.client();
  for (const [n, app] of [['a', 'web'], ['b', 'web'], ['c', 'db']] as const) k.create({ ...boundPod(n, '', { app }), spec: { containers: [{ name: 'x', image: 'i' }] } });
  expectTranscript(c, `
$ kubectl delete pods -l app=web
pod "a" deleted
pod "b" deleted
$ kubectl delete pods -l app=web
No resources found
$ kubectl delete pod nosuch c
pod "c" deleted
Error from server (NotFound): pods "nosuch" not found
$ kubectl delete pod nosuch --ignore-not-found
$ kubectl delete pods --all
No resources found
$ kubectl delete pods
error: resource(s) were provided, but no name was specified
$ kubectl delete
error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
$ kubectl delete pods --all -l app=web
error: setting 'all' parameter but found a non empty selector. 
$ kubectl delete foo x
error: the server doesn't have a resource type "foo"
`);
  assert.equal(c.store.list('Pod').length, 0);
});

test('delete --cascade: orphan keeps the pods (finalizer until the collector is done), foreground, bad values', () => {
  const c = newCluster();
  const k = c.client();
  const rs = k.create(replicaSet('web'));
  k.create({ ...boundPod('web-1', '', { app: 'web' }, { kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid }), spec: { containers: [{ name: 'x', image: 'i' }] } });
  expectTranscript(c, `
$ kubectl delete rs web --cascade=orphan
replicaset.apps "web" deleted
`);
  assert.equal(c.store.get('ReplicaSet', 'default', 'web'), undefined);
  assert.equal((c.store.get('Pod', 'default', 'web-1')!.metadata.ownerReferences ?? []).length, 0);
  expectTranscript(c, `
$ kubectl delete rs web --cascade=sideways
error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"
$ kubectl delete rs web --cascade=false
warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.
Error from server (NotFound): replicasets.apps "web" not found
`);
});

test('delete --grace-period and --force, -o name, -f with a missing object, --wait=false leaves it terminating', () => {
  const dir = manifestDir({ 'rs.yaml': RS('nginx:1.27') });
  const c = newCluster();
  const k = c.client();
  k.create(boundPod('p1', 'node01'));
  k.create(boundPod('p2', 'node01'));
  k.create(boundPod('p3', 'node01'));
  expectTranscript(c, `
$ kubectl delete pod p1 --grace-period=0 --force
warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.
pod "p1" force deleted
$ kubectl delete pod p2 --grace-period=5 --force
error: --force and --grace-period greater than 0 cannot be specified together
$ kubectl delete pod p2 --now --grace-period=3
error: --now and --grace-period cannot be specified together
$ kubectl delete pod p2 --wait=false -o name
pod/p2
$ kubectl delete -f rs.yaml
Error from server (NotFound): error when deleting "rs.yaml": replicasets.apps "web" not found
$ kubectl apply -f rs.yaml
replicaset.apps/web created
$ kubectl delete -f rs.yaml
replicaset.apps "web" deleted
`, dir);
  assert.equal(c.store.get('Pod', 'default', 'p1'), undefined);
  assert.ok(c.store.get('Pod', 'default', 'p2')!.metadata.deletionTimestamp);
  assert.equal(c.sim.nowMs, 0);
});

test('delete gives up after --timeout with kubectl\'s error when nothing finishes the deletion', () => {
  const c = newCluster();
  c.client().create(boundPod('stuck', 'node01'));
  expectTranscript(c, `
$ kubectl delete pod stuck --timeout=45s
pod "stuck" deleted
error: timed out waiting for the condition on pods/stuck
`);
  assert.equal(c.sim.nowMs, 45_000);
});
