// kubectl drain's eviction loop (kubectl pkg/drain/drain.go evictPods / deletePods / waitForDelete)
// in virtual time: every pod's eviction starts at once ("evicting pod ns/name" for each, then the
// requests); a 429 from a disruption budget is retried every 5 s; an evicted pod is polled every
// second until it is gone ("pod/<name> evicted"). --timeout bounds the whole drain.
import type { Stored } from '../../api/objects';
import { isApiError } from '../../api/errors';
import { formatDuration } from '../../sim/time';
import type { Invocation } from '../types';
import { evictPod } from './eviction';
import { AggregateError } from '../errors';
import { FOREVER_LIMIT_MS, foreverLimitMessage } from '../waiting';

export interface EvictOptions {
  /** --grace-period (-1: the pod's own). */
  graceSeconds: number;
  /** --timeout in ms (0: no limit). */
  timeoutMs: number;
  disableEviction: boolean;
}

const RETRY_MS = 5_000;
const POLL_MS = 1_000;
/** time.Duration(math.MaxInt64), what kubectl prints for an unlimited global timeout. */
const MAX_DURATION_TEXT = '2562047h47m16.854775807s';

/** Evicts (or deletes) the pods and waits for them; returns kubectl's error, if any. */
export function deleteOrEvictPods(inv: Invocation, pods: Stored[], options: EvictOptions): Error | undefined {
  if (pods.length === 0) return undefined;
  const { cluster } = inv.ctx;
  const sim = cluster.sim;
  const api = cluster.api;
  const deadlineMs = options.timeoutMs > 0 ? sim.nowMs + options.timeoutMs : Infinity;
  const timeoutText = options.timeoutMs > 0 ? formatDuration(options.timeoutMs) : MAX_DURATION_TEXT;
  const deleteOptions = options.graceSeconds >= 0 ? { gracePeriodSeconds: options.graceSeconds } : {};
  const errors: Error[] = [];
  let pending = pods.length;
  const finish = (error?: Error): void => { pending--; if (error) errors.push(error); };
  const id = (p: Stored): string => `pods/${JSON.stringify(p.metadata.name)} -n ${JSON.stringify(p.metadata.namespace)}`;
  const gone = (p: Stored): boolean => cluster.store.get('Pod', p.metadata.namespace!, p.metadata.name)?.metadata.uid !== p.metadata.uid;

  const poll = (p: Stored, verb: string, onTimeout: () => Error): void => {
    if (gone(p)) { inv.out(`pod/${p.metadata.name} ${verb}\n`); finish(); return; }
    if (sim.nowMs >= deadlineMs) { finish(onTimeout()); return; }
    sim.schedule(POLL_MS, 'kubectl/drain-wait', () => poll(p, verb, onTimeout));
  };
  const evict = (p: Stored): void => {
    if (sim.nowMs >= deadlineMs) { finish(new Error(`error when evicting ${id(p)}: global timeout reached: ${timeoutText}`)); return; }
    try {
      evictPod(api, p.metadata.namespace!, p.metadata.name, deleteOptions);
    } catch (e) {
      if (!isApiError(e)) throw e;
      if (e.reason === 'NotFound') { finish(); return; }
      if (e.reason === 'TooManyRequests') {
        inv.err(`error when evicting ${id(p)} (will retry after 5s): ${e.message}\n`);
        sim.schedule(RETRY_MS, 'kubectl/drain-evict', () => attempt(p));
        return;
      }
      finish(new Error(`error when evicting ${id(p)}: ${e.message}`));
      return;
    }
    poll(p, 'evicted', () => new Error(`error when waiting for pod ${JSON.stringify(p.metadata.name)} in namespace ${JSON.stringify(p.metadata.namespace)} to terminate: global timeout reached: ${timeoutText}`));
  };
  // Each pod's goroutine prints first; the requests follow, so the lines come out together.
  const attempt = (p: Stored): void => {
    inv.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name}\n`);
    sim.schedule(0, 'kubectl/drain-evict', () => evict(p));
  };

  if (options.disableEviction) {
    for (const p of pods) {
      try {
        api.delete('Pod', p.metadata.namespace!, p.metadata.name, deleteOptions, { actor: 'kubectl' });
      } catch (e) {
        if (!isApiError(e)) throw e;
        if (e.reason !== 'NotFound') return e;
      }
    }
    for (const p of pods) poll(p, 'deleted', () => new Error(`global timeout reached: ${timeoutText}`));
  } else {
    // One goroutine per pod: kubectl's order varies from run to run (v1.32.5 printed two pods
    // both ways); kukumber keeps the list order, namespace then name.
    for (const p of pods) sim.schedule(0, 'kubectl/drain-evict', () => attempt(p));
  }
  const limitMs = Number.isFinite(deadlineMs) ? deadlineMs + RETRY_MS : sim.nowMs + FOREVER_LIMIT_MS;
  if (!sim.runUntil(() => pending === 0, limitMs)) return new Error(foreverLimitMessage('the pods to be evicted'));
  return errors.length === 0 ? undefined : new AggregateError(errors);
}
