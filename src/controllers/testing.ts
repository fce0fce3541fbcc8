// Test support for controller tests: a stand-in for scheduler + kubelet that binds new pods and
// makes them Running and Ready after fixed delays, so controller behaviour can be tested on its
// own. Scenario tests use the real kubelet; this only feeds controllers the status they read.
import type { Cluster } from '../cluster/cluster';
import type { Stored } from '../api/objects';
import { toRfc3339 } from '../sim/time';
import { isApiError } from '../api/errors';

export interface FakeKubeletOptions {
  bindAfterMs?: number;
  readyAfterMs?: number;
  node?: string;
  /** Spread pods round-robin over node01…nodeNN instead of one node. */
  nodes?: number;
  /** Whether a pod's Ready condition becomes True (per pod, e.g. by image). */
  ready?: boolean | ((pod: Stored) => boolean);
}

export function startFakeKubelet(c: Cluster, o: FakeKubeletOptions = {}): void {
  const client = c.client('fake-kubelet');
  const bindAfter = o.bindAfterMs ?? 0;
  const readyAfter = o.readyAfterMs ?? 1000;
  let next = 0;
  const nodeFor = (): string => (o.nodes ? `node${String((next++ % o.nodes) + 1).padStart(2, '0')}` : o.node ?? 'node01');
  const guard = (fn: () => void): void => {
    try { fn(); } catch (e) { if (!isApiError(e, 'NotFound')) throw e; }
  };
  c.api.watch('Pod', { watcher: 'fake-kubelet' }, ev => {
    const pod = ev.object;
    const { namespace = 'default', name } = pod.metadata;
    if (ev.type === 'ADDED' && !pod.spec.nodeName) {
      const node = nodeFor();
      c.sim.schedule(bindAfter, 'fake: bind', () => guard(() => client.bind(namespace, name, node)));
      c.sim.schedule(bindAfter + readyAfter, 'fake: ready', () => guard(() => client.mutateStatus('Pod', namespace, name, d => {
        const t = toRfc3339(c.sim.nowMs);
        const ready = (typeof o.ready === 'function' ? o.ready(pod) : o.ready ?? true) ? 'True' : 'False';
        d.status = { ...d.status, phase: 'Running', conditions: [{ type: 'Ready', status: ready, lastTransitionTime: t, lastProbeTime: null }] };
      })));
    }
    if (ev.type === 'MODIFIED' && pod.metadata.deletionTimestamp) {
      c.sim.schedule(0, 'fake: terminate', () => guard(() => client.delete('Pod', namespace, name, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } })));
    }
  });
}
