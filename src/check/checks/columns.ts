// State checks on the columns `kubectl get` prints — a pod's READY, STATUS, RESTARTS, a node's
// STATUS, any kind's column — computed by kukumber's kubectl printers, so a claim reads exactly
// what a terminal would show. A cell that depends on the clock (AGE, "3 (5s ago)") reads it.
import type { KubeObject, Pod, Stored } from '../../api/objects';
import { buildTable } from '../../kubectl/printers';
import type { StateCheck } from '../state';
import type { ClusterView } from '../view';
import { describeRef, type ObjectRef } from '../refs';
import { amountHolds, countNoun, type Amount } from '../amount';
import { workloadPodsCheck } from './workloads';
import { podPendingReason } from '../pending';

/** Column headers as kubectl prints them: `STATUS`, `UP-TO-DATE`, `NOMINATED NODE`. */
export const COLUMN_PATTERN = '[A-Z][A-Z0-9-]*(?: [A-Z][A-Z0-9-]*)*';

const header = (name: string): string => name.toUpperCase();

/** The index of a column in a kind's table, or an error naming the columns there are. */
function columnIndex(kind: string, column: string): number {
  const columns = buildTable(kind, [], 0).columns;
  const i = columns.findIndex(c => header(c.name) === column);
  if (i < 0) throw new Error(`kubectl get ${kind.toLowerCase()} has no ${column} column (columns: ${columns.map(c => header(c.name)).join(', ')})`);
  return i;
}

/**
 * The cell at the view's instant. The row is first built at two far-apart instants: only when they
 * differ does the cell depend on the clock, and only then is the view's clock read (so a check on
 * STATUS is re-evaluated on writes alone, one on AGE after every event).
 */
export function cellText(view: ClusterView, obj: KubeObject, index: number): string {
  const early = String(buildTable(obj.kind, [obj], 0).rows[0]!.cells[index] ?? '');
  const late = String(buildTable(obj.kind, [obj], 1e15).rows[0]!.cells[index] ?? '');
  if (early === late) return early;
  return String(buildTable(obj.kind, [obj], view.atMs).rows[0]!.cells[index] ?? '');
}

/** `pod "web" has STATUS "Running"`. */
export function columnEquals(ref: ObjectRef, column: string, expected: string): StateCheck {
  const index = columnIndex(ref.kind, column);
  return {
    description: `${describeRef(ref)} has ${column} ${JSON.stringify(expected)}`,
    namespace: ref.namespace || undefined,
    evaluate: view => {
      const obj = view.get(ref.kind, ref.namespace, ref.name);
      if (!obj) return { ok: false, observed: `${describeRef(ref)} not found` };
      const text = cellText(view, obj, index);
      const ok = text === expected;
      const why = !ok && obj.kind === 'Pod' ? podPendingReason(view, obj as Stored<Pod>, 0) : undefined;
      return { ok, observed: `${column} is ${JSON.stringify(text)}`, pending: why && `${why[0]}: ${why[1]}` };
    },
  };
}

/** `2 pods, STATUS "Running" ×1, "ContainerCreating" ×1`: how a workload's pods show in one column. */
function tally(texts: string[], column: string): string {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  const parts = [...counts].map(([t, n]) => `${JSON.stringify(t)} ×${n}`).join(', ');
  return `${countNoun(texts.length, 'pod')}${parts ? `, ${column} ${parts}` : ''}`;
}

export type PodQuantifier = { every: true } | { every: false; amount: Amount };

/**
 * `2 pods of replicaset "web" have STATUS "Running"` (an amount of the pods the workload owns), or
 * `every pod of replicaset "web" has READY "1/1"` (all of them, and at least one).
 */
export function workloadPodsColumn(ref: ObjectRef, which: PodQuantifier, column: string, expected: string): StateCheck {
  const index = columnIndex('Pod', column);
  const subject = which.every ? 'every pod' : countNoun(which.amount, 'pod');
  const verb = which.every || (which.amount.op === '=' && which.amount.n === 1) ? 'has' : 'have';
  return workloadPodsCheck(ref, `${subject} of ${describeRef(ref)} ${verb} ${column} ${JSON.stringify(expected)}`, (view, pods) => {
    const texts = pods.map(p => cellText(view, p, index));
    const matching = texts.filter(t => t === expected).length;
    const ok = which.every ? pods.length > 0 && matching === pods.length : amountHolds(which.amount, matching);
    return { ok, observed: tally(texts, column), pending: ok ? undefined : explainOthers(view, pods, texts, expected) };
  });
}

function explainOthers(view: ClusterView, pods: Stored<Pod>[], texts: string[], expected: string): string | undefined {
  const i = texts.findIndex(t => t !== expected);
  if (i < 0) return undefined;
  const why = podPendingReason(view, pods[i]!, 0);
  return why ? `${pods[i]!.metadata.name} ${why[0]}: ${why[1]}` : undefined;
}
