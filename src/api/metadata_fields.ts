// ObjectMeta fields a write normalises: the system fields a create drops, and the omitempty fields
// (labels, annotations, ownerReferences, finalizers) an empty value leaves out of the stored object.

/** Metadata fields only the server sets; a create drops whatever the client sent in them (one named check each). */
export function dropSystemFields(meta: Record<string, unknown>): void {
  if ('uid' in meta) delete meta.uid;
  if ('resourceVersion' in meta) delete meta.resourceVersion;
  if ('deletionTimestamp' in meta) delete meta.deletionTimestamp;
  if ('deletionGracePeriodSeconds' in meta) delete meta.deletionGracePeriodSeconds;
  if ('generation' in meta) delete meta.generation;
  if ('selfLink' in meta) delete meta.selfLink;
}

/**
 * ObjectMeta's labels, annotations, ownerReferences and finalizers are `omitempty`: the API server
 * decodes into Go structs and encodes back, so an empty map or list (a release that removed the
 * last ownerReference, a finalizer list emptied) is not stored and kubectl shows nothing.
 * (One named check per field: `field in meta` with the name read from a list is a generic lookup.)
 */
export function dropEmptyMetadata(meta: Record<string, any>): void {
  if ('labels' in meta && omitted(meta.labels)) delete meta.labels;
  if ('annotations' in meta && omitted(meta.annotations)) delete meta.annotations;
  if ('ownerReferences' in meta && omitted(meta.ownerReferences)) delete meta.ownerReferences;
  if ('finalizers' in meta && omitted(meta.finalizers)) delete meta.finalizers;
}

/** An omitempty value encoding/json leaves out: unset, an empty list or an empty map. */
function omitted(v: unknown): boolean {
  return v === undefined || (Array.isArray(v) ? v.length === 0 : v !== null && typeof v === 'object' && !hasOwnKey(v));
}

/** Object.keys(v).length > 0 without building the list (every write checks labels and annotations). */
function hasOwnKey(v: object): boolean {
  for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k)) return true;
  return false;
}
