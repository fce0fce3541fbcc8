import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod, Stored } from '../api/objects';
import { convertToAPIContainerStatuses, generateAPIPodStatus, type SyncReason } from './container_status';
import { defaultProfile } from './image_catalogue';
import type { InstanceSnapshot, PodSnapshot } from './runtime';

const pod = (extra: Record<string, unknown> = {}): Stored<Pod> => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '1', creationTimestamp: 'x' },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], restartPolicy: 'Always', ...extra },
} as Stored<Pod>);

const instance = (id: string, state: 'running' | 'exited', attempt: number, startedAtMs: number, finished?: { atMs: number; code: number; reason: string }): InstanceSnapshot => ({
  id, name: 'app', init: false, attempt, specImage: 'nginx:1.27', image: 'docker.io/library/nginx:1.27', imageID: 'docker.io/library/nginx@sha256:ab',
  profile: defaultProfile('nginx:1.27'), createdAtMs: startedAtMs, startedAtMs, state,
  finishedAtMs: finished?.atMs ?? 0, exitCode: finished?.code ?? 0, reason: finished?.reason ?? '',
});

const snap = (...containers: InstanceSnapshot[]): PodSnapshot => ({ sandbox: { id: 's', ip: '10.244.1.2', createdAtMs: 0, ready: true, attempt: 0 }, containers });
const none = new Map<string, SyncReason>();

test('a container not created yet waits as ContainerCreating (PodInitializing when the pod has init containers)', () => {
  const [s] = convertToAPIContainerStatuses(pod(), snap(), undefined, pod().spec.containers, false, none);
  assert.deepEqual(s!.state, { waiting: { reason: 'ContainerCreating' } });
  assert.equal(s!.image, 'nginx:1.27');
  assert.equal(s!.restartCount, 0);
  const [i] = convertToAPIContainerStatuses(pod(), snap(), undefined, pod().spec.containers, true, none);
  assert.deepEqual(i!.state, { waiting: { reason: 'PodInitializing' } });
});

test('the last sync error shows as the waiting reason: ErrImagePull, then ImagePullBackOff', () => {
  const reasons = new Map([['app', { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:1.27"' }]]);
  const [s] = convertToAPIContainerStatuses(pod(), snap(), undefined, pod().spec.containers, false, reasons);
  assert.deepEqual(s!.state, { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:1.27"' } });
});

test('a running container after restarts: restartCount from the instance, lastState from the previous one', () => {
  const now = instance('c2', 'running', 1, 20_000);
  const before = instance('c1', 'exited', 0, 1_000, { atMs: 6_000, code: 1, reason: 'Error' });
  const [s] = convertToAPIContainerStatuses(pod(), snap(now, before), undefined, pod().spec.containers, false, none);
  assert.deepEqual(s!.state, { running: { startedAt: '2025-01-01T00:00:20Z' } });
  assert.equal(s!.restartCount, 1);
  assert.deepEqual(s!.lastState, { terminated: { exitCode: 1, reason: 'Error', startedAt: '2025-01-01T00:00:01Z', finishedAt: '2025-01-01T00:00:06Z', containerID: 'containerd://c1' } });
  assert.equal(s!.containerID, 'containerd://c2');
  assert.equal(s!.image, 'docker.io/library/nginx:1.27');
});

test('an exited container shows Terminated until a sync error says CrashLoopBackOff, which moves it to lastState', () => {
  const dead = instance('c1', 'exited', 0, 1_000, { atMs: 6_000, code: 137, reason: 'OOMKilled' });
  const [t] = convertToAPIContainerStatuses(pod(), snap(dead), undefined, pod().spec.containers, false, none);
  assert.equal(t!.state?.terminated?.reason, 'OOMKilled');
  const reasons = new Map([['app', { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container=app pod=web_default(u1)' }]]);
  const [w] = convertToAPIContainerStatuses(pod(), snap(dead), undefined, pod().spec.containers, false, reasons);
  assert.equal(w!.state?.waiting?.reason, 'CrashLoopBackOff');
  assert.equal(w!.lastState?.terminated?.reason, 'OOMKilled');
  // restartPolicy Never: no restart, so no waiting reason — the container stays Terminated.
  const [n] = convertToAPIContainerStatuses(pod({ restartPolicy: 'Never' }), snap(dead), undefined, pod().spec.containers, false, reasons);
  assert.equal(n!.state?.terminated?.reason, 'OOMKilled');
});

test('a container that used to run and is gone (node crash) is Terminated ContainerStatusUnknown, restart counted', () => {
  const old = [{ name: 'app', state: { running: { startedAt: 'x' } }, ready: true, restartCount: 2, image: 'i', imageID: 'd' }];
  const [s] = convertToAPIContainerStatuses(pod(), { sandbox: undefined, containers: [] }, old, pod().spec.containers, false, none);
  assert.equal(s!.state?.terminated?.reason, 'ContainerStatusUnknown');
  assert.equal(s!.state?.terminated?.exitCode, 137);
  assert.equal(s!.restartCount, 3);
});

test('generateAPIPodStatus: phase, pod IP from the sandbox, host IP, probe results before conditions', () => {
  const s = generateAPIPodStatus({ pod: pod(), snapshot: snap(instance('c1', 'running', 0, 1_000)), oldStatus: {}, reasons: none, podIsTerminal: false,
    hostIP: '172.18.0.2', probes: { updatePodStatus: (_p, st) => { st.containerStatuses![0]!.ready = true; st.containerStatuses![0]!.started = true; } } });
  assert.equal(s.phase, 'Running');
  assert.equal(s.podIP, '10.244.1.2');
  assert.deepEqual(s.hostIPs, [{ ip: '172.18.0.2' }]);
  assert.deepEqual(s.conditions!.map(c => `${c.type}=${c.status}`),
    ['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
});
