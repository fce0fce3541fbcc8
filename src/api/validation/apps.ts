// Workload validation (pkg/apis/apps/validation/validation.go and the ReplicationController part of
// pkg/apis/core/validation): replicas, selectors and their match with template labels, restart
// policy, rolling-update parameters, and selector immutability on update in apps/v1.
import type { LabelSelector, PodTemplateSpec } from '../objects';
import { forbiddenField, goLabelSelector, invalidField, notSupported, required, type FieldError } from '../field_errors';
import { labelSelectorAsSelector, matches, SelectorParseError } from '../selectors';
import { deepEqual } from '../freeze';
import { validateLabels, FIELD_IMMUTABLE } from './meta';
import { validatePodSpec } from './pod';
import { isQualifiedName, isValidLabelValue } from './names';

const NON_NEGATIVE = 'must be greater than or equal to 0';

function nonNegative(value: unknown, path: string, errs: FieldError[]): void {
  if (typeof value === 'number' && value < 0) errs.push(invalidField(path, value, NON_NEGATIVE));
}

/** ValidateLabelSelector (metav1validation) for spec.selector. */
export function validateLabelSelector(sel: LabelSelector, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (sel.matchExpressions ?? []).forEach((e, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const vals = e.values ?? [];
    if (e.operator === 'In' || e.operator === 'NotIn') {
      if (vals.length === 0) errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
      if (vals.length > 0) errs.push(forbiddenField(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(invalidField(`${p}.operator`, e.operator, 'not a valid selector operator'));
    }
    for (const msg of isQualifiedName(e.key)) errs.push(invalidField(`${p}.key`, e.key, msg));
    vals.forEach((v, j) => { for (const msg of isValidLabelValue(v)) errs.push(invalidField(`${p}.values[${j}]`, v, msg)); });
  });
  errs.push(...validateLabels(sel.matchLabels, `${path}.matchLabels`));
  return errs;
}

const selectorIsEmpty = (sel: LabelSelector): boolean =>
  Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;

/** The selector/template part shared by ReplicaSet, Deployment, DaemonSet and StatefulSet specs. */
function validateSelectorAndTemplate(selector: LabelSelector | undefined, template: PodTemplateSpec | undefined,
  kindWord: string, requireAlways: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!selector) errs.push(required('spec.selector', ''));
  else {
    errs.push(...validateLabelSelector(selector, 'spec.selector'));
    if (selectorIsEmpty(selector)) errs.push(invalidField('spec.selector', goLabelSelector(selector), `empty selector is invalid for ${kindWord}`));
  }
  if (!template) {
    errs.push(required('spec.template', ''));
    return errs;
  }
  const labels = template.metadata?.labels ?? {};
  if (selector && !selectorIsEmpty(selector)) {
    try {
      if (!matches(labelSelectorAsSelector(selector), labels)) {
        errs.push(invalidField('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
      }
    } catch (e) {
      if (e instanceof SelectorParseError) errs.push(invalidField('spec.selector', goLabelSelector(selector), 'invalid label selector'));
      else throw e;
    }
  }
  errs.push(...validateLabels(template.metadata?.labels, 'spec.template.metadata.labels'));
  errs.push(...validatePodSpec(template.spec, 'spec.template.spec'));
  const rp = template.spec?.restartPolicy;
  if (requireAlways && rp !== undefined && rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbiddenField('spec.template.spec.activeDeadlineSeconds', `activeDeadlineSeconds in ${kindWord === 'deployment' ? 'ReplicaSet' : kindWord} is not Supported`));
  }
  return errs;
}

export function validateReplicaSet(spec: any): FieldError[] {
  const errs: FieldError[] = [];
  nonNegative(spec?.replicas, 'spec.replicas', errs);
  nonNegative(spec?.minReadySeconds, 'spec.minReadySeconds', errs);
  errs.push(...validateSelectorAndTemplate(spec?.selector, spec?.template, 'deployment', true));
  return errs.map(e => (e.detail?.startsWith('activeDeadlineSeconds in') ? { ...e, detail: 'activeDeadlineSeconds in ReplicaSet is not Supported' } : e));
}

export function validateReplicationController(spec: any): FieldError[] {
  const errs: FieldError[] = [];
  nonNegative(spec?.replicas, 'spec.replicas', errs);
  nonNegative(spec?.minReadySeconds, 'spec.minReadySeconds', errs);
  const selector: Record<string, string> = spec?.selector ?? {};
  if (Object.keys(selector).length === 0) errs.push(required('spec.selector', ''));
  errs.push(...validateLabels(selector, 'spec.selector'));
  const template: PodTemplateSpec | undefined = spec?.template;
  if (!template) errs.push(required('spec.template', ''));
  else {
    const labels = template.metadata?.labels ?? {};
    if (Object.keys(selector).length > 0 && !Object.entries(selector).every(([k, v]) => labels[k] === v)) {
      errs.push(invalidField('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
    }
    errs.push(...validateLabels(template.metadata?.labels, 'spec.template.metadata.labels'));
    errs.push(...validatePodSpec(template.spec, 'spec.template.spec'));
    const rp = template.spec?.restartPolicy;
    if (rp !== undefined && rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
    if (template.spec?.activeDeadlineSeconds !== undefined) {
      errs.push(forbiddenField('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicationController is not Supported'));
    }
  }
  return errs;
}

type IntOrPercent = number | string | undefined;

function validateIntOrPercent(v: IntOrPercent, path: string, errs: FieldError[]): void {
  if (typeof v === 'string') {
    if (!/^[0-9]+%$/.test(v)) errs.push(invalidField(path, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"));
  } else if (typeof v === 'number' && v < 0) errs.push(invalidField(path, v, NON_NEGATIVE));
}

const isZero = (v: IntOrPercent): boolean => v === 0 || v === '0%';
const percentOver100 = (v: IntOrPercent): boolean => typeof v === 'string' && /^[0-9]+%$/.test(v) && parseInt(v, 10) > 100;

export function validateDeployment(spec: any): FieldError[] {
  const errs: FieldError[] = [];
  nonNegative(spec?.replicas, 'spec.replicas', errs);
  errs.push(...validateSelectorAndTemplate(spec?.selector, spec?.template, 'deployment', true));
  const strategy = spec?.strategy ?? {};
  if (strategy.type !== 'Recreate' && strategy.type !== 'RollingUpdate') {
    errs.push(notSupported('spec.strategy.type', strategy.type ?? '', ['Recreate', 'RollingUpdate']));
  } else if (strategy.type === 'Recreate' && strategy.rollingUpdate) {
    errs.push(forbiddenField('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
  } else if (strategy.type === 'RollingUpdate' && strategy.rollingUpdate) {
    const ru = strategy.rollingUpdate;
    validateIntOrPercent(ru.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable', errs);
    validateIntOrPercent(ru.maxSurge, 'spec.strategy.rollingUpdate.maxSurge', errs);
    if (isZero(ru.maxUnavailable) && isZero(ru.maxSurge)) {
      errs.push(invalidField('spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
    }
    if (percentOver100(ru.maxUnavailable)) errs.push(invalidField('spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'must not be greater than 100%'));
  }
  nonNegative(spec?.minReadySeconds, 'spec.minReadySeconds', errs);
  nonNegative(spec?.revisionHistoryLimit, 'spec.revisionHistoryLimit', errs);
  if (typeof spec?.progressDeadlineSeconds === 'number') {
    nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds', errs);
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(invalidField('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

export function validateDaemonSet(spec: any): FieldError[] {
  const errs = validateSelectorAndTemplate(spec?.selector, spec?.template, 'daemonset', true);
  nonNegative(spec?.minReadySeconds, 'spec.minReadySeconds', errs);
  nonNegative(spec?.revisionHistoryLimit, 'spec.revisionHistoryLimit', errs);
  const us = spec?.updateStrategy ?? {};
  if (us.type !== 'RollingUpdate' && us.type !== 'OnDelete') errs.push(notSupported('spec.updateStrategy.type', us.type ?? '', ['OnDelete', 'RollingUpdate']));
  return errs;
}

export function validateStatefulSet(spec: any): FieldError[] {
  const errs = validateSelectorAndTemplate(spec?.selector, spec?.template, 'statefulset', true);
  nonNegative(spec?.replicas, 'spec.replicas', errs);
  nonNegative(spec?.minReadySeconds, 'spec.minReadySeconds', errs);
  const policy = spec?.podManagementPolicy;
  if (policy !== 'OrderedReady' && policy !== 'Parallel') errs.push(notSupported('spec.podManagementPolicy', policy ?? '', ['OrderedReady', 'Parallel']));
  const us = spec?.updateStrategy ?? {};
  if (us.type !== 'RollingUpdate' && us.type !== 'OnDelete') errs.push(notSupported('spec.updateStrategy.type', us.type ?? '', ['OnDelete', 'RollingUpdate']));
  return errs;
}

/** apps/v1 selector immutability (the registry strategies' ValidateUpdate). */
export function validateSelectorImmutable(next: any, prev: any): FieldError[] {
  if (deepEqual(next?.spec?.selector, prev?.spec?.selector)) return [];
  return [invalidField('spec.selector', goLabelSelector(next?.spec?.selector), FIELD_IMMUTABLE)];
}
