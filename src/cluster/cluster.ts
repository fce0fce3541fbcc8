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
import { bootstrapKubernetesService } from './bootstrap';
import { Kubelet } from '../kubelet/kubelet';
import type { NodeShape } from '../kubelet/node_status';
import { defaultCatalogue, ImageCatalogue } from '../kubelet/image_catalogue';
import { profileFromEntry } from '../kubelet/image_catalogue';
import { Scheduler, type SchedulerOptions } from '../scheduler/scheduler';
import { resolveFixture } from './fixtures';

export type { NodeShape } from '../kubelet/node_status';

/** The default cluster: three nodes of 4 CPUs, 16Gi and 110 pods. */
export const DEFAULT_NODES: NodeShape[] = ['node01', 'node02', 'node03'].map(name => ({ name, cpu: '4', memory: '16Gi', pods: 110 }));

export interface ClusterOptions {
  seed?: number;
  limits?: Partial<SimulationLimits>;
  /** Delay between a write and its delivery to watchers (default 0). */
  watchLatencyMs?: number;
  /** Controllers kube-controller-manager runs (default: all kukumber has). */
  controllers?: ControllerDefinition[];
  /** When one owner's creations count as a runaway (default 500 within 60 s of virtual time). */
  runaway?: Partial<RunawayOptions>;
  /** The nodes, each with a kubelet started long before the scenario (default: node01..node03). */
  nodes?: NodeShape[];
  /** Extra image catalogue files (paths as fixtures resolve them) or inline entries; later ones win. */
  images?: (string | Record<string, unknown>)[];
  /** kube-scheduler timing (scheduling and binding take 0 s by default); false: no scheduler runs. */
  scheduler?: SchedulerOptions | false;
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
  readonly scheduler: Scheduler;
  /** How images behave: fixtures/images.yaml plus the scenario's own entries. */
  readonly images: ImageCatalogue;
  private readonly kubelets = new Map<string, Kubelet>();

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
    bootstrapKubernetesService(this.api);
    this.images = defaultCatalogue();
    for (const source of options.images ?? []) {
      if (typeof source === 'string') this.images.addFile(resolveFixture(source), source);
      else this.images.add([profileFromEntry(source)]);
    }
    for (const shape of options.nodes ?? DEFAULT_NODES) this.addNode(shape, true);
    this.controllerManager = new ControllerManager(this.sim, this.api, this.correlator,
      options.controllers ?? DEFAULT_CONTROLLERS);
    this.controllerManager.start();
    this.scheduler = new Scheduler(this.sim, this.api, this.correlator, options.scheduler || {});
    if (options.scheduler !== false) this.scheduler.start();
    // Bootstrap settles before the scenario starts: informers sync, controllers register the nodes
    // (RegisteredNode events) — a real cluster did all that long before anyone wrote a scenario.
    this.sim.advance(0);
    this.annotations = new Annotations(this.sim, this.store.history);
    this.faults = new Faults(this);
  }

  /** Adds a node: its kubelet starts now (or counts as started long ago), registers the Node and heartbeats. */
  addNode(shape: NodeShape, startedLongAgo = false): Kubelet {
    if (this.kubelets.has(shape.name)) throw new Error(`node ${shape.name} already exists`);
    const kubelet = new Kubelet(this.sim, this.api, this.correlator, this.images, shape, this.kubelets.size);
    this.kubelets.set(shape.name, kubelet);
    kubelet.start(startedLongAgo);
    return kubelet;
  }

  /** Names of the nodes the cluster was built with or that were added, in order. */
  get nodeNames(): string[] { return [...this.kubelets.keys()]; }

  kubelet(name: string): Kubelet {
    const k = this.kubelets.get(name);
    if (!k) throw new Error(`no node named ${name} (nodes: ${this.nodeNames.join(', ')})`);
    return k;
  }

  /** The kubelet process stops (containers keep running); pods it runs get no more status updates. */
  stopKubelet(name: string): void { this.kubelet(name).stop(); }

  /** The kubelet starts again with empty memory and picks up the pods bound to its node. */
  startKubelet(name: string): void { this.kubelet(name).start(); }

  /** The node crashes: kubelet down and every container gone (restart it with startKubelet). */
  crashNode(name: string): void { this.kubelet(name).crash(); }

  /** Only the node's heartbeats stop (Lease renewals and node status); its kubelet otherwise works on. */
  stopHeartbeats(name: string): void { this.kubelet(name).stopHeartbeats(); }

  resumeHeartbeats(name: string): void { this.kubelet(name).resumeHeartbeats(); }

  /** A network partition: the node's kubelet can no longer reach the API server (nor it the kubelet). */
  partitionNode(name: string): void { this.kubelet(name).disconnect(); }

  /** The partition heals: the kubelet relists its pods and reports again. */
  healNode(name: string): void { this.kubelet(name).reconnect(); }

  get seed(): number { return this.sim.seed; }

  /** A client whose writes the history records under `actor`. */
  client(actor = 'kubectl'): Client {
    return new Client(this.api, actor);
  }

  recorder(component: string, host?: string): EventRecorder {
    return new EventRecorder(this.api, { component, host }, this.correlator);
  }
}
