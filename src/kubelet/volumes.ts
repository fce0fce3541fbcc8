// A kubelet's volume manager for the volumes whose presence matters: ConfigMap, Secret and
// PersistentVolumeClaim sources. The reconciler retries a failed mount on a 100 ms loop with the
// operation executor's exponential back-off (500 ms doubling to 2m2s; pkg/volume/util/
// nestedpendingoperations, exponentialbackoff.go), recording FailedMount each time; SyncPod waits in
// WaitForAttachAndMount, polling every 300 ms for at most 2m3s (podAttachAndMountTimeout).
// Not modelled: attach/detach, CSI, projected and downward API contents (always mountable).
import type { Simulation } from '../sim/simulation';
import type { ScheduledEvent } from '../sim/event_queue';
import type { Pod, Volume } from '../api/objects';
import type { Client } from '../api/client';
import { isApiError } from '../api/errors';

export const MOUNT_BACKOFF_INITIAL_MS = 500;
export const MOUNT_BACKOFF_MAX_MS = 122_000;
export const RECONCILER_LOOP_MS = 100;
export const WAIT_FOR_MOUNT_POLL_MS = 300;
export const WAIT_FOR_MOUNT_TIMEOUT_MS = 123_000;

interface VolumeState { volume: Volume; mounted: boolean; durationBeforeRetryMs: number; lastErrorMs: number; retry: ScheduledEvent | undefined }
/** A pod's volumes; unmounted counts those not mounted yet, removed is set when the pod's volumes are removed. */
export interface PodVolumes { pod: Pod; volumes: VolumeState[]; unmounted: number; removed: boolean }

/** The source a volume needs in the API, with upstream's "not found" text; undefined when nothing is needed. */
function requirement(v: Volume): { kind: string; name: string; notFound: string } | undefined {
  if (v.configMap && !v.configMap.optional) return { kind: 'ConfigMap', name: v.configMap.name ?? '', notFound: `configmap "${v.configMap.name ?? ''}" not found` };
  if (v.secret && !v.secret.optional) return { kind: 'Secret', name: v.secret.secretName ?? '', notFound: `secret "${v.secret.secretName ?? ''}" not found` };
  if (v.persistentVolumeClaim) {
    const name = v.persistentVolumeClaim.claimName;
    return { kind: 'PersistentVolumeClaim', name, notFound: `persistentvolumeclaim "${name}" not found` };
  }
  return undefined;
}

const NOTHING_TO_CANCEL = (): void => {};

export class VolumeManager {
  private readonly pods = new Map<string, PodVolumes>();
  /** Bumped whenever a pod's volumes are removed (mounts only ever go from unmounted to mounted otherwise). */
  removals = 0;

  constructor(private readonly sim: Simulation, private readonly client: Client,
    private readonly failedMount: (pod: Pod, message: string) => void) {}

  /** The desired state populator adds a pod's volumes; the reconciler tries each at once. */
  addPod(pod: Pod): void {
    const uid = pod.metadata.uid!;
    const known = this.pods.get(uid);
    if (known !== undefined) { known.pod = pod; return; }
    // An indexed loop: the spec's list is frozen, where map takes a slow path.
    const specVolumes = pod.spec.volumes ?? [];
    const volumes = new Array<VolumeState>(specVolumes.length);
    let unmounted = 0;
    for (let i = 0; i < specVolumes.length; i++) {
      const v = specVolumes[i]!;
      const mounted = requirement(v) === undefined;
      if (!mounted) unmounted++;
      volumes[i] = { volume: v, mounted, durationBeforeRetryMs: 0, lastErrorMs: 0, retry: undefined };
    }
    const entry: PodVolumes = { pod, volumes, unmounted, removed: false };
    this.pods.set(uid, entry);
    for (const v of volumes) if (!v.mounted) this.tryMount(entry, v);
  }

  /** The kubelet stopped: no more mount retries. */
  stop(): void {
    for (const uid of [...this.pods.keys()]) this.removePod(uid);
  }

