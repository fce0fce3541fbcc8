// Defaulting, as the API server applies it when it decodes a request: pkg/apis/core/v1/defaults.go,
// pkg/apis/apps/v1/defaults.go and pkg/apis/batch/v1/defaults.go for the kinds kukumber serves.
// Works on a mutable draft. Not modelled: defaults for fields the simulator does not serve
// (ephemeral containers, CSI, dynamic resource claims).
import type { Container, KubeObject, PodSpec, PodTemplateSpec, Probe, Volume } from './objects';

type Draft = KubeObject & Record<string, any>;

export function applyDefaults(obj: Draft): void {
  switch (obj.kind) {
    case 'Pod': return defaultPod(obj);
    case 'ReplicaSet': return defaultReplicaSet(obj);
    case 'ReplicationController': return defaultReplicationController(obj);
    case 'Deployment': return defaultDeployment(obj);
    case 'DaemonSet': return defaultDaemonSet(obj);
    case 'StatefulSet': return defaultStatefulSet(obj);
    case 'Job': return defaultJob(obj);
    case 'CronJob': return defaultCronJob(obj);
    case 'Service': return defaultService(obj);
    case 'Secret': obj.type ??= 'Opaque'; return;
    case 'Namespace': return defaultNamespace(obj);
    case 'PersistentVolumeClaim': obj.spec ??= {}; obj.spec.volumeMode ??= 'Filesystem'; return;
    case 'Node': obj.spec ??= {}; return;
    default: return;
  }
}

function defaultPod(pod: Draft): void {
  pod.spec ??= { containers: [] };
  const spec: PodSpec = pod.spec;
  // SetDefaults_Pod: requests default to limits for resources that only have a limit.
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    c.resources!.requests ??= {};
    for (const [name, q] of Object.entries(limits)) c.resources!.requests[name] ??= q;
  }
  spec.enableServiceLinks ??= true;
  defaultPodSpec(spec);
}

