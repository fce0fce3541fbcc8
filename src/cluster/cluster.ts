// The composition root: one simulated cluster — the loop, the API server and its store, the
// control plane components and the nodes — wired together for one scenario. Everything a scenario
// touches hangs off a Cluster; two clusters share nothing.
import { Simulation, type SimulationLimits } from '../sim/simulation';
import { Store } from '../api/store';
import { ApiServer } from '../api/apiserver';
import { Client } from '../api/client';
import { EventCorrelator, EventRecorder } from '../api/events';
import { ControllerManager, type ControllerDefinition } from '../controllers/controller_manager';
import { DEFAULT_CONTROLLERS } from '../controllers/registry';
import { DEFAULT_RUNAWAY, RunawayDetector, type RunawayOptions } from './runaway';
import { Faults } from '../faults/faults';
import { Annotations } from '../report/annotations';

export interface ClusterOptions {
  seed?: number;
  limits?: Partial<SimulationLimits>;
  /** Delay between a write and its delivery to watchers (default 0). */
  watchLatencyMs?: number;
  /** Controllers kube-controller-manager runs (default: all kukumber has). */
  controllers?: ControllerDefinition[];
  /** When one owner's creations count as a runaway (default 500 within 60 s of virtual time). */
  runaway?: Partial<RunawayOptions>;
}

export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

export class Cluster {
  readonly sim: Simulation;
  readonly store: Store;
  readonly api: ApiServer;
  readonly correlator: EventCorrelator;
  readonly controllerManager: ControllerManager;
  readonly runaway: RunawayDetector;
  readonly faults: Faults;
  /** Marks and faults the scenario notes beside the history (for checks and timelines). */
  readonly annotations: Annotations;

  constructor(options: ClusterOptions = {}) {
    this.sim = new Simulation(options.seed ?? 1, options.limits);
    this.store = new Store(this.sim);
    this.store.watches.defaultLatencyMs = options.watchLatencyMs ?? 0;
    this.api = new ApiServer(this.sim, this.store);
    this.correlator = new EventCorrelator(this.sim);
    this.runaway = new RunawayDetector(this.sim, this.store, { ...DEFAULT_RUNAWAY, ...options.runaway });
    for (const name of SYSTEM_NAMESPACES) {
      this.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, { actor: 'kube-apiserver' });
    }
    this.controllerManager = new ControllerManager(this.sim, this.api, this.correlator,
      options.controllers ?? DEFAULT_CONTROLLERS);
    this.controllerManager.start();
    this.annotations = new Annotations(this.sim, this.store.history);
    this.faults = new Faults(this);
  }

  get seed(): number { return this.sim.seed; }

  /** A client whose writes the history records under `actor`. */
  client(actor = 'kubectl'): Client {
    return new Client(this.api, actor);
  }

  recorder(component: string, host?: string): EventRecorder {
    return new EventRecorder(this.api, { component, host }, this.correlator);
  }
}
