// The RollingUpdate strategy (rolling.go): each sync first scales the new ReplicaSet up within
// maxSurge and stops if it did; otherwise it scales old sets down within maxUnavailable —
// unhealthy replicas first, then oldest sets first — and finally records status.
import type { KubeObject } from '../api/objects';
import { isApiError } from '../api/errors';
import { ControllerError } from './controller_utils';
import { syncRolloutStatus } from './deployment_progress';
import { scaleReplicaSetAndRecordEvent, type Dc, type RS } from './deployment_scale';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision } from './deployment_sync';
import {
  byCreationTimestamp, deploymentComplete, filterActiveReplicaSets, getAvailableReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets, maxUnavailable, newRSNewReplicas, specReplicas,
} from './deployment_util';

export function rolloutRolling(dc: Dc, d: KubeObject, rsList: RS[]): void {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
  const allRSs = [...oldRSs, newRS!];
  if (reconcileNewReplicaSet(dc, allRSs, newRS!, d)) return syncRolloutStatus(dc, allRSs, newRS, d);
  if (reconcileOldReplicaSets(dc, allRSs, filterActiveReplicaSets(oldRSs), newRS!, d)) return syncRolloutStatus(dc, allRSs, newRS, d);
  // Complete as of the status read at the start of this sync.
  if (deploymentComplete(d, d.status)) cleanupDeployment(dc, oldRSs, d);
  syncRolloutStatus(dc, allRSs, newRS, d);
}

/** reconcileNewReplicaSet: down to spec.replicas if above it, else up to NewRSNewReplicas. */
export function reconcileNewReplicaSet(dc: Dc, allRSs: RS[], newRS: RS, d: KubeObject): boolean {
  const replicas = specReplicas(d);
  if (specReplicas(newRS) === replicas) return false;
  if (specReplicas(newRS) > replicas) return scaleReplicaSetAndRecordEvent(dc, newRS, replicas, d)[0];
  return scaleReplicaSetAndRecordEvent(dc, newRS, newRSNewReplicas(d, allRSs, newRS), d)[0];
}

/**
 * reconcileOldReplicaSets: old sets may lose at most allPods − minAvailable − (new set's unavailable
 * replicas), where allPods sums spec.replicas. Errors from the two scale-down steps are swallowed
 * ("not scaled") as in v1.32's rolling.go.
 */
export function reconcileOldReplicaSets(dc: Dc, allRSs: RS[], oldRSs: RS[], newRS: RS, d: KubeObject): boolean {
  if (getReplicaCountForReplicaSets(oldRSs) === 0) return false;
  const allPodsCount = getReplicaCountForReplicaSets(allRSs);
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const newRSUnavailablePodCount = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPodsCount - minAvailable - newRSUnavailablePodCount;
  if (maxScaledDown <= 0) return false;
  try {
    const [cleaned, cleanupCount] = cleanupUnhealthyReplicas(dc, oldRSs, d, maxScaledDown);
    const scaledDownCount = scaleDownOldReplicaSetsForRollingUpdate(dc, [...cleaned, newRS], cleaned, d);
    return cleanupCount + scaledDownCount > 0;
  } catch (e) {
    if (isApiError(e) || e instanceof ControllerError) return false;
    throw e;
  }
}

/**
 * cleanupUnhealthyReplicas: oldest first, take away replicas that are not available (the ReplicaSet
 * controller deletes not-ready pods first), up to maxCleanupCount in total.
 */
export function cleanupUnhealthyReplicas(dc: Dc, oldRSs: RS[], d: KubeObject, maxCleanupCount: number): [RS[], number] {
  oldRSs.sort(byCreationTimestamp);
  let totalScaledDown = 0;
  for (let i = 0; i < oldRSs.length; i++) {
    if (totalScaledDown >= maxCleanupCount) break;
    const target = oldRSs[i]!;
    const replicas = specReplicas(target);
    const available = target.status?.availableReplicas ?? 0;
    if (replicas === 0 || replicas === available) continue;
    const scaledDownCount = Math.min(maxCleanupCount - totalScaledDown, replicas - available);
    const newReplicasCount = replicas - scaledDownCount;
    if (newReplicasCount > replicas) {
      throw new ControllerError(`when cleaning up unhealthy replicas, got invalid request to scale down ${target.metadata.namespace}/${target.metadata.name} ${replicas} -> ${newReplicasCount}`);
    }
    const [, updated] = scaleReplicaSetAndRecordEvent(dc, target, newReplicasCount, d);
    totalScaledDown += scaledDownCount;
    oldRSs[i] = updated;
  }
  return [oldRSs, totalScaledDown];
}

/** scaleDownOldReplicaSetsForRollingUpdate: remove available − minAvailable replicas, oldest sets first. */
export function scaleDownOldReplicaSetsForRollingUpdate(dc: Dc, allRSs: RS[], oldRSs: RS[], d: KubeObject): number {
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const availablePodCount = getAvailableReplicaCountForReplicaSets(allRSs);
  if (availablePodCount <= minAvailable) return 0;
  oldRSs.sort(byCreationTimestamp);
  let totalScaledDown = 0;
  const totalScaleDownCount = availablePodCount - minAvailable;
  for (const target of oldRSs) {
    if (totalScaledDown >= totalScaleDownCount) break;
    const replicas = specReplicas(target);
    if (replicas === 0) continue;
    const scaleDownCount = Math.min(replicas, totalScaleDownCount - totalScaledDown);
    const newReplicasCount = replicas - scaleDownCount;
    if (newReplicasCount > replicas) {
      throw new ControllerError(`when scaling down old RS, got invalid request to scale down ${target.metadata.namespace}/${target.metadata.name} ${replicas} -> ${newReplicasCount}`);
    }
    scaleReplicaSetAndRecordEvent(dc, target, newReplicasCount, d);
    totalScaledDown += scaleDownCount;
  }
  return totalScaledDown;
}
