// Pure pod status computations of the kubelet: getPhase (pkg/kubelet/kubelet_pods.go) and the
// kubelet-owned conditions (pkg/kubelet/status/generate.go), plus the status manager's rule that a
// condition's lastTransitionTime moves only when its status flips. Readiness gates and sidecar
// (restartable init) containers are handled as upstream does; static pods are not modelled.
import type { Condition, Container, ContainerStatus, PodSpec, PodStatus } from '../api/objects';

/** No containers (shared, never allocated per call: these functions run on every status computation). */
const NONE: readonly Container[] = [];
const NO_STATUSES: readonly ContainerStatus[] = [];

export type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

export const isRestartableInit = (c: Container): boolean => c.restartPolicy === 'Always';

function statusOf(statuses: readonly ContainerStatus[], name: string): ContainerStatus | undefined {
  for (let i = 0; i < statuses.length; i++) if (statuses[i]!.name === name) return statuses[i];
  return undefined;
}

/** HasAnyRegularContainerStarted: a regular container is running or has terminated at least once. */
export function hasAnyRegularContainerStarted(spec: PodSpec, statuses: readonly ContainerStatus[]): boolean {
  for (let cIndex = 0, cList = spec.containers; cIndex < cList.length; cIndex++) {
    const c = cList[cIndex]!;
    const s = statusOf(statuses, c.name);
    if (!s) continue;
    if (s.state?.running || s.state?.terminated || s.lastState?.terminated) return true;
  }
  return false;
}

