// Scaling ReplicaSets for a Deployment (sync.go scale, scaleReplicaSet): one helper writes every size
// change with the desired/max-replicas annotations and the ScalingReplicaSet event, and `scale`
// spreads a change of spec.replicas over the active sets in proportion to their size.
import type { KubeObject, Stored } from '../api/objects';
import type { Client } from '../api/client';
import type { EventRecorder } from '../api/events';
import { deepClone } from '../api/freeze';
import type { ReconcileResult } from './runner';
import { replicasAnnotationsNeedUpdate, setReplicasAnnotations } from './deployment_annotations';
import {
  bySizeNewer, bySizeOlder, filterActiveReplicaSets, findActiveOrLatest, getReplicaCountForReplicaSets, getReplicaSetProportion,
  isRollingUpdate, isSaturated, maxSurge, specReplicas,
} from './deployment_util';

/** What the sync helpers share, as upstream's methods share the DeploymentController receiver. */
export interface Dc {
  client: Client;
  recorder: EventRecorder;
  nowMs(): number;
  /** rsLister.ReplicaSets(ns).Get(name). */
  cachedReplicaSet(namespace: string, name: string): Stored | undefined;
  /** enqueueAfter / enqueueRateLimited from inside a sync: what reconcile returns to the runner. */
  requeue(result: ReconcileResult): void;
}

export type RS = KubeObject;

/** scaleReplicaSetAndRecordEvent: nothing to do when the size already matches. */
export function scaleReplicaSetAndRecordEvent(dc: Dc, rs: RS, newScale: number, d: KubeObject): [boolean, RS] {
  if (specReplicas(rs) === newScale) return [false, rs];
  return scaleReplicaSet(dc, rs, newScale, d);
}

/**
 * scaleReplicaSet: Update the set when its size or replica annotations differ; the event (v1.32
 * wording, kubernetes PR #125118) only when the size changed and the update succeeded.
 */
export function scaleReplicaSet(dc: Dc, rs: RS, newScale: number, d: KubeObject): [boolean, RS] {
  const desired = specReplicas(d);
  const max = desired + maxSurge(d);
  const sizeNeedsUpdate = specReplicas(rs) !== newScale;
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return [false, rs];
  const oldScale = specReplicas(rs);
  const copy = deepClone(rs);
  copy.spec.replicas = newScale;
  setReplicasAnnotations(copy, desired, max);
  const updated = dc.client.update(copy);
  if (!sizeNeedsUpdate) return [false, updated];
  const operation = oldScale < newScale ? 'up' : 'down';
  dc.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${updated.metadata.name} from ${oldScale} to ${newScale}`);
  return [true, updated];
}

/**
 * scale: one active (or no active: the newest) set takes spec.replicas; a saturated new set means
 * old sets go to zero; otherwise, for RollingUpdate, spec.replicas + maxSurge is split over the
 * active sets in proportion to their size, largest first, the rounding leftover going to the first.
 */
export function scale(dc: Dc, d: KubeObject, newRS: RS | undefined, oldRSs: RS[]): void {
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) === specReplicas(d)) return;
    scaleReplicaSetAndRecordEvent(dc, activeOrLatest, specReplicas(d), d);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActiveReplicaSets(oldRSs)) scaleReplicaSetAndRecordEvent(dc, old, 0, d);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const allRSs = filterActiveReplicaSets([...oldRSs, newRS]);
  const allowedSize = specReplicas(d) > 0 ? specReplicas(d) + maxSurge(d) : 0;
  const toAdd = allowedSize - getReplicaCountForReplicaSets(allRSs);
  if (toAdd > 0) allRSs.sort(bySizeNewer);
  else if (toAdd < 0) allRSs.sort(bySizeOlder);
  const sizes = proportionalSizes(allRSs, d, toAdd);
  // Stop at the first failure; the deployment is requeued.
  allRSs.forEach((rs, i) => { scaleReplicaSet(dc, rs, sizes[i]!, d); });
}

/** The sizes `scale` gives each set (already sorted), leftover on the first, never below zero. */
export function proportionalSizes(sortedRSs: RS[], d: KubeObject, toAdd: number): number[] {
  let added = 0;
  const sizes = sortedRSs.map(rs => {
    if (toAdd === 0) return specReplicas(rs);
    const proportion = getReplicaSetProportion(rs, d, toAdd, added);
    added += proportion;
    return specReplicas(rs) + proportion;
  });
  if (sizes.length && toAdd !== 0) sizes[0] = Math.max(0, sizes[0]! + toAdd - added);
  return sizes;
}
