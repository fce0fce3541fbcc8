// Faults as data, applied at exact virtual instants and healed on purpose: each fault is a record
// in the log plus an apply step that installs a wrapper (an API interceptor, a watch delay, a
// stopped component) and a heal step that removes it. Nothing inside a controller, kubelet or the
// API server checks for faults. Chance (which requests fail) comes from seeded streams.
import type { Cluster } from '../cluster/cluster';
import type { FaultRecord } from '../report/annotations';
import { describeMatch, injectErrors, injectLatency, type RequestMatch } from './api_faults';
import { formatDuration } from '../sim/time';
import { describeTarget, failProbes, failPulls, killContainers, type PodTarget } from './workload_faults';
import type { ProbeType } from '../kubelet/prober';

export type { PodTarget } from './workload_faults';

/**
 * When a fault starts (absolute virtual ms) and, optionally, how long it lasts; `note` says how the
 * start was chosen when a scenario let the seed draw it (`drawn between 10s and 1m`).
 */
export interface FaultWindow { atMs: number; durationMs?: number; note?: string }

/** A planned fault: its record once applied (in cluster.annotations.faults), and a way to heal it early. */
export interface FaultHandle { readonly record: FaultRecord | undefined; heal(): void }

/** Components that can lose their watches (drop) and catch up by listing again (relist). */
export interface Relister { drop(): void; relist(): void }

export class Faults {
  private readonly relisters = new Map<string, Relister>();
  /** Every fault planned, in order. */
  readonly planned: FaultHandle[] = [];

  constructor(private readonly cluster: Cluster) {
    const informers = () => cluster.controllerManager.informerFactory?.all() ?? [];
    this.registerRelister('kube-controller-manager', {
      drop: () => { for (const inf of informers()) inf.stop(); },
      relist: () => { for (const inf of informers()) inf.relist(); },
    });
  }

  registerRelister(watcher: string, relist: Relister): void {
    this.relisters.set(watcher, relist);
  }

  /** Applies the fault at window.atMs (now, if that is now) and, with a duration, heals it after; returns a handle to heal by hand. */
  plan(kind: string, target: string, description: string, window: FaultWindow, apply: () => () => void): FaultHandle {
    const sim = this.cluster.sim;
    const notes = this.cluster.annotations;
    let record: FaultRecord | undefined;
    let undo: (() => void) | undefined;
    let healed = false;
    const heal = (): void => {
      if (healed) return;
      healed = true;
      if (record) notes.faultHealed(record);
      undo?.();
    };
    const detail = window.note ? `${description} (${window.note})` : description;
    const start = (): void => {
      if (healed) return;
      record = notes.faultStarted(kind, { target, detail });
      undo = apply();
    };
    // A fault planned for the current instant is in force at once: what the scenario does next
    // (a write in the same step sequence) already meets it.
    if (window.atMs <= sim.nowMs) start();
    else sim.scheduleAt(window.atMs, `fault: ${kind} ${target}`, start);
    if (window.durationMs !== undefined) sim.scheduleAt(window.atMs + window.durationMs, `fault: heal ${kind} ${target}`, heal);
    const handle = { get record() { return record; }, heal };
    this.planned.push(handle);
    return handle;
  }

  /** Heals every fault that has started and not healed yet (faults planned for later still happen). */
  healStarted(): void {
    for (const h of this.planned) if (h.record && h.record.healMs === undefined) h.heal();
  }

  apiErrors(match: RequestMatch, code: number, window: FaultWindow): FaultHandle {
    const stream = this.cluster.sim.random.stream('faults/api-errors');
    return this.plan('api-errors', describeMatch(match), `${code} errors on ${describeMatch(match)}`, window,
      () => injectErrors(this.cluster.api, stream, match, code));
  }

  apiLatency(match: RequestMatch, latencyMs: number, window: FaultWindow): FaultHandle {
    const stream = this.cluster.sim.random.stream('faults/api-latency');
    return this.plan('api-latency', describeMatch(match), `${formatDuration(latencyMs)} latency on ${describeMatch(match)}`, window,
      () => injectLatency(this.cluster.api, stream, match, latencyMs));
  }

  /** Holds back every watch event a component receives by delayMs (deliveries keep their order). */
  watchDelay(watcher: string, delayMs: number, window: FaultWindow): FaultHandle {
    const hub = this.cluster.store.watches;
    return this.plan('watch-delay', watcher, `watch events to ${watcher} delayed by ${formatDuration(delayMs)}`, window, () => {
      const targets = hub.watchersOf(watcher);
      for (const w of targets) hub.setExtraDelay(w, w.extraDelayMs + delayMs);
      return () => { for (const w of targets) hub.setExtraDelay(w, Math.max(0, w.extraDelayMs - delayMs)); };
    });
  }

  /**
   * The component's watches break at window.atMs; events in the gap are lost; after the gap
   * (default 1 s, the reflector's back-off) it lists again and catches up on what changed.
   */
  dropWatches(watcher: string, window: FaultWindow): FaultHandle {
    const r = this.relisters.get(watcher);
    if (!r) throw new Error(`no component named ${watcher} can lose its watches (known: ${[...this.relisters.keys()].join(', ')})`);
    return this.plan('watch-dropped', watcher, `${watcher} lost its watches`, { atMs: window.atMs, durationMs: window.durationMs ?? 1000 }, () => {
      r.drop();
      return () => r.relist();
    });
  }

  /** kube-controller-manager is down for the window; it comes back with empty caches and queues. */
  controllerManagerDown(window: FaultWindow): FaultHandle {
    const kcm = this.cluster.controllerManager;
    return this.plan('controller-manager-down', 'kube-controller-manager', 'kube-controller-manager stopped', window, () => {
      kcm.stop();
      return () => kcm.start();
    });
  }

