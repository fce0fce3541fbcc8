// Deep freezing and structural equality for stored objects. Stored versions are shared by the
// store, the history, informer caches and readers, so they are frozen: a stray mutation throws at
// the writer instead of silently rewriting the past.

export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  freezeTree(value);
  return value;
}

/**
 * Freezes an unfrozen object and its unfrozen descendants; primitives and frozen parts are skipped
 * without a call. An array's elements are visited before the array is frozen: reading a frozen
 * array's elements takes a slower path.
 */
function freezeTree(value: object): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) freezeTree(v);
    }
    Object.freeze(value);
  } else {
    Object.freeze(value);
    for (const key in value) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) freezeTree(v);
    }
  }
}

/** Structural equality of JSON-shaped values (apiequality.Semantic.DeepEqual for our purposes). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  // Keys whose value is undefined do not count (as if absent). No key arrays are built: this runs
  // on every write and every status comparison.
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let defined = 0;
  for (const k in ao) {
    if (!hasOwn(ao, k)) continue;
    const v = ao[k];
    if (v === undefined) continue;
    defined++;
    if (!deepEqual(v, bo[k])) return false;
  }
  for (const k in bo) if (hasOwn(bo, k) && bo[k] !== undefined) defined--;
  return defined === 0;
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** deepEqual of two objects with one top-level key left out (as if both had it undefined). */
export function deepEqualExcept(a: object, b: object, skip: string): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) || Array.isArray(b)) {
    return deepEqual(a, b);
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let defined = 0;
  for (const k in ao) {
    if (k === skip || !hasOwn(ao, k)) continue;
    const v = ao[k];
    if (v === undefined) continue;
    defined++;
    if (!deepEqual(v, bo[k])) return false;
  }
  for (const k in bo) if (k !== skip && hasOwn(bo, k) && bo[k] !== undefined) defined--;
  return defined === 0;
}

/** A mutable deep copy (JSON-shaped data only). */
export function deepClone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(deepClone) as T;
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = deepClone(v);
  }
  return out as T;
}

/**
 * A mutable copy that shares frozen subtrees: they are immutable already, so a write pipeline that
 * never mutates below the copied levels can keep them as they are.
 */
export function cloneUnfrozen<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  // A frozen part with undefined-valued keys is copied, as deepClone would (it drops those keys).
  if (Object.isFrozen(value) && !hasUndefined(value)) return value;
  if (Array.isArray(value)) return value.map(cloneUnfrozen) as T;
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = cloneUnfrozen(v);
  }
  return out as T;
}

/**
 * Points draft's writable parts at base's equal subtrees (same keys in the same order, same values),
 * so a new version keeps what did not change; true when draft equals base along every path.
 * With `freezeKept`, the writable parts draft keeps are frozen as they are left (children first), all
 * but draft itself and its metadata (the write still sets those): the store's deepFreeze then finds
 * them frozen and does not walk them again. Frozen parts are frozen throughout (stored versions are
 * deeply frozen, and nothing else is frozen), so this freezes exactly what deepFreeze would have.
 */
export function shareUnchanged(draft: unknown, base: unknown, watchUndefinedUnder?: string, freezeKept = false): boolean {
  undefinedSeen = false;
  valueDiffered = false;
  stackTop = 0;
  watchKey = watchUndefinedUnder;
  watchRoot = draft;
  watching = false;
  freezing = freezeKept;
  const same = share(draft, base, false);
  watchKey = undefined;
  watchRoot = undefined;
  return same;
}

/**
 * Whether the last shareUnchanged met, under the top-level key it was asked to watch, a key whose
 * value is undefined in draft's own (not shared) parts.
 */
export function shareSawUndefined(): boolean { return undefinedSeen; }

let undefinedSeen = false;
let valueDiffered = false;

/**
 * Whether the last shareUnchanged met two values at the same path (same keys, same indexes) that
 * differ and are not both objects: a primitive that changed, or an object against a primitive or
 * nothing. deepEqual compares along the same paths and finds any such pair unequal (a key holding
 * undefined against a defined value included), so the two versions are then certainly not equal and
 * deepEqual need not run. Without such a pair, share may still have said "not the same" for key order
 * or keys only the base has, where deepEqual decides.
 */
export function shareFoundDifference(): boolean { return valueDiffered; }
/**
 * Keys of the objects being compared with draft's values and base's, as stacks (written by index,
 * never shrunk: no allocation per object). The values are read while the keys are enumerated, which
 * is the fast way to read them; looking keys up afterwards is a generic keyed load per key.
 */
