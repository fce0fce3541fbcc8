// A kubelet's node: registration, the Lease in kube-node-lease renewed every 10 s (node_lease.ts) and the
// node status computed every 10 s (nodeStatusUpdateFrequency, jitter 0.04) but written only when it
// changed or 5 minutes passed (nodeStatusReportFrequency). Condition texts from pkg/kubelet/nodestatus/
// setters.go. Not modelled: real pressure conditions, volumes in use, runtime handlers.
import type { Simulation } from '../sim/simulation';
import type { ScheduledEvent } from '../sim/event_queue';
import type { RandomStream } from '../sim/random';
import type { Client } from '../api/client';
import type { Condition, KubeObject, Node, NodeStatus, Stored, Taint } from '../api/objects';
import { isApiError } from '../api/errors';
import { deepEqual, deepEqualExcept } from '../api/freeze';
import { toRfc3339 } from '../sim/time';
import * as nodeLease from './node_lease';
import type { PresentImage } from './images';

export interface NodeShape {
  name: string;
  cpu?: string | number;
  memory?: string;
  pods?: number;
  ephemeralStorage?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  /** Images present on the node from the start. */
  images?: string[];
}

// Read once at load: the loader compiles every use of an imported binding into calls of its export getters.
const { heartbeatPeriodMs } = nodeLease;

export const NODE_STATUS_UPDATE_MS = 10_000;
export const NODE_STATUS_REPORT_MS = 300_000;

const CONDITION_TEXT: [string, string, string, string][] = [
  ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
];

/** The labels a kubelet puts on its node, plus the shape's own. */
export function nodeLabels(shape: NodeShape): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': shape.name, 'kubernetes.io/os': 'linux', ...(shape.labels ?? {}),
  };
}

export function nodeResources(shape: NodeShape): Record<string, string> {
  return {
    cpu: String(shape.cpu ?? '4'), 'ephemeral-storage': shape.ephemeralStorage ?? '100Gi', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0',
    memory: shape.memory ?? '16Gi', pods: String(shape.pods ?? 110),
  };
}

