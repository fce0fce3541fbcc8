// A node's container runtime (containerd behind the CRI): pod sandboxes with IPs from the node's pod
// CIDR, container instances that run as their image profile says (exit after N s, OOM against the
// memory limit, SIGTERM handling), and the dead instances the kubelet keeps (one per container, as
// the container GC's MaxPerPodContainer=1). It outlives kubelet restarts; a node crash wipes it.
// Not modelled: image layers, exec sessions, logs (only their restart count survives, as the log
// directory does).
import type { Simulation } from '../sim/simulation';
import type { ScheduledEvent } from '../sim/event_queue';
import type { RandomStream } from '../sim/random';
import type { ImageProfile } from './image_catalogue';
import type { InstanceStatusParts } from './container_status';
import { qualifiedImage } from './image_catalogue';

export type InstanceState = 'running' | 'exited';

export interface ContainerInstance {
  readonly id: string;
  readonly name: string;
  readonly init: boolean;
  /** The restart count this instance carries (upstream's container attempt annotation). */
  readonly attempt: number;
  /** The image as the pod spec names it, and as the runtime reports it. */
  readonly specImage: string;
  readonly image: string;
  readonly imageID: string;
  readonly profile: ImageProfile;
  readonly createdAtMs: number;
  startedAtMs: number;
  state: InstanceState;
  finishedAtMs: number;
  exitCode: number;
  reason: string;
  timers: ScheduledEvent[];
  stopping: boolean;
  /** Callbacks waiting for this instance to exit (a StopContainer in progress). */
  exitWaiters: (() => void)[];
}

export interface Sandbox { id: string; ip: string; createdAtMs: number; ready: boolean; attempt: number }

export interface RuntimePod {
  sandbox: Sandbox | undefined;
  /** Newest first. */
  containers: ContainerInstance[];
  /** The snapshot of the pod as it is now, once taken (dropped at every change; readers never modify it). */
  snap: PodSnapshot | undefined;
  /** When the pod last changed (a sequence number of its runtime); undefined once it is removed. */
  seq: number | undefined;
}

/** A frozen view of one instance as the kubelet's pod cache holds it at the start of a sync. */
export type InstanceSnapshot = Readonly<Omit<ContainerInstance, 'timers' | 'stopping' | 'exitWaiters'>> & {
  /** The status parts container_status.ts derived from this snapshot, once it needed them. */
  derived?: InstanceStatusParts;
};
export interface PodSnapshot { sandbox: Readonly<Sandbox> | undefined; containers: InstanceSnapshot[] }

/** An instance without its timers and stop bookkeeping (a literal: object rest copies are slow). */
function instanceSnapshot(c: ContainerInstance): InstanceSnapshot {
  return {
    id: c.id, name: c.name, init: c.init, attempt: c.attempt, specImage: c.specImage, image: c.image, imageID: c.imageID, profile: c.profile,
    createdAtMs: c.createdAtMs, startedAtMs: c.startedAtMs, state: c.state, finishedAtMs: c.finishedAtMs, exitCode: c.exitCode, reason: c.reason,
    derived: undefined,
  };
}

/** The bytes of the ID being made (newId). */
const ID_BYTES = Buffer.alloc(32);

const imageIDs = new Map<string, string>();

/** qualifiedImage per spec image (a pure function of the name, asked at every container start). */
const qualifiedImages = new Map<string, string>();

function qualified(specImage: string): string {
  let q = qualifiedImages.get(specImage);
  if (q === undefined) {
    q = qualifiedImage(specImage);
    if (qualifiedImages.size < 10_000) qualifiedImages.set(specImage, q);
  }
  return q;
}

/** "<repository>@sha256:<digest>" (one string per image and digest, shared by its containers). */
function imageID(image: string, digest: string): string {
  const key = `${image}\u0000${digest}`;
  let id = imageIDs.get(key);
  if (id === undefined) imageIDs.set(key, (id = `${image.replace(/:[^:/@]+$/, '')}@sha256:${digest}`));
  return id;
}

/** containerd's reason for an exit code: Completed for 0, Error otherwise. */
export const exitReason = (code: number): string => (code === 0 ? 'Completed' : 'Error');

export class ContainerRuntime {
  private readonly pods = new Map<string, RuntimePod>();
  /** Restart counts by pod uid and container name: the log directory survives crashes. */
  private readonly logAttempts = new Map<string, number>();
  private readonly usedIPs = new Set<number>();
  private lastIP = 1;
  private sandboxAttempts = new Map<string, number>();
  /** Told of every instance that starts; a fault wrapper uses this to make new instances die (terminate). */
  readonly startHooks: ((podUid: string, inst: ContainerInstance) => void)[] = [];

