// State checks over the pods a workload owns, read from the pods themselves rather than from the
// status its controller writes: how many serve (Ready, not being deleted), are available (v1.32's
// IsPodAvailable with the workload's minReadySeconds), are active (the pods controllers count), and
// which images they run. A status count lags its pods by a sync; these do not.
import type { Pod, Stored } from '../../api/objects';
import { isPodActive, isPodAvailable, isPodReady } from '../../api/pod_util';
import type { StateCheck } from '../state';
import type { ClusterView } from '../view';
import { describeRef, type ObjectRef } from '../refs';
import { amountHolds, countNoun, type Amount } from '../amount';
import { explainPods } from '../pending';
import { workloadPodsCheck } from './workloads';

export type PodState = 'serving' | 'available' | 'active';
export const POD_STATES: PodState[] = ['serving', 'available', 'active'];

const minReadySecondsOf = (owner: Stored): number => Number(owner.spec?.minReadySeconds ?? 0);

/** Whether a pod is in the state, at the view's instant (only `available` with minReadySeconds reads the clock). */
function inState(view: ClusterView, pod: Stored<Pod>, state: PodState, minReadySeconds: number): boolean {
  if (!isPodActive(pod)) return false;
  if (state === 'active') return true;
  if (state === 'serving' || minReadySeconds === 0) return isPodReady(pod);
  return isPodAvailable(pod, minReadySeconds, view.atMs);
}

/** `deployment "web" has at least 8 available pods`: counted over the pods themselves. */
export function podStateCount(ref: ObjectRef, amount: Amount, state: PodState): StateCheck {
  const noun = `${state} pod`;
  return workloadPodsCheck(ref, `${describeRef(ref)} has ${countNoun(amount, noun)}`, (view, pods, owner) => {
    const minReady = state === 'available' ? minReadySecondsOf(owner) : 0;
    const matching = pods.filter(p => inState(view, p, state, minReady));
    const observed = `${countNoun(matching.length, noun)} of ${countNoun(pods.length, 'pod')}`;
    if (amountHolds(amount, matching.length)) return { ok: true, observed };
    const others = pods.filter(p => !matching.includes(p));
    return { ok: false, observed, pending: explainPods(view, others, minReady) };
  });
}

/** The images a pod's containers run. */
const imagesOf = (pod: Stored<Pod>): string[] => (pod.spec.containers ?? []).map(c => c.image ?? '');

/** `nginx:1.27 × 8, nginx:1.28 × 5`: the workload's pods by image, in first-seen order. */
function byImage(pods: Stored<Pod>[]): string {
  const counts = new Map<string, number>();
  for (const p of pods) for (const image of new Set(imagesOf(p))) counts.set(image, (counts.get(image) ?? 0) + 1);
  return [...counts].map(([image, n]) => `${image} × ${n}`).join(', ') || 'no pods';
}

/** `replicaset "web" has 2 pods with image "nginx:1.28"`: pods (Terminating ones included) with a container on that image. */
export function podsWithImage(ref: ObjectRef, amount: Amount, image: string): StateCheck {
  return workloadPodsCheck(ref, `${describeRef(ref)} has ${countNoun(amount, 'pod')} with image ${JSON.stringify(image)}`, (view, pods) => {
    const n = pods.filter(p => imagesOf(p).includes(image)).length;
    return { ok: amountHolds(amount, n), observed: `${countNoun(n, 'pod')} with that image (by image: ${byImage(pods)})` };
  });
}

/** `the pods of replicaset "web" all run image "nginx:1.27"`: at least one pod, and every one (Terminating included) has it. */
export function allPodsRunImage(ref: ObjectRef, image: string): StateCheck {
  return workloadPodsCheck(ref, `the pods of ${describeRef(ref)} all run image ${JSON.stringify(image)}`, (view, pods) => {
    const ok = pods.length > 0 && pods.every(p => imagesOf(p).includes(image));
    const others = pods.filter(p => !imagesOf(p).includes(image)).map(p => p.metadata.name);
    const observed = `pods by image: ${byImage(pods)}${others.length ? `; not on it: ${others.join(', ')}` : ''}`;
    return { ok, observed };
  });
}
