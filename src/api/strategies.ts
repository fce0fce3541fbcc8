// Registry strategies: what the API server does to an object on create and update beyond
// validation — status reset on create, status/spec separation between the main resource and the
// status subresource, generation bumps, and the system fields a client cannot change.
import type { KubeObject, Stored } from './objects';
import type { ResourceInfo } from './resources';
import { deepEqual } from './freeze';
import { milliValue } from './quantity';

type Draft = KubeObject & Record<string, any>;

/** PrepareForCreate: status the server starts each kind with, and generation 1 where tracked. */
export function prepareForCreate(obj: Draft, info: ResourceInfo): void {
  if (info.generation !== 'none') obj.metadata.generation = 1;
  switch (obj.kind) {
    case 'Pod': obj.status = { phase: 'Pending', qosClass: podQOSClass(obj) }; return;
    case 'Namespace': obj.status = { phase: 'Active' }; return;
    case 'Service': obj.status = { loadBalancer: {} }; return;
    case 'PersistentVolumeClaim': obj.status = { phase: 'Pending' }; return;
    case 'Node': return; // kubelets register nodes with their status
    default: if (info.hasStatus) delete obj.status;
  }
}

/**
 * PrepareForUpdate for the main resource (status kept) or the status subresource (spec kept).
 * Either way system metadata is the server's, and generation moves only on a spec change.
 */
export function prepareForUpdate(obj: Draft, old: Stored, info: ResourceInfo, subresource: 'status' | undefined): void {
  const m = obj.metadata;
  const om = old.metadata;
  m.name = om.name;
  m.namespace = om.namespace;
  m.uid = om.uid;
  m.creationTimestamp = om.creationTimestamp;
  m.deletionTimestamp = om.deletionTimestamp;
  m.deletionGracePeriodSeconds = om.deletionGracePeriodSeconds;
  m.generation = om.generation;
  if (!m.deletionTimestamp) delete m.deletionTimestamp;
  if (m.deletionGracePeriodSeconds === undefined) delete m.deletionGracePeriodSeconds;
  if (m.generation === undefined) delete m.generation;
  if (subresource === 'status') {
    obj.spec = old.spec;
    if (obj.spec === undefined) delete obj.spec;
    if (obj.kind === 'Pod') m.ownerReferences = om.ownerReferences;
    if (obj.kind === 'Deployment') m.labels = om.labels;
    return;
  }
  if (info.hasStatus && obj.kind !== 'Node') {
    obj.status = old.status;
    if (obj.status === undefined) delete obj.status;
  }
  const specChanged = !deepEqual(obj.spec, old.spec);
  const annotationsChanged = info.generation === 'spec+annotations' && !deepEqual(m.annotations ?? {}, om.annotations ?? {});
  if (info.generation !== 'none' && (specChanged || annotationsChanged)) m.generation = (om.generation ?? 0) + 1;
}

/** qos.GetPodQOS: Guaranteed when every container has equal cpu and memory requests and limits, BestEffort with none. */
export function podQOSClass(pod: Draft): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if ((req[r] !== undefined && milliValue(req[r]) > 0) || (lim[r] !== undefined && milliValue(lim[r]) > 0)) any = true;
      if (lim[r] === undefined || (req[r] !== undefined && milliValue(req[r]) !== milliValue(lim[r]))) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
