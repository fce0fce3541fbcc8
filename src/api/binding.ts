// POST pods/<name>/binding (pkg/registry/core/pod/storage/storage.go BindingREST.setPodNodeAndMetadata):
// sets spec.nodeName of a pod that has none and marks PodScheduled=True, refusing pods that are being
// deleted, already bound or still gated. The only way spec.nodeName changes after creation.
import type { Pod, Stored } from './objects';
import type { ApiServer, RequestContext } from './apiserver';
import { ApiError, notFound } from './errors';
import { mustResource } from './resources';
import * as timeModule from '../sim/time';

// Imported functions on the request path are read once, here: tsx runs this code as CommonJS, where
// every call of an imported name first reads it through two export getters.
const { toRfc3339 } = timeModule;

function bindingConflict(name: string, message: string): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 409, reason: 'Conflict', message,
    details: { name, kind: 'pods' } });
}

export function bindPod(api: ApiServer, namespace: string, name: string, nodeName: string, ctx: RequestContext): Stored<Pod> {
  const pod = api.store.get('Pod', namespace, name) as Stored<Pod> | undefined;
  if (!pod) throw notFound(mustResource('Pod'), name);
  if (pod.metadata.deletionTimestamp) throw bindingConflict(name, `pod ${name} is being deleted, cannot be assigned to a host`);
  if (pod.spec.nodeName) throw bindingConflict(name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`);
  if ((pod.spec.schedulingGates as unknown[] | undefined)?.length) throw bindingConflict(name, `pod ${name} has non-empty .spec.schedulingGates`);
  // podutil.UpdatePodCondition(PodScheduled=True): a new or flipped condition gets a new transition time.
  const was = pod.status?.conditions;
  let i = -1;
  if (was) for (let j = 0; j < was.length; j++) if (was[j]!.type === 'PodScheduled') { i = j; break; }
  const old = i >= 0 ? was![i] : undefined;
  const scheduled = { type: 'PodScheduled', status: 'True' as const, lastProbeTime: null,
    lastTransitionTime: old && old.status === 'True' && old.lastTransitionTime ? old.lastTransitionTime : toRfc3339(api.sim.nowMs) };
  const conditions = was ? was.slice() : [];
  if (i >= 0) conditions[i] = scheduled; else conditions.push(scheduled);
  const next = { ...pod, metadata: { ...pod.metadata, resourceVersion: String(api.store.nextResourceVersion()) },
    spec: { ...pod.spec, nodeName }, status: { ...(pod.status ?? {}), conditions } } as Stored<Pod>;
  if (ctx.dryRun) return next;
  // Everything else in `next` is the stored pod's, frozen already: freezing the new parts here
  // spares the store's deepFreeze a walk over every field of the pod.
  Object.freeze(scheduled);
  Object.freeze(conditions);
  Object.freeze(next.metadata);
  Object.freeze(next.spec);
  Object.freeze(next.status);
  return api.store.replace(Object.freeze(next), ctx.actor) as Stored<Pod>;
}
