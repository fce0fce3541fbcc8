// The pod garbage collector (pkg/controller/podgc/gc_controller.go), every 20 s: force-deletes
// terminating pods on NotReady nodes tainted out-of-service, pods bound to nodes that stay missing for
// the 40 s quarantine (marked Failed with DisruptionTarget "PodGC: node no longer exists"), and
// terminating pods that were never scheduled. Not modelled: the terminated-pod threshold (12500).
import type { Node, Pod, Stored } from '../api/objects';
import { isApiError } from '../api/errors';
import { toRfc3339 } from '../sim/time';
import type { ControllerContext, ControllerDefinition } from './controller_manager';
import type { Reconciler, ReconcileResult } from './runner';
import type { Informer } from './informer';

export const GC_CHECK_PERIOD_MS = 20_000;
export const QUARANTINE_MS = 40_000;

class PodGC implements Reconciler {
  /** Node name → when it may be checked (nodeQueue.AddAfter). */
  private readonly quarantine = new Map<string, number>();

  constructor(private readonly ctx: ControllerContext) {
    ctx.informers.informer('Pod');
    ctx.informers.informer('Node');
    ctx.queue.add('gc');
  }

  reconcile(): ReconcileResult {
    const pods = this.ctx.informers.informer('Pod').list() as Stored<Pod>[];
    const nodes = this.ctx.informers.informer('Node');
    const quarantine = this.quarantine;
    // One pass over the cache (which no write below changes: watch events arrive later) finds what
    // gcTerminating, gcOrphaned's quarantine and the unscheduled sweep act on, in cache order.
    const outOfService: Stored<Pod>[] = [];
    const unscheduled: Stored<Pod>[] = [];
    const now = this.ctx.sim.nowMs;
    for (const p of pods) {
      const nodeName = p.spec.nodeName;
      if (p.metadata.deletionTimestamp) {
        if (!nodeName) unscheduled.push(p);
        else if (isOutOfService(nodes.get('', nodeName) as Stored<Node> | undefined)) outOfService.push(p);
      }
      // gcOrphaned: a pod's node missing from the cache is quarantined (nodeQueue.AddAfter). Both
      // tests are pure, so the cache lookup (a miss is rare) goes first and an empty quarantine is not asked.
      if (nodeName && nodes.get('', nodeName) === undefined && (quarantine.size === 0 || !quarantine.has(nodeName))) {
        quarantine.set(nodeName, now + QUARANTINE_MS);
      }
    }
    // gcTerminating: terminating pods on NotReady nodes tainted out-of-service.
    for (const p of outOfService) this.markFailedAndDelete(p, 'DeletionByPodGC', 'PodGC: node is out of service');
    this.gcOrphaned(pods, nodes);
    // gcUnscheduledTerminating.
    for (const p of unscheduled) this.forceDelete(p);
    return { requeueAfterMs: GC_CHECK_PERIOD_MS };
  }

  /** gcOrphaned's second half: quarantined nodes still missing after 40 s have their pods failed and deleted. */
  private gcOrphaned(pods: Stored<Pod>[], nodes: Informer): void {
    const now = this.ctx.sim.nowMs;
    const deleted = new Set<string>();
    for (const [name, at] of [...this.quarantine]) {
      if (at > now) continue;
      this.quarantine.delete(name);
      if (nodes.get('', name)) continue;
      try {
        if (!this.ctx.client.find('Node', '', name)) deleted.add(name);
      } catch (e) {
        if (!isApiError(e)) throw e;
      }
    }
    if (deleted.size === 0) return;
    for (const p of pods) if (p.spec.nodeName && deleted.has(p.spec.nodeName)) this.markFailedAndDelete(p, 'DeletionByPodGC', 'PodGC: node no longer exists');
  }

  /** markFailedAndDeletePodWithCondition: phase Failed (unless terminal), the condition, DELETE with grace 0. */
  private markFailedAndDelete(p: Stored<Pod>, reason: string, message: string): void {
    try {
      this.ctx.client.mutateStatus<Pod>('Pod', p.metadata.namespace ?? 'default', p.metadata.name, d => {
        const s = (d.status ??= {});
        if (s.phase !== 'Succeeded' && s.phase !== 'Failed') s.phase = 'Failed';
        const conds = (s.conditions ??= []);
        const c = { type: 'DisruptionTarget', status: 'True' as const, lastProbeTime: null, reason, message, lastTransitionTime: toRfc3339(this.ctx.sim.nowMs) };
        const i = conds.findIndex(x => x.type === 'DisruptionTarget');
        if (i >= 0) conds[i] = c; else conds.push(c);
      });
      this.forceDelete(p);
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
  }

  private forceDelete(p: Stored<Pod>): void {
    try {
      this.ctx.client.delete('Pod', p.metadata.namespace ?? 'default', p.metadata.name, { gracePeriodSeconds: 0 });
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
  }
}

/** gcTerminating's node test: present, not Ready, and tainted node.kubernetes.io/out-of-service:NoExecute. */
function isOutOfService(n: Stored<Node> | undefined): boolean {
  if (!n) return false;
  const ready = n.status?.conditions?.find(c => c.type === 'Ready');
  const outOfService = n.spec?.taints?.some(t => t.key === 'node.kubernetes.io/out-of-service' && t.effect === 'NoExecute');
  return ready?.status !== 'True' && !!outOfService;
}

export const podGCController: ControllerDefinition = {
  name: 'pod-garbage-collector',
  create: ctx => new PodGC(ctx),
};
