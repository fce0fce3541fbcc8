// Workload validation: pkg/apis/apps/validation/validation.go (ReplicaSet, Deployment, DaemonSet, StatefulSet)
// and the ReplicationController part of pkg/apis/core/validation, in upstream's order, plus the update rules
// the registry strategies add (apps/v1 selector immutability, StatefulSet's frozen spec fields). StatefulSet
// pod templates get only label/annotation checks, as upstream (its PodSpec is not validated).
import type { LabelSelector, PodTemplateSpec } from '../objects';
import {
  forbiddenField, goIntOrString, goLabelSelector, goPointer, goQuote, GoRendered, invalidField, notSupported, required, type FieldError,
} from '../field_errors';
import { labelSelectorAsSelector, matches, SelectorParseError, type Selector } from '../selectors';
import { deepEqual } from '../freeze';
import { validateLabels, validateAnnotations, FIELD_IMMUTABLE } from './meta';
import { goTemplateLabels, validatePodTemplateSpec } from './pod';
import { isQualifiedName, isValidLabelValue, isValidPercent } from './names';

const NON_NEGATIVE = 'must be greater than or equal to 0';
const SELECTOR_MISMATCH = '`selector` does not match template `labels`';

function nonNegative(value: unknown, path: string, errs: FieldError[]): void {
  if (typeof value === 'number' && value < 0) errs.push(invalidField(path, value, NON_NEGATIVE));
}

/** metav1validation.ValidateLabelSelector: matchLabels first, then each requirement. */
export function validateLabelSelector(sel: LabelSelector | undefined | null, path: string): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, `${path}.matchLabels`);
  (sel.matchExpressions ?? []).forEach((e, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const vals = e.values ?? [];
    if (e.operator === 'In' || e.operator === 'NotIn') {
      if (vals.length === 0) errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
      if (vals.length > 0) errs.push(forbiddenField(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(invalidField(`${p}.operator`, e.operator ?? '', 'not a valid selector operator'));
    }
    for (const msg of isQualifiedName(e.key ?? '')) errs.push(invalidField(`${p}.key`, e.key ?? '', msg));
    vals.forEach((v, j) => { for (const msg of isValidLabelValue(v)) errs.push(invalidField(`${p}.values[${j}]`, v, msg)); });
  });
  return errs;
}

const selectorIsEmpty = (sel: LabelSelector): boolean =>
  Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0;

/** metav1.LabelSelectorAsSelector: nil selects nothing, {} everything; undefined result = conversion error. */
function asSelector(sel: LabelSelector | undefined | null): Selector | undefined {
  try {
    return labelSelectorAsSelector(sel);
  } catch (e) {
    if (e instanceof SelectorParseError) return undefined;
    throw e;
  }
}

const selects = (s: Selector, labels: Record<string, string> | undefined): boolean => matches(s, labels ?? {});
/** labels.Selector.Empty(): no requirements (the nothing-selector is not empty). */
const isEmptySelector = (s: Selector): boolean => !s.nothing && s.requirements.length === 0;

/** ValidatePodTemplateSpecForReplicaSet (also RC, Deployment): match, template, restartPolicy Always, no deadline. */
function validateTemplateForReplicaSet(template: PodTemplateSpec | undefined, selector: Selector, kindWord: string): FieldError[] {
  if (!template) return [required('spec.template', '')];
  const errs: FieldError[] = [];
  if (!isEmptySelector(selector) && !selects(selector, template.metadata?.labels)) {
    errs.push(invalidField('spec.template.metadata.labels', goTemplateLabels(template), SELECTOR_MISMATCH));
  }
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  const rp = template.spec?.restartPolicy ?? '';
  if (rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbiddenField('spec.template.spec.activeDeadlineSeconds', `activeDeadlineSeconds in ${kindWord} is not Supported`));
  }
  return errs;
}

