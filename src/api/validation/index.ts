// Validation dispatch: ObjectMeta for every kind, then the kind's spec rules, on create and update.
import type { KubeObject } from '../objects';
import type { ResourceInfo } from '../resources';
import type { FieldError } from '../field_errors';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta';
import { validatePodSpec, validatePodSpecUpdate } from './pod';
import {
  validateDaemonSet, validateDeployment, validateReplicaSet, validateReplicationController, validateSelectorImmutable, validateStatefulSet,
} from './apps';
import { validateCronJob, validateJob, validateJobUpdate } from './batch';
import { validateService, validateServiceUpdate, validateConfigData, validatePersistentVolumeClaim, validatePodDisruptionBudget } from './core_other';

function validateSpec(obj: KubeObject): FieldError[] {
  switch (obj.kind) {
    case 'Pod': return validatePodSpec(obj.spec, 'spec');
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
    default: return [];
  }
}

export function validateCreate(obj: KubeObject, info: ResourceInfo): FieldError[] {
  return [...validateObjectMeta(obj.metadata, info), ...validateSpec(obj)];
}

export function validateUpdate(obj: KubeObject, prev: KubeObject, info: ResourceInfo): FieldError[] {
  const errs = [...validateObjectMetaUpdate(obj.metadata, prev.metadata, info)];
  switch (obj.kind) {
    case 'Pod': errs.push(...validatePodSpec(obj.spec, 'spec'), ...validatePodSpecUpdate(obj.spec, prev.spec)); break;
    case 'ReplicaSet': case 'Deployment': case 'DaemonSet': case 'StatefulSet':
      errs.push(...validateSpec(obj), ...validateSelectorImmutable(obj, prev)); break;
    case 'Job': errs.push(...validateSpec(obj), ...validateJobUpdate(obj, prev)); break;
    case 'Service': errs.push(...validateSpec(obj), ...validateServiceUpdate(obj, prev)); break;
    default: errs.push(...validateSpec(obj));
  }
  return errs;
}

/** The status subresource's update validation: metadata (the status strategy ignores spec changes). */
export function validateStatusUpdate(obj: KubeObject, prev: KubeObject, info: ResourceInfo): FieldError[] {
  return validateObjectMetaUpdate(obj.metadata, prev.metadata, info);
}
