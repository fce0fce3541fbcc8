// The namespace controller (pkg/controller/namespace/namespace_controller.go, deletion/namespaced_resources_deleter.go
// and deletion/status_condition_utils.go, v1.32): a terminating namespace is synced 5 s after each change, all its
// content is deleted (background propagation), the deletion conditions are written, and once nothing remains the
// `kubernetes` finalizer is removed through the finalize subresource (the API server then removes the namespace).
// It records no Events. Not modelled: discovery failures (every kind served here is discovered and deletable).
import type { KubeObject, Pod, Stored } from '../api/objects';

type Namespace = KubeObject & { spec?: { finalizers?: string[] }; status?: { phase?: string; conditions?: unknown[] } };
import { isApiError } from '../api/errors';
import { RESOURCES } from '../api/resources';
import { parseRfc3339, toRfc3339 } from '../sim/time';
import type { ControllerContext, ControllerDefinition } from './controller_manager';
import type { Reconciler, ReconcileResult } from './runner';

/** namespaceDeletionGracePeriod: events are delayed so HA API servers observe the deletion first. */
export const NAMESPACE_DELETION_GRACE_PERIOD_MS = 5_000;
/** finalizerEstimateSeconds: the default wait when remaining items only wait for finalizers. */
export const FINALIZER_ESTIMATE_SECONDS = 15;
export const FINALIZER_KUBERNETES = 'kubernetes';

interface Condition { type: string; status: 'True' | 'False'; lastTransitionTime?: string; reason: string; message: string }

const CONDITION_TYPES = ['NamespaceDeletionDiscoveryFailure', 'NamespaceDeletionGroupVersionParsingFailure',
  'NamespaceDeletionContentFailure', 'NamespaceContentRemaining', 'NamespaceFinalizersRemaining'];