  /** kube-controller-manager restarts at window.atMs (or at atMs), losing its in-memory state. */
  controllerManagerRestart(at: number | FaultWindow): FaultHandle {
    const kcm = this.cluster.controllerManager;
    const window = typeof at === 'number' ? { atMs: at } : at;
    return this.plan('controller-manager-restart', 'kube-controller-manager', 'kube-controller-manager restarted', { ...window, durationMs: 0 }, () => {
      kcm.restart();
      return () => {};
    });
  }

  /** A mutating admission webhook that rewrites the labels of new objects of these kinds. */
  relabelWebhook(name: string, kinds: string[], labels: Record<string, string>, window: FaultWindow): FaultHandle {
    const hooks = this.cluster.api.admission.mutating;
    const text = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
    return this.plan('admission-relabel', name, `webhook ${name} rewrites ${kinds.join('/')} labels to ${text}`, window, () => {
      const hook = { name, kinds, operations: ['CREATE' as const], mutate: (r: { object: { metadata: { labels?: Record<string, string> } } }) => { r.object.metadata.labels = { ...labels }; } };
      hooks.push(hook);
      return () => { const i = hooks.indexOf(hook); if (i >= 0) hooks.splice(i, 1); };
    });
  }

  /** Kind validation off for the window (objects the API would reject get in). */
  validationOff(window: FaultWindow): FaultHandle {
    const api = this.cluster.api;
    return this.plan('validation-off', 'kube-apiserver', 'object validation switched off', window, () => {
      api.validation = false;
      return () => { api.validation = true; };
    });
  }

  /**
   * The node crashes: its kubelet stops, every container and sandbox is gone, heartbeats stop. With a
   * duration it boots again: the kubelet starts with empty memory and runs its pods afresh.
   */
  nodeCrash(node: string, window: FaultWindow): FaultHandle {
    const c = this.cluster;
    c.kubelet(node);
    return this.plan('node-crash', `node/${node}`, `node ${node} crashed`, window, () => {
      c.crashNode(node);
      return () => c.startKubelet(node);
    });
  }

  /** A network partition: the node's kubelet cannot reach the API server; its containers keep running. */
  nodePartition(node: string, window: FaultWindow): FaultHandle {
    const c = this.cluster;
    c.kubelet(node);
    return this.plan('network-partition', `node/${node}`, `node ${node} cut off from the API server`, window, () => {
      c.partitionNode(node);
      return () => c.healNode(node);
    });
  }

  /** The kubelet process is down for the window (containers keep running), then starts with empty memory. */
  kubeletDown(node: string, window: FaultWindow): FaultHandle {
    const c = this.cluster;
    c.kubelet(node);
    return this.plan('kubelet-down', `node/${node}`, `kubelet on ${node} stopped`, window, () => {
      c.stopKubelet(node);
      return () => c.startKubelet(node);
    });
  }

  /** The kubelet restarts at atMs: memory lost (probe results, back-offs, caches); containers keep running. */
  kubeletRestart(node: string, window: FaultWindow): FaultHandle {
    const c = this.cluster;
    c.kubelet(node);
    return this.plan('kubelet-restart', `node/${node}`, `kubelet on ${node} restarted`, { ...window, durationMs: 0 }, () => {
      c.stopKubelet(node);
      c.startKubelet(node);
      return () => {};
    });
  }

  /** kube-scheduler is down for the window: new pods stay Pending; back up, it schedules them. */
  schedulerDown(window: FaultWindow): FaultHandle {
    const scheduler = this.cluster.scheduler;
    return this.plan('scheduler-down', 'kube-scheduler', 'kube-scheduler stopped', window, () => {
      scheduler.stop();
      return () => scheduler.start();
    });
  }

  /**
   * The target's running containers exit with this code at window.atMs (containerd's reason: Error,
   * or Completed for 0). With a duration, every instance that starts within the window exits at once too.
   */
  containerCrash(target: PodTarget, exitCode: number, window: FaultWindow): FaultHandle {
    const reason = exitCode === 0 ? 'Completed' : 'Error';
    return this.plan('container-crash', describeTarget(target), `${describeTarget(target)} exits with code ${exitCode}`,
      { ...window, durationMs: window.durationMs ?? 0 }, () => killContainers(this.cluster, target, exitCode, reason, () => 0));
  }

  /**
   * The OOM killer ends the target's running containers (exit 137, OOMKilled) at window.atMs; with a
   * duration, every instance that starts within the window is killed when its working set is reached
   * (the image's oomAfter, 1 s by default).
   */
  oomKill(target: PodTarget, window: FaultWindow): FaultHandle {
    return this.plan('oom-killed', describeTarget(target), `${describeTarget(target)} OOMKilled`,
      { ...window, durationMs: window.durationMs ?? 0 }, () => killContainers(this.cluster, target, 137, 'OOMKilled', inst => inst.profile.oomAfterMs));
  }

  /** Every probe of this type on the target fails during the window, whatever the image would answer. */
  probeFailures(target: PodTarget, type: ProbeType, window: FaultWindow): FaultHandle {
    return this.plan('probe-failures', describeTarget(target), `${type} probes of ${describeTarget(target)} fail`, window,
      () => failProbes(this.cluster, target, type));
  }

  /** Pulls of the image fail on every node during the window (the registry does not have it yet). */
  imagePullFailures(image: string, window: FaultWindow): FaultHandle {
    return this.plan('image-pull-failures', image, `pulls of ${image} fail: not found`, window, () => failPulls(this.cluster, image));
  }
}
