// Namespace's own REST (pkg/registry/core/namespace/storage/storage.go, v1.32): the first DELETE only marks
// the namespace (deletionTimestamp, phase Terminating, GC finalizers per the options); later DELETEs remove it
// only once spec.finalizers is empty; the finalize subresource sets spec.finalizers, and an update leaving a
// terminating namespace with no finalizers of either kind removes it (ShouldDeleteNamespaceDuringUpdate).
import type { KubeObject, Stored } from './objects';
import type { ResourceInfo } from './resources';
import { conflict, notFound } from './errors';
import { toRfc3339 } from '../sim/time';
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from './gc_finalizers';
import type { ApiServer, RequestContext } from './apiserver';
import type { DeleteOptions, DeleteResult } from './deletion';


/** shouldHaveOrphanFinalizer / shouldHaveDeleteDependentsFinalizer: the policy if given, else what the namespace has. */
function gcFinalizers(current: readonly string[], options: DeleteOptions): string[] | undefined {
  const policy = options.propagationPolicy;
  const orphan = policy ? policy === 'Orphan' : current.includes(FINALIZER_ORPHAN);
  const foreground = policy ? policy === 'Foreground' : current.includes(FINALIZER_FOREGROUND);
  if (orphan === current.includes(FINALIZER_ORPHAN) && foreground === current.includes(FINALIZER_FOREGROUND)) return undefined;
  const next = current.filter(f => f !== FINALIZER_ORPHAN && f !== FINALIZER_FOREGROUND);
  if (orphan) next.push(FINALIZER_ORPHAN);
  if (foreground) next.push(FINALIZER_FOREGROUND);
  return next;
}

/** REST.Delete for namespaces (preconditions in the namespace registry's words); undefined: the generic store's Delete. */
export function deleteNamespace(api: ApiServer, info: ResourceInfo, current: Stored, options: DeleteOptions,
  ctx: RequestContext): DeleteResult | undefined {
  const name = current.metadata.name;
  const pre = options.preconditions;
  if (pre?.uid && pre.uid !== current.metadata.uid) {
    throw conflict(info, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
    throw conflict(info, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`);
  }
  if (!current.metadata.deletionTimestamp) {
    // Upon the first request: a GuaranteedUpdate, never a removal, whatever the finalizers.
    const next = { ...current, metadata: { ...current.metadata }, status: { ...(current.status ?? {}), phase: 'Terminating' } } as Stored & KubeObject;
    next.metadata.deletionTimestamp = toRfc3339(api.sim.nowMs);
    const finalizers = gcFinalizers(current.metadata.finalizers ?? [], options);
    if (finalizers) next.metadata.finalizers = finalizers;
    if (ctx.dryRun) return { object: next, removed: false };
    next.metadata.resourceVersion = String(api.store.nextResourceVersion());
    return { object: api.store.replace(next, ctx.actor), removed: false };
  }
  // Prior to final deletion spec.finalizers must be empty; until then the namespace is returned unchanged.
  if ((current.spec?.finalizers ?? []).length > 0) return { object: current, removed: false };
  return undefined; // the generic store's Delete
}

/** PUT namespaces/<name>/finalize (FinalizeStrategy: only spec.finalizers changes), then ShouldDeleteNamespaceDuringUpdate. */
export function finalizeNamespace(api: ApiServer, name: string, finalizers: readonly string[], ctx: RequestContext,
  info: ResourceInfo, removeNow: (obj: Stored) => DeleteResult): Stored {
  const old = api.store.get('Namespace', '', name);
  if (!old) throw notFound(info, name);
  const same = finalizers.length === (old.spec?.finalizers ?? []).length && finalizers.every((f, i) => old.spec?.finalizers?.[i] === f);
  if (same) return old;
  const spec = { ...(old.spec ?? {}) } as Record<string, unknown>;
  if (finalizers.length) spec.finalizers = [...finalizers]; else delete spec.finalizers;
  const next = { ...old, metadata: { ...old.metadata }, spec } as Stored & KubeObject;
  if (ctx.dryRun) return next;
  next.metadata.resourceVersion = String(api.store.nextResourceVersion());
  const stored = api.store.replace(next, ctx.actor);
  if (shouldDeleteNamespaceDuringUpdate(stored, old)) return removeNow(stored).object;
  return stored;
}

/** ShouldDeleteNamespaceDuringUpdate: no spec.finalizers, and the generic rule (deleting, no finalizers, no grace left). */
export function shouldDeleteNamespaceDuringUpdate(stored: Stored, old: Stored): boolean {
  if ((stored.spec?.finalizers ?? []).length > 0 || (stored.metadata.finalizers ?? []).length > 0) return false;
  if (!old.metadata.deletionTimestamp) return false;
  return (old.metadata.deletionGracePeriodSeconds ?? 0) === 0;
}
