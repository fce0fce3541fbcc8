// printPod cases, each derived from the rules in k/k pkg/printers/internalversion/printers.go (v1.32).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ContainerStatus, Pod } from '../../api/objects';
import { podTableCells, printPodStatus } from './pod_status';

const NOW = 600_000; // 00:10:00 on the simulation's first day
const at = (sec: number): string => `2025-01-01T00:${String(Math.floor(sec / 60)).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')}Z`;

function pod(status: Pod['status'], spec: Partial<Pod['spec']> = {}, meta: Partial<Pod['metadata']> = {}): Pod {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', creationTimestamp: at(0), ...meta },
    spec: { containers: [{ name: 'a', image: 'x' }], ...spec } as Pod['spec'], status,
  };
}

const cs = (state: ContainerStatus['state'], extra: Partial<ContainerStatus> = {}): ContainerStatus =>
  ({ name: 'a', ready: false, restartCount: 0, image: 'x', imageID: '', state, ...extra });

test('phase is the status until containers say more', () => {
  assert.deepEqual(podTableCells(pod({ phase: 'Pending' }), NOW), { ready: '0/1', status: 'Pending', restarts: '0' });
  assert.equal(printPodStatus(pod({ phase: 'Pending', containerStatuses: [cs({ waiting: { reason: 'ContainerCreating' } })] }), NOW), 'ContainerCreating');
  assert.deepEqual(podTableCells(pod({ phase: 'Running', containerStatuses: [cs({ running: { startedAt: at(5) } }, { ready: true })] }), NOW),
    { ready: '1/1', status: 'Running', restarts: '0' });
  // Running but not ready: READY 0/1, STATUS Running.
  assert.deepEqual(podTableCells(pod({ phase: 'Running', containerStatuses: [cs({ running: { startedAt: at(5) } })] }), NOW).ready, '0/1');
});

test('status.reason wins over the phase (Evicted), and SchedulingGated over both', () => {
  assert.equal(printPodStatus(pod({ phase: 'Failed', reason: 'Evicted' }), NOW), 'Evicted');
  assert.equal(printPodStatus(pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), NOW), 'SchedulingGated');
});

test('CrashLoopBackOff with restarts counted "N (age ago)" from the last termination', () => {
  const p = pod({ phase: 'Running', containerStatuses: [cs({ waiting: { reason: 'CrashLoopBackOff' } },
    { restartCount: 4, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: at(540) } } })] });
  // Last finished at 00:09:00, now 00:10:00 → "60s".
  assert.deepEqual(podTableCells(p, NOW), { ready: '0/1', status: 'CrashLoopBackOff', restarts: '4 (60s ago)' });
});

test('image pull problems and terminated reasons show as STATUS', () => {
  assert.equal(printPodStatus(pod({ phase: 'Pending', containerStatuses: [cs({ waiting: { reason: 'ErrImagePull' } })] }), NOW), 'ErrImagePull');
  assert.equal(printPodStatus(pod({ phase: 'Pending', containerStatuses: [cs({ waiting: { reason: 'ImagePullBackOff' } })] }), NOW), 'ImagePullBackOff');
  assert.equal(printPodStatus(pod({ phase: 'Running', containerStatuses: [cs({ terminated: { exitCode: 137, reason: 'OOMKilled' } })] }), NOW), 'OOMKilled');
  assert.equal(printPodStatus(pod({ phase: 'Running', containerStatuses: [cs({ terminated: { exitCode: 3 } })] }), NOW), 'ExitCode:3');
  assert.equal(printPodStatus(pod({ phase: 'Running', containerStatuses: [cs({ terminated: { exitCode: 0, signal: 9 } })] }), NOW), 'Signal:9');
});

test('Completed pods, and Completed turned back into Running / NotReady while a container still runs', () => {
  assert.equal(printPodStatus(pod({ phase: 'Succeeded', containerStatuses: [cs({ terminated: { exitCode: 0, reason: 'Completed' } })] }), NOW), 'Completed');
  const two = { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'x' }] };
  const statuses = [cs({ terminated: { exitCode: 0, reason: 'Completed' } }), cs({ running: { startedAt: at(1) } }, { name: 'b', ready: true })];
  assert.equal(printPodStatus(pod({ phase: 'Running', containerStatuses: statuses, conditions: [{ type: 'Ready', status: 'True' }] }, two), NOW), 'Running');
  assert.equal(printPodStatus(pod({ phase: 'Running', containerStatuses: statuses }, two), NOW), 'NotReady');
});

