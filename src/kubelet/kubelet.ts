// The kubelet of one node: watches the pods bound to it (fieldSelector spec.nodeName=<node>, served
// from the watch index), runs them through pod workers, the PLEG, probes, images, volumes and the
// container runtime, reports node status and lease, and writes pod status through its status
// manager. stop() loses everything held in memory (as a process restart does); the runtime and the
// images on disk survive unless the node crashes. Not modelled: static pods, device/CPU managers,
// eviction, admission rejections (OutOfcpu), housekeeping beyond cleaning up finished pods.
import type { Simulation } from '../sim/simulation';
import type { ApiServer } from '../api/apiserver';
import { Client } from '../api/client';
import { EventRecorder, type EventCorrelator } from '../api/events';
import type { ObjectReference, Pod, Stored } from '../api/objects';
import { WatchEvent, type Watcher } from '../api/watch';
import * as freeze from '../api/freeze';
import { ApiError, isApiError } from '../api/errors';
import type { ImageCatalogue } from './image_catalogue';
import { ContainerRuntime } from './runtime';
import { ImageManager } from './images';
import { NodeStatusReporter, type NodeShape } from './node_status';
import { Pleg } from './pleg';
import { PodWorkers } from './pod_workers';
import { StatusManager } from './status_manager';
import { ProbeManager, type ProbeHost, type ProbeInterceptor } from './probes';
import { VolumeManager } from './volumes';
import { newContainerBackoff, type Backoff } from './backoff';
import type { SyncReason } from './container_status';
import type { KubeletContext } from './kubelet_context';
import { Syncer } from './sync_pod';
import type { ProbeType } from './prober';

/** Everything a kubelet process holds in memory; rebuilt on every start. */
class Process {
  readonly pods = new Map<string, Stored<Pod>>();
  readonly reasons = new Map<string, Map<string, SyncReason>>();
  readonly backoff: Backoff = newContainerBackoff();
  pleg!: Pleg;
  workers!: PodWorkers;
  statusManager!: StatusManager;
  probeManager!: ProbeManager;
  volumeManager!: VolumeManager;
  watcher: Watcher | undefined;
  /** startMs anchors the kubelet's loops; probeStartMs is what probe workers compare their period with. */
  constructor(readonly startMs: number, readonly probeStartMs: number) {}
}

export class Kubelet implements KubeletContext {
  readonly client: Client;
  readonly runtime: ContainerRuntime;
  readonly images: ImageManager;
  readonly nodeStatus: NodeStatusReporter;
  /** Wrappers around this node's probe runs (faults); they outlive kubelet restarts, as a fault does. */
  readonly probeInterceptors: ProbeInterceptor[] = [];
  private readonly recorder: EventRecorder;
  private readonly random;
  private p: Process | undefined;

  constructor(readonly sim: Simulation, private readonly api: ApiServer, correlator: EventCorrelator, catalogue: ImageCatalogue,
    readonly shape: NodeShape, index: number) {
    const actor = `kubelet/${shape.name}`;
    this.client = new Client(api, actor);
    this.recorder = new EventRecorder(api, { component: 'kubelet', host: shape.name }, correlator);
    this.random = sim.random.stream(actor);
    this.images = new ImageManager(sim, catalogue);
    for (const image of shape.images ?? []) this.images.preload(image);
    this.nodeStatus = new NodeStatusReporter(sim, this.client, this.random, shape, index, this.images);
    this.runtime = new ContainerRuntime(sim, sim.random.stream(`containerd/${shape.name}`), this.nodeStatus.podCIDRPrefix,
      uid => this.p?.pleg.markDirty(uid));
  }

  get nodeName(): string { return this.shape.name; }
  get hostIP(): string { return this.nodeStatus.internalIP; }
  get running(): boolean { return this.p !== undefined; }

  private get proc(): Process {
    if (!this.p) throw new Error(`kubelet ${this.nodeName} is not running`);
    return this.p;
  }

  get statusManager(): StatusManager { return this.proc.statusManager; }
  get probeManager(): ProbeManager { return this.proc.probeManager; }
  get volumeManager(): VolumeManager { return this.proc.volumeManager; }
  get backoff(): Backoff { return this.proc.backoff; }
  get podWorkers(): PodWorkers { return this.proc.workers; }

  alive(): boolean { return this.p !== undefined; }

