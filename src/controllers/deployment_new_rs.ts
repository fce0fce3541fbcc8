// getNewReplicaSet (sync.go): finds the ReplicaSet whose template is the deployment's and keeps its
// revision and annotations in step, or creates it as `<deployment>-<pod-template-hash>` at its first
// size, handling hash collisions (collisionCount) and create failures (ReplicaSetCreateError).
import type { KubeObject, LabelSelector, Stored } from '../api/objects';
import { controllerRef } from '../api/objects';
import { deepClone } from '../api/freeze';
import { isApiError } from '../api/errors';
import { ControllerError, isNamespaceTerminating, newControllerRef } from './controller_utils';
import { maxRevision, REVISION_ANNOTATION, setDeploymentRevision, setNewReplicaSetAnnotations } from './deployment_annotations';
import {
  FAILED_RS_CREATE_REASON, FOUND_NEW_RS_REASON, getDeploymentCondition, NEW_REPLICA_SET_REASON, newDeploymentCondition,
  setDeploymentCondition, type DeploymentStatus,
} from './deployment_conditions';
import { computeHash } from './deployment_hash';
import { equalIgnoreHash, findNewReplicaSet, hasProgressDeadline, newRSNewReplicas, POD_TEMPLATE_HASH_LABEL } from './deployment_util';
import type { Dc, RS } from './deployment_scale';

const statusOf = (d: KubeObject): DeploymentStatus => (d.status ??= {});

/** labelsutil.CloneSelectorAndAddLabel: matchLabels gains the key; matchExpressions are copied. */
export function cloneSelectorAndAddLabel(selector: LabelSelector | undefined, key: string, value: string): LabelSelector {
  const out: LabelSelector = { matchLabels: { ...(selector?.matchLabels ?? {}), [key]: value } };
  if (selector?.matchExpressions) out.matchExpressions = deepClone(selector.matchExpressions);
  return out;
}

/** The ReplicaSet getNewReplicaSet would create for d (replicas still 0, annotations not yet set). */
export function newReplicaSetFor(d: KubeObject): RS {
  const hash = computeHash(d.spec.template, d.status?.collisionCount);
  const template = deepClone(d.spec.template ?? {});
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } };
  const spec: Record<string, unknown> = { replicas: 0 };
  if (d.spec.minReadySeconds) spec.minReadySeconds = d.spec.minReadySeconds;
  spec.selector = cloneSelectorAndAddLabel(d.spec.selector, POD_TEMPLATE_HASH_LABEL, hash);
  spec.template = template;
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    // v1.32 names the set <deployment>-<hash> without truncation (that came with kubernetes PR #132560, v1.34).
    metadata: { name: `${d.metadata.name}-${hash}`, namespace: d.metadata.namespace, ownerReferences: [newControllerRef(d as Stored)], labels: { ...template.metadata.labels } },
    spec,
  };
}

/** The existing new set: sync its annotations and minReadySeconds, else copy its revision to the deployment. */
function syncExistingNewReplicaSet(dc: Dc, d: KubeObject, existing: RS, newRevision: string): RS {
  const rsCopy = deepClone(existing);
  const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
  const minReady = d.spec.minReadySeconds ?? 0;
  if (annotationsUpdated || (rsCopy.spec.minReadySeconds ?? 0) !== minReady) {
    if (minReady) rsCopy.spec.minReadySeconds = minReady;
    else delete rsCopy.spec.minReadySeconds;
    return dc.client.update(rsCopy);
  }
  // The deployment takes the set's revision (set by an earlier sync), not newRevision.
  let needsUpdate = setDeploymentRevision(d, rsCopy.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
  if (hasProgressDeadline(d) && !getDeploymentCondition(d.status, 'Progressing')) {
    const msg = `Found new replica set "${rsCopy.metadata.name}"`;
    setDeploymentCondition(statusOf(d), newDeploymentCondition('Progressing', 'True', FOUND_NEW_RS_REASON, msg, dc.nowMs()));
    needsUpdate = true;
  }
  if (needsUpdate) dc.client.updateStatus(d);
  return rsCopy;
}

/** UpdateStatus whose error upstream discards (`_, _ =` or only logs it). */
function updateStatusIgnoringError(dc: Dc, d: KubeObject): void {
  try {
    dc.client.updateStatus(d);
  } catch (e) {
    if (!isApiError(e)) throw e;
  }
}

/**
 * getNewReplicaSet. When the set does not exist and createIfNotExisted, it is created already at
 * NewRSNewReplicas, with "Scaled up replica set X from 0 to N", the deployment's revision and a
 * NewReplicaSetCreated condition (written with UpdateStatus; the in-memory deployment keeps its
 * old resourceVersion, as upstream's does, so a later write in the same sync may conflict).
 */
export function getNewReplicaSet(dc: Dc, d: KubeObject, rsList: RS[], oldRSs: RS[], createIfNotExisted: boolean): RS | undefined {
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = String(maxRevision(oldRSs) + 1);
  if (existing) return syncExistingNewReplicaSet(dc, d, existing, newRevision);
  if (!createIfNotExisted) return undefined;

  const newRS = newReplicaSetFor(d);
  const newReplicasCount = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec.replicas = newReplicasCount;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false);
  const name = newRS.metadata.name!;
  let alreadyExists = false;
  let created: RS;
  try {
    created = dc.client.create(newRS);
  } catch (e) {
    if (!isApiError(e)) throw e;
    if (e.reason === 'AlreadyExists') {
      alreadyExists = true;
      const rs = dc.cachedReplicaSet(d.metadata.namespace ?? '', name);
      if (!rs) throw new ControllerError(`replicaset.apps "${name}" not found`);
      if (controllerRef(rs)?.uid === d.metadata.uid && equalIgnoreHash(d.spec.template, rs.spec?.template)) {
        created = rs;
      } else {
        // A hash collision: bump collisionCount so the next sync hashes differently, and retry.
        statusOf(d).collisionCount = (d.status.collisionCount ?? 0) + 1;
        updateStatusIgnoringError(dc, d);
        throw e;
      }
    } else if (isNamespaceTerminating(e)) {
      throw e;
    } else {
      const msg = `Failed to create new replica set "${name}": ${e.message}`;
      if (hasProgressDeadline(d)) {
        setDeploymentCondition(statusOf(d), newDeploymentCondition('Progressing', 'False', FAILED_RS_CREATE_REASON, msg, dc.nowMs()));
        updateStatusIgnoringError(dc, d);
      }
      dc.recorder.event(d, 'Warning', FAILED_RS_CREATE_REASON, msg);
      throw e;
    }
  }
  if (!alreadyExists && newReplicasCount > 0) {
    dc.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${newReplicasCount}`);
  }
  let needsUpdate = setDeploymentRevision(d, newRevision);
  if (!alreadyExists && hasProgressDeadline(d)) {
    const msg = `Created new replica set "${created.metadata.name}"`;
    setDeploymentCondition(statusOf(d), newDeploymentCondition('Progressing', 'True', NEW_REPLICA_SET_REASON, msg, dc.nowMs()));
    needsUpdate = true;
  }
  if (needsUpdate) dc.client.updateStatus(d);
  return created;
}
