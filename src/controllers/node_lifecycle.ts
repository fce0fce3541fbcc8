// The node lifecycle controller (pkg/controller/nodelifecycle/node_lifecycle_controller.go): every 5 s
// (node-monitor-period) it checks each node's last heartbeat (Ready's lastHeartbeatTime or the Lease's
// renewTime, as observed) and after node-monitor-grace-period — 50 s in v1.32 — sets Ready,
// MemoryPressure, DiskPressure and PIDPressure to Unknown, marks the node's pods not ready and, on the
// next pass (it acts on the Ready it observed before updating), queues the NoExecute
// not-ready/unreachable taint, which a 100 ms tainting pass applies at most once per 10 s per zone.
// NoSchedule taints follow node conditions and spec.unschedulable. Not modelled: large-cluster and
// partial-disruption rates beyond stopping evictions, the node startup grace for never-ready nodes.
import type { Condition, Node, ObjectReference, Pod, Stored, Taint } from '../api/objects';
import { isApiError } from '../api/errors';
import { parseRfc3339, toRfc3339 } from '../sim/time';
import type { ControllerContext, ControllerDefinition } from './controller_manager';
import type { Reconciler, ReconcileResult } from './runner';
import type { CachedObject, Informer } from './informer';
import { renewTimeMs } from './lease_time';
import { hasNoExecute, noScheduleTaintChanges, NO_TAINTS, NOT_READY, swapNodeControllerTaint, UNREACHABLE } from './node_taints';

export { NOT_READY, UNREACHABLE } from './node_taints';

export const NODE_MONITOR_PERIOD_MS = 5000;
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;
export const NODE_EVICTION_PERIOD_MS = 100;
const EVICTION_QPS = 0.1;

/**
 * nodeHealthData: the last heartbeat and lease renewal seen and when (probeMs). It also remembers
 * what the last pass derived from the node object and the lease object it saw, so a pass over an
 * unchanged object (most nodes, most passes) repeats no lookups or parsing.
 */
interface NodeHealth {
  probeMs: number;
  heartbeat: string | undefined;
  leaseRenew: string | undefined;
  /** parseRfc3339(leaseRenew) (parsed once, when it was seen). */
  leaseRenewMs: number | undefined;
  /** The lease object whose renewTime was last considered. */
  lease: object | undefined;
  /** The node's Lease's place in the Lease cache (its current version without a lookup), if it had one when looked up. */
  leaseRef: CachedObject | undefined;
  /** The node object `ready` and `zone` were read from. */
  node: Stored<Node> | undefined;
  ready: Condition | undefined;
  zone: ZoneCount | undefined;
  /** Whether `node` has a NoExecute unreachable or not-ready taint (what a Ready node's eviction check looks for). */
  noExecuteTainted: boolean;
  /** Forgotten on the node's delete event (a record kept by the last pass must not be reused then). */
  dropped: boolean;
}

/** A zone's Ready and not-Ready node counts in the current pass (pass = the pass that last counted it). */
interface ZoneCount { ready: number; notReady: number; pass: number }

