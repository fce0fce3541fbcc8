// A rate-limited work queue with client-go's semantics: a key waits in the queue at most once, is
// never handed out while it is being processed (an add during processing re-queues it at Done),
// AddAfter keeps the earliest pending time per key, and AddRateLimited waits
// max(5 ms × 2^failures capped at 1000 s, a 10 qps / burst 100 token bucket).
import type { Simulation } from '../sim/simulation';
import type { ScheduledEvent } from '../sim/event_queue';

const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 1_000_000;
const BUCKET_QPS = 10;
const BUCKET_BURST = 100;

export class WorkQueue {
  private readonly queue: string[] = [];
  private head = 0;
  private readonly dirty = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly waiting = new Map<string, { atMs: number; ev: ScheduledEvent }>();
  private readonly failures = new Map<string, number>();
  private tokens = BUCKET_BURST;
  private tokensAtMs = 0;
  private shutDown = false;
  /** Called whenever a key becomes available, so the runner can schedule a worker. */
  onReady: () => void = () => {};

  constructor(private readonly sim: Simulation, readonly name: string) {
    this.tokensAtMs = sim.nowMs;
  }

  get length(): number { return this.queue.length - this.head; }

  add(key: string): void {
    if (this.shutDown || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return;
    this.queue.push(key);
    this.onReady();
  }

  addAfter(key: string, delayMs: number): void {
    if (this.shutDown) return;
    if (delayMs <= 0) return this.add(key);
    const atMs = this.sim.nowMs + delayMs;
    const existing = this.waiting.get(key);
    if (existing && existing.atMs <= atMs) return;
    if (existing) this.sim.cancel(existing.ev);
    const ev = this.sim.scheduleAt(atMs, `${this.name}: requeue ${key}`, () => {
      this.waiting.delete(key);
      this.add(key);
    });
    this.waiting.set(key, { atMs, ev });
  }

  addRateLimited(key: string): void {
    this.addAfter(key, this.when(key));
  }

  forget(key: string): void {
    this.failures.delete(key);
  }

  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  /** Takes the next key; the caller must call done(key) when finished. */
  get(): string | undefined {
    if (this.head >= this.queue.length) return undefined;
    const key = this.queue[this.head++]!;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    this.processing.add(key);
    this.dirty.delete(key);
    return key;
  }

  done(key: string): void {
    this.processing.delete(key);
    if (this.dirty.has(key)) {
      this.queue.push(key);
      this.onReady();
    }
  }

  shutdown(): void {
    this.shutDown = true;
    for (const { ev } of this.waiting.values()) this.sim.cancel(ev);
    this.waiting.clear();
  }

  /** DefaultControllerRateLimiter().When(key). */
  private when(key: string): number {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    const exp = Math.min(BASE_DELAY_MS * 2 ** n, MAX_DELAY_MS);
    const now = this.sim.nowMs;
    this.tokens = Math.min(BUCKET_BURST, this.tokens + ((now - this.tokensAtMs) * BUCKET_QPS) / 1000);
    this.tokensAtMs = now;
    this.tokens -= 1;
    const bucket = this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / BUCKET_QPS);
    return Math.max(exp, bucket);
  }
}