const OK: Record<string, [reason: string, message: string]> = {
  NamespaceDeletionDiscoveryFailure: ['ResourcesDiscovered', 'All resources successfully discovered'],
  NamespaceDeletionGroupVersionParsingFailure: ['ParsedGroupVersions', 'All legacy kube types successfully parsed'],
  NamespaceDeletionContentFailure: ['ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
  NamespaceContentRemaining: ['ContentRemoved', 'All content successfully removed'],
  NamespaceFinalizersRemaining: ['ContentRemoved', 'All content successfully removed'],
};

/** The sync's error: content remains with an estimate of 0 (upstream re-adds the key rate limited). */
class ContentDeletionError extends Error {
  readonly retriable = true;
}

interface ContentResult { estimateSeconds: number; errors: string[]; conditions: Condition[] }

class NamespaceController implements Reconciler {
  constructor(private readonly ctx: ControllerContext) {
    const enqueue = (ns: Stored): void => {
      // enqueueNamespace: only namespaces being deleted, after namespaceDeletionGracePeriod.
      if (ns.metadata.deletionTimestamp) ctx.queue.addAfter(ns.metadata.name, NAMESPACE_DELETION_GRACE_PERIOD_MS);
    };
    ctx.informers.informer('Namespace').addHandlers({ onAdd: enqueue, onUpdate: (_o, ns) => enqueue(ns) });
  }

  /** syncNamespaceFromKey → namespacedResourcesDeleter.Delete. */
  reconcile(name: string): ReconcileResult | void {
    const client = this.ctx.client;
    let ns = client.find<Namespace>('Namespace', '', name);
    if (!ns?.metadata.deletionTimestamp) return;
    try {
      // updateNamespaceStatusFunc: phase Terminating if someone else set the deletionTimestamp.
      if (ns.status?.phase !== 'Terminating') ns = client.mutateStatus<Namespace>('Namespace', '', name, d => { (d.status ??= {}).phase = 'Terminating'; });
      const finalizers = (ns.spec?.finalizers ?? []) as string[];
      if (finalizers.length === 0) return; // finalized
      const content = this.deleteAllContent(ns);
      if (content.errors.length) throw new ContentDeletionError(content.errors.join(', '));
      // ResourcesRemainingError: the worker waits estimate/2 + 1 seconds.
      if (content.estimateSeconds > 0) return { requeueAfterMs: (Math.floor(content.estimateSeconds / 2) + 1) * 1000 };
      // finalizeNamespace: the token removed, the rest sorted (a string set's List()).
      const rest = [...new Set(finalizers.filter(f => f !== FINALIZER_KUBERNETES))].sort();
      client.finalizeNamespace(name, rest);
    } catch (e) {
      if (isApiError(e, 'NotFound')) return;
      throw e;
    }
  }

  /** deleteAllContent: every namespaced kind, the largest estimate, then the conditions (written when changed). */
  private deleteAllContent(ns: Stored<Namespace>): ContentResult {
    const namespace = ns.metadata.name;
    const deletedAtMs = parseRfc3339(ns.metadata.deletionTimestamp!) ?? this.ctx.sim.nowMs;
    let estimateSeconds = 0;
    const errors: string[] = [];
    const remaining: string[] = [];
    const byFinalizer = new Map<string, number>();
    for (const info of RESOURCES) {
      if (!info.namespaced) continue;
      const estimate = info.kind === 'Pod' ? this.estimateGracefulTermination(namespace, deletedAtMs) : 0;
      for (const item of this.ctx.client.list(info.kind, { namespace })) {
        try {
          this.ctx.client.delete(info.kind, namespace, item.metadata.name, { propagationPolicy: 'Background' });
        } catch (e) {
          if (!isApiError(e, 'NotFound')) throw e;
        }
      }
      const left = this.ctx.client.list(info.kind, { namespace });
      if (left.length === 0) continue;
      const resource = `${info.plural}.${info.group}`;
      remaining.push(`${resource} has ${left.length} resource instances`);
      let withFinalizers = 0;
      for (const item of left) {
        for (const f of item.metadata.finalizers ?? []) { byFinalizer.set(f, (byFinalizer.get(f) ?? 0) + 1); withFinalizers++; }
      }
      const gvrEstimate = estimate !== 0 ? estimate : withFinalizers > 0 ? FINALIZER_ESTIMATE_SECONDS : 0;
      if (estimate === 0 && withFinalizers === 0) errors.push(`unexpected items still remain in namespace: ${namespace} for gvr: ${info.group}/${info.version}, Resource=${info.plural}`);
      estimateSeconds = Math.max(estimateSeconds, gvrEstimate);
    }
    const conditions: Condition[] = [];
    const now = toRfc3339(this.ctx.sim.nowMs);
    if (remaining.length) conditions.push({ type: 'NamespaceContentRemaining', status: 'True', lastTransitionTime: now, reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${remaining.sort().join(', ')}` });
    if (byFinalizer.size) {
      const parts = [...byFinalizer].map(([f, n]) => `${f} in ${n} resource instances`).sort();
      conditions.push({ type: 'NamespaceFinalizersRemaining', status: 'True', lastTransitionTime: now, reason: 'SomeFinalizerRemain', message: `Some finalizers are remaining: ${parts.join(', ')}` });
    }
    if (errors.length) {
      const msgs = [...errors].sort();
      conditions.push({ type: 'NamespaceDeletionContentFailure', status: 'True', lastTransitionTime: now, reason: 'ContentDeletionFailed', message: `Failed to delete all resource types, ${msgs.length} remaining: ${msgs.join(', ')}` });
    }
    this.updateConditions(ns, conditions);
    return { estimateSeconds, errors, conditions };
  }

  /** estimateGracefulTerminationForPods: the largest spec grace among non-terminal pods, 0 once that long has passed. */
  private estimateGracefulTermination(namespace: string, deletedAtMs: number): number {
    let estimate = 0;
    for (const p of this.ctx.client.list<Pod>('Pod', { namespace })) {
      if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
      const grace = p.spec.terminationGracePeriodSeconds;
      if (grace !== undefined && grace > estimate) estimate = grace;
    }
    return this.ctx.sim.nowMs - deletedAtMs >= estimate * 1000 ? 0 : estimate;
  }

  /** updateConditions: each maintained type present (its ok variant when not failing); one status write if any changed. */
  private updateConditions(ns: Stored<Namespace>, failing: Condition[]): void {
    const now = toRfc3339(this.ctx.sim.nowMs);
    const old = (ns.status?.conditions ?? []) as Condition[];
    const next = old.map(c => ({ ...c }));
    let changed = false;
    for (const type of CONDITION_TYPES) {
      const want = failing.find(c => c.type === type) ?? { type, status: 'False' as const, lastTransitionTime: now, reason: OK[type]![0], message: OK[type]![1] };
      const have = next.find(c => c.type === type);
      if (!have) { next.push(want); changed = true; continue; }
      if (have.status === want.status && have.message === want.message && have.reason === want.reason) continue;
      if (have.status !== want.status) have.lastTransitionTime = now;
      Object.assign(have, { status: want.status, reason: want.reason, message: want.message });
      changed = true;
    }
    if (!changed) return;
    try {
      this.ctx.client.mutateStatus<Namespace>('Namespace', '', ns.metadata.name, d => { (d.status ??= {}).conditions = next as never; });
    } catch (e) {
      // utilruntime.HandleError: a failed condition write does not fail the sync.
      if (!isApiError(e)) throw e;
    }
  }
}

export const namespaceController: ControllerDefinition = {
  name: 'namespace-controller',
  create: ctx => new NamespaceController(ctx),
};
