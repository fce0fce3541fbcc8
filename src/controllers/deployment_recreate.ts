// The Recreate strategy (recreate.go): scale every old ReplicaSet to zero, wait until none of their
// pods is left running (terminating pods count), and only then create or scale up the new set.
import type { KubeObject, Stored } from '../api/objects';
import { syncRolloutStatus } from './deployment_progress';
import { scaleReplicaSetAndRecordEvent, type Dc, type RS } from './deployment_scale';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision } from './deployment_sync';
import { deploymentComplete, filterActiveReplicaSets, getActualReplicaCountForReplicaSets, specReplicas } from './deployment_util';

/** Pods grouped by the uid of the ReplicaSet controlling them (getPodMapForDeployment). */
export type PodMap = Map<string, Stored[]>;

export function rolloutRecreate(dc: Dc, d: KubeObject, rsList: RS[], podMap: () => PodMap): void {
  // Do not create the new set yet: scaling up before scaling down is what Recreate avoids.
  let [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  let allRSs = [...oldRSs, newRS];
  const activeOldRSs = filterActiveReplicaSets(oldRSs);
  if (scaleDownOldReplicaSetsForRecreate(dc, activeOldRSs, d)) return syncRolloutStatus(dc, allRSs, newRS, d);
  if (oldPodsRunning(newRS, oldRSs, podMap())) return syncRolloutStatus(dc, allRSs, newRS, d);
  if (!newRS) {
    [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
    allRSs = [...oldRSs, newRS];
  }
  scaleReplicaSetAndRecordEvent(dc, newRS!, specReplicas(d), d);
  if (deploymentComplete(d, d.status)) cleanupDeployment(dc, oldRSs, d);
  syncRolloutStatus(dc, allRSs, newRS, d);
}

/** scaleDownOldReplicaSetsForRecreate: every active old set to zero; true if any was scaled. */
export function scaleDownOldReplicaSetsForRecreate(dc: Dc, oldRSs: RS[], d: KubeObject): boolean {
  let scaled = false;
  for (let i = 0; i < oldRSs.length; i++) {
    if (specReplicas(oldRSs[i]) === 0) continue;
    const [scaledRS, updated] = scaleReplicaSetAndRecordEvent(dc, oldRSs[i]!, 0, d);
    if (scaledRS) {
      oldRSs[i] = updated;
      scaled = true;
    }
  }
  return scaled;
}

/**
 * oldPodsRunning: old sets still report replicas, or an old set's pod is in any phase but
 * Failed/Succeeded (Unknown counts as running; so does a pod being deleted).
 */
export function oldPodsRunning(newRS: RS | undefined, oldRSs: RS[], podMap: PodMap): boolean {
  if (getActualReplicaCountForReplicaSets(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const pod of pods) {
      const phase = pod.status?.phase;
      if (phase !== 'Failed' && phase !== 'Succeeded') return true;
    }
  }
  return false;
}
