// Defaulting, as the API server applies it when it decodes a request: pkg/apis/core/v1/defaults.go,
// pkg/apis/apps/v1/defaults.go and pkg/apis/batch/v1/defaults.go (v1.32) for the kinds kukumber serves,
// including the generated defaulters' walk into pod templates and StatefulSet claim templates. Works on a
// mutable draft. Not modelled: defaults for fields the simulator does not serve (ephemeral containers,
// CSI, ISCSI/RBD/AzureDisk sources, pod-level resources).
import type { Container, KubeObject, PodSpec, PodTemplateSpec, Probe, Volume } from './objects';

type Draft = KubeObject & Record<string, any>;

/** The kinds applyDefaults writes into (keep in step with its switch). */
const DEFAULTED_KINDS = new Set(['Pod', 'ReplicaSet', 'ReplicationController', 'Deployment', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob',
  'Service', 'Secret', 'Namespace', 'PersistentVolumeClaim', 'Endpoints', 'Node']);

/** Does decoding a `kind` apply any default (may applyDefaults write into it)? */
export function hasDefaults(kind: string): boolean {
  return DEFAULTED_KINDS.has(kind);
}

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
    case 'PersistentVolumeClaim': return defaultPersistentVolumeClaim(obj);
    case 'Endpoints': return defaultEndpoints(obj);
    case 'Node': obj.spec ??= {}; return;
    default: return;
  }
}

/** SetDefaults_Pod: requests default to limits (pods only, not templates), service links, host-network ports. */
function defaultPod(pod: Draft): void {
  pod.spec ??= { containers: [] };
  const spec: PodSpec = pod.spec;
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    c.resources!.requests ??= {};
    for (const [name, q] of Object.entries(limits)) c.resources!.requests[name] ??= q;
  }
  spec.enableServiceLinks ??= true;
  if (spec.hostNetwork === true) {
    defaultHostNetworkPorts(spec.containers);
    defaultHostNetworkPorts(spec.initContainers);
  }
  defaultPodSpec(spec);
}

/** defaultHostNetworkPorts: with hostNetwork a container port's hostPort is its containerPort. */
function defaultHostNetworkPorts(containers: Container[] | undefined): void {
  for (const c of containers ?? []) for (const p of c.ports ?? []) if (!p.hostPort) p.hostPort = p.containerPort;
}