/** The same present images in the same order (the image manager keeps one object per image, and one list while none arrives). */
function sameImages(a: readonly PresentImage[], b: readonly PresentImage[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class NodeStatusReporter {
  private readonly lease: nodeLease.NodeLeaseController;
  private statusEv: ScheduledEvent | undefined;
  private lastReportMs = -Infinity;
  private paused = false;
  private stopped = false;
  /** The loops' event labels, built once. */
  private readonly statusLabel: string;
  /** The node's InternalIP (the pods' hostIP, read at every pod status computation: built once). */
  readonly internalIP: string;

  /** `imageList`: the images present on the node (the image manager: held itself rather than through a closure, one object fewer per check). */
  constructor(private readonly sim: Simulation, private readonly client: Client, private readonly random: RandomStream,
    readonly shape: NodeShape, readonly index: number, private readonly imageList: { images(): readonly PresentImage[] }) {
    this.statusLabel = `kubelet ${shape.name}: node status`;
    this.internalIP = `172.18.0.${index + 2}`;
    this.lease = new nodeLease.NodeLeaseController(sim, client, shape.name, random);
  }

  /** Heartbeats paused: the loops keep ticking but write nothing (a partitioned kubelet's requests fail). */
  get heartbeatsStopped(): boolean { return this.paused; }
  set heartbeatsStopped(stopped: boolean) { this.paused = stopped; this.lease.paused = stopped; }

  private readonly statusTick = (): void => this.updateStatus();

  get name(): string { return this.shape.name; }
  get podCIDRPrefix(): string { return `10.244.${this.index + 1}`; }

  /** Registers the node (if it does not exist), then starts the lease and status loops at once. */
  start(): void {
    this.stopped = false;
    try {
      if (!this.client.find('Node', '', this.name)) this.register();
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
    this.lease.start();
    this.updateStatus();
  }

  stop(): void {
    this.stopped = true;
    this.lease.stop();
    this.sim.cancel(this.statusEv);
  }

  private register(): void {
    const node: Node = {
      apiVersion: 'v1', kind: 'Node',
      metadata: {
        name: this.name, labels: nodeLabels(this.shape),
        annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
      },
      spec: { podCIDR: `${this.podCIDRPrefix}.0/24`, podCIDRs: [`${this.podCIDRPrefix}.0/24`] },
      status: this.computeStatus(undefined),
    };
    if (this.shape.taints?.length) node.spec.taints = this.shape.taints.map(t => ({ ...t }));
    if (this.shape.unschedulable) node.spec.unschedulable = true;
    this.client.create(node);
    this.lastReportMs = this.sim.nowMs;
  }

  /** The status the kubelet would report now, keeping transition times of unchanged conditions. */
  computeStatus(current: NodeStatus | undefined, images: readonly PresentImage[] = this.imageList.images()): NodeStatus {
    const now = toRfc3339(this.sim.nowMs);
    const resources = nodeResources(this.shape);
    const conditions: Condition[] = CONDITION_TEXT.map(([type, status, reason, message]) => {
      const old = current?.conditions?.find(c => c.type === type);
      return { type, status: status as Condition['status'], lastHeartbeatTime: now,
        lastTransitionTime: old && old.status === status && old.lastTransitionTime ? old.lastTransitionTime : now, reason, message };
    });
    return {
      capacity: { ...resources }, allocatable: { ...resources }, conditions,
      addresses: [{ type: 'InternalIP', address: this.internalIP }, { type: 'Hostname', address: this.name }],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64', bootID: '', containerRuntimeVersion: 'containerd://1.7.24', kernelVersion: '6.8.0',
        kubeProxyVersion: 'v1.32.0', kubeletVersion: 'v1.32.0', machineID: '', operatingSystem: 'linux', osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: '',
      },
      images: images.map(i => ({ names: [...i.names], sizeBytes: i.sizeBytes })),
    };
  }

  /** nodeStatusHasChanged: everything but heartbeat times (compared in place, without stripped copies). */
  private static changed(a: NodeStatus | undefined, b: NodeStatus): boolean {
    if (!a) return true;
    if (!deepEqualExcept(a, b, 'conditions')) return true;
    const ac = a.conditions, bc = b.conditions;
    if (ac == null || bc == null) return (ac == null) !== (bc == null);
    if (!Array.isArray(ac) || !Array.isArray(bc)) return !deepEqual(ac, bc);
    if (ac.length !== bc.length) return true;
    for (let i = 0; i < ac.length; i++) if (!deepEqualExcept(ac[i]!, bc[i]!, 'lastHeartbeatTime')) return true;
    return false;
  }

  /**
   * The node object and the images of the last check that found nothing changed: while the node is
   * still that object and the images are the same, the status computed now differs from its status
   * only in heartbeat times, which nodeStatusHasChanged ignores, so the check is not repeated. (The
   * node our own write stored is checked once like any other: admission may have changed its status.)
   */
  private unchangedNode: Stored<Node> | undefined;
  private unchangedImages: readonly PresentImage[] = [];

  /** syncNodeStatus: computed every 10 s (jittered); written when changed or every 5 minutes. */
  updateStatus(): void {
    this.statusEv = undefined;
    if (this.stopped) return;
    if (!this.paused) {
      try {
        const node = this.client.find<Node>('Node', '', this.name);
        if (node) {
          const images = this.imageList.images();
          const same = this.unchangedNode === node && sameImages(this.unchangedImages, images);
          const next = same ? undefined : this.computeStatus(node.status, images);
          const changed = next !== undefined && NodeStatusReporter.changed(node.status, next);
          if (!same) {
            this.unchangedNode = changed ? undefined : node;
            this.unchangedImages = images;
          }
          if (changed || this.sim.nowMs - this.lastReportMs >= NODE_STATUS_REPORT_MS) {
            const { resourceVersion: _rv, ...metadata } = node.metadata;
            // The status is built for this write and kept by nobody else: handed over, not copied.
            this.client.updateStatusOwned({ ...node, metadata, status: next ?? this.computeStatus(node.status, images) } as KubeObject);
            this.lastReportMs = this.sim.nowMs;
          }
        }
      } catch (e) {
        if (!isApiError(e)) throw e;
      }
    }
    this.statusEv = this.sim.schedule(heartbeatPeriodMs(this.random, NODE_STATUS_UPDATE_MS), this.statusLabel, this.statusTick);
  }
}
