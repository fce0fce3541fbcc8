// Object references as features write them — `replicaset "web"`, `rs/web`, `pod "x" in namespace
// "kube-system"` — resolved to a kind through the same names kubectl resolves (plural, singular,
// short names, `replicasets.apps`).
import { RESOURCES, resourceForName } from '../api/resources';

export interface ObjectRef {
  kind: string;
  namespace: string;
  name: string;
}

const KIND_NAMES = [...new Set(RESOURCES.flatMap(r => {
  const names = [r.plural, r.singular, r.kind, ...r.shortNames];
  return r.group ? [...names, `${r.plural}.${r.group}`, `${r.singular}.${r.group}`] : names;
}))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)); // longest first: "pods" before "po"

const KIND = `(?:${KIND_NAMES.map(n => n.replace(/\./g, '\\.')).join('|')})`;
const NAME = '[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?';

/**
 * The text of an object reference: `<kind> "<name>"` or `<kind>/<name>`, optionally followed by
 * ` in namespace "<ns>"`. Kind names are an explicit list, so a quoted string after any other
 * word is never taken for a reference.
 */
export const OBJECT_REF_PATTERN = `(?:(${KIND}) "([^"]+)"|(${KIND})/(${NAME}))(?: in namespace "([^"]+)")?`;

export class RefError extends Error {
  override name = 'RefError';
}

/** Builds a reference from the pattern's groups (kind and name in one of two forms, namespace). */
export function objectRef(kindA: string | undefined, nameA: string | undefined, kindB: string | undefined,
  nameB: string | undefined, namespace: string | undefined): ObjectRef {
  const kindText = kindA ?? kindB ?? '';
  const info = resourceForName(kindText);
  if (!info) throw new RefError(`error: the server doesn't have a resource type "${kindText}"`);
  return { kind: info.kind, namespace: info.namespaced ? namespace ?? 'default' : '', name: nameA ?? nameB ?? '' };
}

/** Parses a whole reference text; for tests and tools (steps get the groups from the parameter type). */
export function parseRef(text: string): ObjectRef {
  const m = new RegExp(`^${OBJECT_REF_PATTERN}$`).exec(text);
  if (!m) throw new RefError(`not an object reference: ${text} (write kind "name" or kind/name, e.g. replicaset "web" or rs/web)`);
  return objectRef(m[1], m[2], m[3], m[4], m[5]);
}

/** `replicaset "web"`, `pod "x" in namespace "kube-system"`: how messages name an object. */
export function describeRef(ref: ObjectRef): string {
  const info = resourceForName(ref.kind)!;
  const ns = info.namespaced && ref.namespace !== 'default' ? ` in namespace "${ref.namespace}"` : '';
  return `${info.singular} "${ref.name}"${ns}`;
}

