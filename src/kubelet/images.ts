// A node's images (pkg/kubelet/images/image_manager.go EnsureImageExists, puller.go): the per-node
// image cache, the pull policy, the per-pod pull back-off (10s doubling to 300s) and the serial
// image puller (serializeImagePulls defaults to true: one pull at a time per node, the rest wait).
// Messages are upstream's. Not modelled: credentials, pull timeouts, image garbage collection.
import type { Simulation } from '../sim/simulation';
import { formatDuration } from '../sim/time';
import type { Container, Pod } from '../api/objects';
import type { ImageCatalogue, ImageProfile } from './image_catalogue';
import { familiarImage, qualifiedImage } from './image_catalogue';
import { newImageBackoff, type Backoff } from './backoff';

export interface ImageEvent { type: 'Normal' | 'Warning'; reason: string; message: string }

export interface EnsureResult {
  ok: boolean;
  /** ErrImagePull, ImagePullBackOff, ErrImageNeverPull, InvalidImageName … */
  error?: string;
  message?: string;
}

export interface PresentImage { names: string[]; sizeBytes: number }

interface PullRequest { image: string; profile: ImageProfile; present: boolean; done: (err: string | undefined, pullMs: number) => void }

/** Go's Duration.String() after Truncate(time.Millisecond). */
const goDuration = (ms: number): string => formatDuration(Math.floor(ms));

export class ImageManager {
  private readonly present = new Map<string, PresentImage>();
  private backoff: Backoff = newImageBackoff();
  private readonly queue: PullRequest[] = [];
  private pulling = false;
  /** Wrappers that can fail a pull as it starts: each returns an error text, or undefined to let it go on. */
  readonly pullInterceptors: ((image: string) => string | undefined)[] = [];
  /** Called when the node's image list changes (the node status reports it). */
  onImagesChanged: () => void = () => {};

  constructor(private readonly sim: Simulation, private readonly catalogue: ImageCatalogue) {}

  profile(image: string): ImageProfile { return this.catalogue.lookup(image); }

  hasImage(image: string): boolean { return this.present.has(familiarImage(image)); }

  /** Images a node starts with (pre-pulled). */
  preload(image: string): void { this.markPresent(image, this.profile(image)); }

  /** images() as last sorted; dropped when an image arrives. */
  private sorted: readonly PresentImage[] | undefined;

  /**
   * node.status.images: biggest first, at most 50 (nodeStatusMaxImages). The same list object while
   * no image arrived (the node status check compares it by identity); callers must not change it.
   */
  images(): readonly PresentImage[] {
    return (this.sorted ??= [...this.present.values()].sort((a, b) => b.sizeBytes - a.sizeBytes || (a.names[0]! < b.names[0]! ? -1 : 1)).slice(0, 50));
  }

  private markPresent(image: string, profile: ImageProfile): void {
    const key = familiarImage(image);
    if (this.present.has(key)) return;
    const q = qualifiedImage(image);
    this.present.set(key, { names: [`${q.replace(/:[^:/@]+$/, '')}@sha256:${profile.digest}`, q], sizeBytes: profile.sizeBytes });
    this.sorted = undefined;
    this.onImagesChanged();
  }

  /**
   * EnsureImageExists: records the upstream events through `event` and calls done when the image is
   * there (or failed); pulls wait their turn in the node's serial puller.
   */
  ensureImageExists(pod: Pod, c: Container, event: (e: ImageEvent) => void, done: (r: EnsureResult) => void): void {
    const image = c.image ?? '';
    if (!/^[a-z0-9][a-z0-9._\-/:@]*$/i.test(image)) {
      const message = `Failed to apply default image tag ${JSON.stringify(image)}: couldn't parse image name ${JSON.stringify(image)}: invalid reference format`;
      event({ type: 'Warning', reason: 'InspectFailed', message });
      return done({ ok: false, error: 'InvalidImageName', message });
    }
    const present = this.hasImage(image);
    const policy = c.imagePullPolicy ?? 'IfNotPresent';
    const shouldPull = policy === 'Always' || (policy === 'IfNotPresent' && !present);
    if (!shouldPull) {
      if (present) {
        event({ type: 'Normal', reason: 'Pulled', message: `Container image ${JSON.stringify(image)} already present on machine` });
        return done({ ok: true });
      }
      const message = `Container image ${JSON.stringify(image)} is not present with pull policy of Never`;
      event({ type: 'Warning', reason: 'ErrImageNeverPull', message });
      return done({ ok: false, error: 'ErrImageNeverPull', message });
    }
    const key = `${pod.metadata.uid}_${image}`;
    const now = this.sim.nowMs;
    if (this.backoff.isInBackOffSinceUpdate(key, now)) {
      const message = `Back-off pulling image ${JSON.stringify(image)}`;
      event({ type: 'Normal', reason: 'BackOff', message });
      return done({ ok: false, error: 'ImagePullBackOff', message });
    }
    event({ type: 'Normal', reason: 'Pulling', message: `Pulling image ${JSON.stringify(image)}` });
    const startMs = now;
    const profile = this.profile(image);
    this.enqueue({ image, profile, present, done: (err, pullMs) => {
      if (err !== undefined) {
        event({ type: 'Warning', reason: 'Failed', message: `Failed to pull image ${JSON.stringify(image)}: ${err}` });
        this.backoff.next(key, this.sim.nowMs, this.sim.nowMs);
        return done({ ok: false, error: 'ErrImagePull', message: err });
      }
      const total = this.sim.nowMs - startMs;
      event({ type: 'Normal', reason: 'Pulled', message: `Successfully pulled image ${JSON.stringify(image)} in ${goDuration(pullMs)} (${goDuration(total)} including waiting). Image size: ${profile.sizeBytes} bytes.` });
      this.backoff.gc(this.sim.nowMs);
      done({ ok: true });
    } });
  }

  private enqueue(req: PullRequest): void {
    this.queue.push(req);
    if (!this.pulling) this.pullNext();
  }

  /** serialImagePuller: one pull at a time; an image already present is only re-resolved (repull time). */
  private pullNext(): void {
    const req = this.queue.shift();
    if (!req) { this.pulling = false; return; }
    this.pulling = true;
    const p = req.profile;
    const present = this.hasImage(req.image);
    let error = p.pullError;
    for (const intercept of this.pullInterceptors) error = intercept(req.image) ?? error;
    const pullMs = error !== undefined ? p.pullMs : present ? p.repullMs : p.pullMs;
    this.sim.schedule(pullMs, `image puller: ${req.image}`, () => {
      if (error === undefined) this.markPresent(req.image, p);
      req.done(error, pullMs);
      this.pullNext();
    });
  }

  /** A kubelet restart loses the back-off memory and the queued pull requests (images on disk stay). */
  resetBackoff(): void {
    this.backoff = newImageBackoff();
    this.queue.length = 0;
  }
}