  constructor(private readonly sim: Simulation, private readonly stream: RandomStream, private readonly podCIDRPrefix: string,
    /** Called whenever a pod's containers or sandbox change (the PLEG notices at its next relist). */
    readonly onChange: (podUid: string) => void) {}

  pod(uid: string): RuntimePod | undefined { return this.pods.get(uid); }

  private changeSeq = 0;

  /**
   * The sequence number of a pod's last change (undefined for a pod the runtime no longer has):
   * equal numbers mean an identical snapshot.
   */
  changeSeqOf(uid: string): number | undefined { return this.pods.get(uid)?.seq; }

  /** Bumped on every change of any pod (while it stays put, no pod's changeSeqOf moved). */
  changes = 0;

  private changed(uid: string): void {
    this.changes++;
    const p = this.pods.get(uid);
    if (p !== undefined) { p.snap = undefined; p.seq = ++this.changeSeq; }
    this.onChange(uid);
  }

  /**
   * The pod as the kubelet's pod cache holds it. Everything a snapshot shows changes only together with
   * a changed() call, so one snapshot serves every sync until the pod's next change.
   */
  snapshot(uid: string): PodSnapshot {
    const p = this.pods.get(uid);
    if (!p) return { sandbox: undefined, containers: [] };
    if (p.snap !== undefined) return p.snap;
    const containers = new Array<InstanceSnapshot>(p.containers.length);
    for (let i = 0; i < containers.length; i++) containers[i] = instanceSnapshot(p.containers[i]!);
    return (p.snap = { sandbox: p.sandbox ? { ...p.sandbox } : undefined, containers });
  }

  private entry(uid: string): RuntimePod {
    let p = this.pods.get(uid);
    if (!p) this.pods.set(uid, (p = { sandbox: undefined, containers: [], snap: undefined, seq: undefined }));
    return p;
  }

  /** A 64-hex-digit container or sandbox ID from the runtime's stream (32 random bits per 8 digits). */
  private newId(): string {
    // floor(float() * 2^32) is the draw itself: uint32() gives it without the float round trip. Each
    // draw goes in big-endian, so the hex text is hex8's, eight draws in one flat string.
    for (let i = 0; i < 8; i++) ID_BYTES.writeUInt32BE(this.stream.uint32(), i * 4);
    return ID_BYTES.toString('hex');
  }

  /** RunPodSandbox: a new sandbox with the next free IP of the node's /24 (host-local IPAM order). */
  createSandbox(uid: string): Sandbox {
    const p = this.entry(uid);
    if (p.sandbox) this.releaseIP(p.sandbox.ip);
    const attempt = this.sandboxAttempts.get(uid) ?? 0;
    this.sandboxAttempts.set(uid, attempt + 1);
    p.sandbox = { id: this.newId(), ip: this.allocateIP(), createdAtMs: this.sim.nowMs, ready: true, attempt };
    this.changed(uid);
    return p.sandbox;
  }

  stopSandbox(uid: string): void {
    const p = this.pods.get(uid);
    if (!p?.sandbox || !p.sandbox.ready) return;
    p.sandbox.ready = false;
    this.changed(uid);
  }

  private allocateIP(): string {
    for (let i = 0; i < 253; i++) {
      const host = ((this.lastIP - 2 + 1 + i) % 253) + 2; // 2..254 (.1 is the gateway), after the last one handed out
      if (!this.usedIPs.has(host)) {
        this.usedIPs.add(host);
        this.lastIP = host;
        return `${this.podCIDRPrefix}.${host}`;
      }
    }
    throw new Error(`no pod IPs left in ${this.podCIDRPrefix}.0/24`);
  }

  private releaseIP(ip: string): void {
    this.usedIPs.delete(Number(ip.slice(ip.lastIndexOf('.') + 1)));
  }

  /** The restart count of the next instance of a container: newest instance + 1, else what the logs remember. */
  nextAttempt(uid: string, name: string, logKey = `${uid}/${name}`): number {
    const p = this.pods.get(uid);
    if (p !== undefined) {
      const cs = p.containers;
      for (let i = 0; i < cs.length; i++) if (cs[i]!.name === name) return cs[i]!.attempt + 1;
    }
    const logged = this.logAttempts.get(logKey);
    return logged === undefined ? 0 : logged + 1;
  }

