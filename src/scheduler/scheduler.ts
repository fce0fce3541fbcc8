// kube-scheduler (a component of its own, not part of kube-controller-manager): watches pods, nodes
// and the objects its plugins read, schedules one pod per cycle (pkg/scheduler/schedule_one.go) —
// filter, score, pick the best node (ties broken by the seeded stream "kube-scheduler"), assume and
// bind — and on failure records FailedScheduling, sets PodScheduled=False/Unschedulable and parks the
// pod until a cluster change may help. Scheduling and binding take 0 s unless configured.
// Not modelled: preemption, extenders, multiple profiles, pod groups.
import type { Simulation } from '../sim/simulation';
import type { ApiServer, RequestContext } from '../api/apiserver';
import { Client } from '../api/client';
import { EventRecorder, type EventCorrelator } from '../api/events';
import type { Condition, Node, Pod, Stored } from '../api/objects';
import { isApiError } from '../api/errors';
import { deepEqual } from '../api/freeze';
import { toRfc3339 } from '../sim/time';
import { InformerFactory } from '../controllers/informer';
import { SchedulerCache } from './cache';
import { podEntry, type NodeInfo, type PodEntry } from './node_info';
import { runFilters, type FilterStatus } from './filters';
import { fitErrorMessage } from './fit_error';
import { SchedulingQueue, type QueuedPodInfo } from './queue';
import { selectHost } from './scores';
import { beginScores, finishScores, scanNodes } from './node_scores';
import { ShapeTable, type PodShape } from './pod_shape';
import { defaultSelector } from './default_selector';
import type { RandomStream } from '../sim/random';

export const SCHEDULER_NAME = 'default-scheduler';
/** The filter statuses of a cycle where every node fit (read only). */
const NO_STATUSES: ReadonlyMap<string, FilterStatus> = new Map();
/** The binding request's context, the same for every pod. */
const BIND_CONTEXT: RequestContext = Object.freeze({ actor: SCHEDULER_NAME });
const MIN_FEASIBLE_NODES_TO_FIND = 100;
const MIN_FEASIBLE_NODES_PERCENTAGE = 5;

export interface SchedulerOptions {
  /** Virtual time one scheduling cycle takes (default 0). */
  schedulingDelayMs?: number;
  /** Virtual time between choosing a node and the binding write (default 0). */
  bindingDelayMs?: number;
}