  /**
   * Starts the kubelet process: node registration and heartbeats, then the pods bound to this node.
   * `longAgo`: the kubelet counts as started long before now (no probe start-up jitter), as the
   * kubelets of a scenario's initial nodes are.
   */
  start(longAgo = false): void {
    if (this.p) return;
    const p = (this.p = new Process(this.sim.nowMs, longAgo ? -Infinity : this.sim.nowMs));
    p.pleg = new Pleg(this.sim, p.startMs % 1000, uid => { const pod = p.pods.get(uid); if (pod) p.workers.updatePod(pod); });
    p.statusManager = new StatusManager(this.sim, this.client, p.startMs % 10_000, uid => p.pods.get(uid));
    p.probeManager = new ProbeManager(this.probeHost(p));
    p.volumeManager = new VolumeManager(this.sim, this.client, (pod, message) => this.recorder.event(pod, 'Warning', 'FailedMount', message));
    // The syncer holds the process's components: built after them.
    p.workers = new PodWorkers(this.sim, p.pleg, new Syncer(this, () => this.p === p), this.random);
    this.images.resetBackoff();
    this.images.onImagesChanged = () => {};
    this.nodeStatus.start();
    const listed = this.partition ? [] : this.watchPods(p, false);
    // Containers of pods the API no longer has are stopped (HandlePodCleanups).
    const known = new Set(listed.map(x => x.metadata.uid));
    for (const uid of this.runtime.podUids()) if (!known.has(uid)) this.runtime.removePod(uid);
    for (const pod of listed) { p.pods.set(pod.metadata.uid, pod); p.workers.updatePod(pod); }
  }

  /** Stops the kubelet process; containers keep running in the runtime. */
  stop(): void {
    const p = this.p;
    if (!p) return;
    this.p = undefined;
    if (p.watcher) this.api.store.stopWatch(p.watcher);
    p.pleg.stop();
    p.workers.stop();
    p.probeManager.stopAll();
    p.statusManager.stop();
    p.volumeManager.stop();
    this.images.resetBackoff();
    this.nodeStatus.stop();
  }

  /** The node crashes: the kubelet stops and every container is gone. */
  crash(): void {
    this.stop();
    this.runtime.wipe();
  }

  /** Only lease renewals and node status updates stop; the kubelet otherwise works on. */
  stopHeartbeats(): void { this.nodeStatus.heartbeatsStopped = true; }
  resumeHeartbeats(): void { this.nodeStatus.heartbeatsStopped = false; }

  private partition: (() => void) | undefined;

  /**
   * A network partition between the node and the API server: every request of this kubelet fails
   * (an interceptor, as faults use) and its watch delivers nothing. Containers keep running.
   */
  disconnect(): void {
    if (this.partition) return;
    const actor = this.client.actor;
    this.partition = this.api.use((req, next) => {
      if (req.actor === actor) throw unreachable(this.nodeName);
      return next();
    });
    const p = this.p;
    if (p?.watcher) { this.api.store.stopWatch(p.watcher); p.watcher = undefined; }
  }

  /** The partition heals: requests go through again and the kubelet relists its pods. */
  reconnect(): void {
    if (!this.partition) return;
    this.partition();
    this.partition = undefined;
    const p = this.p;
    if (p) this.watchPods(p, true);
  }

  get connected(): boolean { return this.partition === undefined; }

  /** List then watch the pods bound to this node; on a relist, tell the workers what changed meanwhile. */
  private watchPods(p: Process, relist: boolean): Stored<Pod>[] {
    const fieldSelector = [{ field: 'spec.nodeName', operator: '=' as const, value: this.nodeName }];
    let listed: Stored<Pod>[] = [];
    try {
      listed = this.client.list<Pod>('Pod', { fieldSelector: `spec.nodeName=${this.nodeName}` });
    } catch (e) {
      if (!isApiError(e)) throw e;
      return [];
    }
    p.watcher = this.api.watch('Pod', { watcher: `kubelet/${this.nodeName}`, fieldSelector }, e => this.onWatch(p, e));
    if (relist) {
      const seen = new Set(listed.map(x => x.metadata.uid));
      for (const uid of [...p.pods.keys()]) if (!seen.has(uid)) this.onWatch(p, new WatchEvent('DELETED', p.pods.get(uid)!, 0));
      for (const pod of listed) this.onWatch(p, new WatchEvent(p.pods.has(pod.metadata.uid) ? 'MODIFIED' : 'ADDED', pod, 0));
    }
    return listed;
  }

