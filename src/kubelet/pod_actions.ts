// What a pod sync must do to its containers (pkg/kubelet/kuberuntime/kuberuntime_manager.go
// computePodActions, pkg/kubelet/container/helpers.go ShouldContainerBeRestarted): create the
// sandbox, start the next init container, start or restart containers, kill containers that failed
// liveness or startup probes or whose image changed. Pure. Not modelled: sidecar (restartable init)
// containers, ephemeral containers, in-place resize.
import type { Container, Pod } from '../api/objects';
import type { InstanceSnapshot, PodSnapshot } from './runtime';
import * as imageCatalogue from './image_catalogue';

// Read once at load: the loader compiles every use of an imported binding into calls of its export getters.
const { familiarImage } = imageCatalogue;

export type KillReason = 'LivenessProbe' | 'StartupProbe' | 'DefinitionChanged';

export interface ContainerToKill { instance: InstanceSnapshot; container: Container; message: string; reason: KillReason }

export interface PodActions {
  killPod: boolean;
  createSandbox: boolean;
  /** The init container to start next, if initialisation is not done. */
  nextInitContainer: Container | undefined;
  containersToStart: Container[];
  containersToKill: ContainerToKill[];
}

const newestOf = (snapshot: PodSnapshot, name: string): InstanceSnapshot | undefined => snapshot.containers.find(c => c.name === name);

/** ShouldContainerBeRestarted (container/helpers.go). */
export function shouldContainerBeRestarted(c: Container, pod: Pod, snapshot: PodSnapshot): boolean {
  if (pod.metadata.deletionTimestamp) return false;
  const s = newestOf(snapshot, c.name);
  if (!s) return true;
  if (s.state === 'running') return false;
  if (pod.spec.restartPolicy === 'Never') return false;
  if (pod.spec.restartPolicy === 'OnFailure' && s.exitCode === 0) return false;
  return true;
}

/** shouldRestartOnFailure: anything but restartPolicy Never restarts a killed container. */
const shouldRestartOnFailure = (pod: Pod): boolean => pod.spec.restartPolicy !== 'Never';

/** The liveness and startup results of a running instance. */
export interface ProbeResults {
  liveness(instance: InstanceSnapshot): 'Success' | 'Failure' | 'Unknown' | undefined;
  startup(instance: InstanceSnapshot): 'Success' | 'Failure' | 'Unknown' | undefined;
}

/** Init containers: the next one to start, or done; a failed one with restartPolicy Never fails the pod. */
function initActions(pod: Pod, snapshot: PodSnapshot): { done: boolean; next?: Container; failed?: boolean } {
  for (let cIndex = 0, cList = pod.spec.initContainers ?? []; cIndex < cList.length; cIndex++) {
    const c = cList[cIndex]!;
    const s = newestOf(snapshot, c.name);
    if (!s) return { done: false, next: c };
    if (s.state === 'running') return { done: false };
    if (s.exitCode === 0) continue;
    if (pod.spec.restartPolicy === 'Never') return { done: false, failed: true };
    return { done: false, next: c };
  }
  return { done: true };
}

/** No containers to start or kill (shared by the actions that have none; never pushed to: see startAlso, killAlso). */
const NO_STARTS: Container[] = Object.freeze([]) as unknown as Container[];
const NO_KILLS: ContainerToKill[] = Object.freeze([]) as unknown as ContainerToKill[];

function startAlso(actions: PodActions, c: Container): void {
  if (actions.containersToStart === NO_STARTS) actions.containersToStart = [c]; else actions.containersToStart.push(c);
}

function killAlso(actions: PodActions, kill: ContainerToKill): void {
  if (actions.containersToKill === NO_KILLS) actions.containersToKill = [kill]; else actions.containersToKill.push(kill);
}

export function computePodActions(pod: Pod, snapshot: PodSnapshot, probes: ProbeResults): PodActions {
  // Most syncs find nothing to start or kill: the lists are made on their first entry.
  const actions: PodActions = { killPod: false, createSandbox: false, nextInitContainer: undefined, containersToStart: NO_STARTS, containersToKill: NO_KILLS };
  const sandbox = snapshot.sandbox;
  if (!sandbox || !sandbox.ready) {
    actions.killPod = true;
    actions.createSandbox = true;
    // A pod that must not restart and has already run does not get a new sandbox.
    if (!shouldRestartOnFailure(pod) && sandbox && snapshot.containers.length > 0) {
      actions.createSandbox = false;
      return actions;
    }
    if ((pod.spec.initContainers ?? []).length > 0) {
      const init = initActions(pod, snapshot);
      if (!init.done) { actions.nextInitContainer = init.next; if (init.failed) actions.createSandbox = false; return actions; }
    }
    for (let cIndex = 0, cList = pod.spec.containers; cIndex < cList.length; cIndex++) {
      const c = cList[cIndex]!;
      const s = newestOf(snapshot, c.name);
      if (pod.spec.restartPolicy === 'OnFailure' && s && s.state === 'exited' && s.exitCode === 0) continue;
      if (pod.spec.restartPolicy === 'Never' && s && s.state === 'exited') continue;
      startAlso(actions, c);
    }
    return actions;
  }
  if ((pod.spec.initContainers ?? []).length > 0) {
    const init = initActions(pod, snapshot);
    if (init.failed) { actions.killPod = true; return actions; }
    if (!init.done) { actions.nextInitContainer = init.next; return actions; }
  }
  let keep = 0;
  for (let cIndex = 0, cList = pod.spec.containers; cIndex < cList.length; cIndex++) {
    const c = cList[cIndex]!;
    const s = newestOf(snapshot, c.name);
    if (!s || s.state !== 'running') {
      if (shouldContainerBeRestarted(c, pod, snapshot)) startAlso(actions, c);
      continue;
    }
    let message: string;
    let reason: KillReason;
    if (c.image !== undefined && familiarImage(c.image) !== familiarImage(s.specImage)) {
      message = `Container ${c.name} definition changed`;
      reason = 'DefinitionChanged';
    } else if (probes.liveness(s) === 'Failure') {
      message = `Container ${c.name} failed liveness probe`;
      reason = 'LivenessProbe';
    } else if (probes.startup(s) === 'Failure') {
      message = `Container ${c.name} failed startup probe`;
      reason = 'StartupProbe';
    } else {
      keep++;
      continue;
    }
    if (shouldRestartOnFailure(pod)) {
      message += ', will be restarted';
      startAlso(actions, c);
    }
    killAlso(actions, { instance: s, container: c, message, reason });
  }
  if (keep === 0 && actions.containersToStart.length === 0) actions.killPod = true;
  return actions;
}

/** getStableKey: the crash-loop back-off key of a container (pod name, namespace, uid, container name and spec hash). */
export const backoffKey = (pod: Pod, c: Container): string =>
  `${pod.metadata.name}_${pod.metadata.namespace}_${pod.metadata.uid}_${c.name}_${c.image}`;

/** format.Pod: "name_namespace(uid)", as kubelet messages print pods. */
export const formatPod = (pod: Pod): string => `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;

/** The newest exited instance of a container in the snapshot the sync started from (doBackOff's cStatus). */
export function newestExited(snapshot: PodSnapshot, name: string): InstanceSnapshot | undefined {
  return snapshot.containers.find(c => c.name === name && c.state === 'exited');
}