/** numFeasibleNodesToFind with the adaptive percentage (percentageOfNodesToScore unset). */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  const percentage = Math.max(50 - Math.trunc(numAllNodes / 125), MIN_FEASIBLE_NODES_PERCENTAGE);
  const n = Math.trunc((numAllNodes * percentage) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

export class Scheduler {
  readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly random: RandomStream;
  private informers: InformerFactory | undefined;
  private cache = new SchedulerCache();
  /** Shape ids of the memos on the cache's nodes: renewed with the cache. */
  private shapes = new ShapeTable();
  private queue: SchedulingQueue | undefined;
  private cycleScheduled = false;
  private nextStartNodeIndex = 0;
  running = false;

  constructor(private readonly sim: Simulation, private readonly api: ApiServer, correlator: EventCorrelator, readonly options: SchedulerOptions = {}) {
    this.client = new Client(api, SCHEDULER_NAME);
    this.recorder = new EventRecorder(api, { component: SCHEDULER_NAME }, correlator);
    this.random = sim.random.stream('kube-scheduler');
    this.randomStream = () => this.random;
  }

  /** selectHost draws from the stream only on a tie (one closure for every cycle). */
  private readonly randomStream: () => RandomStream;

  start(): void {
    if (this.running) return;
    this.running = true;
    this.cache = new SchedulerCache();
    this.shapes = new ShapeTable();
    const queue = (this.queue = new SchedulingQueue(this.sim, this.sim.nowMs % 1000));
    queue.onActive = () => this.wake();
    const inf = (this.informers = new InformerFactory(this.sim, this.api, SCHEDULER_NAME));
    inf.informer('Node').addHandlers({
      onAdd: n => { this.cache.setNode(n as Stored<Node>); this.nodeChanged(n.metadata.name); },
      onUpdate: (o, n) => { this.cache.setNode(n as Stored<Node>); if (schedulingPropertiesChanged(o as Node, n as Node)) this.nodeChanged(n.metadata.name); },
      onDelete: n => this.cache.removeNode(n.metadata.name),
    });
    inf.informer('Pod').addHandlers({
      onAdd: p => this.onPod(undefined, p as Stored<Pod>),
      onUpdate: (o, p) => this.onPod(o as Stored<Pod>, p as Stored<Pod>),
      onDelete: p => this.onPodDeleted(p as Stored<Pod>),
    });
    inf.informer('PersistentVolumeClaim').addHandlers({ onAdd: c => this.queue?.moveIf(i => usesClaim(i.pod, c.metadata.name)) });
    for (const kind of ['Service', 'ReplicaSet', 'ReplicationController', 'StatefulSet']) inf.informer(kind);
    inf.start();
  }

  /** Stops the scheduler; a restart starts from an empty cache and queue (they are rebuilt from lists). */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.informers?.stop();
    this.queue?.stop();
    this.informers = undefined;
    this.queue = undefined;
  }

  restart(): void { this.stop(); this.start(); }

  private responsible(p: Pod): boolean {
    return (p.spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME && !p.spec.nodeName && !p.metadata.deletionTimestamp &&
      p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
  }

  private onPod(old: Stored<Pod> | undefined, p: Stored<Pod>): void {
    const q = this.queue!;
    if (p.spec.nodeName) {
      q.done(p.metadata.uid);
      // An assigned pod that finished frees its node: pods rejected for resources may fit now.
      if (this.cache.setPod(p)) this.podFreed(p.spec.nodeName);
      return;
    }
    if (!this.responsible(p)) { q.delete(p.metadata.uid); return; }
    if (((p.spec.schedulingGates as unknown[] | undefined) ?? []).length) { this.gate(p); q.delete(p.metadata.uid); return; }
    if (!old || !q.get(p.metadata.uid)) q.add(p);
    else q.update(p, !deepEqual(old.spec, p.spec) || !deepEqual(old.metadata.labels, p.metadata.labels));
  }

  private onPodDeleted(p: Stored<Pod>): void {
    this.queue?.delete(p.metadata.uid);
    const node = this.cache.nodeOfPod(p.metadata.uid);
    this.cache.removePod(p.metadata.uid);
    if (node !== undefined) this.podFreed(node);
  }

  /** Queueing hint for an assigned pod leaving a node: move pods that would fit there now. */
  private podFreed(nodeName: string): void {
    const info = this.cache.node(nodeName);
    if (info) this.queue?.moveIf(i => runFilters(podEntry(i.pod), info) === undefined);
  }

  /** Queueing hint for a node added or changed: move pods the node now fits. */
  private nodeChanged(name: string): void {
    const info = this.cache.node(name);
    if (info) this.queue?.moveIf(i => !i.unschedulablePlugins.has('VolumeBinding') && runFilters(podEntry(i.pod), info) === undefined);
  }

  private wake(): void {
    if (this.cycleScheduled || !this.running) return;
    this.cycleScheduled = true;
    this.sim.schedule(this.options.schedulingDelayMs ?? 0, 'kube-scheduler: scheduleOne', () => {
      this.cycleScheduled = false;
      if (!this.running) return;
      this.scheduleOne();
      if ((this.queue?.activeLength ?? 0) > 0) this.wake();
    });
  }

  /** scheduleOne: one pod through PreFilter, Filter, Score, then assume and bind, or a recorded failure. */
  private scheduleOne(): void {
    const q = this.queue!;
    const info = q.pop();
    if (!info) return;
    const pod = (this.informers!.informer('Pod').get(info.pod.metadata.namespace ?? '', info.pod.metadata.name) as Stored<Pod> | undefined);
    if (!pod || pod.metadata.uid !== info.pod.metadata.uid || !this.responsible(pod)) { q.done(info.pod.metadata.uid); return; }
    info.pod = pod;
    const nodes = this.cache.nodes;
    if (nodes.length === 0) return this.fail(info, 'no nodes available to schedule pods', new Set());
    const missingClaim = pod.spec.volumes?.length ? this.missingClaim(pod) : undefined;
    if (missingClaim !== undefined) {
      const msg = fitErrorMessage({ numAllNodes: nodes.length, preFilterMsg: `persistentvolumeclaim "${missingClaim}" not found`, nodeStatuses: new Map() });
      return this.fail(info, msg, new Set(['VolumeBinding']));
    }
    const { entry, shape } = this.shapes.entryAndShape(pod);
    // Scoring is fed by the filter loop as it finds feasible nodes (each node read once per cycle);
    // with fewer than two feasible nodes its sums go unread. Its inputs are read-only here.
    const selector = defaultSelector(pod, this.informers!);
    beginScores(entry, shape, this.cache, selector);
    const { feasible, statuses } = this.findNodesThatFit(entry, shape, nodes);
    if (feasible.length === 0) {
      return this.fail(info, fitErrorMessage({ numAllNodes: nodes.length, nodeStatuses: statuses }), new Set([...statuses.values()].map(s => s.plugin)));
    }
    const host = feasible.length === 1 ? feasible[0]! : selectHost(feasible, finishScores(entry, feasible, this.cache, selector), this.randomStream);
    this.assumeAndBind(info, pod, host, entry);
  }

  /** VolumeBinding's PreFilter: the first claim the pod mounts that does not exist. */
  private missingClaim(pod: Stored<Pod>): string | undefined {
    const volumes = pod.spec.volumes!;
    for (let i = 0; i < volumes.length; i++) {
      const c = volumes[i]!.persistentVolumeClaim?.claimName;
      if (c !== undefined && !this.informers!.informer('PersistentVolumeClaim').get(pod.metadata.namespace ?? '', c)) return c;
    }
    return undefined;
  }

  private readonly feasibleScratch: NodeInfo[] = [];

  /** findNodesThatFit: from nextStartNodeIndex, until enough feasible nodes were found (scanNodes scores each one for the cycle). */
  private findNodesThatFit(entry: PodEntry, shape: PodShape, nodes: NodeInfo[]): { feasible: NodeInfo[]; statuses: ReadonlyMap<string, FilterStatus> } {
    const total = nodes.length;
    // One list for every cycle: a cycle's feasible nodes are read (scored, one picked) before the next.
    const feasible = this.feasibleScratch;
    const { processed, statuses } = scanNodes(entry, shape, nodes, this.nextStartNodeIndex % total, numFeasibleNodesToFind(total), feasible);
    this.nextStartNodeIndex = (this.nextStartNodeIndex + processed) % total;
    return { feasible, statuses: statuses ?? NO_STATUSES };
  }

  private assumeAndBind(info: QueuedPodInfo, pod: Stored<Pod>, host: NodeInfo, entry: PodEntry): void {
    const q = this.queue!;
    const assumed = { ...pod, spec: { ...pod.spec, nodeName: host.name } } as Stored<Pod>;
    this.cache.setPod(assumed, entry);
    const delay = this.options.bindingDelayMs ?? 0;
    if (delay > 0) this.sim.schedule(delay, 'kube-scheduler: bind', () => this.bind(q, info, pod, host)); else this.bind(q, info, pod, host);
  }

  private bind(q: SchedulingQueue, info: QueuedPodInfo, pod: Stored<Pod>, host: NodeInfo): void {
    if (!this.running) return;
    try {
      this.api.bind(pod.metadata.namespace ?? 'default', pod.metadata.name, host.name, BIND_CONTEXT);
      q.done(pod.metadata.uid);
      this.recorder.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${host.name}`);
    } catch (e) {
      if (!isApiError(e)) throw e;
      this.cache.removePod(pod.metadata.uid);
      this.recorder.event(pod, 'Warning', 'FailedScheduling', `Binding rejected: ${e.message}`);
      q.addBackoff(info);
    }
  }

  /** handleSchedulingFailure: event, PodScheduled=False/Unschedulable (only if it changed), park the pod. */
  private fail(info: QueuedPodInfo, message: string, plugins: Set<string>): void {
    const pod = info.pod;
    this.recorder.event(pod, 'Warning', 'FailedScheduling', message);
    this.setCondition(pod, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message });
    this.queue!.addUnschedulable(info, plugins);
  }

  private gate(pod: Stored<Pod>): void {
    this.setCondition(pod, { type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' });
  }

  /** updatePod: podutil.UpdatePodCondition, written only when something changed. */
  private setCondition(pod: Stored<Pod>, c: Condition): void {
    const old = pod.status?.conditions?.find(x => x.type === c.type);
    const next: Condition = { type: c.type, status: c.status, lastProbeTime: null,
      lastTransitionTime: old && old.status === c.status && old.lastTransitionTime ? old.lastTransitionTime : toRfc3339(this.sim.nowMs),
      reason: c.reason, message: c.message };
    if (old && old.status === next.status && old.reason === next.reason && old.message === next.message) return;
    try {
      this.client.mutateStatus<Pod>('Pod', pod.metadata.namespace ?? 'default', pod.metadata.name, d => {
        const conds = (d.status ??= {}).conditions ??= [];
        const i = conds.findIndex(x => x.type === c.type);
        if (i >= 0) conds[i] = next; else conds.push(next);
      });
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
  }
}

function usesClaim(pod: Pod, claim: string): boolean {
  return (pod.spec.volumes ?? []).some(v => v.persistentVolumeClaim?.claimName === claim);
}

/** nodeSchedulingPropertiesChange: what in a node update can make a pod fit. */
function schedulingPropertiesChanged(a: Node, b: Node): boolean {
  return a.spec?.unschedulable !== b.spec?.unschedulable || !deepEqual(a.spec?.taints, b.spec?.taints) ||
    !deepEqual(a.metadata.labels, b.metadata.labels) || !deepEqual(a.status?.allocatable, b.status?.allocatable);
}
