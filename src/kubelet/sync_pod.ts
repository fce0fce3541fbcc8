// What one pod sync does (pkg/kubelet/kubelet.go SyncPod, SyncTerminatingPod, SyncTerminatedPod and
// kuberuntime_manager.go SyncPod): write the status, wait for volumes, add probe workers, then kill
// and start containers as computePodActions says — one container after another, each through the
// crash-loop back-off, the image manager and the runtime. Long steps (pulls, container stops, volume
// waits) continue in later events; a termination request cancels what has not started yet.
import type { Container, ObjectReference, Pod, PodStatus, Stored } from '../api/objects';
import { formatDuration } from '../sim/time';
import type { PodSyncer, PodWorker, SyncOutcome, SyncToken } from './pod_workers';
import { backoffKey, formatPod, newestExited, type ContainerToKill } from './pod_actions';
import * as podActions from './pod_actions';
import * as containerStatus from './container_status';
import type { SyncReason } from './container_status';
import type { ContainerInstance, InstanceSnapshot, PodSnapshot } from './runtime';
import { PodSyncRun, SYNC_OK, SyncMemoChecks, type StartResult } from './sync_run';
import type { KubeletContext } from './kubelet_context';
import { parseQuantity } from '../api/quantity';

// Read once at load: the loader compiles every use of an imported binding into calls of its export getters.
const { computePodActions } = podActions;
const { containerIDOf, generateAPIPodStatus } = containerStatus;

/** The minimum grace a stopped container gets (minimumGracePeriodInSeconds). */
const MIN_GRACE_SECONDS = 2;

/** The container of this name in a spec list. */
function specNamed(list: readonly Container[] | undefined, name: string): Container | undefined {
  if (list !== undefined) for (let i = 0; i < list.length; i++) if (list[i]!.name === name) return list[i];
  return undefined;
}

/** GenerateContainerRef: the pod, with spec.containers{name} or spec.initContainers{name}. */
export function containerRef(pod: Stored<Pod>, c: Container): ObjectReference {
  const inits = pod.spec.initContainers;
  let init = false;
  if (inits !== undefined) for (let i = 0; i < inits.length; i++) if (inits[i]!.name === c.name) { init = true; break; }
  return { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid, apiVersion: 'v1',
    resourceVersion: pod.metadata.resourceVersion, fieldPath: `${init ? 'spec.initContainers' : 'spec.containers'}{${c.name}}` };
}

/**
 * Per pod, on its worker (SyncMemos, sync_run.ts): the status memo, the inputs and result of its last
 * status computation that changed nothing (see writeStatus); the steady memo, set when its last sync
 * was steady (see isSteady, sync_run.ts); reasonVersion, bumped whenever a sync changes its reason cache.
 */
export class Syncer extends SyncMemoChecks implements PodSyncer {
  /** The probe results computePodActions consults (built once, not per sync). */
  private readonly probeResults: Parameters<typeof computePodActions>[2];

  /**
   * `live`: this kubelet process is still the one running (callbacks of a stopped one do nothing).
   * The process's components exist already (the syncer serves that one process).
   */
  constructor(private readonly k: KubeletContext, private readonly live: () => boolean) {
    super(k);
    this.probeResults = {
      liveness: inst => k.probeManager.results.liveness.get(containerIDOf(inst)),
      startup: inst => k.probeManager.results.startup.get(containerIDOf(inst)),
    };
  }

