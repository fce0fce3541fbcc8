// PodSpec and pod template validation (pkg/apis/core/validation/validation.go, v1.32 order): volumes,
// containers (name, image, ports, env, mounts, pull policy, resources, probes), init containers, restart
// and DNS policy, node selector, names, active deadline, tolerations. Not modelled: affinity, DNS config,
// security contexts, ephemeral containers, resource claims, topology spread (accepted unchecked).
import type { PodSpec, PodTemplateSpec, Volume } from '../objects';
import { duplicate, forbiddenField, goStringMap, invalidField, pushInvalid, notSupported, required, type FieldError } from '../field_errors';
import { inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from './names';
import { parseQuantity } from '../quantity';
import { checkHostPortConflicts, validateContainerCommon, validateProbes } from './containers';
import { validateAnnotations, validateLabels } from './meta';
import { validatePodSpecUpdate } from './pod_update';

export { validatePodSpecUpdate };

const FILE_MODE = 'must be a number between 0 and 0777 (octal), both inclusive';
// validateVolumeSource's order; the Forbidden paths keep upstream's spellings ("cephFS", "downwarAPI").
const VOLUME_SOURCES: [string, string][] = [['emptyDir', 'emptyDir'], ['hostPath', 'hostPath'], ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'], ['awsElasticBlockStore', 'awsElasticBlockStore'], ['secret', 'secret'], ['nfs', 'nfs'],
  ['iscsi', 'iscsi'], ['glusterfs', 'glusterfs'], ['flocker', 'flocker'], ['persistentVolumeClaim', 'persistentVolumeClaim'], ['rbd', 'rbd'],
  ['cinder', 'cinder'], ['cephfs', 'cephFS'], ['quobyte', 'quobyte'], ['downwardAPI', 'downwarAPI'], ['fc', 'fc'], ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'], ['azureFile', 'azureFile'], ['vsphereVolume', 'vsphereVolume'], ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'], ['azureDisk', 'azureDisk'], ['storageos', 'storageos'], ['projected', 'projected'],
  ['scaleIO', 'scaleIO'], ['csi', 'csi'], ['ephemeral', 'ephemeral'], ['image', 'image']];

export interface PodSpecOptions {
  /** The spec belongs to a Pod (not a template): hostNetwork ports must match. */
  isPod?: boolean;
}

const VOLUME_SOURCE_KEYS = new Set(VOLUME_SOURCES.map(([key]) => key));

function validateVolumeSource(v: Volume, p: string, errs: FieldError[]): void {
  // With exactly one source set (the usual case) the loop below would check just that one; find it
  // among the volume's own keys instead of probing every source type.
  let only: string | undefined;
  let count = 0;
  for (const key in v) {
    if (VOLUME_SOURCE_KEYS.has(key) && v[key] !== undefined && v[key] !== null) { only = key; count++; }
  }
  if (count === 1) { validateOneSource(v, only!, p, errs); return; }
  let n = 0;
  for (const [key, forbiddenPath] of VOLUME_SOURCES) {
    if (v[key] === undefined || v[key] === null) continue;
    if (n > 0) { errs.push(forbiddenField(`${p}.${forbiddenPath}`, 'may not specify more than 1 volume type')); continue; }
    n++;
    validateOneSource(v, key, p, errs);
  }
  if (n === 0) errs.push(required(p, 'must specify a volume type'));
}

function validateOneSource(v: Volume, key: string, p: string, errs: FieldError[]): void {
  const src = v[key] as Record<string, unknown>;
  if (key === 'secret') {
    if (!src.secretName) errs.push(required(`${p}.secret.secretName`, ''));
    fileMode(src.defaultMode, `${p}.secret.defaultMode`, errs);
  } else if (key === 'configMap') {
    if (!src.name) errs.push(required(`${p}.configMap.name`, ''));
    fileMode(src.defaultMode, `${p}.configMap.defaultMode`, errs);
  } else if (key === 'persistentVolumeClaim') {
    if (!src.claimName) errs.push(required(`${p}.persistentVolumeClaim.claimName`, ''));
  } else if (key === 'hostPath') {
    if (!src.path) errs.push(required(`${p}.hostPath.path`, ''));
  } else if (key === 'emptyDir' && src.sizeLimit !== undefined && (parseQuantity(src.sizeLimit as string) ?? 0) < 0) {
    errs.push(forbiddenField(`${p}.emptyDir.sizeLimit`, 'SizeLimit field must be a valid resource quantity'));
  }
}

function fileMode(mode: unknown, path: string, errs: FieldError[]): void {
  if (typeof mode === 'number' && (mode > 0o777 || mode < 0)) errs.push(invalidField(path, mode, FILE_MODE));
}

