// The legacy in-controller rollback (rollback.go): a `deprecated.deployment.rollback.to` annotation
// (what extensions/v1beta1's rollback subresource left behind) copies the template and annotations
// of the ReplicaSet with that revision (0 = the previous one) into the deployment and is then
// removed. `kubectl rollout undo` does not use this path: it patches the deployment client-side.
import type { KubeObject } from '../api/objects';
import { DEPRECATED_ROLLBACK_TO, lastRevision, revision, setDeploymentAnnotationsTo } from './deployment_annotations';
import { ROLLBACK_DONE, ROLLBACK_REVISION_NOT_FOUND, ROLLBACK_TEMPLATE_UNCHANGED } from './deployment_conditions';
import type { Dc, RS } from './deployment_scale';
import { getAllReplicaSetsAndSyncRevision, getRollbackTo } from './deployment_sync';
import { equalIgnoreHash, setFromReplicaSetTemplate } from './deployment_util';

export function rollback(dc: Dc, d: KubeObject, rsList: RS[]): void {
  const [newRS, allOldRSs] = getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
  const allRSs = [...allOldRSs, newRS];
  let rollbackTo = getRollbackTo(d) ?? 0;
  if (rollbackTo === 0) {
    rollbackTo = lastRevision(allRSs);
    if (rollbackTo === 0) {
      dc.recorder.event(d, 'Warning', ROLLBACK_REVISION_NOT_FOUND, 'Unable to find last revision.');
      return updateDeploymentAndClearRollbackTo(dc, d);
    }
  }
  for (const rs of allRSs) {
    if (!rs || revision(rs) !== rollbackTo) continue;
    // The revision number itself moves on the next getAllReplicaSetsAndSyncRevision.
    const performedRollback = rollbackToTemplate(dc, d, rs);
    if (performedRollback) dc.recorder.event(d, 'Normal', ROLLBACK_DONE, `Rolled back deployment "${d.metadata.name}" to revision ${rollbackTo}`);
    return;
  }
  dc.recorder.event(d, 'Warning', ROLLBACK_REVISION_NOT_FOUND, 'Unable to find the revision to rollback to.');
  updateDeploymentAndClearRollbackTo(dc, d);
}

/** rollbackToTemplate: the set's template and annotations, unless the template is already the deployment's. */
function rollbackToTemplate(dc: Dc, d: KubeObject, rs: RS): boolean {
  let performed = false;
  if (!equalIgnoreHash(d.spec.template, rs.spec?.template)) {
    setFromReplicaSetTemplate(d, rs.spec.template);
    // The set's annotations (e.g. change-cause) come back too, or the deployment's current ones
    // would be copied onto the set after the rollback.
    setDeploymentAnnotationsTo(d, rs);
    performed = true;
  } else {
    dc.recorder.event(d, 'Warning', ROLLBACK_TEMPLATE_UNCHANGED, `The rollback revision contains the same template as current deployment "${d.metadata.name}"`);
  }
  updateDeploymentAndClearRollbackTo(dc, d);
  return performed;
}

function updateDeploymentAndClearRollbackTo(dc: Dc, d: KubeObject): void {
  if (d.metadata.annotations) delete d.metadata.annotations[DEPRECATED_ROLLBACK_TO];
  dc.client.update(d);
}
