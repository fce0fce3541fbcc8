import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectTranscript, manifestDir, newCluster, RS } from '../test_support';
import { LAST_APPLIED } from '../apply/last_applied';


test('apply creates, then reports configured and unchanged; the annotation holds the manifest as kubectl writes it', () => {
  const dir = manifestDir({ 'rs.yaml': RS('nginx:1.27'), 'rs2.yaml': RS('nginx:1.28', 3) });
  const c = newCluster();
  expectTranscript(c, `
$ kubectl apply -f rs.yaml
replicaset.apps/web created
$ kubectl apply -f rs.yaml
replicaset.apps/web unchanged
$ kubectl apply -f rs2.yaml
replicaset.apps/web configured
`, dir);
  const rs = c.store.get('ReplicaSet', 'default', 'web')!;
  assert.equal(rs.spec.replicas, 3);
  assert.equal(rs.spec.template.spec.containers[0].image, 'nginx:1.28');
  // Defaults the server added survive the three-way merge.
  assert.equal(rs.spec.template.spec.containers[0].terminationMessagePath, '/dev/termination-log');
  assert.equal(rs.metadata.annotations![LAST_APPLIED],
    '{"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"annotations":{},"name":"web","namespace":"default"},' +
    '"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},' +
    '"spec":{"containers":[{"image":"nginx:1.28","name":"app"}]}}}}\n');
});

test('apply removes what the manifest stopped saying, keeps what others set', () => {
  const dir = manifestDir({ 'a.yaml': RS('nginx:1.27', 2, '\n        env:\n        - name: A\n          value: "1"'), 'b.yaml': RS('nginx:1.27') });
  const c = newCluster();
  expectTranscript(c, '$ kubectl apply -f a.yaml\nreplicaset.apps/web created\n', dir);
  c.client('someone').mutate('ReplicaSet', 'default', 'web', (d: any) => { d.metadata.labels = { team: 'x' }; });
  expectTranscript(c, '$ kubectl apply -f b.yaml\nreplicaset.apps/web configured\n', dir);
  const rs = c.store.get('ReplicaSet', 'default', 'web')!;
  assert.equal(rs.spec.template.spec.containers[0].env, undefined);
  assert.deepEqual(rs.metadata.labels, { team: 'x' });
});

test('apply on an object created without the annotation warns on stderr and patches it in', () => {
  const dir = manifestDir({ 'rs.yaml': RS('nginx:1.27'), 'rs3.yaml': RS('nginx:1.27', 3) });
  const c = newCluster();
  expectTranscript(c, `
$ kubectl create -f rs.yaml
replicaset.apps/web created
$ kubectl apply -f rs3.yaml
Warning: resource replicasets/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.
replicaset.apps/web configured
`, dir);
  assert.ok(c.store.get('ReplicaSet', 'default', 'web')!.metadata.annotations![LAST_APPLIED]);
});