/** ValidateVolumes: the names of volumes without errors (mounts of the others are "Not found" too). */
function validateVolumes(volumes: Volume[] | undefined, path: string, errs: FieldError[]): Set<string> {
  const names = new Set<string>();
  (volumes ?? []).forEach((v, i) => {
    const p = `${path}[${i}]`;
    const el: FieldError[] = [];
    validateVolumeSource(v, p, el);
    if (!v.name) el.push(required(`${p}.name`, ''));
    else pushInvalid(el, `${p}.name`, v.name, isDNS1123Label(v.name));
    if (names.has(v.name)) el.push(duplicate(`${p}.name`, v.name));
    if (el.length === 0) names.add(v.name);
    errs.push(...el);
  });
  return names;
}

function validateContainers(spec: PodSpec, path: string, volumes: Set<string>, errs: FieldError[]): void {
  const containers = spec.containers ?? [];
  if (containers.length === 0) { errs.push(required(`${path}.containers`, '')); return; }
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = `${path}.containers[${i}]`;
    validateContainerCommon(c, p, volumes, errs);
    if (names.has(c.name)) errs.push(duplicate(`${p}.name`, c.name));
    else names.add(c.name);
    validateProbes(c, p, errs);
    if (c.restartPolicy !== undefined) errs.push(forbiddenField(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  });
  checkHostPortConflicts(containers, `${path}.containers`, errs);
}

