// Validation dispatch, composed as the registry composes it: on create the kind strategy's Validate
// (ObjectMeta first, then the spec); on update rest.BeforeUpdate's common metadata checks, then the
// strategy's ValidateUpdate (usually the spec again plus what may not change). Repeated messages are
// dropped when the 422 is built, so order follows the first occurrence, as upstream's does.
import type { KubeObject } from '../objects';
import type { ResourceInfo } from '../resources';
import type { FieldError } from '../field_errors';
import * as metaModule from './meta';
import * as podModule from './pod';
import {
  validateDaemonSet, validateDeployment, validateReplicaSet, validateReplicationController, validateSelectorImmutable, validateStatefulSet,
  validateStatefulSetUpdate,
} from './apps';
import { validateCronJob, validateCronJobUpdate, validateJob, validateJobUpdate } from './batch';
import {
  validateConfigData, validateConfigDataUpdate, validateNamespace, validatePersistentVolumeClaim, validatePersistentVolumeClaimUpdate,
  validatePodDisruptionBudget, validateService, validateServiceUpdate,
} from './core_other';

// Imported functions on the request path are read once, here: tsx runs this code as CommonJS, where
// every call of an imported name first reads it through two export getters.
const { validateObjectMeta, validateObjectMetaUpdate, NO_ERRORS } = metaModule;
const { validatePodOnly, validatePodSpec, validatePodSpecUpdate } = podModule;

function validateSpec(obj: KubeObject): readonly FieldError[] {
  switch (obj.kind) {
    case 'Pod': return concat(validatePodSpec(obj.spec, 'spec', { isPod: true }), validatePodOnly(obj.spec ?? {}));
    case 'ReplicaSet': return validateReplicaSet(obj.spec);
    case 'ReplicationController': return validateReplicationController(obj.spec);
    case 'Deployment': return validateDeployment(obj.spec);
    case 'DaemonSet': return validateDaemonSet(obj.spec);
    case 'StatefulSet': return validateStatefulSet(obj.spec);
    case 'Job': return validateJob(obj);
    case 'CronJob': return validateCronJob(obj);
    case 'Service': return validateService(obj);
    case 'ConfigMap': case 'Secret': return validateConfigData(obj);
    case 'PersistentVolumeClaim': return validatePersistentVolumeClaim(obj);
    case 'PodDisruptionBudget': return validatePodDisruptionBudget(obj);
    case 'Namespace': return validateNamespace(obj);
    default: return NO_ERRORS;
  }
}

export function validateCreate(obj: KubeObject, info: ResourceInfo): readonly FieldError[] {
  return concat(validateObjectMeta(obj.metadata, info), validateSpec(obj));
}

/** a then b, without a new list when either is empty (the usual case: no errors at all). */
function concat(a: readonly FieldError[], b: readonly FieldError[]): readonly FieldError[] {
  return b.length === 0 ? a : a.length === 0 ? b : [...a, ...b];
}

/** The strategy's ValidateUpdate, after the common metadata checks. */
function validateKindUpdate(obj: KubeObject, prev: KubeObject): readonly FieldError[] {
  switch (obj.kind) {
    case 'Pod': return concat(validateSpec(obj), validatePodSpecUpdate(obj.spec, prev.spec));
    case 'ReplicaSet': case 'Deployment': case 'DaemonSet': return concat(validateSpec(obj), validateSelectorImmutable(obj, prev));
    case 'StatefulSet': return concat(validateSpec(obj), validateStatefulSetUpdate(obj, prev));
    case 'Job': return concat(validateSpec(obj), validateJobUpdate(obj, prev));
    case 'CronJob': return validateCronJobUpdate(obj, prev);
    case 'Service': return concat(validateServiceUpdate(obj, prev), validateSpec(obj));
    case 'ConfigMap': case 'Secret': return concat(validateConfigDataUpdate(obj, prev), validateSpec(obj));
    case 'PersistentVolumeClaim': return concat(validateSpec(obj), validatePersistentVolumeClaimUpdate(obj, prev));
    default: return validateSpec(obj);
  }
}

/** On the status subresource only the metadata rules apply here (status contents are the writer's business). */
export function validateUpdate(obj: KubeObject, prev: KubeObject, info: ResourceInfo, subresource?: 'status'): readonly FieldError[] {
  const meta = validateObjectMetaUpdate(obj.metadata, prev.metadata, info);
  return subresource === 'status' ? meta : concat(meta, validateKindUpdate(obj, prev));
}