/** Selector checks shared by ReplicaSet and Deployment; returns the selector for the template match. */
function validateSpecSelector(selector: LabelSelector | undefined, emptyWord: string, errs: FieldError[]): Selector | undefined {
  if (!selector) errs.push(required('spec.selector', ''));
  else {
    errs.push(...validateLabelSelector(selector, 'spec.selector'));
    if (selectorIsEmpty(selector)) errs.push(invalidField('spec.selector', goLabelSelector(selector), `empty selector is invalid for ${emptyWord}`));
  }
  const s = asSelector(selector);
  if (s === undefined) errs.push(invalidField('spec.selector', goLabelSelector(selector), 'invalid label selector'));
  return s;
}

export function validateReplicaSet(spec: any): FieldError[] {
  const errs: FieldError[] = [];
  nonNegative(spec?.replicas ?? 0, 'spec.replicas', errs);
  nonNegative(spec?.minReadySeconds ?? 0, 'spec.minReadySeconds', errs);
  // Upstream's ReplicaSet message says "deployment" (shared wording).
  const s = validateSpecSelector(spec?.selector, 'deployment', errs);
  if (s !== undefined) errs.push(...validateTemplateForReplicaSet(spec?.template, s, 'ReplicaSet'));
  return errs;
}

/** ValidateReplicationControllerSpec: minReadySeconds, non-empty selector, replicas, template (no selector label checks). */
export function validateReplicationController(spec: any): FieldError[] {
  const errs: FieldError[] = [];
  nonNegative(spec?.minReadySeconds ?? 0, 'spec.minReadySeconds', errs);
  const selector: Record<string, string> = spec?.selector ?? {};
  if (Object.keys(selector).length === 0) errs.push(required('spec.selector', ''));
  nonNegative(spec?.replicas ?? 0, 'spec.replicas', errs);
  const template: PodTemplateSpec | undefined = spec?.template;
  if (!template) { errs.push(required('spec.template', '')); return errs; }
  const labels = template.metadata?.labels ?? {};
  if (Object.keys(selector).length > 0 && !Object.entries(selector).every(([k, v]) => labels[k] === v)) {
    errs.push(invalidField('spec.template.metadata.labels', goTemplateLabels(template), SELECTOR_MISMATCH));
  }
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  const rp = template.spec?.restartPolicy ?? '';
  if (rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbiddenField('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicationController is not Supported'));
  }
  return errs;
}

type IntOrPercent = number | string | undefined;

/** ValidatePositiveIntOrPercent: the bad value is the internal IntOrString struct. */
function validateIntOrPercent(v: IntOrPercent, path: string, errs: FieldError[]): void {
  if (typeof v === 'string') for (const msg of isValidPercent(v)) errs.push(invalidField(path, goIntOrString(v), msg));
  else if (typeof v === 'number') nonNegative(v, path, errs);
}

/** getIntOrPercentValue: a valid percent's number, else IntValue() (an invalid string counts as 0). */
const intOrPercentValue = (v: IntOrPercent): number =>
  typeof v === 'number' ? v : typeof v === 'string' && isValidPercent(v).length === 0 ? parseInt(v, 10) : 0;

function isNotMoreThan100Percent(v: IntOrPercent, path: string, errs: FieldError[]): void {
  if (typeof v === 'string' && isValidPercent(v).length === 0 && parseInt(v, 10) > 100) {
    errs.push(invalidField(path, goIntOrString(v), 'must not be greater than 100%'));
  }
}

const goDeploymentStrategy = (s: any): GoRendered =>
  new GoRendered(`apps.DeploymentStrategy{Type:${goQuote(s?.type ?? '')}, RollingUpdate:${goPointer('apps.RollingUpdateDeployment', !!s?.rollingUpdate)}}`);

