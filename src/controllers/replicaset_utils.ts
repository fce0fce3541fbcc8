// ReplicaSet status (pkg/controller/replicaset/replica_set_utils.go): calculateStatus counts the
// claimed active pods (fully labeled, ready, available at the controller's now) and keeps the
// ReplicaFailure condition; updateReplicaSetStatus writes only when something changed.
import type { Condition, Stored } from '../api/objects';
import type { Client } from '../api/client';
import { isApiError } from '../api/errors';
import { deepEqual } from '../api/freeze';
import * as podUtilModule from '../api/pod_util';
import * as selectorsModule from '../api/selectors';
import type { Selector } from '../api/selectors';
import { toRfc3339 } from '../sim/time';

// Imported functions on hot paths are read once, here: tsx runs this code as CommonJS, where every
// call of an imported name first reads it through two export getters.
const { getPodReadyCondition, isReadyConditionAvailable } = podUtilModule;
const { matches, selectorFromSet } = selectorsModule;

export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: Condition[];
}

/** Go's omitempty on the int32 counters: zero values are not serialised (replicas always is). */
function clean(s: ReplicaSetStatus): ReplicaSetStatus {
  const out: ReplicaSetStatus = { replicas: s.replicas };
  if (s.fullyLabeledReplicas) out.fullyLabeledReplicas = s.fullyLabeledReplicas;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.availableReplicas) out.availableReplicas = s.availableReplicas;
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.conditions && s.conditions.length) out.conditions = s.conditions;
  return out;
}

/**
 * calculateStatus's counts over the filtered (claimed) pods, added one by one. Each of them matches
 * `selector` (the claim keeps only those), so when every template label is one of the selector's
 * exact-value requirements each has them all and is not matched again.
 */
export class ReplicaCounts {
  fullyLabeled = 0;
  ready = 0;
  available = 0;
  private readonly template: Selector;
  private readonly allFullyLabeled: boolean;

  constructor(selector: Selector, templateLabels: Record<string, string> | undefined, private readonly minReadySeconds: number,
    private readonly nowMs: number) {
    this.template = selectorFromSet(templateLabels);
    this.allFullyLabeled = requiresLabels(selector, templateLabels);
  }

  add(pod: Stored): void {
    if (this.allFullyLabeled || matches(this.template, pod.metadata.labels)) this.fullyLabeled++;
    // isPodReady, then isPodAvailable on the same Ready condition (looked up once).
    const readyCondition = getPodReadyCondition(pod);
    if (readyCondition?.status === 'True') {
      this.ready++;
      if (isReadyConditionAvailable(readyCondition, this.minReadySeconds, this.nowMs)) this.available++;
    }
  }
}

/** calculateStatus, from the counts of the `replicas` filtered pods. */
export function calculateStatus(rs: Stored, counts: ReplicaCounts, replicas: number, manageReplicasErr: unknown, nowMs: number): ReplicaSetStatus {
  const prev: ReplicaSetStatus = rs.status ?? { replicas: 0 };
  const { fullyLabeled, ready, available } = counts;
  let conditions = [...(prev.conditions ?? [])];
  const failure = conditions.find(c => c.type === 'ReplicaFailure');
  if (manageReplicasErr !== undefined && !failure) {
    const diff = replicas - (rs.spec?.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    const message = manageReplicasErr instanceof Error ? manageReplicasErr.message : String(manageReplicasErr);
    conditions.push({ type: 'ReplicaFailure', status: 'True', lastTransitionTime: toRfc3339(nowMs), reason, message });
  } else if (manageReplicasErr === undefined && failure) {
    conditions = conditions.filter(c => c.type !== 'ReplicaFailure');
  }
  return { ...prev, replicas, fullyLabeledReplicas: fullyLabeled, readyReplicas: ready, availableReplicas: available, conditions };
}

/** Whether the selector requires each of the labels with its value (= or a one-value in), so whatever it matches has them. */
function requiresLabels(selector: Selector, labels: Record<string, string> | undefined | null): boolean {
  if (labels === undefined || labels === null) return true;
  const reqs = selector.requirements;
  for (const key of Object.keys(labels)) {
    const v = labels[key];
    let required = false;
    for (let i = 0; i < reqs.length && !required; i++) {
      const r = reqs[i]!;
      required = r.key === key && (r.operator === '=' || r.operator === '==' || r.operator === 'in') && r.values.length === 1 && r.values[0] === v;
    }
    if (!required) return false;
  }
  return true;
}

/** updateReplicaSetStatus: skip when nothing changed; otherwise UpdateStatus, with one GET-and-retry on failure. */
export function updateReplicaSetStatus(client: Client, rs: Stored, next: ReplicaSetStatus): Stored {
  const cur: ReplicaSetStatus = rs.status ?? { replicas: 0 };
  const generation = rs.metadata.generation ?? 0;
  if ((cur.replicas ?? 0) === next.replicas && (cur.fullyLabeledReplicas ?? 0) === (next.fullyLabeledReplicas ?? 0) &&
    (cur.readyReplicas ?? 0) === (next.readyReplicas ?? 0) && (cur.availableReplicas ?? 0) === (next.availableReplicas ?? 0) &&
    generation === (cur.observedGeneration ?? 0) && deepEqual(cur.conditions ?? [], next.conditions ?? [])) {
    return rs;
  }
  const status = clean({ ...next, observedGeneration: generation });
  let target = rs;
  for (let attempt = 0; ; attempt++) {
    try {
      return client.updateStatus({ ...target, status });
    } catch (e) {
      if (!isApiError(e) || attempt >= 1) throw e;
      target = client.get(rs.kind, rs.metadata.namespace ?? '', rs.metadata.name);
    }
  }
}
