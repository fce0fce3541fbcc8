// Job and CronJob validation (pkg/apis/batch/validation/validation.go, v1.32): the generated selector and
// labels, counts, completion mode, the template (restartPolicy OnFailure or Never), Job update
// immutability, CronJob schedule (robfig/cron), concurrency policy and history limits. Not modelled:
// podFailurePolicy, successPolicy, backoffLimitPerIndex details, managedBy.
import type { KubeObject, PodTemplateSpec } from '../objects';
import { goLabelSelector, GoRendered, goStringMap, invalidField, notSupported, required, type FieldError } from '../field_errors';
import { deepEqual } from '../freeze';
import { FIELD_IMMUTABLE, validateAnnotations, validateLabels } from './meta';
import { goTemplateLabels, validatePodTemplateSpec } from './pod';
import { validateLabelSelector } from './apps';
import { isDNS1123Label } from './names';
import { labelSelectorAsSelector, matches, SelectorParseError } from '../selectors';
import { cronScheduleError } from './cron';

export { cronScheduleError };

const NON_NEGATIVE = 'must be greater than or equal to 0';
const MAX_PARALLELISM_INDEXED = 100000;

/** The labels the Job registry strategy generates (batch/v1 types.go). */
export const JOB_LABELS = {
  legacyControllerUid: 'controller-uid', legacyJobName: 'job-name',
  controllerUid: 'batch.kubernetes.io/controller-uid', jobName: 'batch.kubernetes.io/job-name',
} as const;

function nonNegative(spec: any, f: string, path: string, errs: FieldError[]): void {
  if (typeof spec?.[f] === 'number' && spec[f] < 0) errs.push(invalidField(`${path}.${f}`, spec[f], NON_NEGATIVE));
}

