// Test support for controller tests: a stand-in for scheduler + kubelet that binds new pods and
// makes them Running and Ready after fixed delays, so controller behaviour can be tested on its
// own. Scenario tests use the real kubelet; this only feeds controllers the status they read.
import type { Cluster } from '../cluster/cluster';
import { toRfc3339 } from '../sim/time';
import { isApiError } from '../api/errors';

export interface FakeKubeletOptions { bindAfterMs?: number; readyAfterMs?: number; node?: string; ready?: boolean }

export function startFakeKubelet(c: Cluster, o: FakeKubeletOptions = {}): void {
  const client = c.client('fake-kubelet');
  const bindAfter = o.bindAfterMs ?? 0;
  const readyAfter = o.readyAfterMs ?? 1000;
  const guard = (fn: () => void): void => {
    try { fn(); } catch (e) { if (!isApiError(e, 'NotFound')) throw e; }
  };
  c.api.watch('Pod', { watcher: 'fake-kubelet' }, ev => {
    const pod = ev.object;
    const { namespace = 'default', name } = pod.metadata;
    if (ev.type === 'ADDED' && !pod.spec.nodeName) {
      c.sim.schedule(bindAfter, 'fake: bind', () => guard(() => client.bind(namespace, name, o.node ?? 'node01')));
      c.sim.schedule(bindAfter + readyAfter, 'fake: ready', () => guard(() => client.mutateStatus('Pod', namespace, name, d => {
        const t = toRfc3339(c.sim.nowMs);
        const ready = o.ready ?? true ? 'True' : 'False';
        d.status = { ...d.status, phase: 'Running', conditions: [{ type: 'Ready', status: ready, lastTransitionTime: t, lastProbeTime: null }] };
      })));
    }
    if (ev.type === 'MODIFIED' && pod.metadata.deletionTimestamp) {
      c.sim.schedule(0, 'fake: terminate', () => guard(() => client.delete('Pod', namespace, name, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } })));
    }
  });
}
