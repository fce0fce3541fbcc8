// What a kubelet's pod syncs reach: its components for one node, bound together by kubelet.ts.
import type { Simulation } from '../sim/simulation';
import type { ObjectReference } from '../api/objects';
import type { Backoff } from './backoff';
import type { ContainerRuntime } from './runtime';
import type { StatusManager } from './status_manager';
import type { ProbeManager } from './probes';
import type { VolumeManager } from './volumes';
import type { ImageManager } from './images';
import type { SyncReason } from './container_status';

export interface KubeletContext {
  readonly sim: Simulation;
  readonly nodeName: string;
  readonly hostIP: string;
  readonly runtime: ContainerRuntime;
  readonly statusManager: StatusManager;
  readonly probeManager: ProbeManager;
  readonly volumeManager: VolumeManager;
  readonly images: ImageManager;
  /** The crash-loop back-off (kl.backOff). */
  readonly backoff: Backoff;
  /** The reason cache of one pod (created on demand when `create`). */
  reasons(uid: string, create?: boolean): Map<string, SyncReason>;
  /** Records an event from kubelet/<node>. */
  event(ref: ObjectReference, type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** Runs fn after delayMs, unless this kubelet stopped meanwhile. */
  after(delayMs: number, label: string, fn: () => void): void;
  /** False while the kubelet is stopped. */
  alive(): boolean;
  /** The pod is finished and gone from the API: drop its runtime and in-memory state. */
  forgetPod(uid: string): void;
}
