// Pod readiness and availability as pkg/api/v1/pod/util.go defines them, on virtual time.
import type { Condition, Pod, Stored } from './objects';
import { parseRfc3339 } from '../sim/time';

type AnyPod = Pod | Stored;

export function getPodReadyCondition(pod: AnyPod): Condition | undefined {
  // A plain loop: controllers call this for every pod of every sync.
  const conditions = pod.status?.conditions as Condition[] | undefined;
  if (!conditions) return undefined;
  for (let i = 0; i < conditions.length; i++) if (conditions[i]!.type === 'Ready') return conditions[i];
  return undefined;
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
  const c = getPodReadyCondition(pod);
  return c?.status === 'True' && isReadyConditionAvailable(c, minReadySeconds, nowMs);
}

/** The rest of IsPodAvailable for a pod whose Ready condition (given) is True. */
export function isReadyConditionAvailable(ready: Condition, minReadySeconds: number, nowMs: number): boolean {
  if (!minReadySeconds) return true;
  const ltt = ready.lastTransitionTime;
  const t = ltt ? parseRfc3339(ltt) : undefined;
  return t !== undefined && t + minReadySeconds * 1000 < nowMs;
}

/** IsPodActive (controller_utils.go): not Succeeded, not Failed, not being deleted. */
export function isPodActive(pod: AnyPod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}