  private onWatch(p: Process, e: WatchEvent): void {
    if (this.p !== p) return;
    const pod = e.object as Stored<Pod>;
    const uid = pod.metadata.uid;
    if (e.type === 'DELETED') {
      p.pods.delete(uid);
      p.workers.removePod(uid);
      return;
    }
    const old = p.pods.get(uid);
    p.pods.set(uid, pod);
    if (!old || podsDiffer(old, pod)) p.workers.updatePod(pod);
    else p.statusManager.checkReconcile(pod);
  }

  reasons(uid: string, create = false): Map<string, SyncReason> {
    const p = this.proc;
    let r = p.reasons.get(uid);
    if (!r) {
      // A pod without a cache reads the shared empty one (only `create` callers write).
      if (!create) return NO_REASONS;
      p.reasons.set(uid, (r = new Map()));
    }
    return r;
  }

  event(ref: ObjectReference, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.recorder.event(ref, type, reason, message);
  }

  after(delayMs: number, label: string, fn: () => void): void {
    const p = this.p;
    this.sim.schedule(delayMs, label, () => { if (this.p === p) fn(); });
  }

  forgetPod(uid: string): void {
    const p = this.proc;
    this.runtime.removePod(uid);
    p.statusManager.removePod(uid);
    p.probeManager.removePod(uid);
    p.volumeManager.removePod(uid);
    p.reasons.delete(uid);
  }

  private probeHost(p: Process): ProbeHost {
    return {
      sim: this.sim, kubeletStartMs: p.probeStartMs, random: () => this.random.float(),
      statusOf: uid => p.statusManager.getPodStatus(uid),
      profileOf: image => this.images.profile(image),
      startedAtMs: (uid, containerId) => this.runtime.pod(uid)?.containers.find(c => `containerd://${c.id}` === containerId)?.startedAtMs,
      onResult: (pod, type, containerId, result) => this.onProbeResult(p, pod, type, containerId, result),
      intercept: (pod, c, type, probe, podIP, outcome) => (this.probeInterceptors.length === 0 ? outcome
        : this.probeInterceptors.reduce((o, f) => f(pod, c, type, probe, podIP, o), outcome)),
      unhealthy: (pod, c, message) => {
        const current = p.pods.get(pod.metadata.uid) ?? pod;
        this.recorder.event({ kind: 'Pod', namespace: current.metadata.namespace, name: current.metadata.name, uid: current.metadata.uid,
          apiVersion: 'v1', resourceVersion: current.metadata.resourceVersion, fieldPath: `spec.containers{${c.name}}` }, 'Warning', 'Unhealthy', message);
      },
    };
  }

  /** syncLoopIteration's probe cases: readiness and startup update the status; any change but liveness Success syncs the pod. */
  private onProbeResult(p: Process, pod: Stored<Pod>, type: ProbeType, containerId: string, result: 'Success' | 'Failure' | 'Unknown'): void {
    if (this.p !== p) return;
    const current = p.pods.get(pod.metadata.uid);
    if (!current) return;
    if (type === 'readiness') p.statusManager.setContainerReadiness(current, containerId, result === 'Success');
    if (type === 'startup') p.statusManager.setContainerStartup(current, containerId, result === 'Success');
    if (type === 'liveness' && result !== 'Failure') return;
    p.workers.updatePod(current);
  }
}

const NO_REASONS = new Map<string, SyncReason>();

// Read once at load: the loader compiles every use of an imported binding into calls of its export getters.
const { deepEqual } = freeze;

function unreachable(node: string): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 503, reason: 'ServiceUnavailable',
    message: `node ${node} cannot reach the API server` });
}

/** podsDifferSemantically (pkg/kubelet/config/config.go): spec, labels, annotations, deletion fields. */
function podsDiffer(a: Stored<Pod>, b: Stored<Pod>): boolean {
  return !deepEqual(a.spec, b.spec) || !deepEqual(a.metadata.labels, b.metadata.labels) || !deepEqual(a.metadata.annotations, b.metadata.annotations) ||
    a.metadata.deletionTimestamp !== b.metadata.deletionTimestamp || a.metadata.deletionGracePeriodSeconds !== b.metadata.deletionGracePeriodSeconds;
}
