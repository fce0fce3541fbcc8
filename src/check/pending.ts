// Why a workload's pods are not there yet, in the words the cluster uses: the scheduler's
// FailedScheduling message (PodScheduled=False), a container's waiting reason, the Ready
// condition's message, or minReadySeconds still running. Grouped: `2 pods Pending: 0/3 nodes are
// available: 3 Insufficient cpu.`
import type { Condition, Event, Pod, Stored } from '../api/objects';
import { firstAvailableMs, readySinceMs } from '../report/pod_states';
import { durationText } from './durations';
import type { ClusterView } from './view';
import { countNoun } from './amount';

const condition = (pod: Pod, type: string): Condition | undefined =>
  (pod.status?.conditions ?? []).find(c => c.type === type);

/** The latest Warning event about a pod, for reasons no condition carries (FailedMount, BackOff). */
function lastWarning(view: ClusterView, pod: Stored<Pod>, reason?: string): Event | undefined {
  const events = (view.list('Event', pod.metadata.namespace ?? 'default') as Stored<Event>[])
    .filter(e => e.type === 'Warning' && e.involvedObject?.kind === 'Pod' && e.involvedObject.name === pod.metadata.name
      && (reason === undefined || e.reason === reason));
  return events[events.length - 1];
}

/** One pod's (state, why) pair, or undefined when it is available. */
export function podPendingReason(view: ClusterView, pod: Stored<Pod>, minReadySeconds: number): [string, string] | undefined {
  const phase = pod.status?.phase ?? 'Pending';
  if (pod.metadata.deletionTimestamp) return ['Terminating', `deleted at ${pod.metadata.deletionTimestamp}`];
  if (phase === 'Succeeded' || phase === 'Failed') return [phase, pod.status?.reason ?? pod.status?.message ?? 'terminated'];
  if (!pod.spec.nodeName) {
    const scheduled = condition(pod, 'PodScheduled');
    const why = scheduled?.status === 'False' ? scheduled.message ?? scheduled.reason : lastWarning(view, pod, 'FailedScheduling')?.message;
    return ['Pending', why ?? 'not scheduled yet'];
  }
  if (phase === 'Pending') {
    const waiting = (pod.status?.containerStatuses ?? []).map(s => s.state?.waiting).find(w => w?.reason);
    const warning = lastWarning(view, pod);
    const why = waiting?.message ?? warning?.message ?? `on node ${pod.spec.nodeName}`;
    return [waiting?.reason ?? 'ContainerCreating', why];
  }
  const ready = condition(pod, 'Ready');
  if (ready?.status !== 'True') return ['Running, not Ready', ready?.message ?? 'no Ready condition yet'];
  if (minReadySeconds > 0) {
    const since = readySinceMs(pod);
    const availableMs = since === undefined ? undefined : firstAvailableMs(since, minReadySeconds);
    if (availableMs === undefined || view.atMs < availableMs) {
      const left = availableMs === undefined ? '' : ` (${durationText(availableMs - view.atMs)} to go)`;
      return ['Ready, not yet Available', `minReadySeconds ${minReadySeconds}${left}`];
    }
  }
  return undefined;
}

/** `2 pods Pending: 0/3 nodes are available: 3 Insufficient cpu.; 1 pod ContainerCreating: …` */
export function explainPods(view: ClusterView, pods: Stored<Pod>[], minReadySeconds = 0): string | undefined {
  const groups = new Map<string, number>();
  for (const pod of pods) {
    const r = podPendingReason(view, pod, minReadySeconds);
    if (!r) continue;
    const k = `${r[0]}\u0000${r[1]}`;
    groups.set(k, (groups.get(k) ?? 0) + 1);
  }
  if (groups.size === 0) return undefined;
  return [...groups].map(([k, n]) => {
    const [state, why] = k.split('\u0000');
    return `${countNoun(n, 'pod')} ${state}: ${why}`;
  }).join('; ');
}