export function defaultPodSpec(spec: PodSpec): void {
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ??= 'default-scheduler';
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

function imageTag(image: string): string | undefined {
  // An image with no tag and no digest parses as tag "latest"; a digest-only image has no tag.
  const afterSlash = image.slice(image.lastIndexOf('/') + 1);
  if (image.includes('@')) {
    const beforeDigest = afterSlash.split('@')[0]!;
    return beforeDigest.includes(':') ? beforeDigest.slice(beforeDigest.indexOf(':') + 1) : undefined;
  }
  return afterSlash.includes(':') ? afterSlash.slice(afterSlash.indexOf(':') + 1) : 'latest';
}

function defaultContainer(c: Container): void {
  if (c.imagePullPolicy === undefined && c.image) c.imagePullPolicy = imageTag(c.image) === 'latest' ? 'Always' : 'IfNotPresent';
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (probe) defaultProbe(probe);
  for (const e of c.env ?? []) {
    const ref = (e.valueFrom as { fieldRef?: { apiVersion?: string } } | undefined)?.fieldRef;
    if (ref) ref.apiVersion ??= 'v1';
  }
}

export function defaultProbe(p: Probe): void {
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (p.httpGet) {
    p.httpGet.path ??= '/';
    p.httpGet.scheme ??= 'HTTP';
  }
}

function defaultVolume(v: Volume): void {
  if (v.configMap) v.configMap.defaultMode ??= 420;
  if (v.secret) v.secret.defaultMode ??= 420;
  const projected = v.projected as { defaultMode?: number } | undefined;
  if (projected) projected.defaultMode ??= 420;
  const downward = v.downwardAPI as { defaultMode?: number } | undefined;
  if (downward) downward.defaultMode ??= 420;
  if (v.hostPath) (v.hostPath as { type?: string }).type ??= '';
}

function defaultTemplate(t: PodTemplateSpec | undefined): void {
  if (t?.spec) defaultPodSpec(t.spec);
}

function defaultReplicaSet(rs: Draft): void {
  rs.spec ??= {};
  rs.spec.replicas ??= 1;
  defaultTemplate(rs.spec.template);
}

function defaultReplicationController(rc: Draft): void {
  rc.spec ??= {};
  const labels = rc.spec.template?.metadata?.labels;
  // SetDefaults_ReplicationController: an empty selector and empty labels come from the template's labels.
  if (labels) {
    if (!rc.spec.selector || Object.keys(rc.spec.selector).length === 0) rc.spec.selector = { ...labels };
    if (!rc.metadata.labels || Object.keys(rc.metadata.labels).length === 0) rc.metadata.labels = { ...labels };
  }
  rc.spec.replicas ??= 1;
  defaultTemplate(rc.spec.template);
}

function defaultDeployment(d: Draft): void {
  d.spec ??= {};
  d.spec.replicas ??= 1;
  d.spec.strategy ??= {};
  d.spec.strategy.type ??= 'RollingUpdate';
  if (d.spec.strategy.type === 'RollingUpdate') {
    d.spec.strategy.rollingUpdate ??= {};
    d.spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
    d.spec.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  d.spec.revisionHistoryLimit ??= 10;
  d.spec.progressDeadlineSeconds ??= 600;
  defaultTemplate(d.spec.template);
}

function defaultDaemonSet(ds: Draft): void {
  ds.spec ??= {};
  ds.spec.updateStrategy ??= {};
  ds.spec.updateStrategy.type ??= 'RollingUpdate';
  if (ds.spec.updateStrategy.type === 'RollingUpdate') {
    ds.spec.updateStrategy.rollingUpdate ??= {};
    ds.spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    ds.spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
  }
  ds.spec.revisionHistoryLimit ??= 10;
  defaultTemplate(ds.spec.template);
}

function defaultStatefulSet(sts: Draft): void {
  sts.spec ??= {};
  sts.spec.replicas ??= 1;
  sts.spec.podManagementPolicy ??= 'OrderedReady';
  sts.spec.updateStrategy ??= {};
  sts.spec.updateStrategy.type ??= 'RollingUpdate';
  if (sts.spec.updateStrategy.type === 'RollingUpdate') {
    sts.spec.updateStrategy.rollingUpdate ??= {};
    sts.spec.updateStrategy.rollingUpdate.partition ??= 0;
  }
  sts.spec.revisionHistoryLimit ??= 10;
  sts.spec.persistentVolumeClaimRetentionPolicy ??= {};
  sts.spec.persistentVolumeClaimRetentionPolicy.whenDeleted ??= 'Retain';
  sts.spec.persistentVolumeClaimRetentionPolicy.whenScaled ??= 'Retain';
  for (const pvc of sts.spec.volumeClaimTemplates ?? []) {
    pvc.spec ??= {};
    pvc.spec.volumeMode ??= 'Filesystem';
  }
  defaultTemplate(sts.spec.template);
}

function defaultJobSpec(spec: Record<string, any>): void {
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  for (const rule of spec.podFailurePolicy?.rules ?? []) for (const c of rule.onPodConditions ?? []) c.status ??= 'True';
  defaultTemplate(spec.template);
}

function defaultJob(job: Draft): void {
  job.spec ??= {};
  defaultJobSpec(job.spec);
}

function defaultCronJob(cj: Draft): void {
  cj.spec ??= {};
  cj.spec.concurrencyPolicy ??= 'Allow';
  cj.spec.suspend ??= false;
  cj.spec.successfulJobsHistoryLimit ??= 3;
  cj.spec.failedJobsHistoryLimit ??= 1;
  cj.spec.jobTemplate ??= {};
  cj.spec.jobTemplate.spec ??= {};
  // CronJob job templates are defaulted like Jobs except completions/parallelism (set when the Job is created).
  const spec = cj.spec.jobTemplate.spec;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  defaultTemplate(spec.template);
}

function defaultService(svc: Draft): void {
  svc.spec ??= {};
  const spec = svc.spec;
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  for (const p of spec.ports ?? []) {
    p.protocol ??= 'TCP';
    p.targetPort ??= p.port;
  }
  if (spec.type === 'ClusterIP' || spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.internalTrafficPolicy ??= 'Cluster';
  if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer')) spec.externalTrafficPolicy ??= 'Cluster';
}

function defaultNamespace(ns: Draft): void {
  ns.spec ??= {};
  ns.spec.finalizers ??= ['kubernetes'];
  // The NamespaceDefaultLabelName feature (GA in 1.22) labels every namespace with its name.
  ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name! };
}