  removePod(uid: string): void {
    const e = this.pods.get(uid);
    if (!e) return;
    for (const v of e.volumes) this.sim.cancel(v.retry);
    e.removed = true;
    this.pods.delete(uid);
    this.removals++;
  }

  allMounted(uid: string): boolean {
    const e = this.pods.get(uid);
    return e !== undefined && e.unmounted === 0;
  }

  /** The pod's volumes, while it has them (a holder may keep the entry: see PodVolumes.removed). */
  entryOf(uid: string): PodVolumes | undefined { return this.pods.get(uid); }

  /** allMounted(uid) for the pod an entry was for: read off the entry while it is current. */
  allMountedIn(entry: PodVolumes | undefined, uid: string): boolean {
    return entry !== undefined && !entry.removed ? entry.unmounted === 0 : this.allMounted(uid);
  }

  unmountedNames(uid: string): string[] {
    return (this.pods.get(uid)?.volumes ?? []).filter(v => !v.mounted).map(v => v.volume.name).sort();
  }

  private tryMount(entry: PodVolumes, v: VolumeState): void {
    v.retry = undefined;
    if (!this.pods.has(entry.pod.metadata.uid!)) return;
    const req = requirement(v.volume)!;
    let found = false;
    try {
      found = this.client.find(req.kind, entry.pod.metadata.namespace ?? 'default', req.name) !== undefined;
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
    if (found) {
      if (!v.mounted) { v.mounted = true; entry.unmounted--; }
      return;
    }
    // operation_generator: `MountVolume.SetUp failed for volume "<name>" : <err>`.
    this.failedMount(entry.pod, `MountVolume.SetUp failed for volume "${v.volume.name}" : ${req.notFound}`);
    v.durationBeforeRetryMs = v.durationBeforeRetryMs === 0 ? MOUNT_BACKOFF_INITIAL_MS : Math.min(v.durationBeforeRetryMs * 2, MOUNT_BACKOFF_MAX_MS);
    v.lastErrorMs = this.sim.nowMs;
    // Safe to retry once strictly more than the back-off has passed; the reconciler loop runs every 100 ms.
    const eligible = v.lastErrorMs + v.durationBeforeRetryMs;
    const at = (Math.floor(eligible / RECONCILER_LOOP_MS) + 1) * RECONCILER_LOOP_MS;
    v.retry = this.sim.scheduleAt(at, 'kubelet: volume reconciler retries a mount', () => this.tryMount(entry, v));
  }

  /**
   * WaitForAttachAndMount: polls at once and every 300 ms; done(true) when every volume is mounted,
   * done(false) after the 2m3s timeout. Each poll runs after the instant's other events, so it sees a
   * mount that happened at the same instant. Returns a cancel function.
   */
  waitForAttachAndMount(uid: string, done: (ok: boolean) => void): () => void {
    if (this.allMounted(uid)) { done(true); return NOTHING_TO_CANCEL; }
    const startMs = this.sim.nowMs;
    let ev: ScheduledEvent | undefined;
    let cancelled = false;
    const poll = (): void => {
      ev = this.sim.schedule(0, 'kubelet: WaitForAttachAndMount poll', () => {
        if (cancelled) return;
        if (this.allMounted(uid)) return done(true);
        const next = this.sim.nowMs + WAIT_FOR_MOUNT_POLL_MS;
        if (next > startMs + WAIT_FOR_MOUNT_TIMEOUT_MS) {
          ev = this.sim.scheduleAt(startMs + WAIT_FOR_MOUNT_TIMEOUT_MS, 'kubelet: WaitForAttachAndMount timed out', () => { if (!cancelled) done(false); });
          return;
        }
        ev = this.sim.scheduleAt(next, 'kubelet: WaitForAttachAndMount', poll);
      });
    };
    poll();
    return () => { cancelled = true; this.sim.cancel(ev); };
  }
}