function validateInitContainers(spec: PodSpec, path: string, volumes: Set<string>, errs: FieldError[]): void {
  const names = new Set((spec.containers ?? []).map(c => c.name));
  (spec.initContainers ?? []).forEach((c, i) => {
    const p = `${path}.initContainers[${i}]`;
    validateContainerCommon(c, p, volumes, errs);
    if (c.restartPolicy !== undefined && c.restartPolicy !== 'Always') errs.push(notSupported(`${p}.restartPolicy`, c.restartPolicy, ['Always']));
    if (names.has(c.name)) errs.push(duplicate(`${p}.name`, c.name));
    else if (c.name) names.add(c.name);
    checkHostPortConflicts([c], `${path}.initContainers`, errs);
    if (c.restartPolicy === 'Always') validateProbes(c, p, errs);
    else {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (c[f] !== undefined) errs.push(forbiddenField(`${p}.${f}`, 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
}

function validateTolerations(spec: PodSpec, path: string, errs: FieldError[]): void {
  // Indexed: the tolerations may be frozen (admission's default pair is shared).
  const tolerations = spec.tolerations;
  if (tolerations) for (let i = 0; i < tolerations.length; i++) validateToleration(tolerations[i]!, `${path}.tolerations[${i}]`, errs);
}

function validateToleration(t: NonNullable<PodSpec['tolerations']>[number], p: string, errs: FieldError[]): void {
  if (t.key) pushInvalid(errs, `${p}.key`, t.key, isQualifiedName(t.key));
  if (!t.key && t.operator !== 'Exists') {
    errs.push(invalidField(`${p}.operator`, t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
  }
  if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
    errs.push(invalidField(`${p}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
  }
  const op = t.operator ?? '';
  if (op === 'Equal' || op === '') {
    const msgs = isValidLabelValue(t.value ?? '');
    if (msgs.length) errs.push(invalidField(`${p}.operator`, t.value ?? '', msgs.join(';')));
  } else if (op === 'Exists') {
    if (t.value) errs.push(invalidField(`${p}.operator`, t.value, "value must be empty when `operator` is 'Exists'"));
  } else errs.push(notSupported(`${p}.operator`, op, ['Equal', 'Exists']));
  if (t.effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)) {
    errs.push(notSupported(`${p}.effect`, t.effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
  }
}

function subdomainField(value: unknown, path: string, errs: FieldError[]): void {
  if (typeof value === 'string' && value.length > 0) pushInvalid(errs, path, value, isDNS1123Subdomain(value));
}

/** ValidatePodSpec with paths under `prefix` ("spec" for pods, "spec.template.spec" for templates). */
export function validatePodSpec(spec: PodSpec | undefined, prefix: string, opts: PodSpecOptions = {}): FieldError[] {
  if (!spec) return [required(prefix, '')];
  const errs: FieldError[] = [];
  if (spec.terminationGracePeriodSeconds === undefined) errs.push(required(`${prefix}.terminationGracePeriodSeconds`, ''));
  const volumes = validateVolumes(spec.volumes, `${prefix}.volumes`, errs);
  validateContainers(spec, prefix, volumes, errs);
  validateInitContainers(spec, prefix, volumes, errs);
  if (spec.hostNetwork === true) {
    (spec.containers ?? []).forEach((c, i) => (c.ports ?? []).forEach((port, j) => {
      const hp = port.hostPort ?? 0;
      if ((opts.isPod || hp !== 0) && hp !== port.containerPort) {
        errs.push(invalidField(`${prefix}.containers[${i}].ports[${j}].hostPort`, hp, 'must match `containerPort` when `hostNetwork` is true'));
      }
    }));
  }
  const rp = spec.restartPolicy ?? '';
  if (rp === '') errs.push(required(`${prefix}.restartPolicy`, ''));
  else if (!['Always', 'OnFailure', 'Never'].includes(rp)) errs.push(notSupported(`${prefix}.restartPolicy`, rp, ['Always', 'OnFailure', 'Never']));
  const dp = spec.dnsPolicy ?? '';
  if (dp === '') errs.push(required(`${prefix}.dnsPolicy`, ''));
  else if (!['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'].includes(dp)) {
    errs.push(notSupported(`${prefix}.dnsPolicy`, dp, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']));
  }
  errs.push(...validateLabels(spec.nodeSelector, `${prefix}.nodeSelector`));
  subdomainField(spec.serviceAccountName, `${prefix}.serviceAccountName`, errs);
  subdomainField(spec.nodeName, `${prefix}.nodeName`, errs);
  if (spec.activeDeadlineSeconds !== undefined && (spec.activeDeadlineSeconds < 1 || spec.activeDeadlineSeconds > 2147483647)) {
    errs.push(invalidField(`${prefix}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, inclusiveRangeError(1, 2147483647)));
  }
  if (spec.hostname) pushInvalid(errs, `${prefix}.hostname`, spec.hostname, isDNS1123Label(spec.hostname));
  if (spec.subdomain) pushInvalid(errs, `${prefix}.subdomain`, spec.subdomain, isDNS1123Label(spec.subdomain));
  validateTolerations(spec, prefix, errs);
  subdomainField(spec.priorityClassName, `${prefix}.priorityClassName`, errs);
  const pp = spec.preemptionPolicy as string | undefined;
  if (pp !== undefined && pp !== 'PreemptLowerPriority' && pp !== 'Never') {
    errs.push(pp === '' ? required(`${prefix}.preemptionPolicy`, '') : notSupported(`${prefix}.preemptionPolicy`, pp, ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}

/**
 * ValidatePodTemplateSpec: template labels (at "<path>.labels", upstream's path), annotations, then the spec.
 * Workload validators add their own selector and restart-policy checks around it.
 */
export function validatePodTemplateSpec(template: PodTemplateSpec, path: string): FieldError[] {
  return [
    ...validateLabels(template.metadata?.labels, `${path}.labels`),
    ...validateAnnotations(template.metadata?.annotations, `${path}.annotations`),
    ...validatePodSpec(template.spec, `${path}.spec`),
  ];
}

/** validatePodMetadataAndSpec's pod-only part after the spec: image whitespace and projected tokens without a service account. */
export function validatePodOnly(spec: PodSpec): FieldError[] {
  const errs: FieldError[] = [];
  // Indexed loops, no closures or pair lists: every pod create comes here, almost always without errors.
  const volumes = spec.volumes;
  if (!spec.serviceAccountName && volumes) {
    for (let vi = 0; vi < volumes.length; vi++) {
      const sources = (volumes[vi]!.projected as { sources?: { serviceAccountToken?: unknown }[] } | undefined)?.sources;
      if (sources) for (let si = 0; si < sources.length; si++) {
        if (sources[si]!.serviceAccountToken) errs.push(forbiddenField(`spec.volumes[${vi}].projected.sources[${si}].serviceAccountToken`, 'must not be specified when serviceAccountName is not set'));
      }
    }
  }
  imageWhitespaceErrors(spec.containers, 'containers', errs);
  imageWhitespaceErrors(spec.initContainers, 'initContainers', errs);
  return errs;
}

function imageWhitespaceErrors(list: PodSpec['containers'] | undefined, key: string, errs: FieldError[]): void {
  if (list) for (let i = 0; i < list.length; i++) {
    const image = list[i]!.image;
    if (image !== undefined && image !== image.trim()) errs.push(invalidField(`spec.${key}[${i}].image`, image, 'must not have leading or trailing whitespace'));
  }
}

/** The label map a selector mismatch reports (%#v; a missing map is the nil map). */
export const goTemplateLabels = (template: PodTemplateSpec | undefined) => goStringMap(template?.metadata?.labels);
