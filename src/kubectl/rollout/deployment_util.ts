// The Deployment helpers kubectl's rollout commands use (kubectl pkg/util/deployment/deployment.go,
// pkg/polymorphichelpers/history.go and rollback.go): a Deployment's ReplicaSets (selected by its
// selector and controlled by it), their revisions, and template equality ignoring the
// pod-template-hash label, with Go's semantic equality (empty and missing maps/lists are equal).
import type { KubeObject, Stored } from '../../api/objects';
import { controllerRef } from '../../api/objects';
import type { ApiServer } from '../../api/apiserver';
import { labelSelectorAsSelector } from '../../api/selectors';
import { deepEqual } from '../patch/json_values';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
export const POD_TEMPLATE_HASH = 'pod-template-hash';

/** deploymentutil.Revision: the revision annotation (absent = 0); NaN when it does not parse. */
export function revision(obj: KubeObject): number {
  const v = obj.metadata.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  return /^[+-]?\d+$/.test(v) ? Number(v) : NaN;
}

/** Drops empty maps and lists, which apiequality.Semantic treats as equal to missing ones. */
function semantic(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(semantic);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const s = semantic(x);
      if (s !== undefined) out[k] = s;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return v;
}

/** A pod template without the pod-template-hash label. */
export function withoutHash(template: KubeObject['spec']): KubeObject['spec'] {
  const t = JSON.parse(JSON.stringify(template ?? {}));
  if (t.metadata?.labels) delete t.metadata.labels[POD_TEMPLATE_HASH];
  return t;
}

/** EqualIgnoreHash. */
export function equalIgnoreHash(a: KubeObject['spec'], b: KubeObject['spec']): boolean {
  return deepEqual(semantic(withoutHash(a)) ?? {}, semantic(withoutHash(b)) ?? {});
}

const byCreation = (a: Stored, b: Stored): number =>
  a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : a.metadata.creationTimestamp > b.metadata.creationTimestamp ? 1
    : a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;

/** GetAllReplicaSets: every old ReplicaSet (list order) and the new one (oldest with the current template). */
export function allReplicaSets(api: ApiServer, deployment: Stored): { old: Stored[]; current: Stored | undefined } {
  const selector = labelSelectorAsSelector(deployment.spec?.selector);
  const owned = api.list('ReplicaSet', { namespace: deployment.metadata.namespace, labelSelector: selector }, { actor: 'kubectl' }).items
    .filter(rs => controllerRef(rs)?.uid === deployment.metadata.uid);
  const current = [...owned].sort(byCreation).find(rs => equalIgnoreHash(rs.spec?.template, deployment.spec?.template));
  return { old: owned.filter(rs => rs !== current), current };
}
