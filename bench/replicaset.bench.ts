// ReplicaSet throughput: one ReplicaSet of 10,000 replicas on 100 nodes, from creation until every
// replica is available, then scaled down to 0 until every pod is gone — the whole path (ReplicaSet
// controller at 20 qps, kube-scheduler, kubelets, events). Also run at 2,500 replicas: the wall-time
// ratio shows how cost grows with n (4.0 = linear; a scan per pod would show as ~16).
import { performance } from 'node:perf_hooks';
import { Cluster } from '../src/cluster/cluster';
import { inFreshProcesses, median, report } from './report';

interface Run { upS: number; upCpuS: number; upVirtualS: number; downS: number; downCpuS: number; downVirtualS: number }

const cpuS = (since: NodeJS.CpuUsage): number => { const u = process.cpuUsage(since); return (u.user + u.system) / 1e6; };

function run(replicas: number, nodes: number): Run {
  const c = new Cluster({
    seed: 1, limits: { maxEventsPerAdvance: 50_000_000, maxObjects: 2_000_000 },
    nodes: Array.from({ length: nodes }, (_, i) => ({ name: `node${String(i + 1).padStart(3, '0')}`, cpu: '32', memory: '128Gi', pods: 110 })),
  });
  let pods = 0;
  // The end conditions read the ReplicaSet and the pod count: they are checked after writes that change either.
  let setWritten = true;
  c.store.history.onAppend(r => {
    if (r.kind === 'Pod' && r.type !== 'MODIFIED') { pods += r.type === 'ADDED' ? 1 : -1; setWritten = true; }
    else if (r.kind === 'ReplicaSet') setWritten = true;
  });
  const setChanged = (): boolean => { const w = setWritten; setWritten = false; return w; };
  const k = c.client('bench');
  const status = () => c.store.get('ReplicaSet', 'default', 'web')?.status ?? {};
  let t0 = performance.now();
  let cpu0 = process.cpuUsage();
  let v0 = c.sim.nowMs;
  k.create({
    apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'example.com/app:1' }] } } },
  });
  if (!c.sim.runUntil(() => setChanged() && status().availableReplicas === replicas, v0 + 24 * 3600_000)) throw new Error(`${replicas} replicas never became available`);
  const up = { upS: (performance.now() - t0) / 1000, upCpuS: cpuS(cpu0), upVirtualS: (c.sim.nowMs - v0) / 1000 };
  t0 = performance.now();
  cpu0 = process.cpuUsage();
  v0 = c.sim.nowMs;
  k.mutate('ReplicaSet', 'default', 'web', d => { d.spec.replicas = 0; });
  const gone = () => setChanged() && pods === 0 && status().replicas === 0;
  if (!c.sim.runUntil(gone, v0 + 24 * 3600_000)) throw new Error('the replicas were never all gone');
  return { ...up, downS: (performance.now() - t0) / 1000, downCpuS: cpuS(cpu0), downVirtualS: (c.sim.nowMs - v0) / 1000 };
}

/** A run after a full collection, so one run's garbage is not collected during the next. */
function measured(replicas: number, nodes: number): Run {
  (globalThis as { gc?: () => void }).gc?.();
  return run(replicas, nodes);
}

// Each measured process: a warm-up run, 2,500 replicas, then 10,000. Three processes; each figure
// quotes the median of the three (the machine is shared and noisy).
const runs = inFreshProcesses(3, () => {
  run(500, 100); // warm-up
  return { small: measured(2_500, 100), big: measured(10_000, 100) };
});
if (runs) {
  const mid = (pick: (r: { small: Run; big: Run }) => number): number => median(runs.map(r => pick(r.result)));
  report({ name: 'replicaset 10,000 replicas / 100 nodes: created -> all available (wall; median of 3 processes)', value: +mid(r => r.big.upS).toFixed(2), unit: 's', goal: '< 2' });
  report({ name: 'same: CPU time (user + system, all threads)', value: +mid(r => r.big.upCpuS).toFixed(2), unit: 's', goal: 'report' });
  report({ name: 'same: virtual duration', value: mid(r => r.big.upVirtualS), unit: 's (virtual)', goal: 'report' });
  report({ name: 'replicaset scale-down 10,000 -> 0: until every pod is gone (wall; median of 3 processes)', value: +mid(r => r.big.downS).toFixed(2), unit: 's', goal: '< 2' });
  report({ name: 'same: CPU time (user + system, all threads)', value: +mid(r => r.big.downCpuS).toFixed(2), unit: 's', goal: 'report' });
  report({ name: 'same: virtual duration', value: mid(r => r.big.downVirtualS), unit: 's (virtual)', goal: 'report' });
  report({ name: 'replicaset cost growth 2,500 -> 10,000 replicas, scale-up (wall ratio; 4.0 = linear)', value: +mid(r => r.big.upS / r.small.upS).toFixed(2), unit: 'x', goal: '~4' });
  report({ name: 'replicaset cost growth 2,500 -> 10,000 replicas, scale-down (wall ratio; 4.0 = linear)', value: +mid(r => r.big.downS / r.small.downS).toFixed(2), unit: 'x', goal: '~4' });
  report({ name: 'replicaset bench: peak RSS (largest of the processes)', value: Math.max(...runs.map(r => r.peakRssMb)), unit: 'MB', goal: 'report' });
}
