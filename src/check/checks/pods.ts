// State checks about pods: phase, restart count, the node a pod is bound to, and how a workload's
// pods sit on one node — read from the pod objects the scheduler and kubelets write.
import type { Pod, Stored } from '../../api/objects';
import type { StateCheck } from '../state';
import { describeRef, type ObjectRef } from '../refs';
import { amountHolds, countNoun, type Amount } from '../amount';
import { podPendingReason } from '../pending';
import { workloadPodsCheck } from './workloads';

export const POD_PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'];

const findPod = (view: Parameters<StateCheck['evaluate']>[0], ref: ObjectRef): Stored<Pod> | undefined =>
  view.get(ref.kind, ref.namespace, ref.name) as Stored<Pod> | undefined;

function requirePod(ref: ObjectRef): void {
  if (ref.kind !== 'Pod') throw new Error(`${describeRef(ref)}: only a pod has a phase, restarts and a node (write pod "name")`);
}

/** `pod "web" is in phase Running` (status.phase; a pod the kubelet has not reported yet is Pending). */
export function podPhase(ref: ObjectRef, phase: string): StateCheck {
  requirePod(ref);
  return {
    description: `${describeRef(ref)} is in phase ${phase}`,
    namespace: ref.namespace,
    evaluate: view => {
      const pod = findPod(view, ref);
      if (!pod) return { ok: false, observed: `${describeRef(ref)} not found` };
      const current = pod.status?.phase ?? 'Pending';
      const ok = current === phase;
      const why = ok ? undefined : podPendingReason(view, pod, 0);
      return { ok, observed: `phase ${current}`, pending: why && `${why[0]}: ${why[1]}` };
    },
  };
}

/** The restarts kubectl's RESTARTS column adds up: every container's restartCount, init containers included. */
export function restartsOf(pod: Pod): number {
  const all = [...pod.status?.initContainerStatuses ?? [], ...pod.status?.containerStatuses ?? []];
  return all.reduce((n, s) => n + (s.restartCount ?? 0), 0);
}

/** `pod "web" has restarted 3 times`. */
export function podRestarts(ref: ObjectRef, amount: Amount): StateCheck {
  requirePod(ref);
  return {
    description: `${describeRef(ref)} has restarted ${countNoun(amount, 'time')}`,
    namespace: ref.namespace,
    evaluate: view => {
      const pod = findPod(view, ref);
      if (!pod) return { ok: false, observed: `${describeRef(ref)} not found` };
      const n = restartsOf(pod);
      const waiting = pod.status?.containerStatuses?.map(s => s.state?.waiting?.reason).find(Boolean);
      return { ok: amountHolds(amount, n), observed: `${countNoun(n, 'restart')}${waiting ? ` (waiting: ${waiting})` : ''}` };
    },
  };
}

/** `pod "web" is scheduled to node "node02"` (spec.nodeName, which binding sets). */
export function podOnNode(ref: ObjectRef, node: string): StateCheck {
  requirePod(ref);
  return {
    description: `${describeRef(ref)} is scheduled to node ${JSON.stringify(node)}`,
    namespace: ref.namespace,
    evaluate: view => {
      const pod = findPod(view, ref);
      if (!pod) return { ok: false, observed: `${describeRef(ref)} not found` };
      const bound = pod.spec.nodeName;
      if (!bound) {
        const why = podPendingReason(view, pod, 0);
        return { ok: false, observed: 'not scheduled', pending: why && why[1] };
      }
      return { ok: bound === node, observed: `scheduled to node ${JSON.stringify(bound)}` };
    },
  };
}

/** `2 pods of replicaset "web" are scheduled to node "node01"`. */
export function workloadPodsOnNode(ref: ObjectRef, amount: Amount, node: string): StateCheck {
  const verb = amount.op === '=' && amount.n === 1 ? 'is' : 'are';
  return workloadPodsCheck(ref, `${countNoun(amount, 'pod')} of ${describeRef(ref)} ${verb} scheduled to node ${JSON.stringify(node)}`, (view, pods) => {
    const byNode = new Map<string, number>();
    for (const p of pods) byNode.set(p.spec.nodeName || '<none>', (byNode.get(p.spec.nodeName || '<none>') ?? 0) + 1);
    const n = byNode.get(node) ?? 0;
    const spread = [...byNode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}: ${v}`).join(', ');
    return { ok: amountHolds(amount, n), observed: `${countNoun(n, 'pod')} on ${node} (${spread || 'no pods'})` };
  });
}