/** getPhase(pod, allContainerStatuses, podIsTerminal) as in v1.32's kubelet_pods.go. */
export function getPhase(spec: PodSpec, statuses: readonly ContainerStatus[], podIsTerminal: boolean): Phase {
  let pendingRestartableInit = 0;
  let pendingRegularInit = 0;
  let failedInitialization = 0;
  for (let cIndex = 0, cList = spec.initContainers ?? NONE; cIndex < cList.length; cIndex++) {
    const c = cList[cIndex]!;
    if (isRestartableInit(c)) continue;
    const s = statusOf(statuses, c.name);
    if (!s) { pendingRegularInit++; continue; }
    if (s.state?.running) pendingRegularInit++;
    else if (s.state?.terminated) { if (s.state.terminated.exitCode !== 0) failedInitialization++; }
    else if (s.state?.waiting) {
      if (s.lastState?.terminated) { if (s.lastState.terminated.exitCode !== 0) failedInitialization++; }
      else pendingRegularInit++;
    } else pendingRegularInit++;
  }
  let unknown = 0, running = 0, waiting = 0, stopped = 0, succeeded = 0;
  for (let cIndex = 0, cList = spec.initContainers ?? NONE; cIndex < cList.length; cIndex++) {
    const c = cList[cIndex]!;
    if (!isRestartableInit(c)) continue;
    const s = statusOf(statuses, c.name);
    if (!s) { unknown++; continue; }
    if (s.state?.running) { if (!s.started) pendingRestartableInit++; running++; }
    else if (s.state?.terminated) { /* terminated sidecars are ignored */ }
    else if (s.state?.waiting) { if (!s.lastState?.terminated) { pendingRestartableInit++; waiting++; } }
    else { pendingRestartableInit++; unknown++; }
  }
  for (let cIndex = 0, cList = spec.containers; cIndex < cList.length; cIndex++) {
    const c = cList[cIndex]!;
    const s = statusOf(statuses, c.name);
    if (!s) { unknown++; continue; }
    if (s.state?.running) running++;
    else if (s.state?.terminated) { stopped++; if (s.state.terminated.exitCode === 0) succeeded++; }
    else if (s.state?.waiting) { if (s.lastState?.terminated) stopped++; else waiting++; }
    else unknown++;
  }
  if (failedInitialization > 0 && spec.restartPolicy === 'Never') return 'Failed';
  if (pendingRegularInit > 0 || (pendingRestartableInit > 0 && !hasAnyRegularContainerStarted(spec, statuses))) return 'Pending';
  if (waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (spec.restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (spec.restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

const list = (names: string[]): string => `[${names.join(' ')}]`;

function kubeletCondition(type: string, status: Condition['status'], reason?: string, message?: string): Condition {
  const c: Condition = { type, status, lastProbeTime: null };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/**
 * The conditions without a message, built once: the generated conditions are only read (the status
 * manager stores a copy with its transition time, or the old condition itself), and a status is
 * computed on every sync of every pod.
 */
const constant = (type: string, status: Condition['status'], reason?: string): Condition => Object.freeze(kubeletCondition(type, status, reason));
const CONTAINERS_READY_UNKNOWN = constant('ContainersReady', 'False', 'UnknownContainerStatuses');
const CONTAINERS_READY_COMPLETED = constant('ContainersReady', 'False', 'PodCompleted');
const CONTAINERS_READY_FAILED = constant('ContainersReady', 'False', 'PodFailed');
const CONTAINERS_READY_TRUE = constant('ContainersReady', 'True');
const READY_TRUE = constant('Ready', 'True');
/** Ready copying a ContainersReady constant that is not True. */
const READY_FROM = new Map<Condition, Condition>([
  [CONTAINERS_READY_UNKNOWN, constant('Ready', 'False', 'UnknownContainerStatuses')],
  [CONTAINERS_READY_COMPLETED, constant('Ready', 'False', 'PodCompleted')],
  [CONTAINERS_READY_FAILED, constant('Ready', 'False', 'PodFailed')],
]);
const INITIALIZED_UNKNOWN = constant('Initialized', 'False', 'UnknownContainerStatuses');
const INITIALIZED_COMPLETED = constant('Initialized', 'True', 'PodCompleted');
const INITIALIZED_TRUE = constant('Initialized', 'True');
const READY_TO_START_TRUE = constant('PodReadyToStartContainers', 'True');
const READY_TO_START_FALSE = constant('PodReadyToStartContainers', 'False');
const POD_SCHEDULED_TRUE = constant('PodScheduled', 'True');

/** GenerateContainersReadyCondition. */
export function containersReadyCondition(spec: PodSpec, statuses: readonly ContainerStatus[] | undefined, phase: Phase): Condition {
  if (statuses === undefined) return CONTAINERS_READY_UNKNOWN;
  // Name lists only once a container is unknown or unready (a ready pod's status is computed often).
  let unknown: string[] | undefined;
  let unready: string[] | undefined;
  for (let cIndex = 0, cList = spec.initContainers ?? NONE; cIndex < cList.length; cIndex++) {
    const c = cList[cIndex]!;
    if (!isRestartableInit(c)) continue;
    const s = statusOf(statuses, c.name);
    if (!s) (unknown ??= []).push(c.name);
    else if (!s.ready) (unready ??= []).push(c.name);
  }
  for (let cIndex = 0, cList = spec.containers; cIndex < cList.length; cIndex++) {
    const c = cList[cIndex]!;
    const s = statusOf(statuses, c.name);
    if (!s) (unknown ??= []).push(c.name);
    else if (!s.ready) (unready ??= []).push(c.name);
  }
  if (phase === 'Succeeded' && unknown === undefined) return CONTAINERS_READY_COMPLETED;
  if (phase === 'Failed') return CONTAINERS_READY_FAILED;
  if (unknown === undefined && unready === undefined) return CONTAINERS_READY_TRUE;
  const messages: string[] = [];
  if (unknown) messages.push(`containers with unknown status: ${list(unknown)}`);
  if (unready) messages.push(`containers with unready status: ${list(unready)}`);
  return kubeletCondition('ContainersReady', 'False', 'ContainersNotReady', messages.join(', '));
}

/**
 * GeneratePodReadyCondition: ContainersReady, then the readiness gates. `containersReady`: that
 * condition for the same inputs when the caller has it already (it is not modified).
 */
export function podReadyCondition(spec: PodSpec, conditions: readonly Condition[], statuses: readonly ContainerStatus[] | undefined,
  phase: Phase, containersReady = containersReadyCondition(spec, statuses, phase)): Condition {
  const cr = containersReady;
  // cr with type Ready (its keys in the same order: type, status, lastProbeTime, then reason and message when set).
  if (cr.status !== 'True') return READY_FROM.get(cr) ?? kubeletCondition('Ready', cr.status, cr.reason, cr.message);
  const gates = spec.readinessGates as { conditionType: string }[] | undefined;
  if (gates === undefined || gates.length === 0) return READY_TRUE;
  const unready: string[] = [];
  for (let gateIndex = 0, gateList = gates; gateIndex < gateList.length; gateIndex++) {
    const gate = gateList[gateIndex]!;
    const c = conditions.find(x => x.type === gate.conditionType);
    if (!c) unready.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`);
    else if (c.status !== 'True') unready.push(`the status of pod readiness gate "${gate.conditionType}" is not "True", but ${c.status}`);
  }
  if (unready.length) return kubeletCondition('Ready', 'False', 'ReadinessGatesNotReady', unready.join(', '));
  return READY_TRUE;
}

/** GeneratePodInitializedCondition. */
export function podInitializedCondition(spec: PodSpec, statuses: readonly ContainerStatus[] | undefined, phase: Phase): Condition {
  const inits = spec.initContainers ?? NONE;
  if (statuses === undefined && inits.length > 0) return INITIALIZED_UNKNOWN;
  const all = statuses ?? NO_STATUSES;
  let unknown: string[] | undefined;
  let incomplete: string[] | undefined;
  for (let cIndex = 0, cList = inits; cIndex < cList.length; cIndex++) {
    const c = cList[cIndex]!;
    const s = statusOf(all, c.name);
    if (!s) { (unknown ??= []).push(c.name); continue; }
    if (isRestartableInit(c)) { if (!s.started) (incomplete ??= []).push(c.name); continue; }
    if (!s.ready) (incomplete ??= []).push(c.name);
  }
  if (phase === 'Succeeded' && unknown === undefined) return INITIALIZED_COMPLETED;
  if (hasAnyRegularContainerStarted(spec, all)) return INITIALIZED_TRUE;
  if (unknown === undefined && incomplete === undefined) return INITIALIZED_TRUE;
  const messages: string[] = [];
  if (unknown) messages.push(`containers with unknown status: ${list(unknown)}`);
  if (incomplete) messages.push(`containers with incomplete status: ${list(incomplete)}`);
  return kubeletCondition('Initialized', 'False', 'ContainersNotInitialized', messages.join(', '));
}

/** GeneratePodReadyToStartContainersCondition: True once the pod sandbox exists with its network. */
export function podReadyToStartContainersCondition(sandboxReady: boolean): Condition {
  return sandboxReady ? READY_TO_START_TRUE : READY_TO_START_FALSE;
}

/** The conditions the kubelet owns (kubetypes.PodConditionByKubelet). */
export const KUBELET_CONDITIONS = new Set(['PodScheduled', 'Ready', 'Initialized', 'ContainersReady', 'PodReadyToStartContainers']);

/**
 * The kubelet's conditions in generateAPIPodStatus's order, after the conditions it does not own
 * (kept from the API): PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled.
 */
export function kubeletConditions(spec: PodSpec, apiConditions: readonly Condition[], statuses: readonly ContainerStatus[],
  phase: Phase, sandboxReady: boolean): Condition[] {
  const out: Condition[] = [];
  for (let i = 0; i < apiConditions.length; i++) if (!KUBELET_CONDITIONS.has(apiConditions[i]!.type)) out.push(apiConditions[i]!);
  out.push(podReadyToStartContainersCondition(sandboxReady), podInitializedCondition(spec, statuses, phase));
  // One ContainersReady condition serves both Ready (which copies it when not True) and its own entry.
  const containersReady = containersReadyCondition(spec, statuses, phase);
  out.push(podReadyCondition(spec, out, statuses, phase, containersReady), containersReady);
  out.push(POD_SCHEDULED_TRUE);
  return out;
}

/**
 * The status manager's updateLastTransitionTime: each condition keeps the old lastTransitionTime
 * unless its status changed (or it is new), when it gets `now`.
 */
export function stampTransitions(conditions: Condition[], old: readonly Condition[] | undefined, now: string): Condition[] {
  const out = new Array<Condition>(conditions.length);
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i]!;
    if (c.lastTransitionTime) { out[i] = c; continue; }
    let prev: Condition | undefined;
    if (old) for (let j = 0; j < old.length; j++) if (old[j]!.type === c.type) { prev = old[j]; break; }
    // The old condition itself when the stamped copy would equal it key for key (a steady condition):
    // it is immutable, and later comparisons of the two statuses find it by identity.
    if (prev !== undefined && prev.lastTransitionTime && sameButTransition(c, prev)) { out[i] = prev; continue; }
    // Copied key by key rather than spread: a spread at a call site that sees many shapes gives
    // every copy a hidden class of its own, which costs memory and slows every later read.
    const s: Record<string, unknown> = {};
    for (const key in c) s[key] = c[key as keyof Condition];
    s.lastTransitionTime = prev && prev.status === c.status && prev.lastTransitionTime ? prev.lastTransitionTime : now;
    out[i] = s as unknown as Condition;
  }
  return out;
}

/** Condition keys met so far by sameButTransition (written by index: no list per call). */
const conditionKeys: string[] = [];

/**
 * Does `prev` hold exactly c's keys and values, in c's order, then lastTransitionTime — what the
 * key-by-key copy of c with prev's transition time would hold? (c has no lastTransitionTime key.)
 */
function sameButTransition(c: Condition, prev: Condition): boolean {
  const cv = c as unknown as Record<string, unknown>;
  const pv = prev as unknown as Record<string, unknown>;
  let n = 0;
  for (const key in cv) {
    if (key === 'lastTransitionTime' || cv[key] !== pv[key]) return false;
    conditionKeys[n++] = key;
  }
  let m = 0;
  for (const key in pv) {
    if (m < n ? key !== conditionKeys[m] : m > n || key !== 'lastTransitionTime') return false;
    m++;
  }
  return m === n + 1;
}

export const isTerminalPhase = (phase: PodStatus['phase']): boolean => phase === 'Succeeded' || phase === 'Failed';
