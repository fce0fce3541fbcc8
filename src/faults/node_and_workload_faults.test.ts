import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { bare, eventWrites, podVersions, readyCondition } from '../kubelet/scenario_support';
import { podMatcher } from './workload_faults';
import type { Pod, Stored } from '../api/objects';

const WEB = { kind: 'Pod', namespace: 'default', name: 'web' };
const status = (c: Cluster, name = 'web') => (c.store.get('Pod', 'default', name) as Stored<Pod>).status!.containerStatuses![0]!;

test('a container crash at an instant: exit code and reason Error, restarted at once; other pods untouched', () => {
  const c = new Cluster({ seed: 3 });
  c.client().create(bare('web', { image: 'nginx:1.27' }));
  c.client().create(bare('db', { image: 'nginx:1.27' }));
  c.faults.containerCrash(WEB, 3, { atMs: 30_000 });
  c.sim.advance(31_000);
  // 30s: the PLEG relist sees the exit, the sync restarts at once; 31s: the relist reports it running.
  assert.equal(status(c).restartCount, 1);
  assert.deepEqual([status(c).lastState?.terminated?.exitCode, status(c).lastState?.terminated?.reason], [3, 'Error']);
  assert.equal(status(c, 'db').restartCount, 0);
  const [r] = c.annotations.faults;
  assert.deepEqual([r!.name, r!.startMs, r!.healMs], ['container-crash', 30_000, 30_000]);
  assert.deepEqual(c.nodeNames.map(n => c.kubelet(n).runtime.startHooks.length), [0, 0, 0], 'the wrapper is gone after the instant');
});

test('a crash window: restarts within it die too (CrashLoopBackOff); after it the container stays up', () => {
  const c = new Cluster({ seed: 3 });
  c.client().create(bare('web', { image: 'nginx:1.27' }));
  c.faults.containerCrash(WEB, 1, { atMs: 30_000, durationMs: 60_000 });
  c.sim.advance(300_000);
  assert.ok(podVersions(c, 'web').some(v => v.object.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff'));
  assert.ok(status(c).state?.running, 'running after the window');
  assert.ok(status(c).restartCount >= 3);
  assert.equal(readyCondition(c.store.get('Pod', 'default', 'web') as Pod), 'True');
});

test('OOM kill: exit 137, reason OOMKilled', () => {
  const c = new Cluster({ seed: 3 });
  c.client().create(bare('web', { image: 'nginx:1.27' }));
  c.faults.oomKill(WEB, { atMs: 30_000 });
  c.sim.advance(30_000);
  assert.deepEqual([status(c).state?.terminated?.exitCode, status(c).state?.terminated?.reason], [137, 'OOMKilled']);
});

test('readiness probes failing for a window: not Ready after failureThreshold failures, Ready at the first success after', () => {
  const c = new Cluster({ seed: 3 });
  c.client().create(bare('web', { image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 } }));
  c.faults.probeFailures(WEB, 'readiness', { atMs: 30_000, durationMs: 30_000 });
  c.sim.advance(100_000);
  // Probes at 2s + 5s·k: failures at 32s, 37s, 42s (threshold 3); after the heal at 60s, success at 62s.
  const flips = podVersions(c, 'web').map(v => [v.atMs, readyCondition(v.object)]).filter(([, r], i, all) => i === 0 || r !== all[i - 1]![1]);
  assert.deepEqual(flips.slice(-2), [[42_000, 'False'], [62_000, 'True']]);
  assert.equal(eventWrites(c, 'web', 'Unhealthy')[0]!.object.message, 'Readiness probe failed: HTTP probe failed with statuscode: 503');
  assert.deepEqual(c.nodeNames.map(n => c.kubelet(n).probeInterceptors.length), [0, 0, 0]);
});

test('image pulls failing for a window: ErrImagePull with containerd\'s NotFound, running once pulls work', () => {
  const c = new Cluster({ seed: 3 });
  c.client().create(bare('web', { image: 'nginx:1.28' }));
  c.faults.imagePullFailures('docker.io/library/nginx:1.28', { atMs: 0, durationMs: 60_000 });
  c.sim.advance(1_000);
  assert.equal(status(c).state?.waiting?.reason, 'ErrImagePull');
  assert.equal(status(c).state?.waiting?.message, 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.28": failed to resolve reference "docker.io/library/nginx:1.28": docker.io/library/nginx:1.28: not found');
  c.sim.advance(120_000);
  assert.ok(status(c).state?.running);
  assert.deepEqual(c.nodeNames.map(n => c.kubelet(n).images.pullInterceptors.length), [0, 0, 0]);
});

test('a workload target reaches its pods through their ReplicaSet', () => {
  const c = new Cluster({ seed: 3 });
  c.client().create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
    spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } } });
  c.client().create(bare('other', { image: 'nginx:1.27' }));
  c.sim.advance(1_000);
  const matches = podMatcher(c.store, { kind: 'Deployment', namespace: 'default', name: 'web' });
  const hit = c.store.list('Pod', 'default').filter(p => matches(p.metadata.uid)).map(p => p.metadata.name);
  assert.equal(hit.length, 1);
  assert.match(hit[0]!, /^web-[a-z0-9]+-[a-z0-9]{5}$/);
});

test('node crash, partition, kubelet restart and scheduler outage are recorded with their start and heal', () => {
  const c = new Cluster({ seed: 3 });
  c.faults.nodeCrash('node01', { atMs: 1_000, durationMs: 10_000 });
  c.faults.nodePartition('node02', { atMs: 2_000, durationMs: 10_000 });
  c.faults.kubeletRestart('node03', { atMs: 3_000 });
  c.faults.schedulerDown({ atMs: 4_000, durationMs: 1_000 });
  c.sim.advance(4_500);
  assert.deepEqual([c.kubelet('node01').running, c.kubelet('node02').connected, c.kubelet('node03').running, c.scheduler.running], [false, false, true, false]);
  c.sim.advance(10_000);
  assert.deepEqual([c.kubelet('node01').running, c.kubelet('node02').connected, c.scheduler.running], [true, true, true]);
  assert.deepEqual(c.annotations.faults.map(f => [f.name, f.target, f.startMs, f.healMs]), [
    ['node-crash', 'node/node01', 1_000, 11_000], ['network-partition', 'node/node02', 2_000, 12_000],
    ['kubelet-restart', 'node/node03', 3_000, 3_000], ['scheduler-down', 'kube-scheduler', 4_000, 5_000],
  ]);
});

test('a fault planned for now is in force at once; healStarted heals only what has started', () => {
  const c = new Cluster({ seed: 3 });
  c.faults.schedulerDown({ atMs: 0, note: 'start drawn between 0s and 0s' });
  assert.equal(c.scheduler.running, false);
  c.faults.nodeCrash('node01', { atMs: 60_000 });
  c.faults.healStarted();
  assert.equal(c.scheduler.running, true);
  c.sim.advance(60_000);
  assert.equal(c.kubelet('node01').running, false, 'the later fault still happens');
  assert.equal(c.annotations.faults[0]!.detail, 'kube-scheduler stopped (start drawn between 0s and 0s)');
  assert.throws(() => c.faults.nodeCrash('node09', { atMs: 0 }), /no node named node09/);
});