function validateDeploymentStrategy(strategy: any, errs: FieldError[]): void {
  const type = strategy?.type ?? '';
  if (type === 'Recreate') {
    if (strategy.rollingUpdate) errs.push(forbiddenField('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
  } else if (type === 'RollingUpdate') {
    const ru = strategy.rollingUpdate;
    if (!ru) { errs.push(required('spec.strategy.rollingUpdate', 'this should be defaulted and never be nil')); return; }
    validateIntOrPercent(ru.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable', errs);
    validateIntOrPercent(ru.maxSurge, 'spec.strategy.rollingUpdate.maxSurge', errs);
    if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
      errs.push(invalidField('spec.strategy.rollingUpdate.maxUnavailable', goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
    }
    isNotMoreThan100Percent(ru.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable', errs);
  } else {
    errs.push(notSupported('spec.strategy', goDeploymentStrategy(strategy), ['Recreate', 'RollingUpdate']));
  }
}

export function validateDeployment(spec: any): FieldError[] {
  const errs: FieldError[] = [];
  nonNegative(spec?.replicas ?? 0, 'spec.replicas', errs);
  const s = validateSpecSelector(spec?.selector, 'deployment', errs);
  if (s !== undefined) errs.push(...validateTemplateForReplicaSet(spec?.template, s, 'ReplicaSet'));
  validateDeploymentStrategy(spec?.strategy, errs);
  nonNegative(spec?.minReadySeconds ?? 0, 'spec.minReadySeconds', errs);
  nonNegative(spec?.revisionHistoryLimit, 'spec.revisionHistoryLimit', errs);
  if (typeof spec?.progressDeadlineSeconds === 'number') {
    nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds', errs);
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(invalidField('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

const goDaemonSetStrategy = (s: any): GoRendered =>
  new GoRendered(`apps.DaemonSetUpdateStrategy{Type:${goQuote(s?.type ?? '')}, RollingUpdate:${goPointer('apps.RollingUpdateDaemonSet', !!s?.rollingUpdate)}}`);

/** ValidateDaemonSetSpec: no Required for a nil selector (it selects nothing, so the match check fails instead). */
export function validateDaemonSet(spec: any): FieldError[] {
  const errs = validateLabelSelector(spec?.selector, 'spec.selector');
  const template: PodTemplateSpec = spec?.template ?? { spec: undefined as never };
  const s = asSelector(spec?.selector);
  if (s !== undefined && !selects(s, template.metadata?.labels)) {
    errs.push(invalidField('spec.template.metadata.labels', goTemplateLabels(template), SELECTOR_MISMATCH));
  }
  if (spec?.selector && selectorIsEmpty(spec.selector)) errs.push(invalidField('spec.selector', goLabelSelector(spec.selector), 'empty selector is invalid for daemonset'));
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  const rp = template.spec?.restartPolicy ?? '';
  if (rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbiddenField('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  nonNegative(spec?.minReadySeconds ?? 0, 'spec.minReadySeconds', errs);
  nonNegative(spec?.templateGeneration ?? 0, 'spec.templateGeneration', errs);
  const us = spec?.updateStrategy ?? {};
  if (us.type === 'RollingUpdate') {
    const ru = us.rollingUpdate;
    if (!ru) errs.push(required('spec.updateStrategy.rollingUpdate', ''));
    else {
      const p = 'spec.updateStrategy.rollingUpdate';
      validateIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`, errs);
      validateIntOrPercent(ru.maxSurge, `${p}.maxSurge`, errs);
      isNotMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`, errs);
      isNotMoreThan100Percent(ru.maxSurge, `${p}.maxSurge`, errs);
      const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
      const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
      if (hasUnavailable && hasSurge) errs.push(invalidField(`${p}.maxSurge`, goIntOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
      else if (!hasUnavailable && !hasSurge) errs.push(required(`${p}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
    }
  } else if (us.type !== 'OnDelete') {
    errs.push(notSupported('spec.updateStrategy', goDaemonSetStrategy(us), ['RollingUpdate', 'OnDelete']));
  }
  nonNegative(spec?.revisionHistoryLimit, 'spec.revisionHistoryLimit', errs);
  return errs;
}

const goStatefulSetStrategy = (s: any): GoRendered =>
  new GoRendered(`apps.StatefulSetUpdateStrategy{Type:${goQuote(s?.type ?? '')}, RollingUpdate:${goPointer('apps.RollingUpdateStatefulSetStrategy', !!s?.rollingUpdate)}}`);

export function validateStatefulSet(spec: any): FieldError[] {
  const errs: FieldError[] = [];
  const policy = spec?.podManagementPolicy ?? '';
  if (policy === '') errs.push(required('spec.podManagementPolicy', ''));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') errs.push(invalidField('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'"));
  const us = spec?.updateStrategy ?? {};
  const type = us.type ?? '';
  if (type === '') errs.push(required('spec.updateStrategy', ''));
  else if (type === 'OnDelete') {
    if (us.rollingUpdate) errs.push(invalidField('spec.updateStrategy.rollingUpdate', new GoRendered('apps.RollingUpdateStatefulSetStrategy{…}'), "only allowed for updateStrategy 'RollingUpdate'"));
  } else if (type === 'RollingUpdate') {
    if (us.rollingUpdate) {
      nonNegative(us.rollingUpdate.partition ?? 0, 'spec.updateStrategy.rollingUpdate.partition', errs);
      const mu = us.rollingUpdate.maxUnavailable;
      if (mu !== undefined) {
        validateIntOrPercent(mu, 'spec.updateStrategy.rollingUpdate.maxUnavailable', errs);
        if (intOrPercentValue(mu) === 0) errs.push(invalidField('spec.updateStrategy.rollingUpdate.maxUnavailable', goIntOrString(mu), 'cannot be 0'));
        isNotMoreThan100Percent(mu, 'spec.updateStrategy.rollingUpdate.maxUnavailable', errs);
      }
    }
  } else errs.push(invalidField('spec.updateStrategy', goStatefulSetStrategy(us), "must be 'RollingUpdate' or 'OnDelete'"));
  const retention = spec?.persistentVolumeClaimRetentionPolicy;
  if (retention) {
    for (const f of ['whenDeleted', 'whenScaled']) {
      const v = retention[f] ?? '';
      if (v !== 'Retain' && v !== 'Delete') errs.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, v, ['Retain', 'Delete']));
    }
  }
  nonNegative(spec?.replicas ?? 0, 'spec.replicas', errs);
  nonNegative(spec?.minReadySeconds ?? 0, 'spec.minReadySeconds', errs);
  if (spec?.ordinals) nonNegative(spec.ordinals.start ?? 0, 'spec.ordinals.start', errs);
  if (!spec?.selector) errs.push(required('spec.selector', ''));
  else {
    errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
    if (selectorIsEmpty(spec.selector)) errs.push(invalidField('spec.selector', goLabelSelector(spec.selector), 'empty selector is invalid for statefulset'));
  }
  const s = asSelector(spec?.selector);
  const template: PodTemplateSpec | undefined = spec?.template;
  if (s === undefined) errs.push(invalidField('spec.selector', goLabelSelector(spec?.selector), ''));
  else if (!template) errs.push(required('spec.template', ''));
  else {
    if (!isEmptySelector(s) && !selects(s, template.metadata?.labels)) {
      errs.push(invalidField('spec.template.metadata.labels', goTemplateLabels(template), SELECTOR_MISMATCH));
    }
    errs.push(...validateLabels(template.metadata?.labels, 'spec.template.labels'));
    errs.push(...validateAnnotations(template.metadata?.annotations, 'spec.template.annotations'));
  }
  const rp = template?.spec?.restartPolicy ?? '';
  if (rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbiddenField('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

/** apps/v1 selector immutability (the ReplicaSet, Deployment and DaemonSet strategies' ValidateUpdate). */
export function validateSelectorImmutable(next: any, prev: any): FieldError[] {
  if (deepEqual(next?.spec?.selector, prev?.spec?.selector)) return [];
  return [invalidField('spec.selector', goLabelSelector(next?.spec?.selector), FIELD_IMMUTABLE)];
}

/** ValidateStatefulSetUpdate: only replicas, ordinals, template, updateStrategy, retention policy and minReadySeconds may change. */
export function validateStatefulSetUpdate(next: any, prev: any): FieldError[] {
  const frozen = (spec: any): unknown => {
    const { replicas, ordinals, template, updateStrategy, persistentVolumeClaimRetentionPolicy, minReadySeconds, ...rest } = spec ?? {};
    void replicas; void ordinals; void template; void updateStrategy; void persistentVolumeClaimRetentionPolicy; void minReadySeconds;
    return rest;
  };
  if (deepEqual(frozen(next?.spec), frozen(prev?.spec))) return [];
  return [forbiddenField('spec', "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")];
}
