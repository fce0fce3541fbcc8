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

/** What printPod accumulates while it walks the container statuses. */
interface Walk {
  reason: string;
  ready: number;
  restarts: number;
  lastRestartMs: number | undefined;
  sidecarRestarts: number;
  lastSidecarRestartMs: number | undefined;
}

const later = (a: number | undefined, b: number | undefined): number | undefined =>
  b === undefined ? a : a === undefined || a < b ? b : a;

/** The init-container loop; true when the pod is still initializing (and the reason says how). */
function walkInitContainers(pod: Pod, w: Walk): boolean {
  const specs = pod.spec?.initContainers ?? [];
  const byName = new Map(specs.map(c => [c.name, c]));
  const statuses = pod.status?.initContainerStatuses ?? [];
  for (let i = 0; i < statuses.length; i++) {
    const c = statuses[i]!;
    w.restarts += c.restartCount ?? 0;
    w.lastRestartMs = later(w.lastRestartMs, finishedMs(c));
    const sidecar = isRestartable(byName.get(c.name));
    if (sidecar) {
      w.sidecarRestarts += c.restartCount ?? 0;
      w.lastSidecarRestartMs = later(w.lastSidecarRestartMs, finishedMs(c));
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready) w.ready++;
      continue;
    }
    if (terminated) {
      if (!terminated.reason) w.reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      else w.reason = `Init:${terminated.reason}`;
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      w.reason = `Init:${waiting.reason}`;
    } else {
      w.reason = `Init:${i}/${specs.length}`;
    }
    return true;
  }
  return false;
}

/** The regular containers, last to first, so the first container's reason wins. */
function walkContainers(pod: Pod, w: Walk): void {
  w.restarts = w.sidecarRestarts;
  w.lastRestartMs = w.lastSidecarRestartMs;
  let hasRunning = false;
  const statuses = pod.status?.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i]!;
    w.restarts += c.restartCount ?? 0;
    w.lastRestartMs = later(w.lastRestartMs, finishedMs(c));
    const waiting = c.state?.waiting;
    const terminated = c.state?.terminated;
    if (waiting && waiting.reason) w.reason = waiting.reason;
    else if (terminated && terminated.reason) w.reason = terminated.reason;
    else if (terminated) w.reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
    else if (c.ready && c.state?.running) {
      hasRunning = true;
      w.ready++;
    }
  }
  if (w.reason === 'Completed' && hasRunning) w.reason = hasCondition(pod, 'Ready') === true ? 'Running' : 'NotReady';
}

/** The READY / STATUS / RESTARTS cells of a pod at instant nowMs. */
export function podTableCells(pod: Pod, nowMs: number): PodCells {
  const status = pod.status ?? {};
  const phase = status.phase ?? '';
  const w: Walk = { reason: status.reason || phase, ready: 0, restarts: 0, lastRestartMs: undefined, sidecarRestarts: 0, lastSidecarRestartMs: undefined };
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') w.reason = 'SchedulingGated';
  }
  const totalContainers = (pod.spec?.containers ?? []).length + (pod.spec?.initContainers ?? []).filter(isRestartable).length;
  const initializing = walkInitContainers(pod, w);
  if (!initializing || hasCondition(pod, 'Initialized') === true) walkContainers(pod, w);
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') w.reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') w.reason = 'Terminating';
  const restarts = w.restarts !== 0 && w.lastRestartMs !== undefined
    ? `${w.restarts} (${humanDuration(nowMs - w.lastRestartMs)} ago)`
    : String(w.restarts);
  return { ready: `${w.ready}/${totalContainers}`, status: w.reason, restarts };
}

/** The STATUS column kubectl shows for a pod (e.g. "Running", "CrashLoopBackOff", "Init:0/1"). */
export function printPodStatus(pod: Pod, nowMs: number): string {
  return podTableCells(pod, nowMs).status;
}
