// Code-level scenarios for the kubelet's pod lifecycle. Each expected instant is derived beside it
// from upstream's rules (see the file headers of probes.ts, pod_workers.ts, pleg.ts, volumes.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { bare, eventWrites, firstWhen, podVersions, readyCondition } from './scenario_support';
import { parseRfc3339 } from '../sim/time';
import type { Pod } from '../api/objects';

test('a pod with an image the catalogue does not name runs from t=1 s', () => {
  const c = new Cluster({ seed: 11 });
  c.client().create(bare('plain', { image: 'example.com/team/app:3' }));
  c.sim.advance(5000);
  // t=0: scheduled and bound (0 s), the kubelet syncs: Pending/ContainerCreating, Pulling.
  // t=1 s: the default profile pulls in 1 s and starts at once; the PLEG relist at 1 s sees it: Running.
  const v = podVersions(c, 'plain');
  const running = v.find(x => x.object.status?.phase === 'Running')!;
  assert.equal(running.atMs, 1000);
  assert.equal(running.object.status?.containerStatuses?.[0]?.state?.running?.startedAt, '2025-01-01T00:00:01Z');
  // No readiness probe: ready as soon as it runs.
  assert.equal(readyCondition(running.object), 'True');
  assert.equal(v.filter(x => x.atMs < 1000 && x.actor.startsWith('kubelet/')).every(x => x.object.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'ContainerCreating'), true);
});

test("the seed's pod template (readiness initialDelaySeconds 15, liveness 5) becomes Ready at t=22 s", () => {
  const c = new Cluster({ seed: 12 });
  c.client().create(bare('replicaset-demo-x', {
    image: 'ikubernetes/demoapp:v1.0', ports: [{ name: 'http', containerPort: 80 }],
    livenessProbe: { httpGet: { path: '/livez', port: 80 }, initialDelaySeconds: 5 },
    readinessProbe: { httpGet: { path: '/readyz', port: 80 }, initialDelaySeconds: 15 },
  }));
  c.sim.advance(30_000);
  // t=0   SyncPod writes Pending, adds the probe workers (kubelet started long ago: no jitter) — each
  //       probes at once (no container yet) and ticks every 10 s from t=0; demoapp pulls in 1 s.
  // t=1 s the container starts; the PLEG relist at 1 s triggers a sync: Running, not ready →
  //       UpdatePodStatus fires a manual readiness run: ticker reset (next ticks 11 s, 21 s … after 1 s),
  //       the run sees a new container and sets the initial result (Failure) — a result change.
  // t=2 s that change syncs the pod once the cache is fresh again (next relist, 2 s): still not ready →
  //       another manual run, ticker reset to 12 s, 22 s …; the run changes nothing, no more syncs.
  // t=12 s int32(12 - 1) = 11 < 15: skipped.  t=22 s int32(21) >= 15: probed, 200 → Success → Ready.
  assert.equal(firstWhen(c, 'replicaset-demo-x', p => p.status?.phase === 'Running'), 1000);
  const ready = firstWhen(c, 'replicaset-demo-x', p => readyCondition(p) === 'True');
  assert.equal(ready, 22_000);
  const cond = podVersions(c, 'replicaset-demo-x').at(-1)!.object.status?.conditions?.find(x => x.type === 'Ready');
  assert.equal(cond?.lastTransitionTime, '2025-01-01T00:00:22Z');
  assert.deepEqual(eventWrites(c, 'replicaset-demo-x', 'Unhealthy'), []);
});

test('a liveness-failing container restarts with back-off 10 s, 20 s, 40 s and shows CrashLoopBackOff in between', () => {
  const c = new Cluster({ seed: 13 });
  c.client().create(bare('unhealthy', { image: 'kukumber/unhealthy:v1',
    livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 1, failureThreshold: 1 } }));
  c.sim.advance(180_000);
  // Events stop after the spam filter's burst of 25 per pod, so the instants come from the pod's status:
  // each running instance's startedAt and, once replaced, its finishedAt in lastState (whole seconds here).
  const starts = new Map<number, number>();
  const exits = new Map<number, number>();
  for (const v of podVersions(c, 'unhealthy')) {
    const s = v.object.status?.containerStatuses?.[0];
    if (s?.state?.running) starts.set(s.restartCount, parseRfc3339(s.state.running.startedAt!)!);
    if (s?.lastState?.terminated) exits.set(s.restartCount - (s.state?.running ? 1 : 0), parseRfc3339(s.lastState.terminated.finishedAt!)!);
  }
  assert.equal(eventWrites(c, 'unhealthy', 'Killing')[0]!.object.message, 'Container app failed liveness probe, will be restarted');
  // Start at 1 s; the worker (ticking each second from 0) fails the first probe at 2 s → kill.
  // doBackOff looks at the pod status the sync started from: no exited instance yet → restart at once.
  assert.deepEqual([starts.get(0), exits.get(0), starts.get(1)], [1000, 2000, 2000]);
  // Second kill at 4 s: the exited instance (finished 2 s) has no back-off entry → Next arms 10 s, restart at once.
  assert.deepEqual([exits.get(1), starts.get(2)], [4000, 4000]);
  // Third kill at 6 s: now - 4 s < 10 s → CrashLoopBackOff; the pod worker retries 10–15 s after each
  // failed sync, on the 1 s sync tick, until 10 s after the exit have passed; then Next doubles.
  const backoffs = [10_000, 20_000, 40_000];
  backoffs.forEach((b, i) => {
    const exit = exits.get(2 + i)!;
    const restart = starts.get(3 + i)!;
    assert.ok(restart - exit >= b, `restart ${i + 3} came ${restart - exit} ms after the exit, back-off ${b}`);
    assert.ok(restart - exit <= b + 16_000, `restart ${i + 3} came ${restart - exit} ms after the exit (retries are ≤ 15 s apart, +1 s tick)`);
  });
  const waiting = podVersions(c, 'unhealthy').map(v => v.object.status?.containerStatuses?.[0]?.state?.waiting).filter(w => w?.reason === 'CrashLoopBackOff');
  const delays = [...new Set(waiting.map(w => /back-off (\S+) restarting/.exec(w!.message!)![1]))];
  assert.deepEqual(delays.slice(0, 3), ['10s', '20s', '40s']);
  assert.match(waiting[0]!.message!, /^back-off 10s restarting failed container=app pod=unhealthy_default\([0-9a-f-]{36}\)$/);
  const backOffEvent = eventWrites(c, 'unhealthy', 'BackOff')[0]!.object;
  assert.match(backOffEvent.message!, /^Back-off restarting failed container app in pod unhealthy_default\(/);
  assert.equal(backOffEvent.type, 'Warning');
});

