// The draft an update starts from: a handed-over object as it is when the server may write into it,
// otherwise a copy — for a status write only the object and its metadata (the spec is replaced by the
// stored one, frozen parts are shared), for a plain update the whole object.
import type { KubeObject, ObjectMeta } from './objects';
import * as freezeModule from './freeze';
import * as defaultsModule from './defaults';

// Imported functions on the request path are read once, here: tsx runs this code as CommonJS, where
// every call of an imported name first reads it through two export getters.
const { cloneUnfrozen, hasUndefinedOutsideFrozen } = freezeModule;
const { hasDefaults } = defaultsModule;

/**
 * Can a handed-over object be an update's draft as it is? The server writes only its top level and
 * metadata then: no defaults or built-in admission for its kind, no mutating hooks that could write
 * anywhere, and no undefined values (the copy would drop those keys).
 */
export function takesOver(input: KubeObject, mutatingHooks: boolean): boolean {
  return !hasDefaults(input.kind) && !mutatingHooks &&
    !Object.isFrozen(input) && input.metadata !== undefined && !Object.isFrozen(input.metadata) && !hasUndefinedOutsideFrozen(input);
}

/**
 * A copy of an object for a status write: the spec is not copied (the write replaces it), nor are
 * frozen parts (nothing on the status path writes below metadata's own keys), nor a status the
 * caller handed over (`ownedStatus`), but the object and its metadata always are.
 */
export function cloneExceptSpec(input: KubeObject, ownedStatus: boolean): KubeObject {
  const out: Record<string, unknown> = {};
  for (const key in input) {
    const v = input[key];
    if (v === undefined) continue;
    out[key] = key === 'spec' || (key === 'status' && ownedStatus) ? v : key === 'metadata' ? cloneMetadata(v as ObjectMeta) : cloneUnfrozen(v);
  }
  return out as KubeObject;
}

/**
 * Can a handed-over status write's object be its draft as it is? cloneExceptSpec would copy it key
 * for key: that copy is the object itself when the object and its metadata are unfrozen (the caller
 * built them for this request), no key holds undefined, and every other value is a primitive or a
 * frozen part (cloneUnfrozen keeps those as they are: a handed-over object's frozen parts hold no
 * undefined, see RequestContext.owned, so they are not searched for one).
 */
export function ownsTopLevel(input: KubeObject): boolean {
  const meta = input.metadata as ObjectMeta | undefined;
  if (Object.isFrozen(input) || meta === undefined || meta === null || Object.isFrozen(meta)) return false;
  const top = input as unknown as Record<string, unknown>;
  for (const key in top) {
    if (key === 'spec' || key === 'status' || key === 'metadata') { if (top[key] === undefined) return false; continue; }
    if (!keptByOwnedClone(top[key])) return false;
  }
  const m = meta as Record<string, unknown>;
  for (const key in m) if (!keptByOwnedClone(m[key])) return false;
  return true;
}

/** Does cloneUnfrozen return this defined value of a handed-over object itself? */
function keptByOwnedClone(v: unknown): boolean {
  if (v === undefined) return false;
  return v === null || typeof v !== 'object' || Object.isFrozen(v);
}

/** Metadata for a status write: a copy of its own (the write sets its keys), sharing frozen parts. */
function cloneMetadata(meta: ObjectMeta): ObjectMeta {
  const out: Record<string, unknown> = {};
  for (const key in meta) {
    const v = meta[key as keyof ObjectMeta];
    if (v !== undefined) out[key] = cloneUnfrozen(v);
  }
  return out as ObjectMeta;
}