/** SetDefaults_PodSpec plus the per-field defaulters the generated code applies to its members. */
export function defaultPodSpec(spec: PodSpec): void {
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  // DefaultHostNetworkHostPortsInPodTemplates is off: templates keep hostPort 0; pods get it in SetDefaults_Pod.
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ??= 'default-scheduler';
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

// distribution/reference, as parsers.ParseImageName uses it: an image that does not parse has no tag.
const NAME_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${NAME_COMPONENT}(?:/${NAME_COMPONENT})*)(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$`);

/** The tag ParseImageName reports: "latest" when there is neither tag nor digest, "" when the image does not parse. */
export function imageTag(image: string): string {
  const m = REFERENCE.exec(image);
  if (!m || m[1]!.length > 255) return '';
  const [, , tag, digest] = m;
  if (tag) return tag;
  return digest ? '' : 'latest';
}

function defaultContainer(c: Container): void {
  if (c.imagePullPolicy === undefined) c.imagePullPolicy = imageTag(c.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (probe) defaultProbe(probe);
  const lifecycle = c.lifecycle as Record<string, { httpGet?: { path?: string; scheme?: string } } | undefined> | undefined;
  for (const h of [lifecycle?.postStart, lifecycle?.preStop]) if (h?.httpGet) { h.httpGet.path ??= '/'; h.httpGet.scheme ??= 'HTTP'; }
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

const VOLUME_SOURCE_KEYS = ['hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile',
  'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO',
  'storageos', 'csi', 'ephemeral', 'image'];

function defaultVolume(v: Volume): void {
  // SetDefaults_Volume: a volume that names no source is an emptyDir.
  if (VOLUME_SOURCE_KEYS.every(k => v[k] === undefined || v[k] === null)) v.emptyDir = {};
  if (v.configMap) v.configMap.defaultMode ??= 420;
  if (v.secret) v.secret.defaultMode ??= 420;
  const downward = v.downwardAPI as { defaultMode?: number; items?: { fieldRef?: { apiVersion?: string } }[] } | undefined;
  if (downward) {
    downward.defaultMode ??= 420;
    for (const item of downward.items ?? []) if (item.fieldRef) item.fieldRef.apiVersion ??= 'v1';
  }
  const projected = v.projected as { defaultMode?: number; sources?: Record<string, any>[] } | undefined;
  if (projected) {
    projected.defaultMode ??= 420;
    // Indexed loops: the sources may be frozen (the service account token projection is shared).
    const sources = projected.sources;
    if (sources) for (let i = 0; i < sources.length; i++) {
      const s = sources[i]!;
      if (s.serviceAccountToken) s.serviceAccountToken.expirationSeconds ??= 3600;
      const items = s.downwardAPI?.items;
      if (items) for (let j = 0; j < items.length; j++) if (items[j].fieldRef) items[j].fieldRef.apiVersion ??= 'v1';
    }
  }
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
  sts.spec.podManagementPolicy ??= 'OrderedReady';
  sts.spec.updateStrategy ??= {};
  // rollingUpdate is created only when the type itself was defaulted (SetDefaults_StatefulSet).
  if (sts.spec.updateStrategy.type === undefined) {
    sts.spec.updateStrategy.type = 'RollingUpdate';
    sts.spec.updateStrategy.rollingUpdate ??= {};
  }
  if (sts.spec.updateStrategy.type === 'RollingUpdate' && sts.spec.updateStrategy.rollingUpdate) {
    sts.spec.updateStrategy.rollingUpdate.partition ??= 0;
  }
  sts.spec.persistentVolumeClaimRetentionPolicy ??= {};
  sts.spec.persistentVolumeClaimRetentionPolicy.whenDeleted ??= 'Retain';
  sts.spec.persistentVolumeClaimRetentionPolicy.whenScaled ??= 'Retain';
  sts.spec.replicas ??= 1;
  sts.spec.revisionHistoryLimit ??= 10;
  // The generated defaulter applies SetDefaults_PersistentVolumeClaim to claim templates, status included.
  for (const pvc of sts.spec.volumeClaimTemplates ?? []) defaultPersistentVolumeClaim(pvc);
  defaultTemplate(sts.spec.template);
}

function defaultPersistentVolumeClaim(pvc: Draft): void {
  pvc.spec ??= {};
  pvc.spec.volumeMode ??= 'Filesystem';
  pvc.status ??= {};
  pvc.status.phase ??= 'Pending';
}

function defaultJob(job: Draft): void {
  job.spec ??= {};
  const spec = job.spec;
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  // SetDefaults_Job: a Job without labels takes its template's (before the registry adds the generated ones).
  const labels = spec.template?.metadata?.labels;
  if (labels && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...labels };
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  for (const rule of spec.podFailurePolicy?.rules ?? []) for (const c of rule.onPodConditions ?? []) c.status ??= 'True';
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  defaultTemplate(spec.template);
}

/** SetDefaults_CronJob; the job template's spec gets only pod-template defaults (no Job defaults until a Job exists). */
function defaultCronJob(cj: Draft): void {
  cj.spec ??= {};
  cj.spec.concurrencyPolicy ??= 'Allow';
  cj.spec.suspend ??= false;
  cj.spec.successfulJobsHistoryLimit ??= 3;
  cj.spec.failedJobsHistoryLimit ??= 1;
  defaultTemplate(cj.spec.jobTemplate?.spec?.template);
}

function defaultService(svc: Draft): void {
  svc.spec ??= {};
  const spec = svc.spec;
  spec.sessionAffinity ??= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  spec.type ??= 'ClusterIP';
  for (const p of spec.ports ?? []) {
    p.protocol ??= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  const externallyAccessible = spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0);
  if (externallyAccessible) spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'ClusterIP' || spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
}

function defaultNamespace(ns: Draft): void {
  // SetDefaults_Namespace labels every namespace with its name (spec.finalizers come from the strategy).
  ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name! };
}

function defaultEndpoints(ep: Draft): void {
  for (const ss of (ep.subsets ?? []) as { ports?: { protocol?: string }[] }[]) for (const p of ss.ports ?? []) p.protocol ??= 'TCP';
}
