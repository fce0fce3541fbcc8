// The runner: the only code that takes keys off a controller's queue. It calls reconcile(key) and
// maps the outcome to queue operations in one place — done: Forget; requeue-after: Forget then
// AddAfter; error: AddRateLimited (or drop after maxRetries) — as controller-runtime's
// reconcileHandler does. Each reconcile is one scheduled event, processed at the instant it runs.
import type { Simulation } from '../sim/simulation';
import { WorkQueue } from './workqueue';

export interface ReconcileResult {
  /** Reconcile again after this long (a level-based timer, e.g. minReadySeconds). */
  requeueAfterMs?: number;
  /** Reconcile again after the queue's rate-limited delay (AddRateLimited during a successful sync, e.g. a Deployment near its progress deadline). */
  requeueRateLimited?: boolean;
}

export interface Reconciler {
  reconcile(key: string): ReconcileResult | void;
}

export interface RunnerOptions {
  /** "replicaset-controller", also the queue's name. */
  name: string;
  /** Failed syncs before a key is dropped (Deployment: 15); undefined retries forever. */
  maxRetries?: number;
  /** How long the controller's client must wait for its rate limiter before the next sync. */
  throttleMs?: () => number;
}

export interface ReconcileError { atMs: number; controller: string; key: string; error: unknown }

export class Runner {
  readonly queue: WorkQueue;
  private scheduled = false;
  private stopped = false;
  /** Errors reconciles returned, for diagnostics (the harness fails scenarios on unexpected ones). */
  readonly errors: ReconcileError[] = [];
  private reconciler: Reconciler | undefined;
  private readonly label: string;

  constructor(private readonly sim: Simulation, private readonly options: RunnerOptions) {
    this.queue = new WorkQueue(sim, options.name);
    this.queue.onReady = () => this.wake();
    this.label = `${options.name}: sync`;
  }

  /** Attaches the reconciler (built after the runner, since its handlers need the queue). */
  bind(reconciler: Reconciler): void {
    this.reconciler = reconciler;
  }

  stop(): void {
    this.stopped = true;
    this.queue.shutdown();
  }

  private wake(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    this.sim.schedule(this.options.throttleMs?.() ?? 0, this.label, () => {
      this.scheduled = false;
      const wait = this.options.throttleMs?.() ?? 0;
      if (wait > 0) return this.wake();
      this.processNext();
    });
  }

  /** One key per event, so a sync's writes are delivered before the next sync reads its caches. */
  private processNext(): void {
    if (this.stopped || !this.reconciler) return;
    const key = this.queue.get();
    if (key === undefined) return;
    try {
      const result = this.reconciler.reconcile(key);
      // Upstream adds rate-limited inside the sync, then handleErr(nil) forgets: the delay uses the failures so far.
      if (result?.requeueRateLimited) this.queue.addRateLimited(key);
      this.queue.forget(key);
      if (result?.requeueAfterMs !== undefined) this.queue.addAfter(key, result.requeueAfterMs);
    } catch (error) {
      if (!isRetriable(error)) throw error;
      this.errors.push({ atMs: this.sim.nowMs, controller: this.options.name, key, error });
      const max = this.options.maxRetries;
      if (max !== undefined && this.queue.numRequeues(key) >= max) this.queue.forget(key);
      else this.queue.addRateLimited(key);
    } finally {
      this.queue.done(key);
    }
    if (this.queue.length > 0) this.wake();
  }
}

/** API errors are the controller's business to retry; anything else is a bug and stops the run. */
function isRetriable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && ((error as { name?: string }).name === 'ApiError' || (error as { retriable?: boolean }).retriable === true);
}
