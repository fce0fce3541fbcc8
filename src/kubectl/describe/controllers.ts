// kubectl describe for the pod controllers (describe.go v1.32): replicaset, replicationcontroller,
// daemonset, statefulset, job and cronjob — header fields, "Pods Status" counted from the pods
// the object controls, the Pod Template, Conditions and Events.
import type { KubeObject, LabelSelector, Pod, PodTemplateSpec } from '../../api/objects';
import type { DescribeContext } from './context';
import { labelSelectorAsSelector, selectorFromSet, selectorString, type Selector } from '../../api/selectors';
import { humanDuration } from '../printers/duration';
import { formatLabels, formatLabelSelector, selectorText } from '../printers/labels';
import { parseRfc3339 } from '../../sim/time';
import { describeEvents, refOf, searchEvents } from './events';
import { printAnnotationsMultiline, printController, printLabelsMultiline, rfc1123z, printBool } from './format';
import { describePodTemplate } from './pod';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './writer';

type Obj = KubeObject & Record<string, any>;

/** getPodStatusForController: pods matching the selector and controlled by uid, counted by phase. */
export function podStatusForController(ctx: DescribeContext, namespace: string, selector: Selector, uid: string | undefined): string {
  const { items } = ctx.cluster.api.list('Pod', { namespace, labelSelector: selector }, { actor: 'kubectl' });
  let running = 0; let waiting = 0; let succeeded = 0; let failed = 0;
  for (const pod of items as Pod[]) {
    const ref = pod.metadata.ownerReferences?.find(r => r.controller === true);
    if (!ref || ref.uid !== uid) continue;
    switch (pod.status?.phase) {
      case 'Running': running++; break;
      case 'Pending': waiting++; break;
      case 'Succeeded': succeeded++; break;
      case 'Failed': failed++; break;
      default:
    }
  }
  return `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`;
}

function conditionsTable(w: PrefixWriter, conditions: { type: string; status: string; reason?: string }[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

function header(w: PrefixWriter, o: Obj): void {
  w.write(LEVEL_0, `Name:\t${o.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${o.metadata.namespace}\n`);
}

const safeSelector = (s: LabelSelector | undefined): Selector | undefined => {
  try { return labelSelectorAsSelector(s); } catch { return undefined; }
};

/** describeReplicaSet. */
export function describeReplicaSet(ctx: DescribeContext, rs: Obj): string {
  const selector = safeSelector(rs.spec?.selector);
  const pods = selector ? podStatusForController(ctx, rs.metadata.namespace!, selector, rs.metadata.uid) : undefined;
  const events = searchEvents(ctx, refOf(rs));
  return tabbedString(w => {
    header(w, rs);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
    const controlledBy = printController(rs);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, `${pods ?? '0 Running / 0 Waiting / 0 Succeeded / 0 Failed'}\n`);
    describePodTemplate(rs.spec?.template as PodTemplateSpec, w);
    conditionsTable(w, rs.status?.conditions);
    describeEvents(events, w, ctx.nowMs);
  });
}

/** describeReplicationController. */
export function describeReplicationController(ctx: DescribeContext, rc: Obj): string {
  const pods = podStatusForController(ctx, rc.metadata.namespace!, selectorFromSet(rc.spec?.selector), rc.metadata.uid);
  const events = searchEvents(ctx, refOf(rc));
  return tabbedString(w => {
    header(w, rc);
    w.write(LEVEL_0, `Selector:\t${formatLabels(rc.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rc.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 1} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${pods}\n`);
    describePodTemplate(rc.spec?.template as PodTemplateSpec | undefined, w);
    conditionsTable(w, rc.status?.conditions);
    describeEvents(events, w, ctx.nowMs);
  });
}

/** describeDaemonSet. */
export function describeDaemonSet(ctx: DescribeContext, ds: Obj): string {
  const selector = safeSelector(ds.spec?.selector);
  const pods = selector ? podStatusForController(ctx, ds.metadata.namespace!, selector, ds.metadata.uid) : '';
  const events = searchEvents(ctx, refOf(ds));
  const st = ds.status ?? {};
  return tabbedString(w => {
    // kubectl v1.32 prints no Namespace line for DaemonSets.
    w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
    w.write(LEVEL_0, `Selector:\t${selector ? selectorString(selector) : ''}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${pods}\n`);
    describePodTemplate(ds.spec?.template, w);
    describeEvents(events, w, ctx.nowMs);
  });
}

function describeVolumeClaimTemplates(templates: Obj[] | undefined, w: PrefixWriter): void {
  if (!templates || templates.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_1, `StorageClass:\t${pvc.spec?.storageClassName ?? pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
    printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
    const capacity = pvc.spec?.resources?.requests?.storage;
    w.write(LEVEL_1, `Capacity:\t${capacity === undefined ? '<default>' : String(capacity)}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}

/** describeStatefulSet. */
export function describeStatefulSet(ctx: DescribeContext, sts: Obj): string {
  const selector = safeSelector(sts.spec?.selector);
  const pods = selector ? podStatusForController(ctx, sts.metadata.namespace!, selector, sts.metadata.uid) : '';
  const events = searchEvents(ctx, refOf(sts));
  return tabbedString(w => {
    header(w, sts);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selector ? selectorString(selector) : ''}\n`);
    printLabelsMultiline(w, 'Labels', sts.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', sts.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${sts.spec?.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${sts.spec?.updateStrategy?.type ?? ''}\n`);
    const ru = sts.spec?.updateStrategy?.rollingUpdate;
    if (ru && ru.partition !== undefined) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${pods}\n`);
    describePodTemplate(sts.spec?.template, w);
    describeVolumeClaimTemplates(sts.spec?.volumeClaimTemplates, w);
    describeEvents(events, w, ctx.nowMs);
  });
}

/** describeJob. */
export function describeJob(ctx: DescribeContext, job: Obj): string {
  const events = searchEvents(ctx, refOf(job));
  const spec = job.spec ?? {};
  const st = job.status ?? {};
  return tabbedString(w => {
    header(w, job);
    const sel = selectorText(spec.selector);
    w.write(LEVEL_0, sel === undefined ? 'Selector:\tFailed to get selector\n' : `Selector:\t${sel}\n`);
    printLabelsMultiline(w, 'Labels', job.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations);
    const controlledBy = printController(job);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (spec.parallelism !== undefined) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(LEVEL_0, spec.completions !== undefined && spec.completions !== null ? `Completions:\t${spec.completions}\n` : 'Completions:\t<unset>\n');
    if (spec.completionMode !== undefined) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
    if (spec.suspend !== undefined) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
    if (spec.backoffLimit !== undefined) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (spec.ttlSecondsAfterFinished !== undefined) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
    if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
    if (st.startTime && st.completionTime) {
      w.write(LEVEL_0, `Duration:\t${humanDuration((parseRfc3339(st.completionTime) ?? 0) - (parseRfc3339(st.startTime) ?? 0))}\n`);
    }
    if (spec.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    if (st.ready === undefined || st.ready === null) {
      w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
    } else {
      w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
    }
    if (spec.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(st.completedIndexes ?? '', 50)}\n`);
    describePodTemplate(spec.template, w);
    describeEvents(events, w, ctx.nowMs);
  });
}

