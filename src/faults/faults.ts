// Faults as data, applied at exact virtual instants and healed on purpose: each fault is a record
// in the log plus an apply step that installs a wrapper (an API interceptor, a watch delay, a
// stopped component) and a heal step that removes it. Nothing inside a controller, kubelet or the
// API server checks for faults. Chance (which requests fail) comes from seeded streams.
import type { Cluster } from '../cluster/cluster';
import type { FaultRecord } from '../report/annotations';
import { describeMatch, injectErrors, injectLatency, type RequestMatch } from './api_faults';
import { formatDuration } from '../sim/time';

/** When a fault starts (absolute virtual ms) and, optionally, how long it lasts. */
export interface FaultWindow { atMs: number; durationMs?: number }

/** A planned fault: its record once applied (in cluster.annotations.faults), and a way to heal it early. */
export interface FaultHandle { readonly record: FaultRecord | undefined; heal(): void }

/** Components that can lose their watches (drop) and catch up by listing again (relist). */
export interface Relister { drop(): void; relist(): void }

export class Faults {
  private readonly relisters = new Map<string, Relister>();

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

  /** Schedules apply at window.atMs and, with a duration, heal after it; returns a handle to heal by hand. */
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
    sim.scheduleAt(window.atMs, `fault: ${kind} ${target}`, () => {
      if (healed) return;
      record = notes.faultStarted(kind, { target, detail: description });
      undo = apply();
    });
    if (window.durationMs !== undefined) sim.scheduleAt(window.atMs + window.durationMs, `fault: heal ${kind} ${target}`, heal);
    return { get record() { return record; }, heal };
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

  /** kube-controller-manager restarts at atMs, losing its in-memory state. */
  controllerManagerRestart(atMs: number): FaultHandle {
    const kcm = this.cluster.controllerManager;
    return this.plan('controller-manager-restart', 'kube-controller-manager', 'kube-controller-manager restarted', { atMs, durationMs: 0 }, () => {
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
}
