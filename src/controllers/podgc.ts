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

/** Terminating pods (with a deletionTimestamp) under one value; other pods are in no bucket. */
const TERMINATING_INDEX = 'podgc:terminating';
const TERMINATING = 'terminating';
const TERMINATING_VALUES: string[] = [TERMINATING];
const NO_VALUES: string[] = [];
const terminatingIndex = (p: Stored): string[] => (p.metadata.deletionTimestamp ? TERMINATING_VALUES : NO_VALUES);
/** Bound pods counted by spec.nodeName. */
const NODE_NAME_COUNTER = 'spec.nodeName';
const podNodeName = (p: Stored): string | undefined => p.spec?.nodeName || undefined;

class PodGC implements Reconciler {
  /** Node name → when it may be checked (nodeQueue.AddAfter). */
  private readonly quarantine = new Map<string, number>();

  constructor(private readonly ctx: ControllerContext) {
    const pods = ctx.informers.informer('Pod');
    pods.addIndex(TERMINATING_INDEX, terminatingIndex);
    pods.addCounter(NODE_NAME_COUNTER, podNodeName);
    ctx.informers.informer('Node');
    ctx.queue.add('gc');
  }

  /**
   * Upstream walks every pod each run. Here an index gives the terminating pods, put back in the
   * cache's order before they are acted on, and a count of pods per node name tells whether some
   * pod's node is missing (rare): only then is the cache walked, as upstream does. No write below
   * changes the cache (watch events arrive later), so reading it after them sees the same pods.
   */
  reconcile(): ReconcileResult {
    const pods = this.ctx.informers.informer('Pod');
    const nodes = this.ctx.informers.informer('Node');
    const outOfService: Stored[] = [];
    const unscheduled: Stored[] = [];
    for (const p of pods.byIndex(TERMINATING_INDEX, TERMINATING) as Stored<Pod>[]) {
      const nodeName = p.spec.nodeName;
      if (!nodeName) unscheduled.push(p);
      else if (isOutOfService(nodes.get('', nodeName) as Stored<Node> | undefined)) outOfService.push(p);
    }
    this.quarantineMissingNodes(pods, nodes);
    // gcTerminating: terminating pods on NotReady nodes tainted out-of-service.
    for (const p of pods.inListOrder(outOfService)) this.markFailedAndDelete(p as Stored<Pod>, 'DeletionByPodGC', 'PodGC: node is out of service');
    this.gcOrphaned(pods, nodes);
    // gcUnscheduledTerminating.
    for (const p of pods.inListOrder(unscheduled)) this.forceDelete(p as Stored<Pod>);
    return { requeueAfterMs: GC_CHECK_PERIOD_MS };
  }

  /** gcOrphaned's first half: a pod's node missing from the cache is quarantined (nodeQueue.AddAfter), in cache order. */
  private quarantineMissingNodes(pods: Informer, nodes: Informer): void {
    const quarantine = this.quarantine;
    let missing = false;
    for (const nodeName of pods.countedValues(NODE_NAME_COUNTER)) {
      if (nodes.get('', nodeName) === undefined && !quarantine.has(nodeName)) { missing = true; break; }
    }
    if (!missing) return;
    const now = this.ctx.sim.nowMs;
    for (const p of pods.list()) {
      const nodeName = podNodeName(p);
      if (nodeName && nodes.get('', nodeName) === undefined && !quarantine.has(nodeName)) quarantine.set(nodeName, now + QUARANTINE_MS);
    }
  }

  /** gcOrphaned's second half: quarantined nodes still missing after 40 s have their pods failed and deleted. */
  private gcOrphaned(pods: Informer, nodes: Informer): void {
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
    for (const p of pods.list() as Stored<Pod>[]) if (p.spec.nodeName && deleted.has(p.spec.nodeName)) this.markFailedAndDelete(p, 'DeletionByPodGC', 'PodGC: node no longer exists');
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
