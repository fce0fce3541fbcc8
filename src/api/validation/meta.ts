// ObjectMeta validation: apimachinery pkg/api/validation/objectmeta.go (v0.32) plus core's additions
// (pkg/apis/core/validation ValidateObjectMeta: kube finalizer names) — on create, the common fields every
// update gets (rest.BeforeUpdate validateCommonFields), and the immutable metadata of an update.
import type { ObjectMeta } from '../objects';
import {
  forbiddenField, goStringSlice, GoRendered, goQuote, goPointer, invalidField, pushInvalid, required, tooLong, type FieldError,
} from '../field_errors';
import * as namesModule from './names';
import type { ResourceInfo } from '../resources';

// Imported functions on the request path are read once, here: tsx runs this code as CommonJS, where
// every call of an imported name first reads it through two export getters.
const { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, NO_MESSAGES } = namesModule;

export const FIELD_IMMUTABLE = 'field is immutable';
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** maskTrailingDash: a generateName may end in "-" (upstream swaps the last two characters for "a"). */
const maskTrailingDash = (name: string): string => (name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name);

/**
 * The name rule each kind's strategy uses: DNS-1035 label for Services (ValidateServiceName), DNS label for
 * Namespaces and StatefulSets, DNS subdomain for the rest.
 */
export function nameErrors(kind: string, name: string, prefix: boolean): readonly string[] {
  const n = prefix ? maskTrailingDash(name) : name;
  if (kind === 'Service') return isDNS1035Label(n);
  if (kind === 'Namespace' || kind === 'StatefulSet') return isDNS1123Label(n);
  return isDNS1123Subdomain(n);
}

/** metav1validation.ValidateLabels: key errors then value errors, per label, all at the map's path. */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  return labelErrors(labels, path, []);
}

/** validateLabels into an existing list (the write path validates every object's metadata: no list per map). */
function labelErrors(labels: Record<string, string> | undefined, path: string, errs: FieldError[]): FieldError[] {
  // for-in over a JSON object visits its own keys in Object.entries' order.
  for (const k in labels) {
    const v = labels[k]!;
    pushInvalid(errs, path, k, isQualifiedName(k));
    pushInvalid(errs, path, v, isValidLabelValue(String(v)));
  }
  return errs;
}

export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  return annotationErrors(annotations, path, []);
}