test('apply -f a directory and -f - (stdin); multi-document files in order', () => {
  const cm = (n: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${n}\ndata:\n  k: v\n`;
  const dir = manifestDir({ 'm/b.yaml': `${cm('b1')}---\n${cm('b2')}`, 'm/a.yml': cm('a'), 'm/notes.txt': 'ignored' });
  const c = newCluster();
  expectTranscript(c, `
$ kubectl apply -f m
configmap/a created
configmap/b1 created
configmap/b2 created
$ kubectl apply -f - <<EOF
${cm('s').trimEnd()}
EOF
configmap/s created
$ kubectl apply -f m -o name
configmap/a
configmap/b1
configmap/b2
`, dir);
  assert.deepEqual(c.store.list('ConfigMap', 'default').map(o => o.metadata.name).filter(n => n !== 'kube-root-ca.crt'), ['a', 'b1', 'b2', 's']);
});

test('create: AlreadyExists, 422 with one and several causes, strict decoding, aggregated errors one per line', () => {
  const bad = RS('', -1).replace('        image: \n', '');
  const dir = manifestDir({
    'rs.yaml': RS('nginx:1.27'),
    'bad.yaml': bad,
    'neg.yaml': RS('nginx:1.27', -1),
    'typo.yaml': RS('nginx:1.27').replace('  replicas: 2', '  replica: 2'),
  });
  const c = newCluster();
  expectTranscript(c, `
$ kubectl create -f rs.yaml
replicaset.apps/web created
$ kubectl create -f rs.yaml
Error from server (AlreadyExists): error when creating "rs.yaml": replicasets.apps "web" already exists
$ kubectl create -f neg.yaml
The ReplicaSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0
`, dir);
  c.client().delete('ReplicaSet', 'default', 'web');
  expectTranscript(c, `
$ kubectl create -f neg.yaml
The ReplicaSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0
$ kubectl create -f bad.yaml
The ReplicaSet "web" is invalid: 
* spec.replicas: Invalid value: -1: must be greater than or equal to 0
* spec.template.spec.containers[0].image: Required value
$ kubectl create -f typo.yaml
Error from server (BadRequest): error when creating "typo.yaml": ReplicaSet in version "v1" cannot be handled as a ReplicaSet: strict decoding error: unknown field "spec.replica"
$ kubectl create -f bad.yaml -f typo.yaml
Error from server (Invalid): error when creating "bad.yaml": ReplicaSet.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.spec.containers[0].image: Required value]
Error from server (BadRequest): error when creating "typo.yaml": ReplicaSet in version "v1" cannot be handled as a ReplicaSet: strict decoding error: unknown field "spec.replica"
`, dir);
  assert.equal(c.store.get('ReplicaSet', 'default', 'web'), undefined);
});

test('YAML and mapping errors: the document before is still applied; a missing path changes nothing', () => {
  const dir = manifestDir({
    'mixed.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x: y\n',
  });
  const c = newCluster();
  expectTranscript(c, `
$ kubectl apply -f mixed.yaml
configmap/ok created
resource mapping not found for name: "x" namespace: "" from "mixed.yaml": no matches for kind "Foo" in version "v1"
ensure CRDs are installed first
error parsing mixed.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context
$ kubectl apply -f nosuch.yaml
error: the path "nosuch.yaml" does not exist
$ kubectl apply
error: must specify one of -f and -k
`, dir);
});

test('dry runs change nothing and say so; what kukumber does not do is said in one line', () => {
  const dir = manifestDir({ 'rs.yaml': RS('nginx:1.27') });
  const c = newCluster();
  expectTranscript(c, `
$ kubectl apply -f rs.yaml --dry-run=client
replicaset.apps/web created (dry run)
$ kubectl apply -f rs.yaml --dry-run=server
replicaset.apps/web created (server dry run)
$ kubectl create -f rs.yaml --dry-run=server -o name
replicaset.apps/web
$ kubectl apply -f rs.yaml --prune
error: kukumber does not support "kubectl apply --prune" yet
$ kubectl apply -f rs.yaml -o yaml
error: kukumber does not support "kubectl apply -o yaml" yet
$ kubectl set env rs/web A=1
error: kukumber does not support "kubectl set env" yet
$ kubectl apply -f rs.yaml --dry-run=maybe
error: Invalid dry-run value (maybe). Must be "none", "server", or "client".
`, dir);
  assert.equal(c.store.get('ReplicaSet', 'default', 'web'), undefined);
  expectTranscript(c, `
$ kubectl apply -f rs.yaml
replicaset.apps/web created
$ kubectl delete -f rs.yaml --dry-run=server
replicaset.apps "web" deleted (server dry run)
`, dir);
  assert.ok(c.store.get('ReplicaSet', 'default', 'web'));
});

test('failed apply patches print the patch, the object and both sources, as kubectl v1.32.5 does', () => {
  const dir = manifestDir({ 'm/plain.yaml': "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: plain\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: p\n  template:\n    metadata:\n      labels:\n        app: p\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n", 'm/typo.yaml': "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: plain\nspec:\n  replica: 2\n  selector:\n    matchLabels:\n      app: p\n  template:\n    metadata:\n      labels:\n        app: p\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n", 'm/immut.yaml': "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: plain\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: zzz\n  template:\n    metadata:\n      labels:\n        app: zzz\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n" });
  const c = newCluster();
  expectTranscript(c, `
$ kubectl create -f m/plain.yaml
replicaset.apps/plain created
$ kubectl apply -f m/typo.yaml
Warning: resource replicasets/plain is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.
Error from server (BadRequest): error when applying patch:
{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\\"apiVersion\\":\\"apps/v1\\",\\"kind\\":\\"ReplicaSet\\",\\"metadata\\":{\\"annotations\\":{},\\"name\\":\\"plain\\",\\"namespace\\":\\"default\\"},\\"spec\\":{\\"replica\\":2,\\"selector\\":{\\"matchLabels\\":{\\"app\\":\\"p\\"}},\\"template\\":{\\"metadata\\":{\\"labels\\":{\\"app\\":\\"p\\"}},\\"spec\\":{\\"containers\\":[{\\"image\\":\\"nginx:1.27\\",\\"name\\":\\"app\\"}]}}}}\\n"}},"spec":{"replica":2}}
to:
Resource: "apps/v1, Resource=replicasets", GroupVersionKind: "apps/v1, Kind=ReplicaSet"
Name: "plain", Namespace: "default"
for: "m/typo.yaml": error when patching "m/typo.yaml": ReplicaSet in version "v1" cannot be handled as a ReplicaSet: strict decoding error: unknown field "spec.replica"
$ kubectl apply -f m/immut.yaml
Warning: resource replicasets/plain is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.
The ReplicaSet "plain" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"zzz"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable
`, dir);
  assert.equal(c.store.get('ReplicaSet', 'default', 'plain')!.spec.replicas, 2);
});
