// The taint eviction controller (pkg/controller/tainteviction/taint_eviction.go): when a node's
// NoExecute taints change, each pod on it is evicted at once if it does not tolerate them all, or
// after the smallest tolerationSeconds of the tolerations used (counted from when the eviction was
// first scheduled), or never. Eviction: TaintManagerEviction event, DisruptionTarget condition, DELETE
// with the pod's default grace. Taints gone: the eviction is cancelled with an event.
import type { Node, Pod, Stored, Taint, Toleration } from '../api/objects';
import type { ScheduledEvent } from '../sim/event_queue';
import { isApiError } from '../api/errors';
import { deepEqual } from '../api/freeze';
import { toRfc3339 } from '../sim/time';
import { toleratesTaint } from '../scheduler/filters';
import { NO_TAINTS } from './node_taints';
import type { ControllerContext, ControllerDefinition } from './controller_manager';
import type { Reconciler } from './runner';

interface Scheduled { createdAtMs: number; fireAtMs: number; ev: ScheduledEvent }

/** An untainted node (most, every time) shares NO_TAINTS. */
const noExecuteTaints = (n: Node | undefined): readonly Taint[] => {
  const taints = n?.spec?.taints;
  return taints === undefined || taints.length === 0 ? NO_TAINTS : taints.filter(t => t.effect === 'NoExecute');
};
const sameTaints = (a: readonly Taint[], b: readonly Taint[]): boolean =>
  a.length === b.length && a.every(t => b.some(u => u.key === t.key && (u.value ?? '') === (t.value ?? '') && u.effect === t.effect));

/** GetMatchingTolerations: all tolerated, and the tolerations used. */
export function matchingTolerations(taints: readonly Taint[], tolerations: Toleration[]): { all: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find(x => toleratesTaint(x, taint));
    if (!t) return { all: false, used: [] };
    used.push(t);
  }
  return { all: true, used };
}

/** getMinTolerationTime in ms: -1 = forever (no tolerationSeconds), 0 for non-positive values. */
export function minTolerationMs(used: Toleration[]): number {
  let min = -1;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    const ms = Math.max(0, t.tolerationSeconds) * 1000;
    if (min < 0 || ms < min) min = ms;
  }
  return min;
}

class TaintEvictionController implements Reconciler {
  private readonly scheduled = new Map<string, Scheduled>();

  constructor(private readonly ctx: ControllerContext) {
    const pods = ctx.informers.informer('Pod');
    ctx.informers.informer('Node').addHandlers({
      onAdd: n => { if (noExecuteTaints(n as Node).length) ctx.queue.add(`node/${n.metadata.name}`); },
      onUpdate: (o, n) => { if (!sameTaints(noExecuteTaints(o as Node), noExecuteTaints(n as Node))) ctx.queue.add(`node/${n.metadata.name}`); },
    });
    pods.addHandlers({
      onAdd: p => { if ((p as Pod).spec?.nodeName) ctx.queue.add(`pod/${p.metadata.namespace}/${p.metadata.name}`); },
      onUpdate: (o, p) => {
        const a = o as Pod, b = p as Pod;
        if (a.spec === b.spec || !b.spec?.nodeName) return;
        if (a.spec?.nodeName !== b.spec.nodeName || !deepEqual(a.spec.tolerations, b.spec.tolerations)) {
          ctx.queue.add(`pod/${p.metadata.namespace}/${p.metadata.name}`);
        }
      },
      onDelete: p => this.cancel(`${p.metadata.namespace}/${p.metadata.name}`, false),
    });
  }

  reconcile(key: string): void {
    const now = this.ctx.sim.nowMs;
    if (key.startsWith('node/')) {
      const name = key.slice(5);
      const node = this.ctx.informers.informer('Node').get('', name) as Node | undefined;
      const taints = noExecuteTaints(node);
      // Taint changes are rare: a scan of the pod cache costs less than indexing every pod write by node.
      for (const pod of this.ctx.informers.informer('Pod').list() as Stored<Pod>[]) {
        if (pod.spec.nodeName !== name) continue;
        const k = `${pod.metadata.namespace}/${pod.metadata.name}`;
        if (taints.length === 0) this.cancel(k, true);
        else this.processPodOnNode(pod, taints, now);
      }
      return;
    }
    // "pod/<namespace>/<name>" (neither part can hold a slash), read without a split's list.
    const slash = key.indexOf('/', 4);
    const pod = this.ctx.informers.informer('Pod').get(key.slice(4, slash), key.slice(slash + 1)) as Stored<Pod> | undefined;
    if (!pod?.spec.nodeName) return;
    const node = this.ctx.informers.informer('Node').get('', pod.spec.nodeName) as Node | undefined;
    const taints = noExecuteTaints(node);
    // Nothing scheduled (the usual case): cancel would find nothing, so its key is not built.
    if (taints.length === 0) { if (this.scheduled.size !== 0) this.cancel(key.slice(4), true); return; }
    this.processPodOnNode(pod, taints, now);
  }

  private processPodOnNode(pod: Stored<Pod>, taints: readonly Taint[], now: number): void {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const { all, used } = matchingTolerations(taints, pod.spec.tolerations ?? []);
    if (!all) { this.cancel(key, true); this.schedule(key, now, now); return; }
    const min = minTolerationMs(used);
    if (min < 0) { this.cancel(key, true); return; }
    let start = now;
    const existing = this.scheduled.get(key);
    if (existing) {
      start = existing.createdAtMs;
      if (start + min < now + min) return;
      this.cancel(key, true);
    }
    this.schedule(key, start, start + min);
  }

  private schedule(key: string, createdAtMs: number, fireAtMs: number): void {
    const ev = this.ctx.sim.scheduleAt(fireAtMs, `taint-eviction-controller: evict ${key}`, () => {
      this.scheduled.delete(key);
      this.evict(key);
    });
    this.scheduled.set(key, { createdAtMs, fireAtMs, ev });
  }

  private cancel(key: string, withEvent: boolean): void {
    const s = this.scheduled.get(key);
    if (!s) return;
    this.ctx.sim.cancel(s.ev);
    this.scheduled.delete(key);
    if (withEvent) {
      const [ns, name] = key.split('/');
      this.ctx.recorder.event({ apiVersion: 'v1', kind: 'Pod', namespace: ns, name }, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
    }
  }

  /** deletePodHandler: event, DisruptionTarget=True (DeletionByTaintManager), then DELETE. */
  private evict(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    this.ctx.recorder.event({ apiVersion: 'v1', kind: 'Pod', namespace: ns, name }, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    try {
      this.ctx.client.mutateStatus<Pod>('Pod', ns, name, d => {
        const conds = (d.status ??= {}).conditions ??= [];
        const old = conds.find(c => c.type === 'DisruptionTarget');
        const c = { type: 'DisruptionTarget', status: 'True' as const, lastProbeTime: null, reason: 'DeletionByTaintManager',
          message: 'Taint manager: deleting due to NoExecute taint',
          lastTransitionTime: old?.status === 'True' && old.lastTransitionTime ? old.lastTransitionTime : toRfc3339(this.ctx.sim.nowMs) };
        if (old) Object.assign(old, c); else conds.push(c);
      });
      this.ctx.client.delete('Pod', ns, name);
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
  }
}

export const taintEvictionController: ControllerDefinition = {
  name: 'taint-eviction-controller',
  create: ctx => new TaintEvictionController(ctx),
};
