// The spec part of ValidatePodUpdate (pkg/apis/core/validation/validation.go, v1.32): container counts and
// images, activeDeadlineSeconds, tolerations (only additions), then "pod updates may not change fields
// other than …" followed by a diff. Upstream's diff is go-cmp's, whose exact text is deliberately unstable;
// ours names the changed PodSpec fields in the same shape ("- \tField: old" / "+ \tField: new").
import type { Container, PodSpec, Toleration } from '../objects';
import { forbiddenField, goQuote, invalidField, required, type FieldError } from '../field_errors';
import { inclusiveRangeError } from './names';
import { deepEqual } from '../freeze';

const UPDATABLE_FIELDS = ['`spec.containers[*].image`', '`spec.initContainers[*].image`', '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'];

function validateContainerUpdates(next: Container[] | undefined, prev: Container[] | undefined, path: string, errs: FieldError[]): boolean {
  const n = next ?? [];
  if (n.length !== (prev ?? []).length) {
    errs.push(forbiddenField(path, 'pod updates may not add or remove containers'));
    return true;
  }
  n.forEach((c, i) => {
    if (!c.image) errs.push(required(`${path}[${i}].image`, ''));
    if (c.image !== undefined && c.image.trim() !== c.image) errs.push(invalidField(`${path}[${i}].image`, c.image, 'must not have leading or trailing whitespace'));
  });
  return false;
}

/** validateOnlyAddedTolerations: every old toleration must still be there (tolerationSeconds may change). */
function validateOnlyAddedTolerations(next: Toleration[] | undefined, prev: Toleration[] | undefined, errs: FieldError[]): void {
  for (const old of prev ?? []) {
    const found = (next ?? []).some(t => deepEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t));
    if (!found) { errs.push(forbiddenField('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds')); return; }
  }
}

const render = (v: unknown): string => (v === undefined ? 'nil' : typeof v === 'string' ? goQuote(v) : JSON.stringify(v));
const goField = (k: string): string => k.charAt(0).toUpperCase() + k.slice(1);

/** A go-cmp-shaped summary of the fields that differ. */
function specDiff(prev: PodSpec, munged: PodSpec): string {
  const keys = [...new Set([...Object.keys(prev), ...Object.keys(munged)])];
  const lines = ['  core.PodSpec{'];
  let same = 0;
  for (const k of keys) {
    const a = (prev as Record<string, unknown>)[k];
    const b = (munged as Record<string, unknown>)[k];
    if (deepEqual(a, b)) { same++; continue; }
    if (same) { lines.push(`  \t... // ${same} identical field${same > 1 ? 's' : ''}`); same = 0; }
    lines.push(`- \t${goField(k)}: ${render(a)},`, `+ \t${goField(k)}: ${render(b)},`);
  }
  if (same) lines.push(`  \t... // ${same} identical field${same > 1 ? 's' : ''}`);
  lines.push('  }');
  return lines.join('\n');
}

export function validatePodSpecUpdate(next: PodSpec, prev: PodSpec): FieldError[] {
  const errs: FieldError[] = [];
  if (validateContainerUpdates(next.containers, prev.containers, 'spec.containers', errs)) return errs;
  if (validateContainerUpdates(next.initContainers, prev.initContainers, 'spec.initContainers', errs)) return errs;
  if (next.activeDeadlineSeconds !== undefined) {
    const v = next.activeDeadlineSeconds;
    if (v < 0 || v > 2147483647) { errs.push(invalidField('spec.activeDeadlineSeconds', v, inclusiveRangeError(0, 2147483647))); return errs; }
    if (prev.activeDeadlineSeconds !== undefined && prev.activeDeadlineSeconds < v) {
      errs.push(invalidField('spec.activeDeadlineSeconds', v, 'must be less than or equal to previous value'));
      return errs;
    }
  } else if (prev.activeDeadlineSeconds !== undefined) {
    errs.push(invalidField('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  validateOnlyAddedTolerations(next.tolerations, prev.tolerations, errs);
  if (deepEqual(next, prev)) return errs;
  const munged: PodSpec = {
    ...next,
    containers: (next.containers ?? []).map((c, i) => ({ ...c, image: prev.containers[i]?.image })),
    tolerations: prev.tolerations,
    activeDeadlineSeconds: prev.activeDeadlineSeconds,
  };
  if (next.initContainers) munged.initContainers = next.initContainers.map((c, i) => ({ ...c, image: prev.initContainers?.[i]?.image }));
  if (prev.schedulingGates !== undefined || next.schedulingGates !== undefined) munged.schedulingGates = prev.schedulingGates;
  if ((prev.terminationGracePeriodSeconds ?? 0) < 0 && next.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = prev.terminationGracePeriodSeconds;
  for (const k of ['tolerations', 'activeDeadlineSeconds'] as const) if (munged[k] === undefined) delete munged[k];
  if (!deepEqual(munged, prev)) {
    errs.push(forbiddenField('spec', `pod updates may not change fields other than ${UPDATABLE_FIELDS.join(',')}\n${specDiff(prev, munged)}`));
  }
  return errs;
}
