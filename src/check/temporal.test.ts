import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import type { KubeObject } from '../api/objects';
import { checkAlways, checkAt, checkFor, checkNever, checkNow, checkWithin, type Since } from './temporal';
import { fieldMatches, objectExists, objectGone } from './checks/objects';
import { parseRef } from './refs';
import type { CheckFailure, CheckOutcome } from './failure';
import type { StateCheck } from './state';
import { WITHOUT_NODES } from '../cluster/testing';

const cm = (name: string, mode = 'slow'): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { mode } });
const setMode = (c: Cluster, name: string, mode: string): void => { c.client().mutate('ConfigMap', 'default', name, (d: KubeObject) => { d.data = { mode }; }); };
const failed = (o: CheckOutcome): CheckFailure => { assert.equal(o.ok, false, 'expected the check to fail'); return o as CheckFailure; };
const start = (c: Cluster): Since => ({ index: c.store.history.records.length, atMs: c.sim.nowMs });
const exists = objectExists(parseRef('configmap "flag"'));
const fast = fieldMatches(parseRef('configmap "flag"'), '.data.mode', 'equal to', 'fast');

test('within D: a write due exactly at now + D counts (inclusive end); the check stops right after that event', () => {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 1 });
  let laterRan = false;
  c.sim.scheduleAt(10_000, 'create flag', () => c.client().create(cm('flag')));
  c.sim.scheduleAt(10_000, 'later event at the same instant', () => { laterRan = true; });
  const outcome = checkWithin(c, exists, 10_000);
  assert.deepEqual(outcome, { ok: true, description: 'configmap "flag" exists', atMs: 10_000 });
  assert.equal(c.sim.nowMs, 10_000);
  assert.equal(laterRan, false, 'stop at once: the next event of the same instant has not run');
});

test('within D: a write 1ms after the deadline is too late; the failure is observed at the deadline', () => {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 1 });
  c.sim.scheduleAt(10_001, 'create flag', () => c.client().create(cm('flag')));
  const f = failed(checkWithin(c, exists, 10_000));
  assert.equal(f.awaited, 'within 10s, configmap "flag" exists');
  assert.equal(f.window, 'from 0s to 10s');
  assert.equal(f.observed, 'configmap "flag" not found');
  assert.equal(f.observedAtMs, 10_000);
  assert.equal(c.sim.nowMs, 10_000);
});

test('within D: a check already true passes without running anything', () => {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 1 });
  c.client().create(cm('flag'));
  let ran = false;
  c.sim.scheduleAt(0, 'due now', () => { ran = true; });
  assert.equal(checkWithin(c, exists, 5_000).ok, true);
  assert.equal(ran, false);
});

test('within D: the instant reported is the first event after which the check holds', () => {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 1 });
  c.client().create(cm('flag'));
  c.sim.scheduleAt(3_000, 'medium', () => setMode(c, 'flag', 'medium'));
  c.sim.scheduleAt(7_250, 'fast', () => setMode(c, 'flag', 'fast'));
  const o = checkWithin(c, fast, 60_000);
  assert.deepEqual(o, { ok: true, description: 'configmap "flag" has .data.mode equal to "fast"', atMs: 7_250 });
});

test('for D: a violation due exactly at now + D is caught, at that instant, with the write that caused it', () => {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 1 });
  c.client().create(cm('flag'));
  c.sim.advance(1_000);
  c.sim.scheduleAt(31_000, 'delete flag', () => c.client().delete('ConfigMap', 'default', 'flag'));
  const f = failed(checkFor(c, exists, 30_000));
  assert.equal(f.awaited, 'for 30s, configmap "flag" exists');
  assert.equal(f.window, 'from 1s to 31s');
  assert.equal(f.observedAtMs, 31_000);
  assert.equal(f.cause, 'after configmap/flag DELETED by kubectl');
});

test('for D: a violation 1ms after the window does not count; the clock ends at now + D', () => {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 1 });
  c.client().create(cm('flag'));
  c.sim.scheduleAt(30_001, 'delete flag', () => c.client().delete('ConfigMap', 'default', 'flag'));
  assert.deepEqual(checkFor(c, exists, 30_000), { ok: true, description: 'configmap "flag" exists', atMs: 30_000 });
  assert.equal(c.sim.nowMs, 30_000);
  assert.ok(c.store.get('ConfigMap', 'default', 'flag'), 'the later delete has not run');
});

