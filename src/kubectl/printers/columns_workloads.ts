// Column sets and cells of the workload kinds (k/k pkg/printers/internalversion/printers.go, v1.32):
// pods, replicasets, replicationcontrollers, deployments, daemonsets, statefulsets, jobs, cronjobs.
import type { Container, KubeObject, Pod } from '../../api/objects';
import { parseRfc3339 } from '../../sim/time';
import { humanDuration, translateTimestampSince } from './duration';
import { formatLabels, formatLabelSelector, selectorText } from './labels';
import { podTableCells } from './pod_status';
import type { Cell, ColumnDefinition } from './table';

export interface KindPrinter {
  columns: ColumnDefinition[];
  row(obj: KubeObject, nowMs: number): Cell[];
}

type Obj = KubeObject & Record<string, any>;

export const nameColumn: ColumnDefinition = { name: 'Name', type: 'string', format: 'name' };
export const ageColumn: ColumnDefinition = { name: 'Age', type: 'string' };
const s = (name: string, priority: 0 | 1 = 0): ColumnDefinition => ({ name, type: 'string', priority });
const n = (name: string, priority: 0 | 1 = 0): ColumnDefinition => ({ name, type: 'integer', priority });
const WIDE_TEMPLATE = [s('Containers', 1), s('Images', 1)];

export const age = (o: KubeObject, nowMs: number): string => translateTimestampSince(o.metadata.creationTimestamp, nowMs);

/** layoutContainerCells: names and images joined with ",". */
export function layoutContainerCells(containers: Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map(c => c.name).join(','), list.map(c => c.image ?? '').join(',')];
}

/** printBoolPtr: True / False / <unset>. */
export const printBoolPtr = (v: boolean | undefined | null): string => (v === undefined || v === null ? '<unset>' : v ? 'True' : 'False');

const int = (v: unknown): number => (typeof v === 'number' ? v : 0);

const pod: KindPrinter = {
  columns: [nameColumn, s('Ready'), s('Status'), s('Restarts'), ageColumn,
    s('IP', 1), s('Node', 1), s('Nominated Node', 1), s('Readiness Gates', 1)],
  row(o, nowMs) {
    const p = o as Pod;
    const cells = podTableCells(p, nowMs);
    const gates = (p.spec?.readinessGates ?? []) as { conditionType: string }[];
    let readiness = '<none>';
    if (gates.length > 0) {
      const trueCount = gates.filter(g => p.status?.conditions?.find(c => c.type === g.conditionType)?.status === 'True').length;
      readiness = `${trueCount}/${gates.length}`;
    }
    return [p.metadata.name!, cells.ready, cells.status, cells.restarts, age(p, nowMs),
      p.status?.podIPs?.[0]?.ip || '<none>', p.spec?.nodeName || '<none>', p.status?.nominatedNodeName || '<none>', readiness];
  },
};

const replicaColumns = [nameColumn, n('Desired'), n('Current'), n('Ready'), ageColumn, ...WIDE_TEMPLATE, s('Selector', 1)];

const replicaSet: KindPrinter = {
  columns: replicaColumns,
  row(o: Obj, nowMs) {
    const [names, images] = layoutContainerCells(o.spec?.template?.spec?.containers);
    return [o.metadata.name!, int(o.spec?.replicas ?? 1), int(o.status?.replicas), int(o.status?.readyReplicas), age(o, nowMs),
      names, images, formatLabelSelector(o.spec?.selector)];
  },
};

const replicationController: KindPrinter = {
  columns: replicaColumns,
  row(o: Obj, nowMs) {
    const [names, images] = layoutContainerCells(o.spec?.template?.spec?.containers);
    return [o.metadata.name!, int(o.spec?.replicas ?? 1), int(o.status?.replicas), int(o.status?.readyReplicas), age(o, nowMs),
      names, images, formatLabels(o.spec?.selector)];
  },
};

const deployment: KindPrinter = {
  columns: [nameColumn, s('Ready'), s('Up-to-date'), s('Available'), ageColumn, ...WIDE_TEMPLATE, s('Selector', 1)],
  row(o: Obj, nowMs) {
    const [names, images] = layoutContainerCells(o.spec?.template?.spec?.containers);
    return [o.metadata.name!, `${int(o.status?.readyReplicas)}/${int(o.spec?.replicas ?? 1)}`, int(o.status?.updatedReplicas),
      int(o.status?.availableReplicas), age(o, nowMs), names, images, selectorText(o.spec?.selector) ?? '<invalid>'];
  },
};