test('the first container\'s reason wins (containers are walked last to first)', () => {
  const two = { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'x' }] };
  const p = pod({ phase: 'Pending', containerStatuses: [cs({ waiting: { reason: 'ErrImagePull' } }), cs({ waiting: { reason: 'ContainerCreating' } }, { name: 'b' })] }, two);
  assert.deepEqual(podTableCells(p, NOW), { ready: '0/2', status: 'ErrImagePull', restarts: '0' });
});

test('init containers: Init:N/M, Init:<reason>, Init:ExitCode / Init:Signal, and PodInitializing', () => {
  const spec = { initContainers: [{ name: 'i1', image: 'x' }, { name: 'i2', image: 'x' }] };
  const init = (states: ContainerStatus['state'][]): ContainerStatus[] => states.map((state, i) => cs(state, { name: `i${i + 1}` }));
  assert.equal(printPodStatus(pod({ phase: 'Pending', initContainerStatuses: init([{ running: {} }, { waiting: { reason: 'PodInitializing' } }]) }, spec), NOW), 'Init:0/2');
  assert.equal(printPodStatus(pod({ phase: 'Pending', initContainerStatuses: init([{ terminated: { exitCode: 0 } }, { running: {} }]) }, spec), NOW), 'Init:1/2');
  assert.equal(printPodStatus(pod({ phase: 'Pending', initContainerStatuses: init([{ waiting: { reason: 'ErrImagePull' } }, {}]) }, spec), NOW), 'Init:ErrImagePull');
  assert.equal(printPodStatus(pod({ phase: 'Pending', initContainerStatuses: init([{ terminated: { exitCode: 1, reason: 'Error' } }, {}]) }, spec), NOW), 'Init:Error');
  assert.equal(printPodStatus(pod({ phase: 'Pending', initContainerStatuses: init([{ terminated: { exitCode: 2 } }, {}]) }, spec), NOW), 'Init:ExitCode:2');
  assert.equal(printPodStatus(pod({ phase: 'Pending', initContainerStatuses: init([{ terminated: { exitCode: 0, signal: 15 } }, {}]) }, spec), NOW), 'Init:1/2');
  assert.equal(printPodStatus(pod({ phase: 'Pending', initContainerStatuses: init([{ terminated: { exitCode: 143, signal: 15 } }, {}]) }, spec), NOW), 'Init:Signal:15');
  // Done initializing: the regular containers decide.
  const done = pod({ phase: 'Pending', initContainerStatuses: init([{ terminated: { exitCode: 0 } }, { terminated: { exitCode: 0 } }]),
    containerStatuses: [cs({ waiting: { reason: 'PodInitializing' } })] }, spec);
  assert.equal(printPodStatus(done, NOW), 'PodInitializing');
});

test('sidecars (restartable init containers) count toward READY and RESTARTS', () => {
  const spec = { initContainers: [{ name: 'side', image: 'x', restartPolicy: 'Always' }] };
  const p = pod({ phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }],
    initContainerStatuses: [cs({ running: {} }, { name: 'side', started: true, ready: true, restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: at(300) } } })],
    containerStatuses: [cs({ running: {} }, { ready: true })] }, spec);
  assert.deepEqual(podTableCells(p, NOW), { ready: '2/2', status: 'Running', restarts: '2 (5m ago)' });
});

test('deletion: Terminating unless the pod already finished; Unknown for NodeLost', () => {
  const deleting = { deletionTimestamp: at(590) };
  assert.equal(printPodStatus(pod({ phase: 'Running' }, {}, deleting), NOW), 'Terminating');
  assert.equal(printPodStatus(pod({ phase: 'Succeeded', containerStatuses: [cs({ terminated: { exitCode: 0, reason: 'Completed' } })] }, {}, deleting), NOW), 'Completed');
  assert.equal(printPodStatus(pod({ phase: 'Running', reason: 'NodeLost' }, {}, deleting), NOW), 'Unknown');
});
