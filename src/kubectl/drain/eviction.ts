// The pods/eviction subresource as the v1.32 API server runs it (pkg/registry/core/pod/storage/
// eviction.go): terminal, pending or already-deleting pods are deleted without a budget check;
// otherwise the one PodDisruptionBudget selecting the pod must allow a disruption, which is
// spent (status.disruptionsAllowed - 1, disruptedPods[pod] = now) before the pod gets the
// DisruptionTarget condition and is deleted. A spent budget is a 429 the client retries.
// Kept with kubectl until the API server serves subresources; it only uses the ApiServer's API.
import { ApiError } from '../../api/errors';
import type { Condition, KubeObject, Stored } from '../../api/objects';
import type { ApiServer } from '../../api/apiserver';
import type { DeleteOptions } from '../../api/deletion';
import { labelSelectorAsSelector, matches } from '../../api/selectors';
import { toRfc3339 } from '../../sim/time';

const ACTOR = 'kube-apiserver';

function tooManyRequests(cause: string): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 429, reason: 'TooManyRequests',
    message: "Cannot evict pod as it would violate the pod's disruption budget.",
    details: { causes: [{ reason: 'DisruptionBudget', message: cause, field: '' }] } });
}

function forbiddenPdb(name: string, why: string): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 403, reason: 'Forbidden',
    message: `poddisruptionbudgets.policy "${name}" is forbidden: ${why}`, details: { name, group: 'policy', kind: 'poddisruptionbudgets' } });
}

const isReady = (pod: Stored): boolean => (pod.status?.conditions ?? []).some((c: Condition) => c.type === 'Ready' && c.status === 'True');

/** canIgnorePDB: the pod's disruption already happened (terminal), never started (Pending), or is under way. */
function canIgnorePDB(pod: Stored): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || pod.metadata.deletionTimestamp !== undefined;
}

/** getPodDisruptionBudgets: PDBs in the pod's namespace whose (non-empty) selector matches it. */
function budgetsFor(api: ApiServer, pod: Stored): Stored[] {
  return api.list('PodDisruptionBudget', { namespace: pod.metadata.namespace }, { actor: ACTOR }).items.filter(pdb => {
    const sel = pdb.spec?.selector;
    if (!sel || (!sel.matchLabels && !sel.matchExpressions) ||
      (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0)) return false;
    try {
      return matches(labelSelectorAsSelector(sel), pod.metadata.labels);
    } catch {
      return false; // an invalid selector matches nothing
    }
  });
}

/** checkAndDecrement: spend one allowed disruption or refuse with 429. */
function checkAndDecrement(api: ApiServer, pdb: Stored, podName: string): void {
  const s = pdb.status ?? {};
  if ((s.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) throw tooManyRequests(`The disruption budget ${pdb.metadata.name} is still being processed by the server.`);
  const allowed = s.disruptionsAllowed ?? 0;
  if (allowed < 0) throw forbiddenPdb(pdb.metadata.name, 'pdb disruptions allowed is negative');
  if (Object.keys(s.disruptedPods ?? {}).length > 2000) throw forbiddenPdb(pdb.metadata.name, 'DisruptedPods map too big - too many evictions not confirmed by PDB controller');
  if (allowed === 0) {
    throw tooManyRequests(`The disruption budget ${pdb.metadata.name} needs ${s.desiredHealthy ?? 0} healthy pods and has ${s.currentHealthy ?? 0} currently`);
  }
  const now = toRfc3339(api.sim.nowMs);
  api.mutate('PodDisruptionBudget', pdb.metadata.namespace!, pdb.metadata.name, (d: KubeObject) => {
    d.status.disruptionsAllowed = allowed - 1;
    d.status.disruptedPods = { ...(d.status.disruptedPods ?? {}), [podName]: now };
    if (allowed - 1 === 0) setDisruptionAllowed(d.status, now);
  }, { actor: ACTOR }, 'status');
}

/** UpdateDisruptionAllowedCondition once no disruption is left (apimeta.SetStatusCondition). */
function setDisruptionAllowed(status: { conditions?: Condition[]; observedGeneration?: number }, now: string): void {
  const conditions = status.conditions ?? [];
  const existing = conditions.find(c => c.type === 'DisruptionAllowed');
  const next = { type: 'DisruptionAllowed', status: 'False' as const, reason: 'InsufficientPods', message: '', observedGeneration: status.observedGeneration };
  if (!existing) conditions.push({ ...next, lastTransitionTime: now });
  else Object.assign(existing, next, existing.status === 'False' ? {} : { lastTransitionTime: now });
  status.conditions = conditions;
}

/** addConditionAndDeletePod: DisruptionTarget=True (EvictionByEvictionAPI), then the DELETE. */
function addConditionAndDeletePod(api: ApiServer, pod: Stored, options: DeleteOptions): void {
  const now = toRfc3339(api.sim.nowMs);
  api.mutate('Pod', pod.metadata.namespace!, pod.metadata.name, (d: KubeObject) => {
    const conditions: Condition[] = d.status.conditions ?? [];
    const c = conditions.find(x => x.type === 'DisruptionTarget');
    const want = { type: 'DisruptionTarget', status: 'True' as const, reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' };
    if (!c) conditions.push({ ...want, lastTransitionTime: now });
    else Object.assign(c, want, c.status === 'True' ? {} : { lastTransitionTime: now });
    d.status.conditions = conditions;
  }, { actor: ACTOR }, 'status');
  api.delete('Pod', pod.metadata.namespace!, pod.metadata.name, options, { actor: ACTOR });
}

/** POST pods/<name>/eviction (policy/v1). Throws the API error the client would receive. */
export function evictPod(api: ApiServer, namespace: string, name: string, options: DeleteOptions = {}): void {
  const pod = api.get('Pod', namespace, name, { actor: ACTOR });
  if (canIgnorePDB(pod)) return addConditionAndDeletePod(api, pod, options);
  const pdbs = budgetsFor(api, pod);
  if (pdbs.length > 1) {
    throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 500, reason: '',
      message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.' });
  }
  const pdb = pdbs[0];
  if (pdb) {
    const s = pdb.status ?? {};
    const unhealthyOk = !isReady(pod) && (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow' ||
      ((s.currentHealthy ?? 0) >= (s.desiredHealthy ?? 0) && (s.desiredHealthy ?? 0) > 0));
    if (!unhealthyOk) checkAndDecrement(api, pdb, name);
  }
  addConditionAndDeletePod(api, api.get('Pod', namespace, name, { actor: ACTOR }), options);
}