test('for D: a violation undone within the same event is still caught (checked after every write)', () => {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 1 });
  c.client().create(cm('flag', 'fast'));
  c.sim.scheduleAt(5_000, 'flap', () => { setMode(c, 'flag', 'slow'); setMode(c, 'flag', 'fast'); });
  const f = failed(checkFor(c, fast, 10_000));
  assert.equal(f.observed, '.data.mode is "slow"');
  assert.equal(f.observedAtMs, 5_000);
  assert.equal(c.sim.nowMs, 5_000, 'the check stops at the violation');
});

test('for D: a check false at the start fails at once, without advancing', () => {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 1 });
  const f = failed(checkFor(c, exists, 10_000));
  assert.equal(f.observedAtMs, 0);
  assert.equal(c.sim.nowMs, 0);
});

test('always: every write since the start counts, transient states included; the first violation is reported', () => {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 1 });
  c.client().create(cm('flag', 'fast'));
  const since = start(c);
  c.sim.schedule(2_000, 'flap', () => { setMode(c, 'flag', 'slow'); setMode(c, 'flag', 'fast'); });
  c.sim.schedule(4_000, 'flap again', () => { setMode(c, 'flag', 'medium'); setMode(c, 'flag', 'fast'); });
  c.sim.advance(10_000);
  assert.equal(checkNow(c, fast).ok, true);
  const f = failed(checkAlways(c, fast, since));
  assert.equal(f.awaited, 'always, configmap "flag" has .data.mode equal to "fast"');
  assert.equal(f.window, 'from 0s to 10s');
  assert.equal(f.observed, '.data.mode is "slow"');
  assert.equal(f.observedAtMs, 2_000);
});

test('always since a mark ignores what came before the mark; never reports the first write that made the claim true', () => {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 1 });
  c.client().create(cm('flag'));
  c.sim.advance(1_000);
  c.client().delete('ConfigMap', 'default', 'flag');
  c.sim.advance(1_000);
  const mark: Since = { mark: 'quiet', ...start(c) };
  c.sim.advance(5_000);
  const gone = objectGone(parseRef('configmap "flag"'));
  assert.equal(checkAlways(c, gone, mark).ok, true);
  assert.equal(checkNever(c, exists, mark).ok, true);
  assert.equal(failed(checkNever(c, exists, { index: 0, atMs: 0 })).observedAtMs, 0);
  c.sim.schedule(1_500, 'create flag again', () => c.client().create(cm('flag')));
  c.sim.advance(3_000);
  const f = failed(checkNever(c, exists, mark));
  assert.equal(f.awaited, 'never since "quiet", configmap "flag" exists');
  assert.equal(f.observedAtMs, 8_500);
  assert.equal(f.observed, 'configmap "flag" exists');
});

test('at T: a past instant reads history including the writes made at T; a future one advances to T inclusive', () => {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 1 });
  c.sim.scheduleAt(5_000, 'create', () => c.client().create(cm('flag')));
  c.sim.scheduleAt(9_000, 'delete', () => c.client().delete('ConfigMap', 'default', 'flag'));
  assert.equal(checkAt(c, exists, 5_000).ok, true);
  assert.equal(c.sim.nowMs, 5_000);
  c.sim.advance(10_000);
  assert.equal(checkAt(c, exists, 4_999).ok, false);
  assert.equal(checkAt(c, exists, 5_000).ok, true);
  assert.equal(checkAt(c, exists, 8_999).ok, true);
  const f = failed(checkAt(c, exists, 9_000));
  assert.equal(f.awaited, 'at 9s, configmap "flag" exists');
  assert.equal(f.observedAtMs, 9_000);
  assert.equal(c.sim.nowMs, 15_000, 'looking at the past moves no time');
});

test('a check is re-evaluated only after writes to the kinds it read', () => {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 1 });
  let evaluations = 0;
  const counting: StateCheck = { description: 'counting', evaluate: v => { evaluations++; return exists.evaluate(v); } };
  for (let i = 0; i < 20; i++) c.sim.schedule(100 * i, `secret ${i}`, () => c.client().create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: `s${i}` } }));
  c.sim.scheduleAt(5_000, 'create flag', () => c.client().create(cm('flag')));
  assert.equal(checkWithin(c, counting, 10_000).ok, true);
  assert.equal(evaluations, 2, 'once at the start, once after the ConfigMap write');
});
