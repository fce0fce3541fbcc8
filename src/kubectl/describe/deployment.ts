// kubectl describe deployment (describeDeployment, describe.go v1.32) with OldReplicaSets /
// NewReplicaSet found the way kubectl's deploymentutil does: ReplicaSets matching the selector and
// controlled by the Deployment, oldest first; the new one has the Deployment's template (ignoring
// pod-template-hash).
import type { KubeObject, PodTemplateSpec } from '../../api/objects';
import type { DescribeContext } from './context';
import { deepEqual } from '../../api/freeze';
import { labelSelectorAsSelector } from '../../api/selectors';
import { parseRfc3339 } from '../../sim/time';
import { goSort } from '../printers/go_sort';
import { selectorText } from '../printers/labels';
import { describeEvents, refOf, searchEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './format';
import { describePodTemplate } from './pod';
import { LEVEL_0, LEVEL_1, tabbedString } from './writer';

type Obj = KubeObject & Record<string, any>;

function withoutHash(t: PodTemplateSpec | undefined): unknown {
  if (!t) return t;
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels['pod-template-hash'];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}

/** deploymentutil.GetAllReplicaSets: [all old ReplicaSets, the new one]. */
export function replicaSetsOf(ctx: DescribeContext, d: Obj): { old: Obj[]; newRS: Obj | undefined } {
  let selector;
  try { selector = labelSelectorAsSelector(d.spec?.selector); } catch { return { old: [], newRS: undefined }; }
  const { items } = ctx.cluster.api.list('ReplicaSet', { namespace: d.metadata.namespace, labelSelector: selector }, { actor: 'kubectl' });
  const owned = (items as Obj[]).filter(rs => rs.metadata.ownerReferences?.find(r => r.controller === true)?.uid === d.metadata.uid);
  const created = (rs: Obj): number => parseRfc3339(rs.metadata.creationTimestamp ?? '') ?? 0;
  goSort(owned, (a, b) => (created(a) === created(b) ? a.metadata.name! < b.metadata.name! : created(a) < created(b)));
  const template = withoutHash(d.spec?.template);
  const newRS = owned.find(rs => deepEqual(withoutHash(rs.spec?.template), template));
  return { old: owned.filter(rs => rs !== newRS), newRS };
}

const rsList = (list: Obj[]): string =>
  list.map(rs => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(', ') || '<none>';

/** describeDeployment. */
export function describeDeployment(ctx: DescribeContext, d: Obj): string {
  const events = searchEvents(ctx, refOf(d));
  const { old, newRS } = replicaSetsOf(ctx, d);
  const spec = d.spec ?? {};
  const st = d.status ?? {};
  return tabbedString(w => {
    w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorText(spec.selector) ?? ''}\n`);
    w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ` +
      `${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`);
    w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge\n`);
    describePodTemplate(spec.template, w);
    const conditions = (st.conditions ?? []) as { type: string; status: string; reason?: string }[];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (old.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${rsList(old)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${rsList(newRS ? [newRS] : [])}\n`);
    }
    describeEvents(events, w, ctx.nowMs);
  });
}
