// ObjectMeta validation (apimachinery pkg/api/validation/objectmeta.go): names, namespaces,
// labels, annotations, owner references and finalizers on create, and immutable metadata on update.
import type { ObjectMeta } from '../objects';
import { forbiddenField, invalidField, required, type FieldError } from '../field_errors';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from './names';
import type { ResourceInfo } from '../resources';

export const FIELD_IMMUTABLE = 'field is immutable';
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** The name rule each kind uses (ValidatePodName, ValidateReplicaSetName, …): DNS-1123 subdomain unless listed. */
export function nameErrors(kind: string, name: string, prefix: boolean): string[] {
  // With prefix=true (generateName) a trailing "-" is allowed, as upstream's maskTrailingDash does.
  const n = prefix && name.length > 1 && name.endsWith('-') ? name.slice(0, -1) + 'a' : name;
  if (kind === 'Namespace' || kind === 'Service') return isDNS1123Label(n);
  return isDNS1123Subdomain(n);
}

export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const msg of isQualifiedName(k)) errs.push(invalidField(path, k, msg));
    for (const msg of isValidLabelValue(String(v))) errs.push(invalidField(path, v, msg));
  }
  return errs;
}

function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalidField(path, k, msg));
    size += k.length + String(v).length;
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push({ ...forbiddenField(path, ''), type: { text: 'Too long', reason: 'FieldValueTooLong', showsValue: false }, detail: `must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes` });
  return errs;
}

function validateOwnerReferences(meta: ObjectMeta, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const controllers: string[] = [];
  for (const ref of meta.ownerReferences ?? []) {
    if (!ref.apiVersion) errs.push(invalidField(`${path}.apiVersion`, ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errs.push(invalidField(`${path}.kind`, ref.kind ?? '', 'kind must not be empty'));
    if (!ref.name) errs.push(invalidField(`${path}.name`, ref.name ?? '', 'name must not be empty'));
    if (!ref.uid) errs.push(invalidField(`${path}.uid`, ref.uid ?? '', 'uid must not be empty'));
    if (ref.controller) controllers.push(`${ref.kind}/${ref.name}`);
  }
  if (controllers.length > 1) {
    errs.push(invalidField(path, meta.ownerReferences, `Only one reference can have Controller set to true. Found "true" in references for ${controllers.join(' and ')}`));
  }
  return errs;
}

export function validateObjectMeta(meta: ObjectMeta, info: ResourceInfo): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.generateName) {
    for (const msg of nameErrors(info.kind, meta.generateName, true)) errs.push(invalidField('metadata.generateName', meta.generateName, msg));
  }
  if (!meta.name) {
    if (!meta.generateName) errs.push(required('metadata.name', 'name or generateName is required'));
  } else {
    for (const msg of nameErrors(info.kind, meta.name, false)) errs.push(invalidField('metadata.name', meta.name, msg));
  }
  if (info.namespaced) {
    if (!meta.namespace) errs.push(required('metadata.namespace', ''));
    else for (const msg of isDNS1123Label(meta.namespace)) errs.push(invalidField('metadata.namespace', meta.namespace, msg));
  } else if (meta.namespace) {
    errs.push(forbiddenField('metadata.namespace', 'not allowed on this type'));
  }
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  errs.push(...validateOwnerReferences(meta, 'metadata.ownerReferences'));
  for (const [i, f] of (meta.finalizers ?? []).entries()) {
    for (const msg of isQualifiedName(f)) errs.push(invalidField(`metadata.finalizers[${i}]`, f, msg));
  }
  return errs;
}

export function validateObjectMetaUpdate(next: ObjectMeta, prev: ObjectMeta, info: ResourceInfo): FieldError[] {
  const errs: FieldError[] = [];
  const immutable = (field: keyof ObjectMeta, path: string): void => {
    if (next[field] !== prev[field]) errs.push(invalidField(path, next[field] ?? '', FIELD_IMMUTABLE));
  };
  immutable('name', 'metadata.name');
  immutable('namespace', 'metadata.namespace');
  immutable('uid', 'metadata.uid');
  immutable('creationTimestamp', 'metadata.creationTimestamp');
  errs.push(...validateLabels(next.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(next.annotations, 'metadata.annotations'));
  errs.push(...validateOwnerReferences(next, 'metadata.ownerReferences'));
  if (prev.deletionTimestamp && (next.finalizers ?? []).some(f => !(prev.finalizers ?? []).includes(f))) {
    errs.push(forbiddenField('metadata.finalizers', `no new finalizers can be added if the object is being deleted, found new finalizers ${goStrings((next.finalizers ?? []).filter(f => !(prev.finalizers ?? []).includes(f)))}`));
  }
  void info;
  return errs;
}

const goStrings = (xs: string[]): string => `[]string{${xs.map(x => JSON.stringify(x)).join(', ')}}`;
