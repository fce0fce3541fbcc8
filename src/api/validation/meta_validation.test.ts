// ObjectMeta, name and label-selector messages, checked against apimachinery v0.32 (pkg/api/validation/objectmeta.go,
// pkg/apis/meta/v1/validation, pkg/util/validation) and core's ValidateObjectMeta.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../../cluster/cluster';
import { ApiError } from '../errors';
import { pod, rejection, replicaSet } from '../test_support';
import type { KubeObject } from '../objects';
import { isDNS1035Label, isQualifiedName, isValidPortName } from './names';
import { goQuote } from '../field_errors';


test('name rules: Services are DNS-1035 labels, StatefulSets and Namespaces DNS labels', () => {
  assert.equal(rejection({ apiVersion: 'v1', kind: 'Service', metadata: { name: '1web' }, spec: { ports: [{ port: 80 }] } }),
    'Service "1web" is invalid: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character (e.g. \'my-name\',  or \'abc-123\', regex used for validation is \'[a-z]([-a-z0-9]*[a-z0-9])?\')');
  assert.equal(rejection({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } }),
    'Namespace "a.b" is invalid: metadata.name: Invalid value: "a.b": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')');
  assert.deepEqual(isDNS1035Label('x'.repeat(64)).slice(0, 1), ['must be no more than 63 characters']);
});

test('qualified names: an empty name part gets both the emptiness and the regex message; too many slashes one message', () => {
  assert.deepEqual(isQualifiedName('example.com/'), ['name part must be non-empty',
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"]);
  assert.deepEqual(isQualifiedName('/x'), ['prefix part must be non-empty']);
  assert.match(isQualifiedName('a/b/c')[0]!, /^a qualified name must consist of .* with an optional DNS subdomain prefix and '\/' \(e.g. 'example.com\/MyName'\)$/);
});

test('port names use upstream\'s words (alpha-numeric, at least one letter, no double hyphen, no edge hyphen)', () => {
  // Strings present in the kubectl v1.32 binary (k8s.io/apimachinery v0.32 util/validation).
  assert.deepEqual(isValidPortName('-HTTP--'), ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    'must contain at least one letter (a-z)', 'must not contain consecutive hyphens', 'must not begin or end with a hyphen']);
});

test('Go %q escaping for bad values', () => {
  assert.equal(goQuote('a"b\\c\n\t\x01\u00e9'), '"a\\"b\\\\c\\n\\t\\x01\u00e9"');
});

test('finalizers: a bare name must be standard (core), at metadata.finalizers[i]; orphan and foreground conflict', () => {
  const p = pod('x');
  p.metadata.finalizers = ['example.com/ok', 'my-finalizer'];
  assert.equal(rejection(p), 'Pod "x" is invalid: metadata.finalizers[1]: Invalid value: "my-finalizer": name is neither a standard finalizer name nor is it fully qualified');
  const q = pod('y');
  q.metadata.finalizers = ['orphan', 'foregroundDeletion'];
  assert.equal(rejection(q), 'Pod "y" is invalid: metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set');
});

test('owner references: empty fields in upstream order, a single controller', () => {
  const p = pod('x');
  p.metadata.ownerReferences = [{ apiVersion: '', kind: '', name: '', uid: '' }];
  assert.equal(rejection(p), 'Pod "x" is invalid: [metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty, metadata.ownerReferences.kind: Invalid value: "": kind must not be empty, metadata.ownerReferences.name: Invalid value: "": name must not be empty, metadata.ownerReferences.uid: Invalid value: "": uid must not be empty]');
  const q = pod('y');
  q.metadata.ownerReferences = [
    { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: '1', controller: true },
    { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: '2', controller: true },
  ];
  assert.match(rejection(q), /^Pod "y" is invalid: metadata\.ownerReferences: Invalid value: \[\]v1\.OwnerReference\{.*\}: Only one reference can have Controller set to true\. Found "true" in references for ReplicaSet\/a and ReplicaSet\/b$/);
});

test('annotations over 256 KiB are Too long, without the value', () => {
  const p = pod('x');
  p.metadata.annotations = { big: 'x'.repeat(256 * 1024) };
  assert.equal(rejection(p), 'Pod "x" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes');
});

test('label selectors: matchLabels are checked before matchExpressions', () => {
  const rs = replicaSet('web', { app: 'web' }, { app: 'web' });
  rs.spec.selector = { matchLabels: { 'bad key': 'v' }, matchExpressions: [{ key: 'tier', operator: 'Near', values: ['a'] }] };
  const msg = rejection(rs);
  assert.ok(msg.indexOf('spec.selector.matchLabels: Invalid value: "bad key"') < msg.indexOf('spec.selector.matchExpressions[0].operator: Invalid value: "Near": not a valid selector operator'), msg);
  assert.ok(msg.includes('spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"bad key":"v"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"Near", Values:[]string{"a"}}}}: invalid label selector'), msg);
});

test('metadata updates: no new finalizers while deleting; repeated messages appear once (ToAggregate)', () => {
  const c = new Cluster();
  const p = pod('x', { nodeName: 'node01' });
  p.metadata.finalizers = ['example.com/hold'];
  c.client().create(p);
  c.client().delete('Pod', 'default', 'x', {});
  assert.throws(() => c.client().mutate('Pod', 'default', 'x', d => { d.metadata.finalizers = ['example.com/hold', 'example.com/b', 'example.com/a']; }), {
    message: 'Pod "x" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/a", "example.com/b"}',
  });
  const rs = c.client().create(replicaSet('web'));
  // The label error is reported by the common metadata check and again by the kind's validation: shown once.
  assert.throws(() => c.client().mutate(rs.kind, 'default', 'web', d => { d.metadata.labels = { 'a b': 'x' }; }), (e: ApiError) =>
    e.message === 'ReplicaSet.apps "web" is invalid: metadata.labels: Invalid value: "a b": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')' &&
    (e.status.details?.causes?.length ?? 0) >= 2);
});
