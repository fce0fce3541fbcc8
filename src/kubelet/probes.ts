// Probe workers and results (pkg/kubelet/prober/worker.go, prober_manager.go, results/results_manager.go)
// with v1.32 timing: a worker per probe starts when SyncPod adds the pod (just before containers
// start), probes at once, then on a periodSeconds ticker; every manual readiness run — fired by
// UpdatePodStatus at each pod sync while a running, started container is not ready — resets that
// ticker (PR #119089). Initial results: readiness Failure, liveness Success, startup Unknown. A
// liveness failure holds the worker until a new container; a startup result holds it (PR #121206).
// Start-up jitter applies only to a kubelet that started less than one period ago.
import type { Simulation } from '../sim/simulation';
import type { ScheduledEvent } from '../sim/event_queue';
import type { Container, ContainerStatus, Pod, PodStatus, Probe, Stored } from '../api/objects';
import { parseRfc3339 } from '../sim/time';
import { probeTypeTitle, runProbe, type ProbeOutcome, type ProbeType } from './prober';
import type { ImageProfile } from './image_catalogue';

export type ProbeResult = 'Success' | 'Failure' | 'Unknown';

const INITIAL: Record<ProbeType, ProbeResult> = { readiness: 'Failure', liveness: 'Success', startup: 'Unknown' };

/** A wrapper around probe runs (faults install these): sees each outcome and may replace it. */
export type ProbeInterceptor = (pod: Stored<Pod>, container: Container, type: ProbeType, probe: Probe, podIP: string, outcome: ProbeOutcome) => ProbeOutcome;

export interface ProbeHost {
  sim: Simulation;
  /** When this kubelet started (workers of a young kubelet wait a random part of their period first). */
  kubeletStartMs: number;
  random: () => number;
  statusOf(uid: string): PodStatus | undefined;
  profileOf(image: string): ImageProfile;
  /** Instant the instance with this container ID started running. */
  startedAtMs(podUid: string, containerId: string): number | undefined;
  /** A result changed (results manager update). */
  onResult(pod: Stored<Pod>, type: ProbeType, containerId: string, result: ProbeResult): void;
  /** Warning Unhealthy "<Type> probe failed: <output>". */
  unhealthy(pod: Stored<Pod>, container: Container, message: string): void;
  /** Wraps every probe run (absent: outcomes as the image profile gives them). */
  intercept?: ProbeInterceptor;
}

/** The workers' event labels per probe type (constants: a worker ticks every period for as long as its pod runs). */
const STARTS_LABEL: Record<ProbeType, string> = {
  liveness: 'kubelet: liveness probe worker starts', readiness: 'kubelet: readiness probe worker starts', startup: 'kubelet: startup probe worker starts',
};
const TICK_LABEL: Record<ProbeType, string> = {
  liveness: 'kubelet: liveness probe tick', readiness: 'kubelet: readiness probe tick', startup: 'kubelet: startup probe tick',
};
const MANUAL_LABEL: Record<ProbeType, string> = {
  liveness: 'kubelet: manual liveness probe', readiness: 'kubelet: manual readiness probe', startup: 'kubelet: manual startup probe',
};

/** One probe worker; a pure function of its inputs plus the sim clock. */
export class ProbeWorker {
  containerId = '';
  lastResult: ProbeResult | undefined;
  resultRun = 0;
  onHold = false;
  stopped = false;
  private tick: ScheduledEvent | undefined;
  private buffered = false;
  private running = false;
  readonly periodMs: number;

  constructor(private readonly host: ProbeHost, private readonly manager: ProbeManager, readonly pod: Stored<Pod>,
    readonly container: Container, readonly type: ProbeType, readonly spec: Probe) {
    this.periodMs = (spec.periodSeconds ?? 10) * 1000;
  }

  /** run(): optional start-up jitter, then an immediate probe and the ticker. */
  start(): void {
    const { sim } = this.host;
    const sinceKubeletStart = sim.nowMs - this.host.kubeletStartMs;
    const delay = this.periodMs > sinceKubeletStart ? Math.floor(this.host.random() * this.periodMs) : 0;
    this.tick = sim.schedule(delay, `kubelet: ${this.type} probe worker starts`, () => this.loop());
  }

  private loop(): void {
    this.tick = undefined;
    if (this.stopped) return;
    this.running = true;
    const keepGoing = this.doProbe();
    this.running = false;
    if (!keepGoing) return this.stop();
    this.tick = this.host.sim.schedule(this.periodMs, `kubelet: ${this.type} probe tick`, () => this.loop());
    // A trigger that arrived while probing waits in the channel: the select takes it at once.
    if (this.buffered) this.scheduleManual();
  }

