// -o parsing and the generic printers, with kubectl's error texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/objects';
import { OutputError, parseOutputFormat, printGeneric, relaxedJsonPath, resourceName } from './output';
import { checkErrText, renderError } from '../errors';
import { notFound } from '../../api/errors';
import { mustResource } from '../../api/resources';

const cm = (name: string, labels: Record<string, string> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', labels, creationTimestamp: '2025-01-01T00:00:00Z' }, data: { k: 'v' } });

test('unknown formats and missing templates fail with kubectl\'s messages', () => {
  assert.throws(() => parseOutputFormat('foo'), new OutputError('unable to match a printer suitable for the output format "foo", allowed formats are: ' +
    'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml'));
  assert.throws(() => parseOutputFormat('jsonpath'), /^OutputError: template format specified but no template given$/);
  assert.throws(() => parseOutputFormat('jsonpath='), /template format specified but no template given/);
  assert.throws(() => parseOutputFormat('custom-columns='), /custom-columns format specified but no custom columns given/);
  assert.throws(() => parseOutputFormat('custom-columns=NAME'), /unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>/);
  assert.throws(() => parseOutputFormat('jsonpath={.a'), /error parsing jsonpath \{\.a, unclosed action/);
  assert.throws(() => parseOutputFormat('go-template={{.a}}'), /kukumber does not support the "go-template" output format yet/);
  assert.deepEqual(parseOutputFormat('wide'), { kind: 'table', wide: true });
});

test('RelaxedJSONPathExpression accepts a.b, .a.b, {a.b} and {.a.b}', () => {
  for (const e of ['a.b', '.a.b', '{a.b}', '{.a.b}']) assert.equal(relaxedJsonPath(e), '{.a.b}');
  assert.throws(() => relaxedJsonPath('{a}}'), /unexpected path string/);
});

test('-o name is kind.group/name; yaml wraps several objects in a List', () => {
  assert.equal(resourceName({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web' } }), 'replicaset.apps/web');
  assert.equal(resourceName(cm('c')), 'configmap/c');
  assert.equal(printGeneric([cm('a'), cm('b')], false, parseOutputFormat('name')), 'configmap/a\nconfigmap/b\n');
  const list = printGeneric([cm('a')], false, parseOutputFormat('yaml'));
  assert.match(list, /^apiVersion: v1\nitems:\n- apiVersion: v1\n  data:\n    k: v\n  kind: ConfigMap\n/);
  assert.match(list, /\nkind: List\nmetadata:\n  resourceVersion: ""\n$/);
  assert.match(printGeneric([cm('a')], true, parseOutputFormat('yaml')), /^apiVersion: v1\ndata:\n  k: v\nkind: ConfigMap\n/);
  assert.equal(printGeneric([], false, parseOutputFormat('json')), '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
});

test('custom-columns: %v of each value joined by commas, <none> when missing, header even for no objects', () => {
  const f = parseOutputFormat('custom-columns=NAME:.metadata.name,LABELS:.metadata.labels,DATA:{.data.*},NOPE:.x');
  assert.equal(printGeneric([cm('a', { app: 'web', tier: 'fe' })], false, f),
    'NAME   LABELS                 DATA   NOPE\na      map[app:web tier:fe]   v      <none>\n');
  assert.equal(printGeneric([], false, f), 'NAME   LABELS   DATA   NOPE\n');
  assert.equal(printGeneric([cm('a')], false, f, true), 'a     map[]   v     <none>\n');
});

test('jsonpath-as-json prints each result list as indented JSON', () => {
  assert.equal(printGeneric([cm('a')], true, parseOutputFormat('jsonpath-as-json={.metadata.name}')), '[\n    "a"\n]\n');
});

test('errors in kubectl\'s words', () => {
  const nf = notFound(mustResource('ReplicaSet'), 'x');
  assert.equal(renderError(nf), 'Error from server (NotFound): replicasets.apps "x" not found\n');
  assert.equal(renderError(new Error('boom')), 'error: boom\n');
  assert.equal(checkErrText([nf]), renderError(nf));
  assert.equal(checkErrText([new Error('error: already worded')]), 'error: already worded\n');
  assert.equal(checkErrText([new Error('a'), nf]), 'a\nError from server (NotFound): replicasets.apps "x" not found\n');
  assert.equal(checkErrText([nf, notFound(mustResource('Pod'), 'y')]),
    'Error from server (NotFound): replicasets.apps "x" not found\nError from server (NotFound): pods "y" not found\n');
  assert.equal(checkErrText([]), '');
});
