// State checks about workloads, read from the status fields their controllers write (what
// `kubectl get` columns show), and about the pods a workload owns.
import type { Pod, Stored } from '../../api/objects';
import type { Observation, StateCheck } from '../state';
import type { ClusterView } from '../view';
import { describeRef, type ObjectRef } from '../refs';
import { amountHolds, countNoun, type Amount } from '../amount';
import { explainPods } from '../pending';
import { jsonPathText } from '../jsonpath';

export type ReplicaState = 'desired' | 'current' | 'ready' | 'available' | 'updated';
export const REPLICA_STATES: ReplicaState[] = ['desired', 'current', 'ready', 'available', 'updated'];

/** Where each kind keeps each count (status fields are omitted when zero, so absent reads as 0). */
const FIELDS: Record<string, Partial<Record<ReplicaState, string>>> = {
  ReplicaSet: { desired: 'spec.replicas', current: 'status.replicas', ready: 'status.readyReplicas', available: 'status.availableReplicas' },
  ReplicationController: { desired: 'spec.replicas', current: 'status.replicas', ready: 'status.readyReplicas', available: 'status.availableReplicas' },
  Deployment: { desired: 'spec.replicas', current: 'status.replicas', ready: 'status.readyReplicas', available: 'status.availableReplicas', updated: 'status.updatedReplicas' },
  StatefulSet: { desired: 'spec.replicas', current: 'status.replicas', ready: 'status.readyReplicas', available: 'status.availableReplicas', updated: 'status.updatedReplicas' },
  DaemonSet: { desired: 'status.desiredNumberScheduled', current: 'status.currentNumberScheduled', ready: 'status.numberReady', available: 'status.numberAvailable', updated: 'status.updatedNumberScheduled' },
};

/** The pods a workload owns: directly, or through its ReplicaSets (Deployment) or Jobs (CronJob). */
export function podsOf(view: ClusterView, owner: Stored): Stored<Pod>[] {
  const via = owner.kind === 'Deployment' ? 'ReplicaSet' : owner.kind === 'CronJob' ? 'Job' : undefined;
  const owners = via ? view.dependentsOf(owner.metadata.uid, via) : [owner];
  return owners.flatMap(o => view.dependentsOf(o.metadata.uid, 'Pod')) as Stored<Pod>[];
}

/**
 * A check over the pods a workload owns (Terminating ones included): fails with "not found" while
 * the workload does not exist, and shows the workload and its pods in a failure snapshot.
 */
export function workloadPodsCheck(ref: ObjectRef, description: string,
  evaluate: (view: ClusterView, pods: Stored<Pod>[], owner: Stored) => Observation): StateCheck {
  return {
    description,
    namespace: ref.namespace,
    related: [ref.kind, 'Pod'],
    evaluate: view => {
      const owner = view.get(ref.kind, ref.namespace, ref.name);
      if (!owner) return { ok: false, observed: `${describeRef(ref)} not found` };
      return evaluate(view, podsOf(view, owner), owner);
    },
  };
}

function readCount(obj: Stored, field: string): number {
  const text = jsonPathText(obj, `.${field}`);
  return text === undefined ? 0 : Number(text);
}

const replicaNoun = (state: ReplicaState): string => `${state} replica`;

/** `replicaset "web" has 3 ready replicas`, read from status.readyReplicas. */
export function replicaCount(ref: ObjectRef, amount: Amount, state: ReplicaState): StateCheck {
  const fields = FIELDS[ref.kind];
  const field = fields?.[state];
  const description = `${describeRef(ref)} has ${countNoun(amount, replicaNoun(state))}`;
  if (!field) {
    const known = fields ? Object.keys(fields).join(', ') : 'none';
    throw new Error(`${describeRef(ref)}: a ${ref.kind} has no ${state} replica count (it has: ${known})`);
  }
  // Not workloadPodsCheck: the pods are looked up only to explain a failure (always/never claims
  // evaluate this after every write).
  return {
    description,
    namespace: ref.namespace,
    related: [ref.kind, 'Pod'],
    evaluate: view => {
      const obj = view.get(ref.kind, ref.namespace, ref.name);
      if (!obj) return { ok: false, observed: `${describeRef(ref)} not found` };
      const n = readCount(obj, field);
      const ok = amountHolds(amount, n);
      const observed = `${countNoun(n, replicaNoun(state))} (${field})`;
      if (ok) return { ok, observed };
      const minReady = Number(obj.spec?.minReadySeconds ?? 0);
      return { ok, observed, pending: explainPods(view, podsOf(view, obj), minReady) ?? whyNoPods(view, obj) };
    },
  };
}

/** When every pod is fine (or there are none), the workload's own last Warning says more. */
function whyNoPods(view: ClusterView, obj: Stored): string | undefined {
  const events = view.list('Event', obj.metadata.namespace ?? 'default').filter(e =>
    (e as { type?: string }).type === 'Warning' && (e as { involvedObject?: { uid?: string } }).involvedObject?.uid === obj.metadata.uid);
  const last = events[events.length - 1] as { reason?: string; message?: string } | undefined;
  return last ? `${last.reason}: ${last.message}` : undefined;
}

/** `replicaset "web" has 3 pods`: the pods it owns that exist, Terminating ones included (as `kubectl get pods` lists them). */
export function podCount(ref: ObjectRef, amount: Amount): StateCheck {
  return workloadPodsCheck(ref, `${describeRef(ref)} has ${countNoun(amount, 'pod')}`, (_view, pods) => {
    const names = pods.map(p => p.metadata.name).join(', ');
    return { ok: amountHolds(amount, pods.length), observed: `${countNoun(pods.length, 'pod')}${names ? `: ${names}` : ''}` };
  });
}
