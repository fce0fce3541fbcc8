// Job and CronJob validation (pkg/apis/batch/validation/validation.go): the parts a scenario can
// trip over — counts, restart policy, selector/template match, schedule, and Job immutability.
import type { KubeObject } from '../objects';
import { invalidField, notSupported, required, type FieldError, goLabelSelector } from '../field_errors';
import { validatePodSpec } from './pod';
import { deepEqual } from '../freeze';
import { FIELD_IMMUTABLE } from './meta';

const NON_NEGATIVE = 'must be greater than or equal to 0';

function validateJobSpec(spec: any, path: string, errs: FieldError[]): void {
  for (const f of ['parallelism', 'completions', 'backoffLimit', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished']) {
    if (typeof spec?.[f] === 'number' && spec[f] < 0) errs.push(invalidField(`${path}.${f}`, spec[f], NON_NEGATIVE));
  }
  if (spec?.completionMode !== undefined && !['NonIndexed', 'Indexed'].includes(spec.completionMode)) {
    errs.push(notSupported(`${path}.completionMode`, spec.completionMode, ['NonIndexed', 'Indexed']));
  }
  if (spec?.completionMode === 'Indexed' && spec.completions === undefined) {
    errs.push(required(`${path}.completions`, 'when completion mode is Indexed'));
  }
  const tmpl = spec?.template;
  if (!tmpl) { errs.push(required(`${path}.template`, '')); return; }
  const rp = tmpl.spec?.restartPolicy;
  if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(`${path}.template.spec.restartPolicy`, rp ?? '', ['OnFailure', 'Never']));
  for (const e of validatePodSpec(tmpl.spec, `${path}.template.spec`)) {
    if (e.field === `${path}.template.spec.restartPolicy`) continue;
    errs.push(e);
  }
}

export function validateJob(job: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  validateJobSpec(job.spec, 'spec', errs);
  return errs;
}

export function validateJobUpdate(job: KubeObject, prev: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (!deepEqual(job.spec?.selector, prev.spec?.selector)) errs.push(invalidField('spec.selector', goLabelSelector(job.spec?.selector), FIELD_IMMUTABLE));
  if (job.spec?.completions !== prev.spec?.completions && job.spec?.completionMode !== 'Indexed') {
    errs.push(invalidField('spec.completions', job.spec?.completions ?? null, FIELD_IMMUTABLE));
  }
  const strip = (t: any): unknown => ({ ...t, spec: { ...t?.spec, schedulingGates: undefined, nodeSelector: undefined, tolerations: undefined, affinity: undefined } });
  if (!job.spec?.suspend && !deepEqual(strip(job.spec?.template), strip(prev.spec?.template))) {
    errs.push(invalidField('spec.template', job.spec?.template, FIELD_IMMUTABLE));
  }
  return errs;
}

/** Five fields, as robfig/cron's standard parser takes them (descriptors like @hourly allowed). */
export function cronScheduleError(schedule: string): string | undefined {
  const s = schedule.trim();
  if (s.startsWith('@')) {
    return ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'].includes(s) || s.startsWith('@every ')
      ? undefined : `unrecognized descriptor: ${s}`;
  }
  const fields = s.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: ${JSON.stringify(fields).replace(/","/g, ' ').replace(/^\["/, '[').replace(/"\]$/, ']')}`;
  return undefined;
}

export function validateCronJob(cj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = cj.spec ?? {};
  if (!spec.schedule) errs.push(required('spec.schedule', ''));
  else {
    const why = cronScheduleError(spec.schedule);
    if (why) errs.push(invalidField('spec.schedule', spec.schedule, why));
  }
  if (!['Allow', 'Forbid', 'Replace'].includes(spec.concurrencyPolicy)) {
    errs.push(notSupported('spec.concurrencyPolicy', spec.concurrencyPolicy ?? '', ['Allow', 'Forbid', 'Replace']));
  }
  for (const f of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
    if (typeof spec[f] === 'number' && spec[f] < 0) errs.push(invalidField(`spec.${f}`, spec[f], NON_NEGATIVE));
  }
  if (cj.metadata.name && cj.metadata.name.length > 52) {
    errs.push(invalidField('metadata.name', cj.metadata.name, 'must be no more than 52 characters'));
  }
  validateJobSpec(spec.jobTemplate?.spec, 'spec.jobTemplate.spec', errs);
  return errs;
}
