// client-go's flowcontrol.Backoff as the kubelet uses it (staging/src/k8s.io/client-go/util/flowcontrol/backoff.go):
// per-key exponential back-off without jitter, doubling from an initial delay to a cap, with an expiry
// rule that resets a key. Pure: every call takes the instant it acts at.

export type HasExpired = (eventMs: number, lastUpdateMs: number, maxMs: number) => boolean;

/** client-go's default: an entry expires when the event is more than 2 × max after the last update. */
export const defaultHasExpired: HasExpired = (eventMs, lastUpdateMs, maxMs) => eventMs - lastUpdateMs > 2 * maxMs;

interface Entry { backoffMs: number; lastUpdateMs: number }

export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly initialMs: number, readonly maxMs: number, private readonly hasExpired: HasExpired = defaultHasExpired) {}

  /** The current back-off of a key (0 when it has none). */
  get(id: string): number {
    return this.entries.get(id)?.backoffMs ?? 0;
  }

  /** Next(id, eventTime): start at the initial delay (new or expired key) or double up to the cap; lastUpdate = now. */
  next(id: string, eventMs: number, nowMs: number): void {
    const e = this.entries.get(id);
    if (!e || this.hasExpired(eventMs, e.lastUpdateMs, this.maxMs)) {
      this.entries.set(id, { backoffMs: this.initialMs, lastUpdateMs: nowMs });
      return;
    }
    e.backoffMs = Math.min(e.backoffMs * 2, this.maxMs);
    e.lastUpdateMs = nowMs;
  }

  /** IsInBackOffSince(id, eventTime): now - eventTime < backoff, unless the key is missing or expired. */
  isInBackOffSince(id: string, eventMs: number, nowMs: number): boolean {
    const e = this.entries.get(id);
    if (!e || this.hasExpired(eventMs, e.lastUpdateMs, this.maxMs)) return false;
    return nowMs - eventMs < e.backoffMs;
  }

  /** IsInBackOffSinceUpdate(id, eventTime): eventTime - lastUpdate < backoff, unless missing or expired. */
  isInBackOffSinceUpdate(id: string, eventMs: number): boolean {
    const e = this.entries.get(id);
    if (!e || this.hasExpired(eventMs, e.lastUpdateMs, this.maxMs)) return false;
    return eventMs - e.lastUpdateMs < e.backoffMs;
  }

  /** GC(): drops keys not updated for 2 × max. */
  gc(nowMs: number): void {
    for (const [id, e] of this.entries) if (nowMs - e.lastUpdateMs > 2 * this.maxMs) this.entries.delete(id);
  }

  reset(id: string): void {
    this.entries.delete(id);
  }
}

/** Kubelet constants (pkg/kubelet/kubelet.go): containerBackOffPeriod 10s, MaxContainerBackOff 300s. */
export const CONTAINER_BACKOFF_INITIAL_MS = 10_000;
export const CONTAINER_BACKOFF_MAX_MS = 300_000;
/** imageBackOffPeriod 10s, MaxImageBackOff 300s (pkg/kubelet/kubelet.go). */
export const IMAGE_BACKOFF_INITIAL_MS = 10_000;
export const IMAGE_BACKOFF_MAX_MS = 300_000;

/**
 * The kubelet's crash-loop back-off: a key resets once a container ran more than 10 minutes after its
 * last restart (NewMainKubelet installs HasExpiredFunc: eventTime - lastUpdate > 600s).
 */
export function newContainerBackoff(): Backoff {
  return new Backoff(CONTAINER_BACKOFF_INITIAL_MS, CONTAINER_BACKOFF_MAX_MS, (eventMs, lastUpdateMs) => eventMs - lastUpdateMs > 600_000);
}

export function newImageBackoff(): Backoff {
  return new Backoff(IMAGE_BACKOFF_INITIAL_MS, IMAGE_BACKOFF_MAX_MS);
}

/** wait.Jitter(d, factor): d + rand * factor * d, rand drawn from a stream (the kubelet's, held itself rather than through a closure). */
export function jitter(durationMs: number, factor: number, random: { float(): number }): number {
  return durationMs + Math.floor(random.float() * factor * durationMs);
}
