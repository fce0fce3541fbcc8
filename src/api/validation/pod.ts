// PodSpec and pod template validation (pkg/apis/core/validation/validation.go): containers, images,
// ports, probes, restart policy, volumes and mounts, resources, tolerations and node selectors, with
// upstream's field paths and messages. Pod updates may change only what upstream lets them change.
import type { Container, PodSpec, Probe, Volume } from '../objects';
import { duplicate, forbiddenField, invalidField, notFoundField, notSupported, required, type FieldError } from '../field_errors';
import { isDNS1123Label, isQualifiedName, isValidLabelValue } from './names';
import { parseQuantity } from '../quantity';
import { deepEqual } from '../freeze';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TOLERATION_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const VOLUME_SOURCES = ['hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile',
  'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO',
  'storageos', 'csi', 'ephemeral', 'image'];

const PORT_RANGE = 'must be between 1 and 65535, inclusive';
const NON_NEGATIVE = 'must be greater than or equal to 0';

function validatePortNumber(port: unknown, path: string, errs: FieldError[]): void {
  if (typeof port === 'number') {
    if (port < 1 || port > 65535) errs.push(invalidField(path, port, PORT_RANGE));
  } else if (typeof port === 'string') {
    if (!/^[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/.test(port) || !/[a-z]/.test(port) || port.includes('--')) {
      errs.push(invalidField(path, port, "must contain only alphanumeric characters (a-z, 0-9), and hyphens (-)"));
    }
  }
}

function nonNegative(value: number | undefined, path: string, errs: FieldError[]): void {
  if (value !== undefined && value < 0) errs.push(invalidField(path, value, NON_NEGATIVE));
}

function validateProbe(p: Probe | undefined, path: string, kind: 'liveness' | 'readiness' | 'startup', errs: FieldError[]): void {
  if (!p) return;
  const handlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'].filter(h => (p as Record<string, unknown>)[h] !== undefined);
  if (handlers.length === 0) errs.push(required(path, 'must specify a handler type'));
  if (handlers.length > 1) errs.push(forbiddenField(`${path}.${handlers[1]}`, 'may not specify more than 1 handler type'));
  nonNegative(p.initialDelaySeconds, `${path}.initialDelaySeconds`, errs);
  nonNegative(p.timeoutSeconds, `${path}.timeoutSeconds`, errs);
  nonNegative(p.periodSeconds, `${path}.periodSeconds`, errs);
  nonNegative(p.successThreshold, `${path}.successThreshold`, errs);
  nonNegative(p.failureThreshold, `${path}.failureThreshold`, errs);
  if (kind !== 'readiness' && p.successThreshold !== undefined && p.successThreshold !== 1) {
    errs.push(invalidField(`${path}.successThreshold`, p.successThreshold, 'must be 1'));
  }
  if (kind === 'readiness' && p.terminationGracePeriodSeconds !== undefined) {
    errs.push(invalidField(`${path}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  }
  if (p.httpGet) validatePortNumber(p.httpGet.port, `${path}.httpGet.port`, errs);
  if (p.tcpSocket) validatePortNumber(p.tcpSocket.port, `${path}.tcpSocket.port`, errs);
  if (p.exec && (!p.exec.command || p.exec.command.length === 0)) errs.push(required(`${path}.exec.command`, ''));
}

function validateResources(c: Container, path: string, errs: FieldError[]): void {
  const res = c.resources;
  if (!res) return;
  for (const kind of ['limits', 'requests'] as const) {
    for (const [name, q] of Object.entries(res[kind] ?? {})) {
      const v = parseQuantity(q);
      if (v !== undefined && v < 0) errs.push(invalidField(`${path}.resources.${kind}[${name}]`, q, NON_NEGATIVE));
    }
  }
  for (const [name, q] of Object.entries(res.requests ?? {})) {
    const limit = res.limits?.[name];
    if (limit === undefined) continue;
    const rv = parseQuantity(q);
    const lv = parseQuantity(limit);
    if (rv !== undefined && lv !== undefined && rv > lv) {
      errs.push(invalidField(`${path}.resources.requests`, q, `must be less than or equal to ${name} limit of ${limit}`));
    }
  }
}

function validateContainers(containers: Container[] | undefined, path: string, volumes: Set<string>, errs: FieldError[], names: Set<string>): void {
  (containers ?? []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    if (!c.name) errs.push(required(`${p}.name`, ''));
    else {
      for (const msg of isDNS1123Label(c.name)) errs.push(invalidField(`${p}.name`, c.name, msg));
      if (names.has(c.name)) errs.push(duplicate(`${p}.name`, c.name));
      names.add(c.name);
    }
    if (!c.image) errs.push(required(`${p}.image`, ''));
    if (c.imagePullPolicy !== undefined && !PULL_POLICIES.includes(c.imagePullPolicy)) {
      errs.push(notSupported(`${p}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
    }
    const portNames = new Set<string>();
    (c.ports ?? []).forEach((port, j) => {
      const pp = `${p}.ports[${j}]`;
      if (port.name) {
        if (portNames.has(port.name)) errs.push(duplicate(`${pp}.name`, port.name));
        portNames.add(port.name);
      }
      if (!port.containerPort) errs.push(required(`${pp}.containerPort`, ''));
      else validatePortNumber(port.containerPort, `${pp}.containerPort`, errs);
      if (port.hostPort) validatePortNumber(port.hostPort, `${pp}.hostPort`, errs);
      if (port.protocol !== undefined && !PROTOCOLS.includes(port.protocol)) errs.push(notSupported(`${pp}.protocol`, port.protocol, PROTOCOLS));
    });
    validateProbe(c.livenessProbe, `${p}.livenessProbe`, 'liveness', errs);
    validateProbe(c.readinessProbe, `${p}.readinessProbe`, 'readiness', errs);
    validateProbe(c.startupProbe, `${p}.startupProbe`, 'startup', errs);
    validateResources(c, p, errs);
    (c.volumeMounts ?? []).forEach((m, j) => {
      const mp = `${p}.volumeMounts[${j}]`;
      if (!m.name) errs.push(required(`${mp}.name`, ''));
      else if (!volumes.has(m.name)) errs.push(notFoundField(`${mp}.name`, m.name));
      if (!m.mountPath) errs.push(required(`${mp}.mountPath`, ''));
    });
  });
}

function validateVolumes(volumes: Volume[] | undefined, errs: FieldError[]): Set<string> {
  const names = new Set<string>();
  (volumes ?? []).forEach((v, i) => {
    const p = `spec.volumes[${i}]`;
    if (!v.name) errs.push(required(`${p}.name`, ''));
    else {
      for (const msg of isDNS1123Label(v.name)) errs.push(invalidField(`${p}.name`, v.name, msg));
      if (names.has(v.name)) errs.push(duplicate(`${p}.name`, v.name));
      names.add(v.name);
    }
    const sources = VOLUME_SOURCES.filter(s => v[s] !== undefined);
    if (sources.length === 0) errs.push(required(p, 'must specify a volume type'));
    else if (sources.length > 1) errs.push(forbiddenField(`${p}.${sources[1]}`, 'may not specify more than 1 volume type'));
    if (v.configMap && !v.configMap.name) errs.push(required(`${p}.configMap.name`, ''));
    if (v.secret && !v.secret.secretName) errs.push(required(`${p}.secret.secretName`, ''));
    if (v.persistentVolumeClaim && !v.persistentVolumeClaim.claimName) errs.push(required(`${p}.persistentVolumeClaim.claimName`, ''));
  });
  return names;
}

/** ValidatePodSpec with paths relative to `prefix` ("spec" for pods, "spec.template.spec" for templates). */
export function validatePodSpec(spec: PodSpec | undefined, prefix: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec) return [required(prefix, '')];
  const rebase = (e: FieldError): FieldError => ({ ...e, field: e.field.replace(/^spec/, prefix) });
  const local: FieldError[] = [];
  const volumes = validateVolumes(spec.volumes, local);
  const names = new Set<string>();
  if (!spec.containers || spec.containers.length === 0) local.push(required('spec.containers', ''));
  validateContainers(spec.initContainers, 'spec.initContainers', volumes, local, names);
  validateContainers(spec.containers, 'spec.containers', volumes, local, names);
  if (spec.restartPolicy !== undefined && !RESTART_POLICIES.includes(spec.restartPolicy)) {
    local.push(notSupported('spec.restartPolicy', spec.restartPolicy, RESTART_POLICIES));
  }
  if (spec.dnsPolicy !== undefined && !DNS_POLICIES.includes(spec.dnsPolicy)) local.push(notSupported('spec.dnsPolicy', spec.dnsPolicy, DNS_POLICIES));
  nonNegative(spec.terminationGracePeriodSeconds, 'spec.terminationGracePeriodSeconds', local);
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds <= 0) {
    local.push(invalidField('spec.activeDeadlineSeconds', spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'));
  }
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) {
    for (const msg of isQualifiedName(k)) local.push(invalidField('spec.nodeSelector', k, msg));
    for (const msg of isValidLabelValue(v)) local.push(invalidField('spec.nodeSelector', v, msg));
  }
  (spec.tolerations ?? []).forEach((t, i) => {
    const p = `spec.tolerations[${i}]`;
    if (t.operator !== undefined && t.operator !== 'Exists' && t.operator !== 'Equal') {
      local.push(notSupported(`${p}.operator`, t.operator, ['Equal', 'Exists']));
    }
    if (t.operator === 'Exists' && t.value) local.push(invalidField(`${p}.operator`, t.value, 'value must be empty when `operator` is \'Exists\''));
    if (!t.key && t.operator !== 'Exists') local.push(invalidField(`${p}.operator`, t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (t.effect !== undefined && t.effect !== '' && !TOLERATION_EFFECTS.includes(t.effect)) local.push(notSupported(`${p}.effect`, t.effect, TOLERATION_EFFECTS));
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      local.push(invalidField(`${p}.effect`, t.effect ?? '', 'effect must be \'NoExecute\' when `tolerationSeconds` is set'));
    }
  });
  errs.push(...local.map(rebase));
  return errs;
}

/**
 * ValidatePodUpdate: a running pod's spec may change only container images, activeDeadlineSeconds
 * (only shortened) and tolerations (only added); anything else is upstream's long Forbidden message.
 */
export function validatePodSpecUpdate(next: PodSpec, prev: PodSpec): FieldError[] {
  const strip = (s: PodSpec): unknown => ({
    ...s,
    containers: s.containers.map(c => ({ ...c, image: undefined })),
    initContainers: s.initContainers?.map(c => ({ ...c, image: undefined })),
    activeDeadlineSeconds: undefined,
    tolerations: undefined,
  });
  if (deepEqual(strip(next), strip(prev))) return [];
  return [forbiddenField('spec', 'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)')];
}