const daemonSet: KindPrinter = {
  columns: [nameColumn, n('Desired'), n('Current'), n('Ready'), n('Up-to-date'), n('Available'), s('Node Selector'), ageColumn,
    ...WIDE_TEMPLATE, s('Selector', 1)],
  row(o: Obj, nowMs) {
    const st = o.status ?? {};
    const [names, images] = layoutContainerCells(o.spec?.template?.spec?.containers);
    return [o.metadata.name!, int(st.desiredNumberScheduled), int(st.currentNumberScheduled), int(st.numberReady),
      int(st.updatedNumberScheduled), int(st.numberAvailable), formatLabels(o.spec?.template?.spec?.nodeSelector), age(o, nowMs),
      names, images, formatLabelSelector(o.spec?.selector)];
  },
};

const statefulSet: KindPrinter = {
  columns: [nameColumn, s('Ready'), ageColumn, ...WIDE_TEMPLATE],
  row(o: Obj, nowMs) {
    const [names, images] = layoutContainerCells(o.spec?.template?.spec?.containers);
    return [o.metadata.name!, `${int(o.status?.readyReplicas)}/${int(o.spec?.replicas ?? 1)}`, age(o, nowMs), names, images];
  },
};

/** hasJobCondition: the first condition of the type decides. */
const hasJobCondition = (o: Obj, type: string): boolean =>
  ((o.status?.conditions ?? []) as { type: string; status: string }[]).find(c => c.type === type)?.status === 'True';

export function jobStatus(o: Obj): string {
  if (hasJobCondition(o, 'Complete')) return 'Complete';
  if (hasJobCondition(o, 'Failed')) return 'Failed';
  if (o.metadata.deletionTimestamp) return 'Terminating';
  if (hasJobCondition(o, 'Suspended')) return 'Suspended';
  if (hasJobCondition(o, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

const job: KindPrinter = {
  columns: [nameColumn, s('Status'), s('Completions'), s('Duration'), ageColumn, ...WIDE_TEMPLATE, s('Selector', 1)],
  row(o: Obj, nowMs) {
    const succeeded = int(o.status?.succeeded);
    let completions: string;
    if (typeof o.spec?.completions === 'number') completions = `${succeeded}/${o.spec.completions}`;
    else {
      const parallelism = int(o.spec?.parallelism);
      completions = parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
    }
    const start = o.status?.startTime ? parseRfc3339(o.status.startTime) : undefined;
    const done = o.status?.completionTime ? parseRfc3339(o.status.completionTime) : undefined;
    const duration = start === undefined ? '' : humanDuration((done ?? nowMs) - start);
    const [names, images] = layoutContainerCells(o.spec?.template?.spec?.containers);
    return [o.metadata.name!, jobStatus(o), completions, duration, age(o, nowMs), names, images, formatLabelSelector(o.spec?.selector)];
  },
};

const cronJob: KindPrinter = {
  columns: [nameColumn, s('Schedule'), s('Timezone'), { name: 'Suspend', type: 'boolean' }, n('Active'), s('Last Schedule'), ageColumn,
    ...WIDE_TEMPLATE, s('Selector', 1)],
  row(o: Obj, nowMs) {
    const last = o.status?.lastScheduleTime ? translateTimestampSince(o.status.lastScheduleTime, nowMs) : '<none>';
    const jobSpec = o.spec?.jobTemplate?.spec;
    const [names, images] = layoutContainerCells(jobSpec?.template?.spec?.containers);
    return [o.metadata.name!, o.spec?.schedule ?? '', o.spec?.timeZone ?? '<none>', printBoolPtr(o.spec?.suspend),
      (o.status?.active ?? []).length, last, age(o, nowMs), names, images, formatLabelSelector(jobSpec?.selector)];
  },
};

export const WORKLOAD_PRINTERS: Record<string, KindPrinter> = {
  Pod: pod, ReplicaSet: replicaSet, ReplicationController: replicationController, Deployment: deployment,
  DaemonSet: daemonSet, StatefulSet: statefulSet, Job: job, CronJob: cronJob,
};
