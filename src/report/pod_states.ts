// A pod's state for timelines, read off one stored version the way `kubectl get pods` would
// summarise it: Pending (not scheduled), ContainerCreating (scheduled, containers not running —
// the detail says ImagePullBackOff and the like), Running, Ready, Terminating, Succeeded, Failed.
// Available is not in a version: it is Ready held for the owner's minReadySeconds (timeline.ts).
import type { Condition, Pod, Stored } from '../api/objects';
import { parseRfc3339 } from '../sim/time';

export type PodState = 'Pending' | 'ContainerCreating' | 'Running' | 'Ready' | 'Available' | 'Terminating' | 'Succeeded' | 'Failed';

export const POD_STATES: PodState[] = ['Pending', 'ContainerCreating', 'Running', 'Ready', 'Available', 'Terminating', 'Succeeded', 'Failed'];

export interface PodStateAt { state: PodState; detail: string }

const readyCondition = (pod: Pod): Condition | undefined => (pod.status?.conditions ?? []).find(c => c.type === 'Ready');

export function podStateOf(pod: Stored<Pod>): PodStateAt {
  const phase = pod.status?.phase ?? 'Pending';
  if (phase === 'Succeeded' || phase === 'Failed') return { state: phase, detail: pod.status?.reason ?? phase };
  if (pod.metadata.deletionTimestamp) return { state: 'Terminating', detail: `deletionTimestamp ${pod.metadata.deletionTimestamp}` };
  if (phase === 'Running') {
    const ready = readyCondition(pod);
    if (ready?.status === 'True') return { state: 'Ready', detail: 'Ready=True' };
    const waiting = (pod.status?.containerStatuses ?? []).map(s => s.state?.waiting?.reason).find(Boolean);
    return { state: 'Running', detail: waiting ?? ready?.reason ?? 'not ready' };
  }
  if (!pod.spec.nodeName) {
    const scheduled = (pod.status?.conditions ?? []).find(c => c.type === 'PodScheduled');
    return { state: 'Pending', detail: scheduled?.status === 'False' ? scheduled.message ?? 'Unschedulable' : 'not scheduled' };
  }
  const waiting = (pod.status?.containerStatuses ?? []).map(s => s.state?.waiting?.reason).find(Boolean);
  return { state: 'ContainerCreating', detail: waiting ?? `on ${pod.spec.nodeName}` };
}

/**
 * The first instant a pod Ready since readySinceMs counts as available: IsPodAvailable in v1.32
 * (pkg/api/v1/pod/util.go) wants lastTransitionTime + minReadySeconds < now, strictly (`<=` only
 * from v1.34), and minReadySeconds 0 means available as soon as Ready.
 */
export function firstAvailableMs(readySinceMs: number, minReadySeconds: number): number {
  return minReadySeconds > 0 ? readySinceMs + minReadySeconds * 1000 + 1 : readySinceMs;
}

/** The Ready condition's lastTransitionTime, in virtual ms (second precision, as the API stores it). */
export function readySinceMs(pod: Stored<Pod>): number | undefined {
  const t = readyCondition(pod)?.lastTransitionTime;
  return t ? parseRfc3339(t) : undefined;
}
