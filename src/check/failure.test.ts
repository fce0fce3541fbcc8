import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { checkFor, checkWithin } from './temporal';
import { fieldMatches, objectExists } from './checks/objects';
import { parseRef } from './refs';
import { CheckFailed, formatFailure, reproduceCommand, type CheckFailure } from './failure';
import { describeControllerErrors, unexpectedControllerErrors } from './errors';
import { ApiError } from '../api/errors';
import { WITHOUT_NODES } from '../cluster/testing';

function scenario(): Cluster {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 7 });
  c.client().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { mode: 'slow' } });
  c.sim.advance(2_500);
  return c;
}

test('a failure reads: reproduction, awaited with its window, observed with its instant, snapshot, timeline tail', () => {
  const c = scenario();
  const f = checkWithin(c, fieldMatches(parseRef('configmap "settings"'), '.data.mode', 'equal to', 'fast'), 10_000) as CheckFailure;
  const repro = { seed: 7, command: reproduceCommand(7, 'features/harness/x.feature', 12) };
  assert.equal(formatFailure(f, repro), [
    'Reproduce: KUKUMBER_SEED=7 npx kukumber test features/harness/x.feature:12',
    'Awaited:   within 10s, configmap "settings" has .data.mode equal to "fast" (from 2.5s to 12.5s)',
    'Observed:  .data.mode is "slow", at 12.5s',
    '',
    'State at 12.5s:',
    'KIND        NAME               AGE   SUMMARY',
    'configmap   kube-root-ca.crt   12s   data: ca.crt',
    'configmap   settings           12s   data: mode',
    '',
    'Timeline (1 write since the scenario started):',
    '  0s  ADDED  configmap/settings  by kubectl',
  ].join('\n'));
  assert.equal(new CheckFailed(f, repro).message, formatFailure(f, repro));
});

test('a broken for-claim names the write that broke it and shows the state right after it', () => {
  const c = scenario();
  c.sim.schedule(3_000, 'delete', () => c.client().delete('ConfigMap', 'default', 'settings'));
  c.sim.schedule(4_000, 'unrelated', () => c.client().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other' } }));
  const f = checkFor(c, objectExists(parseRef('cm/settings')), 10_000) as CheckFailure;
  const text = formatFailure(f);
  assert.match(text, /^Awaited: {3}for 10s, configmap "settings" exists \(from 2\.5s to 12\.5s\)\nObserved: {2}configmap "settings" not found, at 5\.5s, after configmap\/settings DELETED by kubectl\n/);
  assert.match(text, /State at 5\.5s:\nKIND +NAME +AGE +SUMMARY\nconfigmap +kube-root-ca\.crt +5s +data: ca\.crt\n\n/);
  assert.match(text, /Timeline \(2 writes since the scenario started\):\n {4}0s {2}ADDED {4}configmap\/settings {2}by kubectl\n {2}5\.5s {2}DELETED {2}configmap\/settings {2}by kubectl$/);
});

test('controller errors other than API errors are unexpected, and described one per line', () => {
  const api = new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'conflict', reason: 'Conflict', code: 409 });
  const bug = new TypeError("Cannot read properties of undefined (reading 'replicas')");
  const errors = [
    { atMs: 1_000, controller: 'replicaset-controller', key: 'default/web', error: api },
    { atMs: 12_000, controller: 'replicaset-controller', key: 'default/web', error: bug },
  ];
  const unexpected = unexpectedControllerErrors(errors);
  assert.deepEqual(unexpected.map(e => e.atMs), [12_000]);
  const text = describeControllerErrors(unexpected);
  assert.match(text, /^A controller hit an error no step expected:\n {2}replicaset-controller: sync "default\/web" at 12s failed: TypeError: Cannot read properties of undefined \(reading 'replicas'\)/);
});

test('the timeline tail keeps the last ten writes since the scenario started', () => {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 7 });
  for (let i = 1; i <= 12; i++) c.sim.schedule(i * 1_000, 'create', () => c.client().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}` } }));
  const f = checkWithin(c, objectExists(parseRef('cm/never')), 20_000) as CheckFailure;
  assert.equal(f.timeline[0], 'Timeline (last 10 of 12 writes since the scenario started):');
  assert.equal(f.timeline.length, 11);
  assert.equal(f.timeline[1], '   3s  ADDED  configmap/cm-3   by kubectl');
  assert.equal(f.timeline[10], '  12s  ADDED  configmap/cm-12  by kubectl');
});