/** capIndexesListOrNone. */
function capIndexes(indexes: string, softLimit: number): string {
  if (indexes.length === 0) return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  return ix >= indexes.length ? indexes : `${indexes.slice(0, ix + 1)}...`;
}

/** describeCronJob. */
export function describeCronJob(ctx: DescribeContext, cj: Obj): string {
  const events = searchEvents(ctx, refOf(cj));
  const spec = cj.spec ?? {};
  return tabbedString(w => {
    header(w, cj);
    printLabelsMultiline(w, 'Labels', cj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', cj.metadata.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec.schedule ?? ''}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Suspend:\t${spec.suspend === undefined ? '<unset>' : printBool(spec.suspend)}\n`);
    for (const [title, v] of [['Successful Job History Limit', spec.successfulJobsHistoryLimit], ['Failed Job History Limit', spec.failedJobsHistoryLimit]]) {
      w.write(LEVEL_0, v === undefined ? `${title}:\t<unset>\n` : `${title}:\t${v}\n`);
    }
    w.write(LEVEL_0, spec.startingDeadlineSeconds === undefined ? 'Starting Deadline Seconds:\t<unset>\n' : `Starting Deadline Seconds:\t${spec.startingDeadlineSeconds}s\n`);
    const jt = spec.jobTemplate?.spec ?? {};
    if (jt.selector) {
      const sel = selectorText(jt.selector);
      w.write(LEVEL_0, sel === undefined ? 'Selector:\tFailed to get selector\n' : `Selector:\t${sel}\n`);
    } else w.write(LEVEL_0, 'Selector:\t<unset>\n');
    w.write(LEVEL_0, jt.parallelism === undefined ? 'Parallelism:\t<unset>\n' : `Parallelism:\t${jt.parallelism}\n`);
    w.write(LEVEL_0, jt.completions === undefined ? 'Completions:\t<unset>\n' : `Completions:\t${jt.completions}\n`);
    if (jt.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${jt.activeDeadlineSeconds}s\n`);
    describePodTemplate(jt.template, w);
    w.write(LEVEL_0, cj.status?.lastScheduleTime ? `Last Schedule Time:\t${rfc1123z(cj.status.lastScheduleTime)}\n` : 'Last Schedule Time:\t<unset>\n');
    w.write(LEVEL_0, 'Active Jobs:\t');
    const active = (cj.status?.active ?? []) as { name: string }[];
    if (active.length === 0) w.writeLine('<none>');
    else {
      active.forEach((j, i) => { if (i !== 0) w.write(LEVEL_0, ', '); w.write(LEVEL_0, j.name); });
      w.writeLine('');
    }
    describeEvents(events, w, ctx.nowMs);
  });
}
