// DELETE semantics (apiserver registry/generic/registry/store.go Delete and updateForGracefulDeletionAndFinalizers,
// registry/rest/delete.go BeforeDelete, pkg/registry/core/pod/strategy.go CheckGracefulDelete, v1.32):
// preconditions, graceful deletion for pods, the propagation policy turned into orphan / foregroundDeletion
// finalizers, and removal once nothing holds the object. Dependents are the garbage collector's business.
// Namespaces have their own REST (namespace_deletion.ts): Terminating first, removed once finalized.
import type { KubeObject, Stored } from './objects';
import type { ResourceInfo } from './resources';
import { deletePreconditionConflict, notFound } from './errors';
import * as timeModule from '../sim/time';
import type { ApiServer, RequestContext } from './apiserver';
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from './gc_finalizers';
import { deleteNamespace, shouldDeleteNamespaceDuringUpdate } from './namespace_deletion';

// Imported functions on the request path are read once, here: tsx runs this code as CommonJS, where
// every call of an imported name first reads it through two export getters.
const { parseRfc3339, toRfc3339 } = timeModule;

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export interface DeleteResult {
  /** The object's last state: removed, or marked with a deletionTimestamp while grace or finalizers hold it. */
  object: Stored;
  removed: boolean;
}

export { FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from './gc_finalizers';

/**
 * DefaultGarbageCollectionPolicy: core/v1 ReplicationControllers orphan (their strategy keeps the pre-GC
 * behaviour for v1); every other kind served here deletes dependents.
 */
function defaultPolicy(info: ResourceInfo): PropagationPolicy {
  return info.kind === 'ReplicationController' ? 'Orphan' : 'Background';
}

/** shouldOrphanDependents / shouldDeleteDependents: options, then existing finalizers, then the default. */
function effectivePolicy(info: ResourceInfo, finalizers: readonly string[], options: DeleteOptions): PropagationPolicy {
  if (options.propagationPolicy) return options.propagationPolicy;
  // Indexed: a stored (frozen) list would cost an iterator per delete.
  for (let i = 0; i < finalizers.length; i++) {
    const f = finalizers[i];
    if (f === FINALIZER_ORPHAN) return 'Orphan';
    if (f === FINALIZER_FOREGROUND) return 'Foreground';
  }
  return defaultPolicy(info);
}

/** deletionFinalizersForGarbageCollection: both GC finalizers removed, the policy's one appended; undefined = unchanged. */
function finalizersForGC(info: ResourceInfo, finalizers: readonly string[], options: DeleteOptions): string[] | undefined {
  const policy = effectivePolicy(info, finalizers, options);
  // Background with neither GC finalizer present (most deletes): nothing to remove or append.
  if (policy === 'Background' && !finalizers.includes(FINALIZER_ORPHAN) && !finalizers.includes(FINALIZER_FOREGROUND)) return undefined;
  const next = finalizers.filter(f => f !== FINALIZER_ORPHAN && f !== FINALIZER_FOREGROUND);
  if (policy === 'Orphan') next.push(FINALIZER_ORPHAN);
  if (policy === 'Foreground') next.push(FINALIZER_FOREGROUND);
  const same = new Set(next).size === new Set(finalizers).size && next.every(f => finalizers.includes(f));
  return same ? undefined : next;
}

/** An object without finalizers (shared: only read). */
const NO_FINALIZERS: readonly string[] = [];

/** CheckGracefulDelete for pods: the options' grace, else the spec's; 0 when unscheduled or terminal; negative → 1. */
function podGracePeriod(pod: Stored, requestedSeconds: number | undefined): number {
  let grace = requestedSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 0;
  if (!pod.spec?.nodeName) grace = 0;
  if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') grace = 0;
  if (grace < 0) grace = 1;
  return grace;
}

interface GracefulPlan { graceful: boolean; pending: boolean; meta?: { deletionTimestamp: string; deletionGracePeriodSeconds: number; generation?: number } }

/** rest.BeforeDelete for the graceful part: only pods are graceful here; an earlier grace period may only shrink. */
function beforeDelete(info: ResourceInfo, current: Stored, options: DeleteOptions, nowMs: number): GracefulPlan {
  if (info.kind !== 'Pod') return { graceful: false, pending: false };
  const meta = current.metadata;
  const requested = options.gracePeriodSeconds !== undefined && options.gracePeriodSeconds < 0 ? 1 : options.gracePeriodSeconds;
  if (meta.deletionTimestamp) {
    const previous = meta.deletionGracePeriodSeconds;
    if (previous === undefined || previous === 0) return { graceful: false, pending: false };
    if (requested === undefined || requested >= previous) return { graceful: false, pending: true };
    const startMs = parseRfc3339(meta.deletionTimestamp)! - previous * 1000;
    return { graceful: true, pending: false, meta: { deletionTimestamp: toRfc3339(startMs + requested * 1000), deletionGracePeriodSeconds: requested } };
  }
  const grace = podGracePeriod(current, requested);
  const generation = (meta.generation ?? 0) > 0 ? meta.generation! + 1 : undefined;
  return { graceful: true, pending: false, meta: { deletionTimestamp: toRfc3339(nowMs + grace * 1000), deletionGracePeriodSeconds: grace, generation } };
}

export function deleteObject(api: ApiServer, info: ResourceInfo, namespace: string, name: string, options: DeleteOptions,
  ctx: RequestContext): DeleteResult {
  const store = api.store;
  const current = store.get(info.kind, namespace, name);
  if (!current) throw notFound(info, name);
  if (info.kind === 'Namespace') {
    const marked = deleteNamespace(api, info, current, options, ctx);
    if (marked) return marked;
  }
  const pre = options.preconditions;
  if (pre?.uid && pre.uid !== current.metadata.uid) {
    throw deletePreconditionConflict(info, name, `the UID in the precondition (${pre.uid}) does not match the UID in record (${current.metadata.uid}). The object might have been deleted and then recreated`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
    throw deletePreconditionConflict(info, name, `the ResourceVersion in the precondition (${pre.resourceVersion}) does not match the ResourceVersion in record (${current.metadata.resourceVersion}). The object might have been modified`);
  }
  const nowMs = api.sim.nowMs;
  const plan = beforeDelete(info, current, options, nowMs);
  // A pending graceful deletion is left alone, finalizers included.
  if (plan.pending) return { object: current, removed: false };
  const finalizers = current.metadata.finalizers ?? NO_FINALIZERS;
  const gcFinalizers = finalizersForGC(info, finalizers, options);
  if (!plan.graceful && finalizers.length === 0 && !gcFinalizers) return remove(api, current, ctx);

  // updateForGracefulDeletionAndFinalizers
  const next = { ...current, metadata: { ...current.metadata } } as Stored & KubeObject;
  const m = next.metadata;
  if (gcFinalizers) {
    if (gcFinalizers.length) m.finalizers = gcFinalizers;
    else delete m.finalizers;
  }
  const pendingFinalizers = (m.finalizers?.length ?? 0) > 0;
  if (plan.graceful) {
    m.deletionTimestamp = plan.meta!.deletionTimestamp;
    m.deletionGracePeriodSeconds = plan.meta!.deletionGracePeriodSeconds;
    if (plan.meta!.generation !== undefined) m.generation = plan.meta!.generation;
  } else if (pendingFinalizers) {
    markAsDeleting(m, nowMs);
  } else {
    return remove(api, current, ctx);
  }
  if (ctx.dryRun) return { object: next, removed: !pendingFinalizers && m.deletionGracePeriodSeconds === 0 };
  m.resourceVersion = String(store.nextResourceVersion());
  const stored = store.replace(next, ctx.actor);
  // Graceful with grace 0 and nothing holding it: the update (MODIFIED) is followed by the removal (DELETED).
  if (!pendingFinalizers && m.deletionGracePeriodSeconds === 0) return remove(api, stored, ctx);
  return { object: stored, removed: false };
}

/** markAsDeleting: deletionTimestamp now (an earlier one kept), grace 0, generation bumped the first time. */
function markAsDeleting(m: Stored['metadata'], nowMs: number): void {
  if (!m.deletionTimestamp && (m.generation ?? 0) > 0) m.generation = m.generation! + 1;
  const existing = m.deletionTimestamp ? parseRfc3339(m.deletionTimestamp) : undefined;
  if (existing === undefined || existing > nowMs) m.deletionTimestamp = toRfc3339(nowMs);
  m.deletionGracePeriodSeconds = 0;
}

/** Storage.Delete: the object goes as it is (the DELETED event carries the deletion's resourceVersion). */
export function remove(api: ApiServer, obj: Stored, ctx: RequestContext): DeleteResult {
  if (ctx.dryRun) return { object: obj, removed: true };
  const last = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(api.store.nextResourceVersion()) } } as Stored;
  api.store.remove(last, ctx.actor);
  return { object: last, removed: true };
}

/**
 * After an update: an object being deleted whose last finalizer is gone and whose grace is over
 * (deletionGracePeriodSeconds 0 or unset) is removed (the store's ShouldDeleteDuringUpdate).
 */
export function finalizeIfReady(api: ApiServer, stored: Stored, old: Stored, actor: string): Stored | undefined {
  const m = stored.metadata;
  if (stored.kind === 'Namespace' && !shouldDeleteNamespaceDuringUpdate(stored, old)) return undefined;
  if (!old.metadata.deletionTimestamp || (m.finalizers?.length ?? 0) > 0) return undefined;
  if ((old.metadata.deletionGracePeriodSeconds ?? 0) !== 0) return undefined;
  const last = { ...stored, metadata: { ...m, resourceVersion: String(api.store.nextResourceVersion()) } } as Stored;
  api.store.remove(last, actor);
  return last;
}
