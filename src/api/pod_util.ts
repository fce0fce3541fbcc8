// Pod readiness and availability as pkg/api/v1/pod/util.go defines them, on virtual time.
import type { Condition, Pod, Stored } from './objects';
import { parseRfc3339 } from '../sim/time';

type AnyPod = Pod | Stored;

export function getPodReadyCondition(pod: AnyPod): Condition | undefined {
  return (pod.status?.conditions as Condition[] | undefined)?.find(c => c.type === 'Ready');
}

/** IsPodReady: a Ready condition with status True — nothing else is consulted. */
export function isPodReady(pod: AnyPod): boolean {
  return getPodReadyCondition(pod)?.status === 'True';
}

/**
 * IsPodAvailable as in v1.32: ready, and either minReadySeconds is 0 or the Ready condition's
 * lastTransitionTime (second precision, as serialised) + minReadySeconds is strictly before now.
 * (`<=` arrived with PR #132122, after v1.33.)
 */
export function isPodAvailable(pod: AnyPod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const ltt = getPodReadyCondition(pod)?.lastTransitionTime;
  const t = ltt ? parseRfc3339(ltt) : undefined;
  return t !== undefined && t + minReadySeconds * 1000 < nowMs;
}

/** IsPodActive (controller_utils.go): not Succeeded, not Failed, not being deleted. */
export function isPodActive(pod: AnyPod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}
