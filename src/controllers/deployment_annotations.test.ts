import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../api/objects';
import {
  byRevision, lastRevision, maxRevision, revision, setDeploymentAnnotationsTo, setNewReplicaSetAnnotations,
} from './deployment_annotations';
import { byCreationTimestamp } from './deployment_util';
import { canonicalJson, computeHash, fnv32a, safeEncodeString } from './deployment_hash';

const d = (annotations: Record<string, string> = {}, replicas = 10): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: { name: 'web', annotations }, spec: { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } } });
const rs = (name: string, annotations?: Record<string, string>, created = '2025-01-01T00:00:00Z'): KubeObject =>
  ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, annotations, creationTimestamp: created }, spec: { replicas: 1 } });
const rev = (name: string, r: string, created?: string): KubeObject => rs(name, { 'deployment.kubernetes.io/revision': r }, created);

test('a set about to be created gets the next revision, replica annotations and the deployment\'s own annotations minus the skip list', () => {
  const set = rs('web-1');
  const changed = setNewReplicaSetAnnotations(d({
    'kubernetes.io/change-cause': 'kubectl set image', 'kubectl.kubernetes.io/last-applied-configuration': '{}',
    'deployment.kubernetes.io/revision': '7', 'deprecated.deployment.rollback.to': '1',
  }), set, '3', false);
  assert.equal(changed, true);
  assert.deepEqual(set.metadata.annotations, {
    'kubernetes.io/change-cause': 'kubectl set image', 'deployment.kubernetes.io/revision': '3',
    'deployment.kubernetes.io/desired-replicas': '10', 'deployment.kubernetes.io/max-replicas': '13',
  });
});

test('rolling back to a set raises its revision and records the old ones in revision-history', () => {
  const set = rev('web-1', '1');
  assert.equal(setNewReplicaSetAnnotations(d(), set, '3', true), true);
  assert.equal(set.metadata.annotations!['deployment.kubernetes.io/revision'], '3');
  assert.equal(set.metadata.annotations!['deployment.kubernetes.io/revision-history'], '1');
  assert.equal(setNewReplicaSetAnnotations(d(), set, '5', true), true);
  assert.equal(set.metadata.annotations!['deployment.kubernetes.io/revision-history'], '1,3');
  assert.equal(setNewReplicaSetAnnotations(d(), set, '4', true), false, 'a lower revision is never taken');
  assert.equal(set.metadata.annotations!['deployment.kubernetes.io/revision'], '5');
  assert.equal(set.metadata.annotations!['deployment.kubernetes.io/desired-replicas'], undefined, 'existing sets keep their replica annotations');
});

test('revision-history drops the oldest entries to stay within the character limit', () => {
  const set = rs('web-1', { 'deployment.kubernetes.io/revision': '9', 'deployment.kubernetes.io/revision-history': '1,3,5,7' });
  // "1,3,5,7" + ",9" = 9 chars > 6: drop "1" (7), drop "3" (5) → "5,7,9".
  setNewReplicaSetAnnotations(d(), set, '10', true, 6);
  assert.equal(set.metadata.annotations!['deployment.kubernetes.io/revision-history'], '5,7,9');
});

test('an unparsable revision on the set stops the annotation sync', () => {
  const set = rev('web-1', 'x');
  assert.equal(setNewReplicaSetAnnotations(d({ team: 'a' }), set, '2', true), false);
  assert.equal(set.metadata.annotations!['deployment.kubernetes.io/revision'], 'x');
});

test('Revision, MaxRevision, LastRevision (second highest), ordering by revision', () => {
  const sets = [rev('a', '3'), rev('b', '10'), rev('c', 'bad'), rs('d'), rev('e', '7')];
  assert.deepEqual(sets.map(revision), [3, 10, undefined, 0, 7]);
  assert.equal(maxRevision(sets), 10);
  assert.equal(lastRevision(sets), 7);
  assert.equal(lastRevision([rev('a', '1')]), 0);
  assert.equal(lastRevision([rev('a', '2'), rev('b', '2')]), 2, 'a tie keeps both as max and second');
  const sorted = [rev('z', '2'), rev('y', 'bad', '2025-01-01T00:00:05Z'), rev('x', '1')].sort(byRevision(byCreationTimestamp));
  assert.deepEqual(sorted.map(s => s.metadata.name), ['x', 'z', 'y']);
});

test('SetDeploymentAnnotationsTo keeps the deployment\'s skip-list annotations and takes the rest from the set', () => {
  const dep = d({ 'deployment.kubernetes.io/revision': '4', 'kubernetes.io/change-cause': 'edit', team: 'a' });
  setDeploymentAnnotationsTo(dep, rs('web-1', { 'kubernetes.io/change-cause': 'create', 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/max-replicas': '13' }));
  assert.deepEqual(dep.metadata.annotations, { 'deployment.kubernetes.io/revision': '4', 'kubernetes.io/change-cause': 'create' });
});

test('SafeEncodeString maps decimal digits onto 4-9,b,c,d,f (byte % 27 into the vowel-free alphabet)', () => {
  assert.equal(safeEncodeString('0123456789'), '456789bcdf');
  // 'a' = 97, 97 % 27 = 16 → "v"; 'b' → 17 → "w"; 'c' → 18 → "x".
  assert.equal(safeEncodeString('abc'), 'vwx');
});

test('FNV-32a matches the reference vectors', () => {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  assert.equal(fnv32a(enc('')), 0x811c9dc5);
  assert.equal(fnv32a(enc('a')), 0xe40c292c);
  assert.equal(fnv32a(enc('foobar')), 0xbf9cf968);
});

test('ComputeHash: stable under key order, moved by any template change and by collisionCount', () => {
  const t1 = { metadata: { labels: { app: 'web', tier: 'fe' } }, spec: { containers: [{ name: 'a', image: 'nginx:1.27' }] } };
  const t2 = { spec: { containers: [{ image: 'nginx:1.27', name: 'a' }] }, metadata: { labels: { tier: 'fe', app: 'web' } } };
  assert.equal(canonicalJson(t1), canonicalJson(t2));
  const h = computeHash(t1);
  assert.match(h, /^[4-9bcdf]{1,10}$/);
  assert.equal(computeHash(t2), h);
  assert.notEqual(computeHash({ ...t1, spec: { containers: [{ name: 'a', image: 'nginx:1.28' }] } }), h);
  const collided = computeHash(t1, 1);
  assert.match(collided, /^[4-9bcdf]{1,10}$/);
  assert.notEqual(collided, h);
  assert.notEqual(computeHash(t1, 0), h, 'a collisionCount of 0 still adds its 8 bytes');
  // The digits of the uint32 are what get encoded.
  const bytes = new TextEncoder().encode(canonicalJson(t1));
  assert.equal(h, safeEncodeString(String(fnv32a(bytes))));
});
