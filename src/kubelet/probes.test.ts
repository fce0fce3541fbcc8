import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Simulation } from '../sim/simulation';
import type { Pod, PodStatus, Probe, Stored } from '../api/objects';
import { ProbeManager, type ProbeHost, type ProbeResult } from './probes';
import { defaultProfile, type ImageProfile } from './image_catalogue';
import type { ProbeType } from './prober';

interface Rig { sim: Simulation; manager: ProbeManager; results: string[]; setStatus(s: PodStatus): void; pod: Stored<Pod> }

/** A probe manager over a fake kubelet: one container whose status the test sets; every probe run is recorded. */
function rig(probe: { readiness?: Probe; liveness?: Probe; startup?: Probe }, profile: ImageProfile = defaultProfile('x'), kubeletStartMs = -Infinity): Rig {
  const sim = new Simulation(1);
  let status: PodStatus | undefined;
  const results: string[] = [];
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: 'x' },
    spec: { restartPolicy: 'Always', containers: [{ name: 'c', image: 'x', readinessProbe: probe.readiness, livenessProbe: probe.liveness, startupProbe: probe.startup }] } } as Stored<Pod>;
  const host: ProbeHost = {
    sim, kubeletStartMs, random: () => 0.5,
    statusOf: () => status,
    profileOf: () => ({ ...profile, permissive: false, http: [{ port: 80, path: '*', status: 200, fromMs: 0, untilMs: Infinity }] }),
    startedAtMs: () => (status?.containerStatuses?.[0]?.state?.running ? startedAt : undefined),
    onResult: (_p, type: ProbeType, _id, r: ProbeResult) => results.push(`${sim.nowMs} ${type}=${r}`),
    unhealthy: () => {},
  };
  let startedAt = 0;
  const manager = new ProbeManager(host);
  return {
    sim, manager, results, pod,
    setStatus(s: PodStatus) { status = s; const r = s.containerStatuses?.[0]?.state?.running; if (r) startedAt = sim.nowMs; },
  };
}

const http: Probe = { httpGet: { path: '/', port: 80 }, periodSeconds: 10, failureThreshold: 3, successThreshold: 1, timeoutSeconds: 1 };
const runningStatus = (id = 'containerd://a', started = true): PodStatus => ({ phase: 'Running', podIP: '10.0.0.1',
  containerStatuses: [{ name: 'c', containerID: id, state: { running: { startedAt: 'x' } }, ready: false, restartCount: 0, image: 'x', imageID: '', started }] });

test('readiness: the seed template (initialDelaySeconds 15) is probed for real only at the tick 21 s after the last reset', () => {
  const r = rig({ readiness: { ...http, initialDelaySeconds: 15 } });
  r.manager.addPod(r.pod);            // t=0: SyncPod adds the worker before the container starts; it probes at once (no container yet)
  r.sim.advance(1000);
  r.setStatus(runningStatus());       // t=1 s: the container runs
  r.manager.updatePodStatus(r.pod, runningStatus()); // the PLEG sync at 1 s: not ready → manual run, ticker reset to 11 s, 21 s, …
  r.manager.flushTriggers();
  assert.deepEqual(r.results, ['1000 readiness=Failure']); // the initial result for a new container
  r.sim.advance(1000);
  r.manager.updatePodStatus(r.pod, runningStatus()); // the sync the result change caused, at the next relist (2 s): reset again
  r.manager.flushTriggers();
  // Ticks at 12 s (int32(11) < 15: skipped) and 22 s (int32(21) >= 15: probed, success → Success).
  r.sim.advance(19_999);
  assert.deepEqual(r.results, ['1000 readiness=Failure']);
  r.sim.advance(1);
  assert.deepEqual(r.results, ['1000 readiness=Failure', '22000 readiness=Success']);
});

test('without manual runs the ticker keeps its phase from the worker start; initialDelaySeconds truncates seconds', () => {
  const r = rig({ liveness: { ...http, periodSeconds: 1, initialDelaySeconds: 5 } }, defaultProfile('x'));
  r.manager.addPod(r.pod);                 // worker at t=0, ticks every second
  r.sim.advance(1500);
  r.setStatus(runningStatus());           // started at 1.5 s
  r.sim.advance(500);                     // tick at 2 s sees the container: initial liveness Success
  assert.deepEqual(r.results, ['2000 liveness=Success']);
  // At 6 s: int32(4.5) = 4 < 5 → skipped; at 7 s: int32(5.5) = 5 → probed (success: no change, no update).
  const w = r.manager.worker('u', 'c', 'liveness')!;
  r.sim.advance(4000);
  assert.equal(w.lastResult, undefined);
  r.sim.advance(1000);
  assert.equal(w.lastResult, 'Success');
});

test('failureThreshold consecutive failures before Failure; a failed liveness worker holds until a new container', () => {
  const failing = { ...defaultProfile('x') };
  const r = rig({ liveness: { ...http, periodSeconds: 1 } });
  r.manager.addPod(r.pod);
  r.setStatus(runningStatus());
  // Make the image answer 500 from now on.
  const host = (r.manager as unknown as { host: ProbeHost }).host;
  host.profileOf = () => ({ ...failing, permissive: false, http: [{ port: 80, path: '*', status: 500, fromMs: 0, untilMs: Infinity }] });
  r.sim.advance(0);
  assert.deepEqual(r.results, ['0 liveness=Success']);
  r.sim.advance(2000);                     // failures at 0, 1 and 2 s: the third reports Failure
  assert.deepEqual(r.results, ['0 liveness=Success', '2000 liveness=Failure']);
  const w = r.manager.worker('u', 'c', 'liveness')!;
  assert.equal(w.onHold, true);
  r.sim.advance(5000);
  assert.equal(r.results.length, 2);       // on hold: no more runs
  r.setStatus(runningStatus('containerd://b'));
  r.sim.advance(1000);                     // a new container: initial Success again
  assert.deepEqual(r.results.slice(2), ['8000 liveness=Success']);
});

test('startup Unknown until it succeeds, then the worker holds; liveness and readiness wait for started', () => {
  const r = rig({ startup: { ...http, periodSeconds: 1 }, readiness: { ...http, periodSeconds: 1 } });
  r.manager.addPod(r.pod);
  r.setStatus(runningStatus('containerd://a', false));
  r.sim.advance(0);
  assert.ok(r.results.includes('0 startup=Success'));
  assert.ok(r.results.includes('0 readiness=Failure'));
  assert.equal(r.manager.worker('u', 'c', 'startup')!.onHold, true);
});

test('a kubelet that just started spreads its workers over a random part of the period', () => {
  const r = rig({ readiness: { ...http, periodSeconds: 10 } }, defaultProfile('x'), 0);
  r.manager.addPod(r.pod);
  r.setStatus(runningStatus());
  r.sim.advance(4999);
  assert.deepEqual(r.results, []);       // random 0.5 × 10 s = 5 s before the first run
  r.sim.advance(1);
  assert.deepEqual(r.results, ['5000 readiness=Failure', '5000 readiness=Success']);
});