test('a pod whose ConfigMap volume is missing stays ContainerCreating until the ConfigMap exists', () => {
  const c = new Cluster({ seed: 14 });
  const k = c.client();
  k.create(bare('snmp-exporter', {
    image: 'prom/snmp-exporter', ports: [{ containerPort: 9116 }], args: ['--config.file=/etc/snmp_exporter/snmp.yml'],
    volumeMounts: [{ name: 'config-volume', mountPath: '/etc/snmp_exporter' }],
  }, { volumes: [{ name: 'config-volume', configMap: { name: 'snmp-config' } }] }));
  c.sim.advance(30_000);
  k.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'snmp-config' }, data: { 'snmp.yml': 'version: 2c\n' } });
  c.sim.advance(30_000);
  // Mount attempts on the 100 ms reconciler loop, strictly after 500 ms, 1 s, 2 s, 4 s, 8 s, 16 s of back-off:
  // 0, 0.6, 1.7, 3.8, 7.9, 16.0 s fail (FailedMount each), 32.1 s succeeds (the ConfigMap came at 30 s).
  const failed = eventWrites(c, 'snmp-exporter', 'FailedMount');
  assert.deepEqual(failed.map(e => e.atMs), [0, 600, 1700, 3800, 7900, 16_000]);
  assert.equal(failed.at(-1)!.object.count, 6);
  assert.equal(failed[0]!.object.message, 'MountVolume.SetUp failed for volume "config-volume" : configmap "snmp-config" not found');
  assert.equal(failed[0]!.object.type, 'Warning');
  // SyncPod's WaitForAttachAndMount polls every 300 ms from 0: the poll at 32.1 s sees the mount; the
  // image (tag latest: policy Always) pulls in 1 s; the container starts at 33.1 s and the relist at 34 s reports it.
  assert.equal(eventWrites(c, 'snmp-exporter', 'Pulling')[0]!.atMs, 32_100);
  assert.equal(eventWrites(c, 'snmp-exporter', 'Started')[0]!.atMs, 33_100);
  const running = firstWhen(c, 'snmp-exporter', p => p.status?.phase === 'Running');
  assert.equal(running, 34_000);
  for (const v of podVersions(c, 'snmp-exporter').filter(x => x.actor.startsWith('kubelet/') && x.atMs < 34_000)) {
    assert.deepEqual(v.object.status?.containerStatuses?.[0]?.state, { waiting: { reason: 'ContainerCreating' } });
  }
});

test('graceful termination: SIGTERM, the grace period, SIGKILL; the kubelet deletes the pod with grace 0', () => {
  const c = new Cluster({ seed: 15 });
  const k = c.client();
  k.create(bare('prompt', { image: 'nginx:1.27' }));
  k.create(bare('stubborn', { image: 'kukumber/stubborn:v1' }));
  c.sim.advance(10_500);
  k.delete('Pod', 'default', 'prompt');
  k.delete('Pod', 'default', 'stubborn');
  c.sim.advance(60_000);
  // nginx exits 0 on SIGTERM at once: final status Succeeded at 10.5 s, then — once the PLEG refreshed the
  // cache after the terminating sync (relist at 11 s) — SyncTerminatedPod and the DELETE with grace 0.
  const prompt = podVersions(c, 'prompt');
  assert.equal(eventWrites(c, 'prompt', 'Killing')[0]!.object.message, 'Stopping container app');
  assert.equal(prompt.find(v => v.object.status?.phase === 'Succeeded')?.atMs, 10_500);
  const gone = prompt.at(-1)!;
  assert.deepEqual([gone.type, gone.atMs, gone.actor.startsWith('kubelet/')], ['DELETED', 11_000, true]);
  // The stubborn image ignores SIGTERM: SIGKILL after the 30 s grace (exit 137, Failed) at 40.5 s, DELETE at 41 s.
  const stubborn = podVersions(c, 'stubborn');
  const killed = stubborn.find(v => v.object.status?.phase === 'Failed')!;
  assert.equal(killed.atMs, 40_500);
  assert.equal(killed.object.status?.containerStatuses?.[0]?.state?.terminated?.exitCode, 137);
  assert.deepEqual([stubborn.at(-1)!.type, stubborn.at(-1)!.atMs], ['DELETED', 41_000]);
  // Until then kubectl shows Terminating: deletionTimestamp set, phase not terminal.
  const during = stubborn.filter(v => v.atMs >= 10_500 && v.atMs < 40_500);
  assert.ok(during.length > 0 && during.every(v => v.object.metadata.deletionTimestamp && v.object.status?.phase === 'Running'));
});