/** validateJobSpec: counts, completion mode, the pod template and its restart policy. */
function validateJobSpecCommon(spec: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes']) {
    nonNegative(spec, f, path, errs);
  }
  const mode = spec?.completionMode;
  if (mode !== undefined) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(`${path}.completionMode`, mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') {
      if (spec.completions === undefined) errs.push(required(`${path}.completions`, 'when completion mode is Indexed'));
      if ((spec.parallelism ?? 0) > MAX_PARALLELISM_INDEXED) {
        errs.push(invalidField(`${path}.parallelism`, spec.parallelism, `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`));
      }
    }
  }
  const prp = spec?.podReplacementPolicy;
  if (prp !== undefined && prp !== 'TerminatingOrFailed' && prp !== 'Failed') {
    errs.push(notSupported(`${path}.podReplacementPolicy`, prp, ['Failed', 'TerminatingOrFailed']));
  }
  const template: PodTemplateSpec = spec?.template ?? { spec: undefined as never };
  errs.push(...validatePodTemplateSpec(template, `${path}.template`));
  const rp = template.spec?.restartPolicy ?? '';
  // The Always default from SetDefaults_PodSpec is why an omitted restartPolicy reads "Required".
  if (rp === 'Always' || rp === '') errs.push(required(`${path}.template.spec.restartPolicy`, `valid values: "OnFailure", "Never"`));
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(`${path}.template.spec.restartPolicy`, rp, ['OnFailure', 'Never']));
  else if (spec?.podFailurePolicy && rp !== 'Never') {
    errs.push(invalidField(`${path}.template.spec.restartPolicy`, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  }
  return errs;
}

/** ValidateJobSpec: the common part, then the selector and its match with the template labels. */
function validateJobSpec(spec: any): FieldError[] {
  const errs = validateJobSpecCommon(spec, 'spec');
  if (!spec?.selector) errs.push(required('spec.selector', ''));
  else errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  try {
    const s = labelSelectorAsSelector(spec?.selector);
    if (!s.nothing && s.requirements.length > 0 && !matches(s, spec?.template?.metadata?.labels ?? {})) {
      errs.push(invalidField('spec.template.metadata.labels', goTemplateLabels(spec?.template), '`selector` does not match template `labels`'));
    }
  } catch (e) {
    if (!(e instanceof SelectorParseError)) throw e;
  }
  return errs;
}

/** validateGeneratedSelector: with an automatic selector the template must carry the generated labels. */
function validateGeneratedSelector(job: KubeObject): FieldError[] {
  const spec = job.spec ?? {};
  if (spec.manualSelector === true || !spec.selector) return [];
  const errs: FieldError[] = [];
  const uid = job.metadata.uid ?? '';
  const name = job.metadata.name ?? '';
  if (!uid) errs.push(required('metadata.uid', ''));
  const labels: Record<string, string> | undefined = spec.template?.metadata?.labels;
  const hasLabel = (key: string, expected: string): void => {
    const path = `spec.template.metadata.labels[${key}]`;
    if (!labels || !(key in labels)) errs.push(required(path, `must be '${expected}'`));
    else if (labels[key] !== expected) errs.push(invalidField(path, goStringMap(labels), `must be '${expected}'`));
  };
  hasLabel(JOB_LABELS.legacyControllerUid, uid);
  hasLabel(JOB_LABELS.legacyJobName, name);
  hasLabel(JOB_LABELS.controllerUid, uid);
  hasLabel(JOB_LABELS.jobName, name);
  const expected = { [JOB_LABELS.controllerUid]: uid, [JOB_LABELS.jobName]: name, [JOB_LABELS.legacyControllerUid]: uid, [JOB_LABELS.legacyJobName]: name };
  try {
    if (!matches(labelSelectorAsSelector(spec.selector), expected)) {
      errs.push(invalidField('spec.selector', goLabelSelector(spec.selector), '`selector` not auto-generated'));
    }
  } catch (e) {
    if (!(e instanceof SelectorParseError)) throw e;
  }
  return errs;
}

export function validateJob(job: KubeObject): FieldError[] {
  const errs = [...validateGeneratedSelector(job), ...validateJobSpec(job.spec)];
  const spec = job.spec ?? {};
  if (spec.completionMode === 'Indexed' && typeof spec.completions === 'number' && spec.completions > 0) {
    const maxHostname = `${job.metadata.name}-${spec.completions - 1}`;
    if (isDNS1123Label(maxHostname).length > 0) {
      errs.push(invalidField('metadata.name', job.metadata.name ?? '', `will not able to create pod with invalid DNS label: ${maxHostname}`));
    }
  }
  return errs;
}

/** %#v of the template an immutability error reports: a shortened core.PodTemplateSpec (pointers are not reproducible). */
const goTemplate = (t: PodTemplateSpec | undefined): GoRendered =>
  new GoRendered(`core.PodTemplateSpec{ObjectMeta:v1.ObjectMeta{Labels:${goStringMap(t?.metadata?.labels).text}}, Spec:core.PodSpec{…}}`);

/** ValidateJobSpecUpdate's immutable parts (the full spec is validated again by ValidateJob). */
export function validateJobUpdate(job: KubeObject, prev: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = job.spec ?? {};
  const old = prev.spec ?? {};
  const indexed = spec.completionMode === 'Indexed';
  if (!indexed) {
    if (!deepEqual(spec.completions, old.completions)) errs.push(invalidField('spec.completions', spec.completions ?? null, FIELD_IMMUTABLE));
  } else if (!deepEqual(spec.completions, old.completions) && spec.completions !== undefined && spec.completions !== spec.parallelism) {
    errs.push(invalidField('spec.completions', spec.completions, 'can only be modified in tandem with spec.parallelism'));
  }
  if (!deepEqual(spec.selector, old.selector)) errs.push(invalidField('spec.selector', goLabelSelector(spec.selector), FIELD_IMMUTABLE));
  // A suspended Job that never started may change its scheduling directives (AllowMutableSchedulingDirectives).
  const mutable = old.suspend === true && !prev.status?.startTime;
  const strip = (t: any): unknown => mutable
    ? { ...t, metadata: { ...t?.metadata, labels: undefined, annotations: undefined },
      spec: { ...t?.spec, nodeSelector: undefined, tolerations: undefined, schedulingGates: undefined, affinity: stripNodeAffinity(t?.spec?.affinity) } }
    : t;
  if (!deepEqual(strip(spec.template), strip(old.template))) errs.push(invalidField('spec.template', goTemplate(spec.template), FIELD_IMMUTABLE));
  for (const f of ['completionMode', 'podFailurePolicy', 'backoffLimitPerIndex', 'managedBy', 'successPolicy']) {
    if (!deepEqual(spec[f], old[f])) errs.push(invalidField(`spec.${f}`, typeof spec[f] === 'string' ? spec[f] : new GoRendered(spec[f] === undefined ? 'null' : JSON.stringify(spec[f])), FIELD_IMMUTABLE));
  }
  return errs;
}

function stripNodeAffinity(affinity: any): unknown {
  if (!affinity) return undefined;
  const { nodeAffinity, ...rest } = affinity;
  void nodeAffinity;
  return Object.keys(rest).length ? rest : undefined;
}

/** ValidateJobTemplateSpec: the job spec, and no selector of its own (one is generated per Job). */
function validateJobTemplateSpec(jt: any, path: string): FieldError[] {
  const errs = validateJobSpecCommon(jt?.spec, `${path}.spec`);
  if (jt?.spec?.selector) errs.push(invalidField(`${path}.spec.selector`, goLabelSelector(jt.spec.selector), '`selector` will be auto-generated'));
  if (jt?.spec?.manualSelector === true) errs.push(notSupported(`${path}.spec.manualSelector`, true, ['nil', 'false']));
  errs.push(...validateLabels(jt?.metadata?.labels, `${path}.metadata.labels`));
  errs.push(...validateAnnotations(jt?.metadata?.annotations, `${path}.metadata.annotations`));
  return errs;
}

/** validateCronJobSpec; `prev` is the old spec on update (TZ in an old schedule stays allowed). */
function validateCronJobSpec(spec: any, prev: any | undefined): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec.schedule) errs.push(required('spec.schedule', ''));
  else {
    const why = cronScheduleError(spec.schedule);
    if (why) errs.push(invalidField('spec.schedule', spec.schedule, why));
    const allowTZ = typeof prev?.schedule === 'string' && prev.schedule.includes('TZ');
    if (allowTZ && spec.schedule.includes('TZ') && spec.timeZone !== undefined) {
      errs.push(invalidField('spec.schedule', spec.schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
    } else if (!allowTZ && spec.schedule.includes('TZ')) {
      errs.push(invalidField('spec.schedule', spec.schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
    }
  }
  if (typeof spec.startingDeadlineSeconds === 'number' && spec.startingDeadlineSeconds < 0) {
    errs.push(invalidField('spec.startingDeadlineSeconds', spec.startingDeadlineSeconds, NON_NEGATIVE));
  }
  const cp = spec.concurrencyPolicy ?? '';
  if (cp === '') errs.push(required('spec.concurrencyPolicy', ''));
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(notSupported('spec.concurrencyPolicy', cp, ['Allow', 'Forbid', 'Replace']));
  errs.push(...validateJobTemplateSpec(spec.jobTemplate, 'spec.jobTemplate'));
  for (const f of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
    if (typeof spec[f] === 'number' && spec[f] < 0) errs.push(invalidField(`spec.${f}`, spec[f], NON_NEGATIVE));
  }
  return errs;
}

export function validateCronJob(cj: KubeObject): FieldError[] {
  const errs = validateCronJobSpec(cj.spec ?? {}, undefined);
  // The controller appends an 11-character suffix to Job names, which must stay within 63.
  if (cj.metadata.name && cj.metadata.name.length > 52) {
    errs.push(invalidField('metadata.name', cj.metadata.name, 'must be no more than 52 characters'));
  }
  return errs;
}

/** ValidateCronJobUpdate: the spec again, with the old schedule's TZ allowance; no 52-character name check. */
export function validateCronJobUpdate(cj: KubeObject, prev: KubeObject): FieldError[] {
  return validateCronJobSpec(cj.spec ?? {}, prev.spec ?? {});
}