  /**
   * generateAPIPodStatus + SetPodStatus. Both are functions of the pod, the runtime's view of it, the
   * status last set, the reason cache and the probe results; when none of these changed since a
   * computation that changed nothing and asked for no manual probe (a periodic resync of a steady
   * pod), the same status would come out and be found unchanged again, so it is not recomputed.
   */
  private writeStatus(w: PodWorker, pod: Stored<Pod>, snapshot: PodSnapshot, podIsTerminal: boolean): PodStatus['phase'] {
    const pm = this.pm;
    if (w.memoValid && this.statusMemoHolds(w, pod, podIsTerminal)) {
      pm.flushTriggers();
      return w.memoPhase;
    }
    const k = this.k;
    const sm = this.sm;
    const runtime = this.runtime;
    const uid = pod.metadata.uid;
    const slot = sm.slotOf(uid);
    const cached = slot?.status;
    const runtimePod = runtime.pod(uid);
    const runtimeSeq = runtimePod?.seq;
    const runtimeChanges = runtime.changes;
    const probes = pm.version;
    const triggers = pm.triggerCalls;
    const status = generateAPIPodStatus({
      pod, snapshot, oldStatus: cached ?? pod.status ?? {}, reasons: k.reasons(uid),
      podIsTerminal, hostIP: k.hostIP, probes: pm,
    });
    sm.setPodStatus(pod, status);
    // (A slot keeps the pod's current status until the pod is removed, when it holds none.)
    const unchanged = cached !== undefined && slot!.status === cached && pm.triggerCalls === triggers && pm.version === probes;
    // Each counter as it was when what it guards was read: the cached status just now, runtimeSeq above.
    if (unchanged) this.keepStatusMemo(w, pod, podIsTerminal, status.phase, slot!, cached, runtimePod, runtimeSeq, runtimeChanges, probes);
    else this.dropStatusMemo(w);
    pm.flushTriggers();
    return status.phase;
  }

  /** The steady sync (see isSteady): only the manual probes already pending run. PodWorkers asks this before syncPod. */
  syncSteadyPod(w: PodWorker): boolean {
    if (!this.isSteady(w, w.pod)) return false;
    this.pm.flushTriggers();
    return true;
  }

  /** SyncPod for a pod that is not steady (PodWorkers tried syncSteadyPod first). */
  syncPod(w: PodWorker, token: SyncToken, done: (o: SyncOutcome) => void): void {
    const k = this.k;
    const pod = w.pod;
    w.steadyPod = undefined;
    const snapshot = k.runtime.snapshot(w.uid);
    const phase = this.writeStatus(w, pod, snapshot, false);
    if (phase === 'Succeeded' || phase === 'Failed') return done({ terminal: true });
    // What a steady sync must have seen (see isSteady): the status memo writeStatus kept, the probe workers' version.
    const run = new PodSyncRun(w, pod, snapshot, token, done, w.memoValid ? w.statusGen : -1, k.probeManager.version);
    const vm = k.volumeManager;
    vm.addPod(pod);
    if (vm.allMounted(w.uid)) {
      // WaitForAttachAndMount would answer at once, with nothing to cancel.
      this.mounted(run, true);
    } else {
      const cancelWait = vm.waitForAttachAndMount(w.uid, ok => this.mounted(run, ok));
      token.onCancel(() => { cancelWait(); });
    }
    run.inCall = false;
  }

  /** The volume wait ended: on to the runtime's steps. */
  private mounted(run: PodSyncRun, ok: boolean): void {
    if (run.token.cancelled) return run.done({ cancelled: true });
    // A timed-out wait returns wait.Interrupted: no event, the worker retries in 10–15 s.
    if (!ok) return run.done({ error: `unmounted volumes=[${this.k.volumeManager.unmountedNames(run.w.uid).join(' ')}]` });
    this.k.probeManager.addPod(run.pod);
    this.runtimeSync(run);
  }

  /** kubeGenericRuntimeManager.SyncPod: the steps computePodActions asks for, one after another. */
  private runtimeSync(run: PodSyncRun): void {
    const actions = (run.actions = computePodActions(run.pod, run.snapshot, this.probeResults));
    run.killPodFirst = actions.killPod && run.snapshot.sandbox?.ready === true;
    run.steps = run.killPodFirst && !actions.createSandbox ? 1
      : (run.killPodFirst ? 1 : 0) + actions.containersToKill.length + (actions.createSandbox ? 1 : 0) +
        (actions.nextInitContainer ? 1 : actions.containersToStart.length);
    // A closure assigned to a property: neither a named closure (the loader gives those a name property
    // per call) nor a bound function (whose "bound …" name is built per call).
    run.next = () => this.runStep(run);
    this.runStep(run);
  }