  /** CreateContainer + StartContainer: the instance runs from now and behaves as its profile says. */
  startContainer(uid: string, name: string, init: boolean, specImage: string, profile: ImageProfile, memoryLimitBytes: number | undefined): ContainerInstance {
    const p = this.entry(uid);
    const logKey = `${uid}/${name}`;
    const attempt = this.nextAttempt(uid, name, logKey);
    this.logAttempts.set(logKey, attempt);
    const image = qualified(specImage);
    const inst: ContainerInstance = {
      id: this.newId(), name, init, attempt, specImage, image,
      imageID: imageID(image, profile.digest), profile,
      createdAtMs: this.sim.nowMs, startedAtMs: this.sim.nowMs, state: 'running', finishedAtMs: 0, exitCode: 0, reason: '',
      timers: [], stopping: false, exitWaiters: [],
    };
    p.containers.unshift(inst);
    this.pruneDead(p, name);
    // An init container whose image does not exit by itself completes at once (exit 0).
    const exit = profile.exit ?? (init ? { afterMs: 0, code: 0 } : undefined);
    if (exit) inst.timers.push(this.sim.schedule(exit.afterMs, `containerd: ${name} exits`, () => this.exit(uid, inst, exit.code, exitReason(exit.code))));
    if (memoryLimitBytes !== undefined && profile.memoryBytes > memoryLimitBytes) {
      inst.timers.push(this.sim.schedule(profile.oomAfterMs, `containerd: ${name} OOM`, () => this.exit(uid, inst, 137, 'OOMKilled')));
    }
    const hooks = this.startHooks;
    for (let i = 0; i < hooks.length; i++) hooks[i]!(uid, inst);
    this.changed(uid);
    return inst;
  }

  /** Keeps the running instance and the newest dead one of a container; older dead ones are collected. */
  private pruneDead(p: RuntimePod, name: string): void {
    // Compacted in place (the list is the runtime's own, never handed out).
    const cs = p.containers;
    let deadSeen = 0;
    let kept = 0;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      if (c.name !== name || c.state === 'running' || ++deadSeen <= 1) cs[kept++] = c;
    }
    cs.length = kept;
  }

  private exit(uid: string, inst: ContainerInstance, code: number, reason: string): void {
    if (inst.state !== 'running') return;
    const timers = inst.timers;
    for (let i = 0; i < timers.length; i++) this.sim.cancel(timers[i]);
    inst.timers = [];
    inst.state = 'exited';
    inst.exitCode = code;
    inst.reason = reason;
    inst.finishedAtMs = this.sim.nowMs;
    this.changed(uid);
    const waiters = inst.exitWaiters;
    inst.exitWaiters = [];
    for (let i = 0; i < waiters.length; i++) waiters[i]!();
  }

  /**
   * The process dies from outside (a crash, the OOM killer) delayMs from now with this exit code and
   * containerd's reason, unless it exits first. Always a later event: callers may be mid-start.
   */
  terminate(uid: string, inst: ContainerInstance, code: number, reason: string, delayMs = 0): void {
    if (inst.state !== 'running') return;
    inst.timers.push(this.sim.schedule(delayMs, `containerd: ${inst.name} dies (${reason})`, () => this.exit(uid, inst, code, reason)));
  }

  /**
   * StopContainer(timeout): SIGTERM, then SIGKILL after graceMs. An image that exits on SIGTERM does so
   * after its stop time (if within the grace); done() runs when the instance has exited.
   */
  stopContainer(uid: string, inst: ContainerInstance, graceMs: number, done: () => void): void {
    if (inst.state !== 'running') { done(); return; }
    inst.exitWaiters.push(done);
    if (inst.stopping) return;
    inst.stopping = true;
    const prof = inst.profile;
    // An instance that dies by itself meanwhile completes the stop too (exit() runs the waiters).
    if (prof.sigterm === 'exit' && prof.stopMs <= graceMs) {
      const code = prof.sigtermExitCode;
      inst.timers.push(this.sim.schedule(prof.stopMs, `containerd: ${inst.name} exits on SIGTERM`, () => this.exit(uid, inst, code, exitReason(code))));
    } else {
      inst.timers.push(this.sim.schedule(graceMs, `containerd: SIGKILL ${inst.name}`, () => this.exit(uid, inst, 137, exitReason(137))));
    }
  }

  /** Removes a terminated pod's sandbox and containers (after the kubelet is done with it). */
  removePod(uid: string): void {
    const p = this.pods.get(uid);
    if (!p) return;
    for (let i = 0; i < p.containers.length; i++) {
      const timers = p.containers[i]!.timers;
      for (let j = 0; j < timers.length; j++) this.sim.cancel(timers[j]);
    }
    if (p.sandbox) this.releaseIP(p.sandbox.ip);
    p.seq = undefined;
    this.pods.delete(uid);
    this.changed(uid);
  }

  /** A node crash: every sandbox and container is gone; only the logs' restart counts remain. */
  wipe(): void {
    for (const uid of [...this.pods.keys()]) this.removePod(uid);
    this.usedIPs.clear();
  }

  podUids(): string[] { return [...this.pods.keys()]; }
}
