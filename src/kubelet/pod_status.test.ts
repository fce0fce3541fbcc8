import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ContainerStatus, PodSpec } from '../api/objects';
import { containersReadyCondition, getPhase, kubeletConditions, podInitializedCondition, podReadyCondition, stampTransitions } from './pod_status';

const spec = (extra: Partial<PodSpec> = {}): PodSpec => ({ containers: [{ name: 'a' }, { name: 'b' }], restartPolicy: 'Always', ...extra });
const running = (name: string, ready = false): ContainerStatus =>
  ({ name, state: { running: { startedAt: 't' } }, ready, restartCount: 0, image: '', imageID: '', started: true });
const waiting = (name: string, reason = 'ContainerCreating', lastExit?: number): ContainerStatus =>
  ({ name, state: { waiting: { reason } }, lastState: lastExit === undefined ? {} : { terminated: { exitCode: lastExit } }, ready: false, restartCount: 0, image: '', imageID: '' });
const exited = (name: string, exitCode: number): ContainerStatus =>
  ({ name, state: { terminated: { exitCode } }, ready: false, restartCount: 0, image: '', imageID: '' });

test('getPhase: waiting containers keep a pod Pending; running ones make it Running', () => {
  assert.equal(getPhase(spec(), [waiting('a'), waiting('b')], false), 'Pending');
  assert.equal(getPhase(spec(), [running('a'), waiting('b')], false), 'Pending');
  assert.equal(getPhase(spec(), [running('a'), running('b')], false), 'Running');
  // A container waiting after a crash counts as stopped, not waiting: the pod stays Running.
  assert.equal(getPhase(spec(), [running('a'), waiting('b', 'CrashLoopBackOff', 1)], false), 'Running');
  // A missing status is unknown: Pending.
  assert.equal(getPhase(spec(), [running('a')], false), 'Pending');
});

test('getPhase: all stopped — by restart policy, or terminal when the pod is finished', () => {
  const both = (x: number, y: number): ContainerStatus[] => [exited('a', x), exited('b', y)];
  assert.equal(getPhase(spec({ restartPolicy: 'Always' }), both(0, 1), false), 'Running');
  assert.equal(getPhase(spec({ restartPolicy: 'Never' }), both(0, 0), false), 'Succeeded');
  assert.equal(getPhase(spec({ restartPolicy: 'Never' }), both(0, 1), false), 'Failed');
  assert.equal(getPhase(spec({ restartPolicy: 'OnFailure' }), both(0, 1), false), 'Running');
  assert.equal(getPhase(spec({ restartPolicy: 'Always' }), both(0, 143), true), 'Failed');
  assert.equal(getPhase(spec({ restartPolicy: 'Always' }), both(0, 0), true), 'Succeeded');
});

test('getPhase: init containers — pending until they succeed; a failure with restartPolicy Never fails the pod', () => {
  const s = spec({ initContainers: [{ name: 'init' }] });
  assert.equal(getPhase(s, [running('init'), waiting('a', 'PodInitializing'), waiting('b', 'PodInitializing')], false), 'Pending');
  assert.equal(getPhase({ ...s, restartPolicy: 'Never' }, [exited('init', 1), waiting('a'), waiting('b')], false), 'Failed');
  assert.equal(getPhase(s, [exited('init', 0), running('a'), running('b')], false), 'Running');
});

test('ContainersReady and Ready: reasons and messages name the unready containers', () => {
  const s = spec();
  assert.deepEqual(containersReadyCondition(s, [running('a', true), running('b')], 'Running'),
    { type: 'ContainersReady', status: 'False', lastProbeTime: null, reason: 'ContainersNotReady', message: 'containers with unready status: [b]' });
  assert.deepEqual(containersReadyCondition(s, [running('a')], 'Pending').message,
    'containers with unknown status: [b], containers with unready status: [a]');
  assert.equal(containersReadyCondition(s, undefined, 'Pending').reason, 'UnknownContainerStatuses');
  assert.equal(containersReadyCondition(s, [exited('a', 0), exited('b', 0)], 'Succeeded').reason, 'PodCompleted');
  assert.equal(containersReadyCondition(s, [exited('a', 0), exited('b', 1)], 'Failed').reason, 'PodFailed');
  assert.deepEqual(podReadyCondition(s, [], [running('a', true), running('b', true)], 'Running'), { type: 'Ready', status: 'True', lastProbeTime: null });
  const gated = spec({ readinessGates: [{ conditionType: 'example.com/lb' }] });
  assert.deepEqual(podReadyCondition(gated, [], [running('a', true), running('b', true)], 'Running').message,
    'corresponding condition of pod readiness gate "example.com/lb" does not exist.');
});

test('Initialized: incomplete init containers, and True for good once a regular container started', () => {
  const s = spec({ initContainers: [{ name: 'i1' }, { name: 'i2' }] });
  const c = podInitializedCondition(s, [exited('i1', 0), running('i2')], 'Pending');
  assert.equal(c.reason, 'ContainersNotInitialized');
  assert.equal(c.message, 'containers with incomplete status: [i1 i2]'); // i1 is not "ready" until the probe manager says so
  assert.equal(podInitializedCondition(s, [running('a')], 'Running').status, 'True');
});

test('kubelet conditions come after foreign ones, in upstream order', () => {
  const types = kubeletConditions(spec(), [{ type: 'DisruptionTarget', status: 'True' }, { type: 'Ready', status: 'True' }],
    [running('a', true), running('b', true)], 'Running', true).map(c => `${c.type}=${c.status}`);
  assert.deepEqual(types, ['DisruptionTarget=True', 'PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
});

test('lastTransitionTime moves only when a condition flips', () => {
  const old = [{ type: 'Ready', status: 'False' as const, lastTransitionTime: 'T0' }, { type: 'Initialized', status: 'True' as const, lastTransitionTime: 'T0' }];
  const next = stampTransitions([{ type: 'Ready', status: 'True' }, { type: 'Initialized', status: 'True' }, { type: 'PodScheduled', status: 'True' }], old, 'T1');
  assert.deepEqual(next.map(c => c.lastTransitionTime), ['T1', 'T0', 'T1']);
});
