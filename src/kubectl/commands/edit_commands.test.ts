import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundPod, expectTranscript, manifestDir, newCluster, RS } from '../test_support';
import { replicaSet } from '../../api/test_support';

test('scale: scaled, --current-replicas precondition, kinds without a scale subresource, bad counts', () => {
  const c = newCluster();
  c.client().create(replicaSet('web'));
  c.client().create(boundPod('p', 'node01'));
  expectTranscript(c, `
$ kubectl scale rs/web --replicas=3
replicaset.apps/web scaled
$ kubectl scale rs web --replicas=5 --current-replicas=2
error: Expected replicas to be 2, was 3
$ kubectl scale replicasets.apps web --current-replicas=3 --replicas=1 -o name
replicaset.apps/web
$ kubectl scale rs/web
error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0
$ kubectl scale pod p --replicas=2
Error from server (NotFound): the server could not find the requested resource
$ kubectl scale rs nosuch --replicas=2
Error from server (NotFound): replicasets.apps "nosuch" not found
$ kubectl scale rs web nosuch --replicas=4
replicaset.apps/web scaled
Error from server (NotFound): replicasets.apps "nosuch" not found
`);
  const rs = c.store.get('ReplicaSet', 'default', 'web')!;
  assert.equal(rs.spec.replicas, 4);
  assert.equal(rs.metadata.generation, 4); // created at 1; three spec changes
});

test('set image: image updated, nothing printed when unchanged, unknown containers, * for all', () => {
  const dir = manifestDir({ 'rs.yaml': RS('nginx:1.27') });
  const c = newCluster();
  expectTranscript(c, `
$ kubectl apply -f rs.yaml
replicaset.apps/web created
$ kubectl set image rs/web app=nginx:1.28
replicaset.apps/web image updated
$ kubectl set image rs/web app=nginx:1.28
$ kubectl set image rs/web sidecar=busybox
error: unable to find container named "sidecar"
$ kubectl set image rs/web '*=nginx:1.29' app=x
error: all containers are already specified by *, but saw more than one container_name=container_image pairs
$ kubectl set image rs/web '*=nginx:1.29'
replicaset.apps/web image updated
$ kubectl set image rs/web
error: at least one image update is required
$ kubectl set image app=x
error: one or more resources must be specified as <resource> <name> or <resource>/<name>
$ kubectl set image rs/web app=x rs/other
error: all resources must be specified before image changes: rs/other
$ kubectl set image cm/x app=x
Error from server (NotFound): configmaps "x" not found
`, dir);
  const rs = c.store.get('ReplicaSet', 'default', 'web')!;
  assert.equal(rs.spec.template.spec.containers[0].image, 'nginx:1.29');
  // A later apply of the old manifest puts the old image back: set image left last-applied alone.
  expectTranscript(c, '$ kubectl apply -f rs.yaml\nreplicaset.apps/web configured\n', dir);
  assert.equal(c.store.get('ReplicaSet', 'default', 'web')!.spec.template.spec.containers[0].image, 'nginx:1.27');
});

test('label: labeled, not labeled, unlabeled, --overwrite, removal of a missing key, bad values', () => {
  const c = newCluster();
  c.client().create(boundPod('p', 'node01', { app: 'web' }));
  expectTranscript(c, `
$ kubectl label pod p tier=fe
pod/p labeled
$ kubectl label pod p tier=fe
pod/p not labeled
$ kubectl label pod p app=db
error: 'app' already has a value (web), and --overwrite is false
$ kubectl label pod p app=db tier=be
'app' already has a value (web), and --overwrite is false
'tier' already has a value (fe), and --overwrite is false
$ kubectl label pod p app=db --overwrite
pod/p labeled
$ kubectl label pod p tier-
pod/p unlabeled
$ kubectl label pod p nosuch-
label "nosuch" not found.
pod/p not labeled
$ kubectl label pod p 'x=a b'
error: invalid label value: "x=a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
$ kubectl label pod p a=1 a-
error: can not both modify and remove a label in the same command
$ kubectl label pod p
error: at least one label update is required
$ kubectl label pods -l app=db env=prod
pod/p labeled
`);
  assert.deepEqual(c.store.get('Pod', 'default', 'p')!.metadata.labels, { app: 'db', env: 'prod' });
});

test('annotate: annotated, --overwrite error in kubectl\'s words, removal; the API server checks keys', () => {
  const c = newCluster();
  c.client().create(boundPod('p', 'node01'));
  expectTranscript(c, `
$ kubectl annotate pod p note=hello
pod/p annotated
$ kubectl annotate pod p note=bye
error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hello)
$ kubectl annotate pod p note=bye --overwrite
pod/p annotated
$ kubectl annotate pod p note-
pod/p annotated
$ kubectl annotate pod p 'bad key=1'
The Pod "p" is invalid: metadata.annotations: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
$ kubectl annotate pod nosuch a=b
Error from server (NotFound): pods "nosuch" not found
`);
  assert.equal(c.store.get('Pod', 'default', 'p')!.metadata.annotations, undefined);
});

test('global flags before the command: kubectl -n NAMESPACE <command>', () => {
  const c = newCluster();
  c.client().create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  c.client().create({ ...boundPod('p', 'node01'), metadata: { name: 'p', namespace: 'shop' } });
  expectTranscript(c, `
$ kubectl -n shop label pod p tier=fe
pod/p labeled
$ kubectl --namespace shop delete pod p --wait=false
pod "p" deleted
$ kubectl -n shop frobnicate
error: kukumber does not support "kubectl frobnicate" yet
`);
});
