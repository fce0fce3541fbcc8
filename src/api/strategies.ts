// Registry strategies (pkg/registry/<group>/<kind>/strategy.go, v1.32): what the API server does to an object
// on create and update beyond validation — the status each kind starts with (the empty status struct as it
// serializes), generation, the Job's generated selector and labels, the DaemonSet's template generation,
// Namespace finalizers and name label, status/spec separation between the main resource and the status
// subresource, and the system fields a client cannot change.
import type { KubeObject, Stored } from './objects';
import type { ResourceInfo } from './resources';
import { deepEqual } from './freeze';
import { milliValue } from './quantity';
import { JOB_LABELS } from './validation/batch';
import { patchAllocatedValues } from './service_alloc';

type Draft = KubeObject & Record<string, any>;

export const DAEMONSET_TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

/** Each kind's empty status as encoding/json writes it (fields without omitempty appear as zeros). */
const EMPTY_STATUS: Record<string, () => Record<string, unknown>> = {
  ReplicaSet: () => ({ replicas: 0 }),
  ReplicationController: () => ({ replicas: 0 }),
  Deployment: () => ({}),
  DaemonSet: () => ({ currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 }),
  StatefulSet: () => ({ availableReplicas: 0, replicas: 0 }),
  Job: () => ({}),
  CronJob: () => ({}),
  PodDisruptionBudget: () => ({ currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 }),
  Service: () => ({ loadBalancer: {} }),
  Namespace: () => ({ phase: 'Active' }),
  PersistentVolumeClaim: () => ({ phase: 'Pending' }),
};

/** v1 Secret conversion: stringData is write-only, merged into data (base64) over any same-named key. */
function mergeStringData(secret: Draft): void {
  if (!secret.stringData) return;
  secret.data = { ...(secret.data ?? {}) };
  for (const [k, v] of Object.entries(secret.stringData as Record<string, string>)) secret.data[k] = Buffer.from(String(v), 'utf8').toString('base64');
  delete secret.stringData;
}

/** PrepareForCreate: status the server starts each kind with, generation 1 where tracked, kind-specific fields. */
export function prepareForCreate(obj: Draft, info: ResourceInfo): void {
  if (info.generation !== 'none') obj.metadata.generation = 1;
  if (obj.kind === 'Secret') mergeStringData(obj);
  switch (obj.kind) {
    case 'Pod': obj.status = { phase: 'Pending', qosClass: podQOSClass(obj) }; return;
    case 'Node': return; // kubelets register nodes with their status
    case 'Job': generateJobSelector(obj); break;
    case 'DaemonSet': setTemplateGeneration(obj, 1); break;
    case 'Namespace': prepareNamespace(obj); break;
    default: break;
  }
  const empty = EMPTY_STATUS[obj.kind];
  if (empty) obj.status = empty();
  else if (info.hasStatus) delete obj.status;
}

/**
 * generateSelector (pkg/registry/batch/job/strategy.go): unless manualSelector, the template gets the
 * job-name and controller-uid labels (legacy and batch.kubernetes.io/ forms, user values kept so
 * validation can reject conflicts) and the selector matches batch.kubernetes.io/controller-uid.
 */
function generateJobSelector(job: Draft): void {
  const spec = job.spec ??= {};
  if (spec.manualSelector === true) return;
  spec.template ??= {};
  spec.template.metadata ??= {};
  const labels: Record<string, string> = (spec.template.metadata.labels ??= {});
  const name = job.metadata.name ?? '';
  const uid = job.metadata.uid ?? '';
  for (const key of [JOB_LABELS.legacyJobName, JOB_LABELS.jobName]) if (!(key in labels)) labels[key] = name;
  for (const key of [JOB_LABELS.legacyControllerUid, JOB_LABELS.controllerUid]) if (!(key in labels)) labels[key] = uid;
  spec.selector ??= {};
  spec.selector.matchLabels ??= {};
  if (!(JOB_LABELS.controllerUid in spec.selector.matchLabels)) spec.selector.matchLabels[JOB_LABELS.controllerUid] = uid;
  // Every read re-applies SetDefaults_Job, so a Job without labels shows its template's, generated ones included.
  if (Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...labels };
}

/** apps/v1 keeps the internal spec.templateGeneration in an annotation. */
function setTemplateGeneration(ds: Draft, generation: number): void {
  ds.metadata.annotations = { ...(ds.metadata.annotations ?? {}), [DAEMONSET_TEMPLATE_GENERATION]: String(generation) };
}

/** Namespace PrepareForCreate (the kubernetes finalizer is required) and Canonicalize (the name label, once the name is known). */
function prepareNamespace(ns: Draft): void {
  ns.spec ??= {};
  const finalizers: string[] = ns.spec.finalizers ?? [];
  if (!finalizers.includes('kubernetes')) ns.spec.finalizers = [...finalizers, 'kubernetes'];
  ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name ?? '' };
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
  // Set only what the old object has: adding a key and deleting it again would turn the object
  // into a slow dictionary (the resulting keys and their order are the same either way).
  if (om.deletionTimestamp) m.deletionTimestamp = om.deletionTimestamp;
  else if ('deletionTimestamp' in m) delete m.deletionTimestamp;
  if (om.deletionGracePeriodSeconds !== undefined) m.deletionGracePeriodSeconds = om.deletionGracePeriodSeconds;
  else if ('deletionGracePeriodSeconds' in m) delete m.deletionGracePeriodSeconds;
  if (om.generation !== undefined) m.generation = om.generation;
  else if ('generation' in m) delete m.generation;
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
  if (obj.kind === 'Service') patchAllocatedValues(obj, old);
  if (obj.kind === 'Secret') mergeStringData(obj);
  if (obj.kind === 'Namespace') {
    // Namespace spec.finalizers change only through the finalize subresource.
    obj.spec = { ...(obj.spec ?? {}), finalizers: old.spec?.finalizers };
    if (obj.spec.finalizers === undefined) delete obj.spec.finalizers;
  }
  if (obj.kind === 'DaemonSet') {
    const gen = Number(om.annotations?.[DAEMONSET_TEMPLATE_GENERATION] ?? '0');
    const changed = !deepEqual(obj.spec?.template, old.spec?.template);
    setTemplateGeneration(obj, changed ? gen + 1 : gen);
  }
  // Kinds without a generation (pods, leases, nodes, …) need no comparison at all.
  if (info.generation === 'none') return;
  const changed = !deepEqual(obj.spec, old.spec) ||
    (info.generation === 'spec+annotations' && !deepEqual(m.annotations ?? {}, om.annotations ?? {}));
  if (changed) m.generation = (om.generation ?? 0) + 1;
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