  /**
   * A manual run (a channel buffered for one): reset the ticker, probe now. Fired from a pod sync, the
   * run happens as soon as the sync has stored its status (the probe reads it), while the sync is
   * still working — so a result change joins the worker's pending sync.
   */
  trigger(): void {
    if (this.stopped || this.buffered) return;
    this.buffered = true;
    this.manager.pendingTriggers.add(this);
    if (!this.running) this.scheduleManual();
  }

  /** Runs a buffered manual probe now (the select takes it: ticker reset, doProbe). */
  runManual(): void {
    if (!this.buffered || this.running) return;
    this.buffered = false;
    this.manager.pendingTriggers.delete(this);
    if (this.stopped) return;
    this.host.sim.cancel(this.tick);
    this.loop();
  }

  private scheduleManual(): void {
    this.host.sim.schedule(0, `kubelet: manual ${this.type} probe`, () => this.runManual());
  }

  stop(): void {
    this.stopped = true;
    this.host.sim.cancel(this.tick);
    this.tick = undefined;
    if (this.containerId) this.manager.deleteResult(this.type, this.containerId);
    this.manager.removeWorker(this);
  }

  private set(result: ProbeResult): void {
    this.manager.setResult(this.pod, this.type, this.containerId, result);
  }

  /** doProbe: returns whether the worker keeps going. */
  doProbe(): boolean {
    const status = this.host.statusOf(this.pod.metadata.uid);
    if (!status) return true;
    if (status.phase === 'Failed' || status.phase === 'Succeeded') return false;
    let c: ContainerStatus | undefined = status.containerStatuses?.find(s => s.name === this.container.name);
    if (!c || !c.containerID) c = status.initContainerStatuses?.find(s => s.name === this.container.name);
    if (!c || !c.containerID) return true;
    if (this.containerId !== c.containerID) {
      if (this.containerId) this.manager.deleteResult(this.type, this.containerId);
      this.containerId = c.containerID;
      this.set(INITIAL[this.type]);
      this.onHold = false;
    }
    if (this.onHold) return true;
    if (!c.state?.running) {
      this.set('Failure');
      return !c.state?.terminated || this.pod.spec.restartPolicy !== 'Never';
    }
    if (this.pod.metadata.deletionTimestamp && (this.type === 'liveness' || this.type === 'startup')) {
      this.set('Success');
      return false;
    }
    const startedMs = this.host.startedAtMs(this.pod.metadata.uid, c.containerID) ?? parseRfc3339(c.state.running.startedAt ?? '') ?? 0;
    // int32(time.Since(startedAt).Seconds()) < initialDelaySeconds: the seconds are truncated.
    if (Math.trunc((this.host.sim.nowMs - startedMs) / 1000) < (this.spec.initialDelaySeconds ?? 0)) return true;
    if (c.started) { if (this.type === 'startup') return true; }
    else if (this.type !== 'startup') return true;
    const podIP = status.podIP ?? '';
    let outcome = runProbe(this.host.profileOf(c.image), this.spec, this.container, podIP, this.host.sim.nowMs - startedMs);
    if (this.host.intercept) outcome = this.host.intercept(this.pod, this.container, this.type, this.spec, podIP, outcome);
    const result: ProbeResult = outcome.success ? 'Success' : 'Failure';
    if (!outcome.success) this.host.unhealthy(this.pod, this.container, `${probeTypeTitle(this.type)} probe failed: ${outcome.output}`);
    if (this.lastResult === result) this.resultRun++;
    else { this.lastResult = result; this.resultRun = 1; }
    if ((result === 'Failure' && this.resultRun < (this.spec.failureThreshold ?? 3)) ||
      (result === 'Success' && this.resultRun < (this.spec.successThreshold ?? 1))) return true;
    this.set(result);
    if ((this.type === 'liveness' && result === 'Failure') || this.type === 'startup') {
      this.onHold = true;
      this.resultRun = 0;
    }
    return true;
  }
}

/** A pod's worker for one container and probe type (byPod holds exactly the workers the key map holds). */
function podWorker(workers: Set<ProbeWorker> | undefined, container: string, type: ProbeType): ProbeWorker | undefined {
  if (workers !== undefined) for (const w of workers) if (w.type === type && w.container.name === container) return w;
  return undefined;
}

/** The probe manager: workers by pod and container, and the three results managers. */
export class ProbeManager {
  readonly results: Record<ProbeType, Map<string, ProbeResult>> = { readiness: new Map(), liveness: new Map(), startup: new Map() };
  private readonly workers = new Map<string, ProbeWorker>();
  /** Workers with a manual run waiting (flushed once the triggering sync stored its status). */
  readonly pendingTriggers = new Set<ProbeWorker>();
  private readonly byPod = new Map<string, Set<ProbeWorker>>();
  /** Bumped on every change of a result or of the set of workers (what UpdatePodStatus reads). */
  version = 0;
  /** Manual readiness runs UpdatePodStatus has asked for so far. */
  triggerCalls = 0;

