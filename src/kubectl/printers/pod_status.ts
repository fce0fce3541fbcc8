// printPod (k/k pkg/printers/internalversion/printers.go, v1.32): the READY, STATUS and RESTARTS
// cells of `kubectl get pods` — phase or reason, SchedulingGated, Init:N/M and Init:<reason>,
// the first container's waiting/terminated reason (containers walked last to first), Completed →
// Running/NotReady while a container still runs, Terminating/Unknown on deletion, and
// "N (5m ago)" restarts from the latest lastState.terminated.finishedAt.
import type { Container, ContainerStatus, Pod } from '../../api/objects';
import { parseRfc3339 } from '../../sim/time';
import { humanDuration } from './duration';

export interface PodCells { ready: string; status: string; restarts: string }

/** podutil.IsRestartableInitContainer: an init container with restartPolicy Always (a sidecar). */
const isRestartable = (c: Container | undefined): boolean => c?.restartPolicy === 'Always';

const finishedMs = (s: ContainerStatus): number | undefined => {
  const t = s.lastState?.terminated?.finishedAt;
  return t ? parseRfc3339(t) : undefined;
};

const hasCondition = (pod: Pod, type: string): boolean | undefined => {
  const c = pod.status?.conditions?.find(x => x.type === type);
  return c === undefined ? undefined : c.status === 'True';
};

/** The READY / STATUS / RESTARTS cells of a pod at instant nowMs. */
export function podTableCells(pod: Pod, nowMs: number): PodCells {
  const status = pod.status ?? {};
  const phase = status.phase ?? '';
  let reason: string = status.reason || phase;
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  const initContainers = new Map((pod.spec?.initContainers ?? []).map(c => [c.name, c]));
  const totalContainers = (pod.spec?.containers ?? []).length + (pod.spec?.initContainers ?? []).filter(isRestartable).length;
  let readyContainers = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestartMs: number | undefined;
  let lastSidecarRestartMs: number | undefined;
  const later = (a: number | undefined, b: number | undefined): number | undefined =>
    b === undefined ? a : a === undefined || a < b ? b : a;

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    restarts += c.restartCount ?? 0;
    lastRestartMs = later(lastRestartMs, finishedMs(c));
    const sidecar = isRestartable(initContainers.get(c.name));
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestartMs = later(lastSidecarRestartMs, finishedMs(c));
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      if (!terminated.reason) reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      else reason = `Init:${terminated.reason}`;
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${(pod.spec?.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(pod, 'Initialized') === true) {
    restarts = sidecarRestarts;
    lastRestartMs = lastSidecarRestartMs;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      restarts += c.restartCount ?? 0;
      lastRestartMs = later(lastRestartMs, finishedMs(c));
      const waiting = c.state?.waiting;
      const terminated = c.state?.terminated;
      if (waiting && waiting.reason) reason = waiting.reason;
      else if (terminated && terminated.reason) reason = terminated.reason;
      else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = hasCondition(pod, 'Ready') === true ? 'Running' : 'NotReady';
  }

  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  const restartsText = restarts !== 0 && lastRestartMs !== undefined
    ? `${restarts} (${humanDuration(nowMs - lastRestartMs)} ago)`
    : String(restarts);
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText };
}

/** The STATUS column kubectl shows for a pod (e.g. "Running", "CrashLoopBackOff", "Init:0/1"). */
export function printPodStatus(pod: Pod, nowMs: number): string {
  return podTableCells(pod, nowMs).status;
}
