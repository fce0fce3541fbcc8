// Deployment sync paths shared by every strategy (sync.go): the new/old ReplicaSet split with
// revision sync, the paused and scaling-event path (`sync`), paused/resumed conditions, history
// clean-up beyond revisionHistoryLimit, and plain status sync.
import type { KubeObject } from '../api/objects';
import { isApiError } from '../api/errors';
import { byRevision, DEPRECATED_ROLLBACK_TO, parseInt64 } from './deployment_annotations';
import {
  calculateStatus, getDeploymentCondition, newDeploymentCondition, PAUSED_DEPLOY_REASON, RESUMED_DEPLOY_REASON,
  serializeStatus, setDeploymentCondition, TIMED_OUT_REASON,
} from './deployment_conditions';
import { getNewReplicaSet } from './deployment_new_rs';
import { statusUnchanged } from './deployment_progress';
import { scale, type Dc, type RS } from './deployment_scale';
import {
  byCreationTimestamp, filterActiveReplicaSets, findOldReplicaSets, getDesiredReplicasAnnotation, hasProgressDeadline,
  hasRevisionHistoryLimit, specReplicas,
} from './deployment_util';

/** getAllReplicaSetsAndSyncRevision: [new set (maybe created), all old sets]. */
export function getAllReplicaSetsAndSyncRevision(dc: Dc, d: KubeObject, rsList: RS[], createIfNotExisted: boolean): [RS | undefined, RS[]] {
  const [, allOldRSs] = findOldReplicaSets(d, rsList);
  const newRS = getNewReplicaSet(dc, d, rsList, allOldRSs, createIfNotExisted);
  return [newRS, allOldRSs];
}

/** getRollbackTo: the legacy rollback annotation's revision, when it parses. */
export function getRollbackTo(d: KubeObject): number | undefined {
  const v = d.metadata.annotations?.[DEPRECATED_ROLLBACK_TO];
  return v ? parseInt64(v) : undefined;
}

/** syncDeploymentStatus: write calculateStatus when it differs. */
export function syncDeploymentStatus(dc: Dc, allRSs: (RS | undefined)[], newRS: RS | undefined, d: KubeObject): void {
  const next = calculateStatus(allRSs, newRS, d, dc.nowMs());
  if (statusUnchanged(d, next)) return;
  d.status = serializeStatus(next);
  dc.client.updateStatus(d);
}

/** syncStatusOnly: a deployment being deleted only has its status updated. */
export function syncStatusOnly(dc: Dc, d: KubeObject, rsList: RS[]): void {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  syncDeploymentStatus(dc, [...oldRSs, newRS], newRS, d);
}

/** sync: scaling events and paused deployments — proportional scaling, no new ReplicaSet, no progress estimate. */
export function sync(dc: Dc, d: KubeObject, rsList: RS[]): void {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  scale(dc, d, newRS, oldRSs);
  if (d.spec.paused && getRollbackTo(d) === undefined) cleanupDeployment(dc, oldRSs, d);
  syncDeploymentStatus(dc, [...oldRSs, newRS], newRS, d);
}

/**
 * checkPausedConditions: Progressing becomes Unknown/DeploymentPaused while paused and
 * Unknown/DeploymentResumed after, so time spent paused never counts against the deadline; a
 * ProgressDeadlineExceeded condition is left alone.
 */
export function checkPausedConditions(dc: Dc, d: KubeObject): void {
  if (!hasProgressDeadline(d)) return;
  const cond = getDeploymentCondition(d.status, 'Progressing');
  if (cond?.reason === TIMED_OUT_REASON) return;
  const pausedCondExists = cond?.reason === PAUSED_DEPLOY_REASON;
  const status = (d.status ??= {});
  if (d.spec.paused && !pausedCondExists) {
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'Unknown', PAUSED_DEPLOY_REASON, 'Deployment is paused', dc.nowMs()));
  } else if (!d.spec.paused && pausedCondExists) {
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'Unknown', RESUMED_DEPLOY_REASON, 'Deployment is resumed', dc.nowMs()));
  } else {
    return;
  }
  dc.client.updateStatus(d);
}

/** isScalingEvent: an active set was sized for a different spec.replicas (its desired-replicas annotation). */
export function isScalingEvent(dc: Dc, d: KubeObject, rsList: RS[]): boolean {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  for (const rs of filterActiveReplicaSets([...oldRSs, newRS])) {
    const desired = getDesiredReplicasAnnotation(rs);
    if (desired !== undefined && desired !== specReplicas(d)) return true;
  }
  return false;
}

/**
 * cleanupDeployment: keep revisionHistoryLimit old sets. The oldest by revision beyond the limit
 * are deleted if fully scaled down and observed; others in that range are skipped, not replaced.
 * A delete error other than NotFound stops the loop.
 */
export function cleanupDeployment(dc: Dc, oldRSs: RS[], d: KubeObject): void {
  if (!hasRevisionHistoryLimit(d)) return;
  const cleanable = oldRSs.filter(rs => rs && !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - d.spec.revisionHistoryLimit;
  if (diff <= 0) return;
  cleanable.sort(byRevision(byCreationTimestamp));
  for (const rs of cleanable.slice(0, diff)) {
    if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) ||
      rs.metadata.deletionTimestamp) continue;
    try {
      dc.client.delete('ReplicaSet', rs.metadata.namespace ?? '', rs.metadata.name!);
    } catch (e) {
      if (!isApiError(e, 'NotFound')) throw e;
    }
  }
}
