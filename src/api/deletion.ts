// DELETE semantics (apiserver registry/generic/registry/store.go, registry/rest/delete.go,
// pkg/registry/core/pod/strategy.go): preconditions, graceful deletion for pods, the propagation
// policy turned into orphan / foregroundDeletion finalizers, and removal once nothing holds the
// object. Dependents are the garbage collector's business, not this file's.
import type { KubeObject, Stored } from './objects';
import type { ResourceInfo } from './resources';
import { ApiError, notFound } from './errors';
import { toRfc3339 } from '../sim/time';
import type { ApiServer, RequestContext } from './apiserver';

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

export const FINALIZER_ORPHAN = 'orphan';
export const FINALIZER_FOREGROUND = 'foregroundDeletion';

function preconditionFailed(info: ResourceInfo, name: string, what: string): ApiError {
  return new ApiError({
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 409, reason: 'Conflict',
    message: `Operation cannot be fulfilled on ${info.group ? `${info.plural}.${info.group}` : info.plural} "${name}": ${what}`,
    details: { name, group: info.group || undefined, kind: info.plural },
  });
}

/**
 * The default when a DELETE names no policy (DefaultGarbageCollectionPolicy): core/v1
 * ReplicationControllers orphan for backward compatibility; everything else deletes dependents.
 */
function defaultPolicy(info: ResourceInfo): PropagationPolicy {
  return info.kind === 'ReplicationController' ? 'Orphan' : 'Background';
}

/** Pods: CheckGracefulDelete. Grace from the options, else the spec; 0 when unscheduled or terminal. */
function podGracePeriod(pod: Stored, options: DeleteOptions): number {
  let grace = options.gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  if (!pod.spec?.nodeName || pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') grace = 0;
  if (grace < 0) grace = 1;
  return grace;
}

export function deleteObject(api: ApiServer, info: ResourceInfo, namespace: string, name: string, options: DeleteOptions,
  ctx: RequestContext): DeleteResult {
  const store = api.store;
  const current = store.get(info.kind, namespace, name);
  if (!current) throw notFound(info, name);
  const pre = options.preconditions;
  if (pre?.uid && pre.uid !== current.metadata.uid) {
    throw preconditionFailed(info, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
    throw preconditionFailed(info, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`);
  }

  const nowMs = api.sim.nowMs;
  const meta = current.metadata;
  let grace = 0;
  if (info.kind === 'Pod') grace = podGracePeriod(current, options);
  else if (meta.deletionGracePeriodSeconds !== undefined) grace = 0;

  // Propagation → finalizers (only when the caller or the default asks for them).
  const policy = options.propagationPolicy ?? (meta.finalizers?.includes(FINALIZER_ORPHAN) ? 'Orphan'
    : meta.finalizers?.includes(FINALIZER_FOREGROUND) ? 'Foreground' : defaultPolicy(info));
  let finalizers = [...(meta.finalizers ?? [])];
  if (policy === 'Orphan' && !finalizers.includes(FINALIZER_ORPHAN)) {
    finalizers = finalizers.filter(f => f !== FINALIZER_FOREGROUND).concat(FINALIZER_ORPHAN);
  } else if (policy === 'Foreground' && !finalizers.includes(FINALIZER_FOREGROUND)) {
    finalizers = finalizers.filter(f => f !== FINALIZER_ORPHAN).concat(FINALIZER_FOREGROUND);
  } else if (policy === 'Background') {
    finalizers = finalizers.filter(f => f !== FINALIZER_ORPHAN && f !== FINALIZER_FOREGROUND);
  }
  const alreadyDeleting = meta.deletionTimestamp !== undefined;
  if (finalizers.length === 0 && grace === 0) {
    if (ctx.dryRun) return { object: current, removed: true };
    const last = { ...current, metadata: { ...meta, resourceVersion: String(store.nextResourceVersion()) } } as Stored;
    if (!alreadyDeleting) {
      last.metadata.deletionTimestamp = toRfc3339(nowMs);
      last.metadata.deletionGracePeriodSeconds = 0;
    }
    store.remove(last, ctx.actor);
    return { object: last, removed: true };
  }

  // Graceful or finalized: mark the object, shortening an earlier grace period but never lengthening it.
  const next = { ...current, metadata: { ...meta, finalizers: finalizers.length ? finalizers : undefined } } as Stored & KubeObject;
  if (!finalizers.length) delete next.metadata.finalizers;
  const previousGrace = meta.deletionGracePeriodSeconds;
  if (!alreadyDeleting || (previousGrace !== undefined && grace < previousGrace)) {
    next.metadata.deletionTimestamp = toRfc3339(nowMs + grace * 1000);
    next.metadata.deletionGracePeriodSeconds = grace;
    if (!alreadyDeleting && (meta.generation ?? 0) > 0) next.metadata.generation = meta.generation! + 1;
  }
  if (sameDeletionState(next, current)) return { object: current, removed: false };
  if (ctx.dryRun) return { object: next, removed: false };
  next.metadata.resourceVersion = String(store.nextResourceVersion());
  const stored = store.replace(next, ctx.actor);
  return { object: stored, removed: false };
}

function sameDeletionState(a: Stored, b: Stored): boolean {
  return a.metadata.deletionTimestamp === b.metadata.deletionTimestamp &&
    a.metadata.deletionGracePeriodSeconds === b.metadata.deletionGracePeriodSeconds &&
    JSON.stringify(a.metadata.finalizers ?? []) === JSON.stringify(b.metadata.finalizers ?? []);
}

/**
 * After an update: an object being deleted whose last finalizer is gone and whose grace is over
 * (deletionGracePeriodSeconds 0) is removed (the store's ShouldDeleteDuringUpdate).
 */
export function finalizeIfReady(api: ApiServer, stored: Stored, old: Stored, actor: string): Stored | undefined {
  const m = stored.metadata;
  if (!m.deletionTimestamp || (m.finalizers ?? []).length > 0) return undefined;
  if ((old.metadata.deletionGracePeriodSeconds ?? 0) !== 0) return undefined;
  const last = { ...stored, metadata: { ...m, resourceVersion: String(api.store.nextResourceVersion()) } } as Stored;
  api.store.remove(last, actor);
  return last;
}
