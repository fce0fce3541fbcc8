// Rollout status and the progress deadline (progress.go): syncRolloutStatus sets Progressing to
// NewReplicaSetAvailable, ReplicaSetUpdated (refreshing lastUpdateTime on every sign of progress) or
// ProgressDeadlineExceeded, mirrors ReplicaSet failures, and when nothing changed asks to be synced
// again one second after the deadline would pass (requeueStuckDeployment).
import type { KubeObject } from '../api/objects';
import { deepEqual } from '../api/freeze';
import { parseRfc3339 } from '../sim/time';
import {
  calculateStatus, getDeploymentCondition, NEW_RS_AVAILABLE_REASON, newDeploymentCondition, removeDeploymentCondition,
  REPLICA_SET_UPDATED_REASON, replicaSetToDeploymentCondition, serializeStatus, setDeploymentCondition, TIMED_OUT_REASON,
  type DeploymentCondition, type DeploymentStatus,
} from './deployment_conditions';
import { deploymentComplete, deploymentProgressing, deploymentTimedOut, hasProgressDeadline } from './deployment_util';
import type { Dc, RS } from './deployment_scale';

/** getReplicaFailures: the new set's ReplicaFailure conditions, else the first found on the others. */
export function getReplicaFailures(allRSs: (RS | undefined)[], newRS: RS | undefined): DeploymentCondition[] {
  const failures = (rs: RS | undefined): DeploymentCondition[] =>
    ((rs?.status?.conditions ?? []) as DeploymentCondition[]).filter(c => c.type === 'ReplicaFailure').map(replicaSetToDeploymentCondition);
  const fromNew = failures(newRS);
  return fromNew.length ? fromNew : allRSs.flatMap(failures);
}

/** Whether the status to write equals the one stored (reflect.DeepEqual on what the API keeps). */
export function statusUnchanged(d: KubeObject, next: DeploymentStatus): boolean {
  return deepEqual(serializeStatus(d.status ?? {}), serializeStatus(next));
}

/** The Progressing condition syncRolloutStatus sets on next, if any. */
function progressingCondition(d: KubeObject, next: DeploymentStatus, newRS: RS | undefined, nowMs: number): void {
  const name = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  const current = getDeploymentCondition(d.status, 'Progressing');
  if (deploymentComplete(d, next)) {
    setDeploymentCondition(next, newDeploymentCondition('Progressing', 'True', NEW_RS_AVAILABLE_REASON, `${name} has successfully progressed.`, nowMs));
  } else if (deploymentProgressing(d, next)) {
    // Same reason, so SetDeploymentCondition alone would keep the old lastUpdateTime: remove and re-add.
    const cond = newDeploymentCondition('Progressing', 'True', REPLICA_SET_UPDATED_REASON, `${name} is progressing.`, nowMs);
    if (current) {
      if (current.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
      removeDeploymentCondition(next, 'Progressing');
    }
    setDeploymentCondition(next, cond);
  } else if (deploymentTimedOut(d, next.conditions, nowMs)) {
    setDeploymentCondition(next, newDeploymentCondition('Progressing', 'False', TIMED_OUT_REASON, `${name} has timed out progressing.`, nowMs));
  }
}

/** syncRolloutStatus: used by the rolling and recreate strategies after each step. */
export function syncRolloutStatus(dc: Dc, allRSs: (RS | undefined)[], newRS: RS | undefined, d: KubeObject): void {
  const nowMs = dc.nowMs();
  const next = calculateStatus(allRSs, newRS, d, nowMs);
  if (!hasProgressDeadline(d)) removeDeploymentCondition(next, 'Progressing');
  const current = getDeploymentCondition(d.status, 'Progressing');
  const isCompleteDeployment = next.replicas === next.updatedReplicas && current?.reason === NEW_RS_AVAILABLE_REASON;
  if (hasProgressDeadline(d) && !isCompleteDeployment) progressingCondition(d, next, newRS, nowMs);

  const failures = getReplicaFailures(allRSs, newRS);
  if (failures.length) setDeploymentCondition(next, failures[0]!);
  else removeDeploymentCondition(next, 'ReplicaFailure');

  if (statusUnchanged(d, next)) {
    requeueStuckDeployment(dc, d, next);
    return;
  }
  d.status = serializeStatus(next);
  dc.client.updateStatus(d);
}

/**
 * requeueStuckDeployment: with a deadline and an unfinished, not yet timed-out rollout, check again
 * at lastUpdateTime + progressDeadlineSeconds + 1 s (the extra second against AddAfter skew); within
 * a second of the deadline, a rate-limited requeue instead. Returns the delay (ms), 0 or -1 as upstream.
 */
export function requeueStuckDeployment(dc: Dc, d: KubeObject, next: DeploymentStatus): number {
  const current = getDeploymentCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !current) return -1;
  if (deploymentComplete(d, next) || current.reason === TIMED_OUT_REASON) return -1;
  const lastUpdateMs = parseRfc3339(current.lastUpdateTime ?? '') ?? 0;
  const afterMs = lastUpdateMs + d.spec.progressDeadlineSeconds * 1000 - dc.nowMs();
  if (afterMs < 1000) {
    dc.requeue({ requeueRateLimited: true });
    return 0;
  }
  dc.requeue({ requeueAfterMs: afterMs + 1000 });
  return afterMs;
}