function annotationErrors(annotations: Record<string, string> | undefined, path: string, errs: FieldError[]): FieldError[] {
  let size = 0;
  for (const k in annotations) {
    const v = annotations[k]!;
    // The rule is QualifiedName except that case doesn't matter.
    pushInvalid(errs, path, k, isQualifiedName(k.toLowerCase()));
    size += Buffer.byteLength(k) + Buffer.byteLength(String(v));
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

/** %#v of []metav1.OwnerReference (Controller and BlockOwnerDeletion are pointers: addresses not reproducible). */
const goOwnerReference = (r: NonNullable<ObjectMeta['ownerReferences']>[number]): string =>
  `v1.OwnerReference{APIVersion:${goQuote(r.apiVersion ?? '')}, Kind:${goQuote(r.kind ?? '')}, Name:${goQuote(r.name ?? '')}, UID:${goQuote(r.uid ?? '')}, ` +
  `Controller:${goPointer('bool', r.controller !== undefined)}, BlockOwnerDeletion:${goPointer('bool', r.blockOwnerDeletion !== undefined)}}`;

function goOwnerReferences(refs: ObjectMeta['ownerReferences']): GoRendered {
  return new GoRendered(`[]v1.OwnerReference{${(refs ?? []).map(goOwnerReference).join(', ')}}`);
}

function validateOwnerReferences(refs: ObjectMeta['ownerReferences'], path: string, errs: FieldError[]): FieldError[] {
  let firstController = '';
  // Indexed: every create and update comes here, mostly without owner references or finalizers.
  if (refs) for (let i = 0; i < refs.length; i++) {
    const ref = refs[i]!;
    const apiVersion = ref.apiVersion ?? '';
    const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
    if (!version) errs.push(invalidField(`${path}.apiVersion`, apiVersion, 'version must not be empty'));
    if (!ref.kind) errs.push(invalidField(`${path}.kind`, ref.kind ?? '', 'kind must not be empty'));
    if (!ref.name) errs.push(invalidField(`${path}.name`, ref.name ?? '', 'name must not be empty'));
    if (!ref.uid) errs.push(invalidField(`${path}.uid`, ref.uid ?? '', 'uid must not be empty'));
    if (version === 'v1' && !apiVersion.includes('/') && ref.kind === 'Event') {
      errs.push(invalidField(path, new GoRendered(goOwnerReference(ref)), '/v1, Kind=Event is disallowed from being an owner'));
    }
    if (ref.controller) {
      const name = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(invalidField(path, goOwnerReferences(refs),
          `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${name}`));
      } else firstController = name;
    }
  }
  return errs;
}

/** apimachinery ValidateFinalizers: names at the list's path (no index), then the orphan/foreground conflict. */
function validateFinalizers(finalizers: string[] | undefined, path: string, errs: FieldError[]): FieldError[] {
  if (finalizers) for (let i = 0; i < finalizers.length; i++) pushInvalid(errs, path, finalizers[i]!, isQualifiedName(finalizers[i]!));
  if (finalizers?.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errs.push(invalidField(path, goStringSlice(finalizers), 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

/** core's validateKubeFinalizerName, per finalizer at finalizers[i]: a bare name must be a standard one. */
function validateKubeFinalizerNames(finalizers: string[] | undefined, path: string, errs: FieldError[]): FieldError[] {
  if (finalizers) for (let i = 0; i < finalizers.length; i++) {
    const f = finalizers[i]!;
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(invalidField(`${path}[${i}]`, f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  }
  return errs;
}

/**
 * The part of ValidateObjectMetaAccessor shared by create and the common update check. On an update,
 * `prev` is the stored version: a namespace, map or list it shares with it (the same string, the same
 * object) passed these very checks when that version was written (metadata rules apply even with
 * validation off), so it yields no messages now and is not walked again.
 */
function validateMetaCommon(meta: ObjectMeta, info: ResourceInfo, errs: FieldError[], prev?: ObjectMeta): void {
  if (info.namespaced) {
    if (!meta.namespace) errs.push(required('metadata.namespace', ''));
    else if (prev === undefined || meta.namespace !== prev.namespace) {
      pushInvalid(errs, 'metadata.namespace', meta.namespace, isDNS1123Label(meta.namespace));
    }
  } else if (meta.namespace) {
    errs.push(forbiddenField('metadata.namespace', 'not allowed on this type'));
  }
  if ((meta.generation ?? 0) < 0) errs.push(invalidField('metadata.generation', meta.generation, 'must be greater than or equal to 0'));
  if (prev === undefined || meta.labels !== prev.labels) labelErrors(meta.labels, 'metadata.labels', errs);
  if (prev === undefined || meta.annotations !== prev.annotations) annotationErrors(meta.annotations, 'metadata.annotations', errs);
  if (prev === undefined || meta.ownerReferences !== prev.ownerReferences) validateOwnerReferences(meta.ownerReferences, 'metadata.ownerReferences', errs);
  if (prev === undefined || meta.finalizers !== prev.finalizers) validateFinalizers(meta.finalizers, 'metadata.finalizers', errs);
}

/** core ValidateObjectMeta on create: generateName, name (the kind's rule), the common fields, kube finalizer names. */
export function validateObjectMeta(meta: ObjectMeta, info: ResourceInfo): readonly FieldError[] {
  const errs = scratchErrors();
  if (meta.generateName) {
    pushInvalid(errs, 'metadata.generateName', meta.generateName, nameErrors(info.kind, meta.generateName, true));
  }
  if (!meta.name) errs.push(required('metadata.name', 'name or generateName is required'));
  else pushInvalid(errs, 'metadata.name', meta.name, nameErrors(info.kind, meta.name, false));
  validateMetaCommon(meta, info, errs);
  validateKubeFinalizerNames(meta.finalizers, 'metadata.finalizers', errs);
  return takeErrors(errs);
}

/**
 * The list the metadata checks of one call push into: every write is validated and almost none has
 * an error, so a list is handed out (and a new one started) only when it holds some.
 */
let scratch: FieldError[] = [];
/**
 * The result of a clean check, shared (readonly: callers cannot add to it). Not frozen: for-of and
 * spreads over a frozen array take a slower path that allocates an iterator per loop.
 */
export const NO_ERRORS: readonly FieldError[] = [];

/** The scratch list, emptied first in case a check threw halfway through the last call. */
function scratchErrors(): FieldError[] {
  const errs = scratch;
  if (errs.length !== 0) errs.length = 0;
  return errs;
}

function takeErrors(errs: FieldError[]): readonly FieldError[] {
  if (errs.length === 0) return NO_ERRORS;
  scratch = [];
  return errs;
}

function pathSegmentErrors(name: string): readonly string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  if (!name.includes('/') && !name.includes('%')) return NO_MESSAGES;
  return ['/', '%'].filter(c => name.includes(c)).map(c => `may not contain '${c}'`);
}

/**
 * ValidateImmutableField for one metadata field, given as its value in each version (read by name at
 * the call: a field name passed in would be a generic keyed load on every update).
 */
function immutable(nextValue: string | undefined, prevValue: string | undefined, path: string, errs: FieldError[]): void {
  if ((nextValue ?? '') !== (prevValue ?? '')) errs.push(invalidField(path, nextValue ?? '', FIELD_IMMUTABLE));
}

/**
 * Every update: rest.BeforeUpdate's validateCommonFields (ValidateObjectMetaAccessor with path-segment
 * names, then ValidateObjectMetaAccessorUpdate), then core's kube finalizer names. The kind's own
 * update validation follows; repeated messages are dropped when the 422 is built.
 */
export function validateObjectMetaUpdate(next: ObjectMeta, prev: ObjectMeta, info: ResourceInfo): readonly FieldError[] {
  const errs = scratchErrors();
  if (next.generateName) pushInvalid(errs, 'metadata.generateName', next.generateName, pathSegmentErrors(next.generateName));
  if (!next.name) errs.push(required('metadata.name', 'name or generateName is required'));
  // A stored name passed the stricter name rule of its create (it holds no '/' or '%' and is not '.' or '..').
  else if (next.name !== prev.name) pushInvalid(errs, 'metadata.name', next.name, pathSegmentErrors(next.name));
  const beforeCommon = errs.length;
  validateMetaCommon(next, info, errs, prev);
  // The update checks below repeat the common ones on the same maps: when those found nothing,
  // neither would the repeats (and every write gets here).
  const commonClean = errs.length === beforeCommon;
  // The same finalizer list as the stored version's adds none.
  if (prev.deletionTimestamp && next.finalizers !== prev.finalizers) {
    const extra = [...new Set(next.finalizers ?? [])].filter(f => !(prev.finalizers ?? []).includes(f)).sort();
    if (extra.length) {
      errs.push(forbiddenField('metadata.finalizers', `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(extra).text}`));
    }
  }
  if ((next.generation ?? 0) < (prev.generation ?? 0)) errs.push(invalidField('metadata.generation', next.generation ?? 0, 'must not be decremented'));
  immutable(next.name, prev.name, 'metadata.name', errs);
  immutable(next.namespace, prev.namespace, 'metadata.namespace', errs);
  immutable(next.uid, prev.uid, 'metadata.uid', errs);
  if (!commonClean) {
    labelErrors(next.labels, 'metadata.labels', errs);
    annotationErrors(next.annotations, 'metadata.annotations', errs);
    validateOwnerReferences(next.ownerReferences, 'metadata.ownerReferences', errs);
  }
  // A list shared with the stored version passed this check when that version was written.
  if (next.finalizers !== prev.finalizers) validateKubeFinalizerNames(next.finalizers, 'metadata.finalizers', errs);
  return takeErrors(errs);
}