  constructor(private readonly host: ProbeHost) {}

  deleteResult(type: ProbeType, containerId: string): void {
    if (this.results[type].delete(containerId)) this.version++;
  }

  private key(uid: string, container: string, type: ProbeType): string { return `${uid}/${container}/${type}`; }

  /** AddPod: one worker per container and probe, unless it already exists (sidecars, then containers). */
  addPod(pod: Stored<Pod>): void {
    // Indexed loops over the pod's frozen lists (array iterators on frozen arrays take a slow path).
    const inits = pod.spec.initContainers;
    if (inits) for (let i = 0; i < inits.length; i++) if (inits[i]!.restartPolicy === 'Always') this.addWorkers(pod, inits[i]!);
    const containers = pod.spec.containers;
    for (let i = 0; i < containers.length; i++) this.addWorkers(pod, containers[i]!);
  }

  private addWorkers(pod: Stored<Pod>, c: Container): void {
    this.addWorker(pod, c, 'startup', c.startupProbe);
    this.addWorker(pod, c, 'readiness', c.readinessProbe);
    this.addWorker(pod, c, 'liveness', c.livenessProbe);
  }

  private addWorker(pod: Stored<Pod>, c: Container, type: ProbeType, spec: Container['livenessProbe']): void {
    if (!spec) return;
    const k = this.key(pod.metadata.uid, c.name, type);
    if (this.workers.has(k)) return;
    const w = new ProbeWorker(this.host, this, pod, c, type, spec);
    this.workers.set(k, w);
    this.version++;
    let set = this.byPod.get(pod.metadata.uid);
    if (!set) this.byPod.set(pod.metadata.uid, (set = new Set()));
    set.add(w);
    w.start();
  }

  /** Runs the manual probes a pod sync fired, now that its status is stored. */
  flushTriggers(): void {
    if (this.pendingTriggers.size === 0) return;
    for (const w of [...this.pendingTriggers]) w.runManual();
  }

  removeWorker(w: ProbeWorker): void {
    const k = this.key(w.pod.metadata.uid, w.container.name, w.type);
    if (this.workers.get(k) === w) { this.workers.delete(k); this.version++; }
    this.byPod.get(w.pod.metadata.uid)?.delete(w);
  }

  /** StopLivenessAndStartup (termination begins). */
  stopLivenessAndStartup(uid: string): void {
    for (const w of [...(this.byPod.get(uid) ?? [])]) if (w.type !== 'readiness') w.stop();
  }

  removePod(uid: string): void {
    for (const w of [...(this.byPod.get(uid) ?? [])]) w.stop();
    this.byPod.delete(uid);
  }

  stopAll(): void {
    for (const uid of [...this.byPod.keys()]) this.removePod(uid);
  }

  worker(uid: string, container: string, type: ProbeType): ProbeWorker | undefined {
    return this.workers.get(this.key(uid, container, type));
  }

  /** results.Manager.Set: an update only when the result changed (or is new). */
  setResult(pod: Stored<Pod>, type: ProbeType, containerId: string, result: ProbeResult): void {
    const m = this.results[type];
    if (m.get(containerId) === result) return;
    m.set(containerId, result);
    this.version++;
    this.host.onResult(pod, type, containerId, result);
  }

  /** UpdatePodStatus: started and ready for each container; fires a manual readiness run while not ready. */
  updatePodStatus(pod: Stored<Pod>, status: PodStatus): void {
    // The pod's workers: the same ones worker(uid, name, type) finds, without a key string per look-up.
    const workers = this.byPod.get(pod.metadata.uid);
    const statuses = status.containerStatuses;
    if (statuses) for (let i = 0; i < statuses.length; i++) {
      const c = statuses[i]!;
      c.started = this.isStarted(workers, c);
      if (!c.started) continue;
      if (!c.state?.running) { c.ready = false; continue; }
      if (this.results.readiness.get(c.containerID ?? '') === 'Success') { c.ready = true; continue; }
      const w = podWorker(workers, c.name, 'readiness');
      c.ready = !w;
      if (w) { this.triggerCalls++; w.trigger(); }
    }
    const inits = status.initContainerStatuses;
    if (inits) for (let i = 0; i < inits.length; i++) {
      const c = inits[i]!;
      c.started = this.isStarted(workers, c);
      c.ready = !!c.state?.terminated && c.state.terminated.exitCode === 0;
    }
  }

  private isStarted(workers: Set<ProbeWorker> | undefined, c: ContainerStatus): boolean {
    if (!c.state?.running) return false;
    const r = this.results.startup.get(c.containerID ?? '');
    if (r !== undefined) return r === 'Success';
    return !podWorker(workers, c.name, 'startup');
  }
}