const keyStack: string[] = [];
const draftValues: unknown[] = [];
const baseValues: unknown[] = [];
let stackTop = 0;
let watchKey: string | undefined;
let watchRoot: unknown;
let watching = false;
let freezing = false;

/** `freeze`: draft is to be frozen once it is settled that draft keeps it (see shareUnchanged). */
function share(draft: unknown, base: unknown, freeze: boolean): boolean {
  if (draft === base) return true;
  if (draft === null || typeof draft !== 'object') { valueDiffered = true; return false; }
  const isArray = Array.isArray(draft);
  if (base === null || typeof base !== 'object' || isArray !== Array.isArray(base)) {
    valueDiffered = true;
    if (watching && hasUndefined(draft)) undefinedSeen = true;
    if (freeze && !Object.isFrozen(draft)) freezeTree(draft);
    return false;
  }
  const writable = !Object.isFrozen(draft);
  if (isArray) {
    const d = draft as unknown[];
    const b = base as unknown[];
    let same = d.length === b.length;
    const n = Math.min(d.length, b.length);
    for (let i = 0; i < n; i++) {
      const v = d[i];
      if (v === b[i]) continue;
      if (share(v, b[i], freeze)) { if (writable) d[i] = b[i]; } else same = false;
    }
    // Elements past the shared length are not compared; a key holding undefined there still counts.
    if (watching) for (let i = n; i < d.length; i++) { const v = d[i]; if (v !== null && typeof v === 'object' && hasUndefined(v)) undefinedSeen = true; }
    if (freeze && !same && writable) {
      for (let i = n; i < d.length; i++) { const v = d[i]; if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) freezeTree(v); }
      Object.freeze(d);
    }
    return same;
  }
  const d = draft as Record<string, unknown>;
  const b = base as Record<string, unknown>;
  // Own keys of draft onto the stack, then base's compared with them in order.
  const start = stackTop;
  let n = 0;
  for (const k in d) {
    if (!hasOwn(d, k)) continue;
    keyStack[start + n] = k;
    draftValues[start + n++] = d[k];
  }
  stackTop = start + n;
  let aligned = true;
  let m = 0;
  for (const k in b) {
    if (!hasOwn(b, k)) continue;
    if (m >= n || keyStack[start + m] !== k) aligned = false;
    else baseValues[start + m] = b[k];
    m++;
  }
  if (m !== n) aligned = false;
  let same = aligned;
  for (let j = 0; j < n; j++) {
    const v = draftValues[start + j];
    if (v === undefined && watching) undefinedSeen = true;
    // With the keys in the same order base's values are at hand; otherwise each is looked up.
    const k = keyStack[start + j]!;
    const bv = aligned ? baseValues[start + j] : b[k];
    if (v === bv) continue;
    const top = d === watchRoot && k === watchKey;
    if (top) watching = true;
    // The draft's own metadata stays writable (the write sets its resourceVersion next).
    const childSame = share(v, bv, freezing && (d !== watchRoot || k !== 'metadata'));
    if (top) watching = false;
    if (childSame) { if (writable) d[k] = bv; } else same = false;
  }
  stackTop = start;
  if (freeze && !same && writable) Object.freeze(d);
  return same;
}

/** Does a JSON-shaped value hold undefined anywhere (as a key's value or an array element)? */
export function hasUndefined(value: object): boolean {
  if (Array.isArray(value)) {
    // Indexed: no iterator, and frozen arrays (stored parts) read faster this way.
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v === undefined || (v !== null && typeof v === 'object' && hasUndefined(v))) return true;
    }
    return false;
  }
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || (v !== null && typeof v === 'object' && hasUndefined(v))) return true;
  }
  return false;
}

/**
 * hasUndefined for a handed-over (`owned`) object: frozen parts are not looked into, since the frozen
 * parts internal components hand over (parts of stored versions, shared constants) hold no undefined.
 */
export function hasUndefinedOutsideFrozen(value: object): boolean {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v === undefined || (v !== null && typeof v === 'object' && !Object.isFrozen(v) && hasUndefinedOutsideFrozen(v))) return true;
    }
    return false;
  }
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || (v !== null && typeof v === 'object' && !Object.isFrozen(v) && hasUndefinedOutsideFrozen(v))) return true;
  }
  return false;
}