test('a missing image: ErrImagePull, then ImagePullBackOff with the back-off growing', () => {
  const c = new Cluster({ seed: 16 });
  c.client().create(bare('missing', { image: 'kukumber/does-not-exist:v1' }));
  c.sim.advance(120_000);
  const reasons = podVersions(c, 'missing').map(v => v.object.status?.containerStatuses?.[0]?.state?.waiting?.reason).filter(Boolean);
  assert.deepEqual([...new Set(reasons)], ['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff']);
  const pulls = eventWrites(c, 'missing', 'Pulling').map(e => e.atMs);
  // Pull attempts are gated by 10 s, 20 s, 40 s … since the last failure (each failure is 1 s after its pull starts).
  for (let i = 1; i < pulls.length; i++) assert.ok(pulls[i]! - (pulls[i - 1]! + 1000) >= 10_000 * 2 ** (i - 1));
  assert.match(eventWrites(c, 'missing', 'Failed')[0]!.object.message!, /^Failed to pull image "kukumber\/does-not-exist:v1": rpc error: code = NotFound/);
  assert.ok(eventWrites(c, 'missing', 'Failed').some(e => e.object.message === 'Error: ImagePullBackOff'));
});

test('init containers run one after another; the app containers wait in PodInitializing', () => {
  const c = new Cluster({ seed: 17 });
  c.client().create(bare('init', { image: 'nginx:1.27' }, {
    initContainers: [{ name: 'setup', image: 'busybox:1.36', command: ['sh', '-c', 'true'] }, { name: 'migrate', image: 'kukumber/complete:v1' }],
  }));
  c.sim.advance(20_000);
  // setup: pulled 1 s, an init container without an exit in its profile completes at once → 1 s;
  // migrate: started by the PLEG sync at 1 s, pulled 1 s → runs from 2 s, exits 0 after 5 s → 7 s;
  // app: started by the sync at 7 s, nginx pulls in 2 s → running at 9 s.
  const initialized = firstWhen(c, 'init', p => p.status?.conditions?.find(x => x.type === 'Initialized')?.status === 'True');
  assert.equal(initialized, 7000);
  assert.equal(firstWhen(c, 'init', p => p.status?.phase === 'Running'), 9000);
  const pending = podVersions(c, 'init').filter(v => v.actor.startsWith('kubelet/') && v.atMs < 9000);
  assert.ok(pending.every(v => v.object.status?.phase === 'Pending' && v.object.status.containerStatuses?.[0]?.state?.waiting?.reason === 'PodInitializing'));
  assert.equal(pending[0]!.object.status?.conditions?.find(x => x.type === 'Initialized')?.message, 'containers with incomplete status: [setup migrate]');
});

test('a crashed node boots again: its pods restart with a new sandbox and a counted restart; a stopped kubelet writes nothing', () => {
  const c = new Cluster({ seed: 18 });
  c.client().create(bare('web', { image: 'nginx:1.27' }, { nodeName: 'node01' }));
  c.sim.advance(20_000);
  const before = c.store.get('Pod', 'default', 'web') as Pod;
  c.crashNode('node01');
  c.sim.advance(30_000);
  assert.equal(c.store.history.records.filter(r => r.atMs > 20_000 && r.actor === 'kubelet/node01').length, 0);
  c.startKubelet('node01');
  c.sim.advance(10_000);
  // At boot (50 s) the container is gone: Terminated ContainerStatusUnknown (137), restart counted; the
  // sync starts it again (present image: no pull) in a new sandbox, and the relist at 51 s reports it.
  const v = podVersions(c, 'web').filter(x => x.atMs >= 50_000).map(x => x.object.status!.containerStatuses![0]!);
  assert.equal(v[0]!.state?.terminated?.reason, 'ContainerStatusUnknown');
  assert.equal(v.at(-1)!.state?.running?.startedAt, '2025-01-01T00:00:50Z');
  assert.equal(v.at(-1)!.restartCount, 1);
  const after = c.store.get('Pod', 'default', 'web') as Pod;
  assert.notEqual(after.status?.podIP, before.status?.podIP);
});