  /** Runs the step at run.pos (each calls run.next now or later), or ends the sync after the last. */
  private runStep(run: PodSyncRun): void {
    const n = run.pos++;
    if (n >= run.steps) return this.runtimeSynced(run);
    const actions = run.actions!;
    const k = this.k;
    let j = n;
    if (run.killPodFirst) {
      if (j === 0) return this.killPod(run.pod, undefined, () => { k.runtime.stopSandbox(run.pod.metadata.uid); run.next(); });
      j--;
    }
    const kills = actions.containersToKill;
    if (j < kills.length) return this.killContainer(run.pod, kills[j]!, run.next);
    j -= kills.length;
    if (actions.createSandbox) {
      if (j === 0) {
        if (!run.token.cancelled) k.runtime.createSandbox(run.pod.metadata.uid);
        return run.next();
      }
      j--;
    }
    if (actions.nextInitContainer) return this.startContainer(run, actions.nextInitContainer, true);
    this.startContainer(run, actions.containersToStart[j]!, false);
  }

  /** The runtime's steps are done: the reason cache takes their results, and the sync ends. */
  private runtimeSynced(run: PodSyncRun): void {
    if (!this.live()) return;
    const k = this.k;
    const w = run.w;
    // The memo this sync's status write kept is still the current one (generations are never negative).
    if (run.inCall && run.steps === 0 && run.statusGen === w.statusGen && k.probeManager.version === run.probes) {
      // The volumes are all mounted (the wait just ended well, in this call).
      w.steadyPod = run.pod; w.steadyGen = run.statusGen;
      w.steadyVolumeRemovals = k.volumeManager.removals; w.steadyVolumes = k.volumeManager.entryOf(w.uid);
    }
    const results = run.results;
    let failed: StartResult | undefined;
    if (results !== undefined) {
      // The cache is stored only once it holds a reason (an empty one reads the same as none).
      let reasons = k.reasons(w.uid);
      let changed = false;
      for (let i = 0; i < results.length; i++) {
        const r = results[i]!;
        if (r.error) {
          if (failed === undefined) failed = r;
          const before = reasons.get(r.container.name);
          if (!before || before.reason !== r.error || before.message !== (r.message ?? '')) changed = true;
          if (reasons.size === 0) reasons = k.reasons(w.uid, true);
          reasons.set(r.container.name, { reason: r.error, message: r.message ?? '' } satisfies SyncReason);
        } else if (reasons.delete(r.container.name)) changed = true;
      }
      if (changed) w.reasonVersion++;
    }
    if (run.token.cancelled) return run.done({ cancelled: true });
    run.done(failed ? { error: failed.error } : SYNC_OK);
  }

