// What components use to talk to the API server: the same calls as a client-go clientset, bound to
// one actor name so every write in the history says who made it.
import type { KubeObject, Stored } from './objects';
import type { ApiServer, ListOptions, RequestContext } from './apiserver';
import type { DeleteOptions, DeleteResult } from './deletion';

/**
 * client-go's client-side rate limit (flowcontrol token bucket): qps tokens a second up to burst.
 * The simulation cannot pause a component mid-sync, so requests take their token at once (the
 * bucket may go negative) and the component's next unit of work waits until a token is back —
 * the same sustained rate, with a sync's requests landing together.
 */
export class ClientRateLimiter {
  private tokens: number;
  private atMs: number;

  constructor(private readonly now: () => number, readonly qps: number, readonly burst: number) {
    this.tokens = burst;
    this.atMs = now();
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.atMs) * this.qps) / 1000);
    this.atMs = now;
  }

  take(): void {
    this.refill();
    this.tokens -= 1;
  }

  /** How long until a request could be sent without waiting (0 = now). */
  delayMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.qps);
  }
}

export class Client {
  /** The request contexts this client sends, built once (frozen: shared by every request). */
  private readonly plain: RequestContext;
  private readonly owned: RequestContext;

  constructor(readonly api: ApiServer, readonly actor: string, readonly limiter?: ClientRateLimiter) {
    this.plain = Object.freeze({ actor });
    this.owned = Object.freeze({ actor, owned: true });
  }

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string, name: string): Stored<T> {
    this.limiter?.take();
    return this.api.get(kind, namespace, name, this.plain) as Stored<T>;
  }

  /** get, with NotFound as undefined. */
  find<T extends KubeObject = KubeObject>(kind: string, namespace: string, name: string): Stored<T> | undefined {
    this.limiter?.take();
    return this.api.find(kind, namespace, name, this.plain) as Stored<T> | undefined;
  }

  list<T extends KubeObject = KubeObject>(kind: string, options: ListOptions = {}): Stored<T>[] {
    this.limiter?.take();
    return this.api.list(kind, options, this.plain).items as Stored<T>[];
  }

  create<T extends KubeObject>(obj: T): Stored<T> {
    this.limiter?.take();
    return this.api.create(obj, this.plain);
  }

  /** create, for an object built fresh for this request and never touched again (no defensive copy). */
  createOwned<T extends KubeObject>(obj: T): Stored<T> {
    this.limiter?.take();
    return this.api.create(obj, this.owned);
  }

  update<T extends KubeObject>(obj: T): Stored<T> {
    this.limiter?.take();
    return this.api.update(obj, this.plain);
  }

  /**
   * update, handing the object over: built for this request (its top level and metadata fresh; other
   * parts may be frozen parts of stored versions) and never mutated again, so it is not copied.
   */
  updateOwned<T extends KubeObject>(obj: T): Stored<T> {
    this.limiter?.take();
    return this.api.update(obj, this.owned);
  }

  updateStatus<T extends KubeObject>(obj: T): Stored<T> {
    this.limiter?.take();
    return this.api.updateStatus(obj, this.plain);
  }

  /**
   * updateStatus, handing the status over: built for this request and never mutated again (it may be
   * frozen and kept). An unfrozen top level and metadata are taken as built for this request too: the
   * server may write into them instead of copying them.
   */
  updateStatusOwned<T extends KubeObject>(obj: T): Stored<T> {
    this.limiter?.take();
    return this.api.updateStatus(obj, this.owned);
  }

  /** Read, edit a draft, write back with the version read as precondition; no write when nothing changed. */
  mutate<T extends KubeObject>(kind: string, namespace: string, name: string, recipe: (draft: T) => void): Stored<T> {
    this.limiter?.take();
    return this.api.mutate(kind, namespace, name, recipe, this.plain);
  }

  mutateStatus<T extends KubeObject>(kind: string, namespace: string, name: string, recipe: (draft: T) => void): Stored<T> {
    this.limiter?.take();
    return this.api.mutate(kind, namespace, name, recipe, this.plain, 'status');
  }

  /** The pods/binding subresource: assigns a pod to a node. */
  bind(namespace: string, name: string, nodeName: string): Stored {
    this.limiter?.take();
    return this.api.bind(namespace, name, nodeName, this.plain);
  }

  /** The namespaces/finalize subresource (the namespace controller's last write). */
  finalizeNamespace(name: string, finalizers: readonly string[]): Stored {
    this.limiter?.take();
    return this.api.finalizeNamespace(name, finalizers, this.plain);
  }

  delete(kind: string, namespace: string, name: string, options: DeleteOptions = {}): DeleteResult {
    this.limiter?.take();
    return this.api.delete(kind, namespace, name, options, this.plain);
  }
}
