import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatManifestError, loadManifestText } from './manifests';

const errorsOf = (text: string): string[] => loadManifestText(text, 'f.yaml').errors.map(formatManifestError);

test('malformed YAML: go-yaml messages with document-relative lines (kubectl), absolute file lines (harness)', () => {
  assert.deepEqual(errorsOf('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x: y\n'),
    ['f.yaml:4: error parsing f.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context']);
  assert.deepEqual(errorsOf('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n labels: {}\n'),
    ['f.yaml:4: error parsing f.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key']);
  assert.deepEqual(errorsOf('apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n'),
    ['f.yaml:4: error parsing f.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token']);
  assert.deepEqual(errorsOf('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  annotations: x: y\n'),
    ['f.yaml:10: error parsing f.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context']);
});

test('unknown kinds and versions are mapping errors', () => {
  assert.deepEqual(errorsOf('apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n'),
    ['f.yaml:2: resource mapping not found for name: "x" namespace: "" from "f.yaml": no matches for kind "Foo" in version "v1" ensure CRDs are installed first']);
  assert.deepEqual(errorsOf('apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: x\n  namespace: prod\n'),
    ['f.yaml:2: resource mapping not found for name: "x" namespace: "prod" from "f.yaml": no matches for kind "Deployment" in version "extensions/v1beta1" ensure CRDs are installed first']);
  // kubectl 1.32's default (strict) validation checks apiVersion and kind before decoding (kubectl.1.32 offline).
  assert.deepEqual(errorsOf('apiVersion: v1\nmetadata:\n  name: x\n'),
    ['f.yaml:1: error validating "f.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false']);
  assert.deepEqual(errorsOf('kind: Pod\nmetadata:\n  name: x\n'),
    ['f.yaml:1: error validating "f.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false']);
  assert.deepEqual(errorsOf('metadata:\n  name: x\n'),
    ['f.yaml:1: error validating "f.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false']);
  assert.deepEqual(errorsOf('apiVersion: 7\nkind: Pod\n'),
    ['f.yaml:1: error validating "f.yaml": error validating data: apiVersion isn\'t string type; if you choose to ignore these errors, turn validation off with --validate=false']);
  assert.deepEqual(errorsOf('- a\n- b\n'),
    ['f.yaml:1: error validating "f.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false']);
  assert.deepEqual(errorsOf('apiVersion: v1\nkind: ""\nmetadata:\n  name: x\n'),
    ['f.yaml:1: unable to decode "f.yaml": Object \'Kind\' is missing in \'{"apiVersion":"v1","kind":"","metadata":{"name":"x"}}\'']);
});

test('strict decoding: unknown fields (all of them) and Go type errors with the field path', () => {
  assert.deepEqual(errorsOf('apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: x\nspec:\n  replica: 2\n  template:\n    spec:\n      containers:\n      - name: a\n        imagePolicy: Always\n'),
    ['f.yaml:6: ReplicaSet in version "v1" cannot be handled as a ReplicaSet: strict decoding error: unknown field "spec.replica", unknown field "spec.template.spec.containers[0].imagePolicy"']);
  assert.deepEqual(errorsOf('apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: x\nspec:\n  replicas: "two"\n'),
    ['f.yaml:6: ReplicaSet in version "v1" cannot be handled as a ReplicaSet: json: cannot unmarshal string into Go struct field ReplicaSetSpec.spec.replicas of type int32']);
  assert.deepEqual(errorsOf('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: 7\n'),
    ['f.yaml:8: Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string']);
  assert.deepEqual(errorsOf('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: 1.5\n'),
    ['f.yaml:6: Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32']);
  assert.deepEqual(errorsOf('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels:\n    on: yes\n'),
    ['f.yaml:6: ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string']);
});

test('quantities are checked like resource.Quantity', () => {
  assert.deepEqual(errorsOf('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: i\n    resources:\n      limits:\n        cpu: lots\n'),
    ["f.yaml:11: Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"]);
  assert.deepEqual(errorsOf('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: i\n    resources:\n      limits:\n        cpu: 100m\n        memory: 128Mi\n'), []);
  // A ResourceList is a map of quantities: each value is checked, the map itself is no quantity.
  assert.deepEqual(errorsOf('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: i\n    resources:\n      limits:\n        cpu: 500m\n        memory: 256Mi\n      requests:\n        cpu: 2\n'), []);
  assert.deepEqual(errorsOf('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: i\n    resources:\n      requests:\n        cpu: 1\n        memory: lots\n'),
    ["f.yaml:12: Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"]);
});

test('resource lists hold quantities: each value is checked, valid ones pass', () => {
  const pod = (cpu: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: i\n    resources:\n      requests:\n        memory: 64Mi\n        cpu: ${cpu}\n`;
  for (const cpu of ['3', '"3"', '250m', '0.5']) assert.deepEqual(errorsOf(pod(cpu)), [], cpu);
  assert.deepEqual(errorsOf(pod('lots')),
    ["f.yaml:12: Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"]);
});

test('a document may open with comments', () => {
  const load = loadManifestText('# a ConfigMap\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n', 'f.yaml');
  assert.deepEqual(load.objects.map(o => o.object.metadata.name), ['a']);
});

test('good documents load with their lines; comments and empty documents are skipped', () => {
  const load = loadManifestText('# a comment\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n', 'f.yaml');
  assert.deepEqual(load.errors, []);
  assert.deepEqual(load.objects.map(o => `${o.object.metadata.name}@${o.line}`), ['a@3', 'b@9']);
});

test('go-yaml v2 semantics: a repeated key overwrites silently, y is a boolean, 12:30 and dates stay strings, 0o is octal', () => {
  // kubectl.1.32 --validate=false on "name: x\n  name: y" reports the bool, so the last key won.
  assert.deepEqual(errorsOf('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  name: y\n'),
    ['f.yaml:5: Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.name of type string']);
  const load = loadManifestText('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels:\n    at: 12:30\n    day: 2001-12-14\n', 'f.yaml');
  assert.deepEqual(load.errors, []);
  assert.deepEqual(load.objects[0]!.object.metadata.labels, { at: '12:30', day: '2001-12-14' });
  assert.deepEqual(errorsOf('apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: x\nspec:\n  replicas: 0o17\n  minReadySeconds: "x"\n'),
    ['f.yaml:7: ReplicaSet in version "v1" cannot be handled as a ReplicaSet: json: cannot unmarshal string into Go struct field ReplicaSetSpec.spec.minReadySeconds of type int32']);
});

test('kubectl sends JSON built from Go maps: unknown fields and the first type error follow sorted key order', () => {
  assert.deepEqual(errorsOf('apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: x\nspec:\n  zeta: 1\n  alpha: 2\n'),
    ['f.yaml:7: ReplicaSet in version "v1" cannot be handled as a ReplicaSet: strict decoding error: unknown field "spec.alpha", unknown field "spec.zeta"']);
  assert.deepEqual(errorsOf('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels:\n    on: yes\n    n: 1.0\n'),
    ['f.yaml:7: ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string']);
});