  /** doBackOff, EnsureImageExists, then create and start; the result goes to the reason cache. */
  private startContainer(run: PodSyncRun, c: Container, init: boolean): void {
    const k = this.k;
    const { pod, snapshot, token, next } = run;
    if (token.cancelled) return next();
    const ref = containerRef(pod, c);
    const exited = newestExited(snapshot, c.name);
    if (exited) {
      const key = backoffKey(pod, c);
      const now = k.sim.nowMs;
      if (k.backoff.isInBackOffSince(key, exited.finishedAtMs, now)) {
        k.event(ref, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${formatPod(pod)}`);
        (run.results ??= []).push({ container: c, error: 'CrashLoopBackOff',
          message: `back-off ${formatDuration(k.backoff.get(key))} restarting failed container=${c.name} pod=${formatPod(pod)}` });
        return next();
      }
      k.backoff.next(key, exited.finishedAtMs, now);
    }
    k.images.ensureImageExists(pod, c, e => { if (this.live()) k.event(ref, e.type, e.reason, e.message); }, r => {
      if (!this.live() || token.cancelled) return next();
      if (!r.ok) {
        k.event(ref, 'Warning', 'Failed', `Error: ${r.error}`);
        (run.results ??= []).push({ container: c, error: r.error, message: r.message });
        return next();
      }
      const profile = k.images.profile(c.image ?? '');
      // kuberuntime_container.go startContainer in v1.32: "Created container %s" and "Started container %s"
      // (the "Created container: %v" form came with kubernetes/kubernetes#130471, after v1.32).
      k.event(ref, 'Normal', 'Created', `Created container ${c.name}`);
      k.after(profile.startMs, 'kubelet: container starting', () => {
        const limit = c.resources?.limits?.memory;
        k.runtime.startContainer(pod.metadata.uid, c.name, init, c.image ?? '', profile, limit === undefined ? undefined : parseQuantity(limit));
        k.event(ref, 'Normal', 'Started', `Started container ${c.name}`);
        (run.results ??= []).push({ container: c });
        next();
      });
    });
  }

  /** killContainer: Killing event, SIGTERM with the grace period, SIGKILL after it. */
  private killContainer(pod: Stored<Pod>, kill: ContainerToKill | { instance: InstanceSnapshot; container: Container; message?: string; reason?: string },
    done: () => void, graceOverrideS?: number): void {
    const k = this.k;
    const c = kill.container;
    let grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? MIN_GRACE_SECONDS;
    if (pod.metadata.deletionGracePeriodSeconds === undefined) {
      const probe = kill.reason === 'LivenessProbe' ? c.livenessProbe : kill.reason === 'StartupProbe' ? c.startupProbe : undefined;
      if (probe?.terminationGracePeriodSeconds !== undefined) grace = probe.terminationGracePeriodSeconds;
    }
    if (grace < MIN_GRACE_SECONDS) grace = MIN_GRACE_SECONDS;
    if (graceOverrideS !== undefined) grace = graceOverrideS;
    k.event(containerRef(pod, c), 'Normal', 'Killing', kill.message || `Stopping container ${c.name}`);
    const instances = k.runtime.pod(pod.metadata.uid)?.containers;
    const id = kill.instance.id;
    let inst: ContainerInstance | undefined;
    if (instances !== undefined) for (let i = 0; i < instances.length; i++) if (instances[i]!.id === id) { inst = instances[i]; break; }
    if (!inst) return done();
    k.runtime.stopContainer(pod.metadata.uid, inst, grace * 1000, () => k.after(0, 'kubelet: container stopped', done));
  }

  /** killPod: every running container at once, then done. */
  private killPod(pod: Stored<Pod>, graceOverrideS: number | undefined, done: () => void): void {
    // Indexed loops: the spec's lists are frozen (an iterator, a filter or a find per call otherwise).
    const instances = this.k.runtime.pod(pod.metadata.uid)?.containers;
    const running: ContainerInstance[] = [];
    if (instances !== undefined) for (let i = 0; i < instances.length; i++) if (instances[i]!.state === 'running') running.push(instances[i]!);
    let left = running.length;
    if (left === 0) return done();
    const stopped = (): void => { if (--left === 0) done(); };
    for (let i = 0; i < running.length; i++) {
      const inst = running[i]!;
      const c = specNamed(pod.spec.initContainers, inst.name) ?? specNamed(pod.spec.containers, inst.name) ?? { name: inst.name };
      this.killContainer(pod, { instance: inst, container: c }, stopped, graceOverrideS);
    }
  }

  syncTerminatingPod(w: PodWorker, _token: SyncToken, done: (o: SyncOutcome) => void): void {
    const k = this.k;
    const pod = w.pod;
    if (!w.removed) this.writeStatus(w, pod, k.runtime.snapshot(w.uid), false);
    k.probeManager.stopLivenessAndStartup(w.uid);
    this.killPod(pod, undefined, () => {
      k.runtime.stopSandbox(w.uid);
      k.probeManager.removePod(w.uid);
      if (!w.removed) this.writeStatus(w, pod, k.runtime.snapshot(w.uid), true);
      done({});
    });
  }

  syncTerminatedPod(w: PodWorker, done: (o: SyncOutcome) => void): void {
    const k = this.k;
    const pod = w.pod;
    if (!w.removed) this.writeStatus(w, pod, k.runtime.snapshot(w.uid), true);
    k.volumeManager.removePod(w.uid);
    // The status manager deletes a finished pod that was being deleted (canBeDeleted).
    if (!w.removed && pod.metadata.deletionTimestamp) k.statusManager.deletePod(pod);
    done({});
  }

  forget(w: PodWorker): void {
    this.dropMemos(w);
    this.k.forgetPod(w.uid);
  }
}