const readyOf = (n: Node): Condition | undefined => n.status?.conditions?.find(c => c.type === 'Ready');
const zoneKey = (n: Node): string => {
  const l = n.metadata.labels ?? {};
  const region = l['topology.kubernetes.io/region'] ?? '';
  const zone = l['topology.kubernetes.io/zone'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\u0000:${zone}`;
};

class NodeLifecycleController implements Reconciler {
  private readonly health = new Map<string, NodeHealth>();
  /** knownNodeSet: the nodes this controller has registered, by name (their uid names them in RemovingNode). */
  private readonly known = new Map<string, string>();
  /** Zone → nodes waiting for the NoExecute tainting pass, in order. */
  private readonly tainter = new Map<string, string[]>();
  private readonly tokens = new Map<string, { tokens: number; atMs: number }>();
  private passQueued = false;
  private allDisrupted = false;
  /** Zone key → its counts; the counts are reset lazily, by pass number. */
  private readonly zones = new Map<string, ZoneCount>();
  private pass = 0;
  /**
   * The last pass's node list and each node's health record, by position: a node that is the same
   * object at the same position was registered by that pass (only a pass forgets nodes, and only
   * unlisted ones) and has that record unless its delete event dropped it, so neither is looked up.
   */
  private lastNodes: readonly Stored<Node>[] = [];
  private lastHealth: NodeHealth[] = [];
  private readonly nodeInformer: Informer;
  /** The Lease informer's kube-node-lease namespace, by name: a node's Lease is looked up once (see leaseRef). */
  private readonly leases: ReadonlyMap<string, CachedObject>;

  constructor(private readonly ctx: ControllerContext) {
    ctx.informers.informer('Pod');
    this.leases = ctx.informers.informer('Lease').namespaceView('kube-node-lease');
    this.nodeInformer = ctx.informers.informer('Node');
    this.nodeInformer.addHandlers({
      onAdd: n => ctx.queue.add(`node/${n.metadata.name}`),
      onUpdate: (_o, n) => ctx.queue.add(`node/${n.metadata.name}`),
      onDelete: n => {
        const h = this.health.get(n.metadata.name);
        if (h) { h.dropped = true; this.health.delete(n.metadata.name); }
      },
    });
    ctx.queue.add('monitor');
  }

  reconcile(key: string): ReconcileResult | void {
    if (key === 'monitor') { this.monitorNodeHealth(); return { requeueAfterMs: NODE_MONITOR_PERIOD_MS }; }
    if (key === 'noexecute') return this.doNoExecuteTaintingPass();
    const node = this.nodeInformer.get('', key.slice('node/'.length)) as Stored<Node> | undefined;
    if (node) this.doNoScheduleTaintingPass(node);
  }

  private get nowMs(): number { return this.ctx.sim.nowMs; }

  private monitorNodeHealth(): void {
    const nodes = this.nodeInformer.list() as Stored<Node>[];
    const pass = ++this.pass;
    // The zones seen in this pass, in first-seen order (only whether all are disrupted matters).
    const seen: ZoneCount[] = [];
    // classifyNodes: added nodes are registered, then deleted ones removed, then every node's health checked.
    const lastNodes = this.lastNodes, lastHealth = this.lastHealth;
    // Kept only by a pass that completes.
    this.lastNodes = [];
    this.lastHealth = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node === lastNodes[i] && !lastHealth[i]!.dropped) continue;
      if (this.known.has(node.metadata.name)) continue;
      this.known.set(node.metadata.name, node.metadata.uid);
      this.ctx.recorder.event(nodeRef(node), 'Normal', 'RegisteredNode', `Registered Node ${node.metadata.name} in Controller`);
    }
    // Every listed node is known now, so as many known nodes as listed ones means none was deleted.
    if (this.known.size !== nodes.length) this.forgetDeletedNodes(nodes);
    const healths: NodeHealth[] = new Array(nodes.length);
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const last = node === lastNodes[i] ? lastHealth[i]! : undefined;
      const h = last !== undefined && !last.dropped ? last : this.healthOf(node);
      healths[i] = h;
      const observed = h.ready;
      const current = this.tryUpdateNodeHealth(node, h);
      const z = h.zone!;
      if (z.pass !== pass) { z.pass = pass; z.ready = 0; z.notReady = 0; seen.push(z); }
      if (current?.status === 'True') z.ready++; else z.notReady++;
      if (!current || !observed) continue;
      this.processTaintBaseEviction(node, observed, h.noExecuteTainted);
      if (current.status !== 'True' && observed.status === 'True') {
        this.ctx.recorder.event(nodeRef(node), 'Normal', 'NodeNotReady', `Node ${node.metadata.name} status is now: NodeNotReady`);
        this.markPodsNotReady(node.metadata.name);
      }
    }
    this.lastNodes = nodes;
    this.lastHealth = healths;
    // handleDisruption: when every zone is fully disrupted the controller blames itself and taints nothing.
    this.allDisrupted = seen.length > 0 && seen.every(s => s.ready === 0 && s.notReady > 0);
  }

  /** The node's health record, with what this pass reads off the node object (read again only when the object changed). */
  private healthOf(node: Stored<Node>): NodeHealth {
    const name = node.metadata.name;
    let h = this.health.get(name);
    if (!h) {
      // A first sight: probe time now, the heartbeat and renewal seen now (set below, as the first check does).
      const ready = readyOf(node);
      const leaseRef = this.leases.get(name);
      const lease = leaseRef?.obj as { spec?: { renewTime?: string } } | undefined;
      const renew = lease?.spec?.renewTime;
      h = { probeMs: this.nowMs, heartbeat: ready?.lastHeartbeatTime, leaseRenew: renew, leaseRenewMs: renew ? parseRfc3339(renew) : undefined,
        lease, leaseRef, node: undefined, ready: undefined, zone: undefined, noExecuteTainted: false, dropped: false };
      this.health.set(name, h);
    }
    if (h.node !== node) {
      h.node = node;
      h.ready = readyOf(node);
      const taints = node.spec?.taints ?? NO_TAINTS;
      h.noExecuteTainted = hasNoExecute(taints, UNREACHABLE) || hasNoExecute(taints, NOT_READY);
      const zone = zoneKey(node);
      let z = this.zones.get(zone);
      if (!z) this.zones.set(zone, (z = { ready: 0, notReady: 0, pass: 0 }));
      h.zone = z;
    }
    return h;
  }

  /** classifyNodes' deleted list: known nodes the cache no longer has get RemovingNode and are forgotten. */
  private forgetDeletedNodes(nodes: Stored<Node>[]): void {
    const present = new Set(nodes.map(n => n.metadata.name));
    for (const [name, uid] of [...this.known]) {
      if (present.has(name)) continue;
      this.ctx.recorder.event({ apiVersion: 'v1', kind: 'Node', name, uid }, 'Normal', 'RemovingNode', `Removing Node ${name} from Controller`);
      this.known.delete(name);
    }
  }

  /** tryUpdateNodeHealth: refresh the probe time on a new heartbeat or lease renewal; past the grace, go Unknown. */
  private tryUpdateNodeHealth(node: Stored<Node>, h: NodeHealth): Condition | undefined {
    const ready = h.ready;
    if (ready?.lastHeartbeatTime !== h.heartbeat) { h.heartbeat = ready?.lastHeartbeatTime; h.probeMs = this.nowMs; }
    let leaseRef = h.leaseRef;
    if (leaseRef === undefined || leaseRef.removed) h.leaseRef = leaseRef = this.leases.get(node.metadata.name);
    const lease = leaseRef?.obj as { spec?: { renewTime?: string } } | undefined;
    if (lease !== h.lease) {
      h.lease = lease;
      const renew = lease?.spec?.renewTime;
      // An unchanged renewTime is not newer than itself: only a changed one is parsed and compared.
      if (renew && renew !== h.leaseRenew) {
        const renewMs = h.leaseRenew ? renewTimeMs(renew, h.leaseRenew, h.leaseRenewMs) : parseRfc3339(renew);
        if (!h.leaseRenew || (h.leaseRenewMs ?? 0) < (renewMs ?? 0)) {
          h.leaseRenew = renew;
          h.leaseRenewMs = renewMs;
          h.probeMs = this.nowMs;
        }
      }
    }
    if (!ready || this.nowMs <= h.probeMs + NODE_MONITOR_GRACE_PERIOD_MS) return ready;
    const now = toRfc3339(this.nowMs);
    const conditions = (node.status?.conditions ?? []).map(c => (['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'].includes(c.type) && c.status !== 'Unknown'
      ? { ...c, status: 'Unknown' as const, reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: now } : c));
    const next = conditions.find(c => c.type === 'Ready')!;
    if (next.status === ready.status) return ready;
    try {
      const { resourceVersion: _rv, ...metadata } = node.metadata;
      this.ctx.client.updateStatus({ ...node, metadata, status: { ...node.status, conditions } });
    } catch (e) {
      if (!isApiError(e)) throw e;
      return ready;
    }
    return next;
  }

  /**
   * processTaintBaseEviction, on the Ready condition observed before this pass updated it.
   * noExecuteTainted: whether the node has a NoExecute unreachable or not-ready taint (its health record's).
   */
  private processTaintBaseEviction(node: Stored<Node>, observed: Condition, noExecuteTainted: boolean): void {
    if (observed.status === 'False' || observed.status === 'Unknown') {
      const taints = node.spec?.taints ?? NO_TAINTS;
      const [add, remove] = observed.status === 'False' ? [NOT_READY, UNREACHABLE] : [UNREACHABLE, NOT_READY];
      if (hasNoExecute(taints, remove)) this.swapTaints(node, [{ key: add, effect: 'NoExecute' }], [{ key: remove, effect: 'NoExecute' }]);
      else if (!hasNoExecute(taints, add)) this.markNodeForTainting(node);
      return;
    }
    // markNodeAsReachable: Ready again, so no NoExecute taint and nothing queued.
    if (this.tainter.size !== 0) {
      const name = node.metadata.name;
      for (const q of this.tainter.values()) { const i = q.indexOf(name); if (i >= 0) q.splice(i, 1); }
    }
    if (noExecuteTainted) {
      this.swapTaints(node, [], [{ key: UNREACHABLE, effect: 'NoExecute' }, { key: NOT_READY, effect: 'NoExecute' }]);
    }
  }

  private markNodeForTainting(node: Node): void {
    const zone = zoneKey(node);
    const q = this.tainter.get(zone) ?? [];
    if (!q.includes(node.metadata.name!)) q.push(node.metadata.name!);
    this.tainter.set(zone, q);
    if (!this.passQueued) { this.passQueued = true; this.ctx.queue.addAfter('noexecute', NODE_EVICTION_PERIOD_MS); }
  }

  /** doNoScheduleTaintingPass: NoSchedule taints mirror the node's conditions and spec.unschedulable. */
  private doNoScheduleTaintingPass(node: Stored<Node>): void {
    const { add, remove } = noScheduleTaintChanges(node);
    if (add.length || remove.length) this.swapTaints(node, add, remove);
  }

  private swapTaints(node: Stored<Node>, add: Taint[], remove: Taint[]): void {
    swapNodeControllerTaint(this.ctx.client, node, add, remove, this.nowMs);
  }

  /** doNoExecuteTaintingPass: per zone, a token bucket (0.1 qps, burst 1) lets nodes through. */
  private doNoExecuteTaintingPass(): ReconcileResult | void {
    this.passQueued = false;
    let left = false;
    for (const [zone, q] of this.tainter) {
      if (this.allDisrupted) continue;
      while (q.length) {
        if (!this.tryAccept(zone)) break;
        const name = q.shift()!;
        const node = this.nodeInformer.get('', name) as Stored<Node> | undefined;
        const ready = node && readyOf(node);
        if (!node || !ready || ready.status === 'True') continue;
        const [add, remove] = ready.status === 'False' ? [NOT_READY, UNREACHABLE] : [UNREACHABLE, NOT_READY];
        this.swapTaints(node, [{ key: add, effect: 'NoExecute' }], [{ key: remove, effect: 'NoExecute' }]);
      }
      if (q.length) left = true;
    }
    if (left) { this.passQueued = true; return { requeueAfterMs: NODE_EVICTION_PERIOD_MS }; }
  }

  private tryAccept(zone: string): boolean {
    const b = this.tokens.get(zone) ?? { tokens: 1, atMs: this.nowMs };
    b.tokens = Math.min(1, b.tokens + ((this.nowMs - b.atMs) / 1000) * EVICTION_QPS);
    b.atMs = this.nowMs;
    this.tokens.set(zone, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** MarkPodsNotReady: Ready=False on every pod of the node, with a NodeNotReady event each. */
  private markPodsNotReady(nodeName: string): void {
    // A node going NotReady is rare: scanning the pod cache beats indexing every pod write by node.
    for (const pod of this.ctx.informers.informer('Pod').list() as Stored<Pod>[]) {
      if (pod.spec.nodeName !== nodeName) continue;
      const ready = pod.status?.conditions?.find(c => c.type === 'Ready');
      if (!ready || ready.status === 'False') continue;
      try {
        this.ctx.client.mutateStatus<Pod>('Pod', pod.metadata.namespace ?? 'default', pod.metadata.name, d => {
          const c = d.status?.conditions?.find(x => x.type === 'Ready');
          if (c) { c.status = 'False'; c.lastTransitionTime = toRfc3339(this.nowMs); }
        });
        this.ctx.recorder.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
      } catch (e) {
        if (!isApiError(e)) throw e;
      }
    }
  }
}

function nodeRef(node: Stored<Node>): ObjectReference {
  return { apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid };
}

export const nodeLifecycleController: ControllerDefinition = {
  name: 'node-lifecycle-controller',
  eventSource: 'node-controller',
  create: ctx => new NodeLifecycleController(ctx),
};

