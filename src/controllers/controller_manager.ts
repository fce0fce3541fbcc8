// kube-controller-manager: builds each controller with shared informers, a queue and a runner,
// starts them together, and can be stopped and restarted. A restart loses everything held in
// memory — caches, queues, expectations, rate limiters — exactly what a real restart loses.
import type { Simulation } from '../sim/simulation';
import type { ApiServer } from '../api/apiserver';
import { Client, ClientRateLimiter } from '../api/client';
import { EventCorrelator, EventRecorder } from '../api/events';
import { InformerFactory } from './informer';
import { Runner, type Reconciler, type ReconcileError } from './runner';
import type { WorkQueue } from './workqueue';

/** kube-controller-manager's client defaults, --kube-api-qps / --kube-api-burst
 * (staging/src/k8s.io/controller-manager/config/v1alpha1/defaults.go: QPS 20, Burst 30). */
export const KCM_API_QPS = 20;
export const KCM_API_BURST = 30;

export interface ControllerContext {
  sim: Simulation;
  informers: InformerFactory;
  /** The controller's queue; event handlers put keys on it, the runner takes them off. */
  queue: WorkQueue;
  /** A client whose writes are recorded as this controller's. */
  client: Client;
  recorder: EventRecorder;
}

export interface ControllerDefinition {
  /** e.g. "replicaset-controller": queue name, actor, and event source component. */
  name: string;
  /** The events' source component when it differs from the name (node-lifecycle-controller records as "node-controller"). */
  eventSource?: string;
  maxRetries?: number;
  create(ctx: ControllerContext): Reconciler;
}

export class ControllerManager {
  running = false;
  private informers: InformerFactory | undefined;
  private runners: Runner[] = [];
  private readonly pastErrors: ReconcileError[] = [];

  constructor(private readonly sim: Simulation, private readonly api: ApiServer, private readonly correlator: EventCorrelator,
    readonly definitions: ControllerDefinition[]) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    const informers = (this.informers = new InformerFactory(this.sim, this.api, 'kube-controller-manager'));
    this.runners = this.definitions.map(def => {
      // Each controller has its own client with kube-controller-manager's --kube-api-qps=20 --kube-api-burst=30.
      const limiter = new ClientRateLimiter(() => this.sim.nowMs, KCM_API_QPS, KCM_API_BURST);
      const runner = new Runner(this.sim, { name: def.name, maxRetries: def.maxRetries,
        throttleMs: () => Math.max(limiter.delayMs(), this.api.callerDelayMs(def.name)) });
      runner.bind(def.create({
        sim: this.sim, informers, queue: runner.queue,
        client: new Client(this.api, def.name, limiter),
        recorder: new EventRecorder(this.api, { component: def.eventSource ?? def.name }, this.correlator, limiter),
      }));
      return runner;
    });
    informers.start();
  }

  /** Stops every controller; in-memory state is dropped. */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.informers?.stop();
    for (const r of this.runners) {
      r.stop();
      this.pastErrors.push(...r.errors);
    }
    this.runners = [];
    this.informers = undefined;
  }

  restart(): void {
    this.stop();
    this.start();
  }

  /** Every informer the running manager holds (faults drop their watches). */
  get informerFactory(): InformerFactory | undefined {
    return this.informers;
  }

  /** Sync errors so far (retried by the runners), oldest first. */
  get errors(): ReconcileError[] {
    return [...this.pastErrors, ...this.runners.flatMap(r => r.errors)].sort((a, b) => a.atMs - b.atMs);
  }
}
