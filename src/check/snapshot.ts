// The `kubectl get`-like table a failure shows: the objects a check looked at, as of the instant
// it failed. A simple internal table for now; renderSnapshot is the one function to swap for
// kubectl's printers once they can print a view of the past.
import type { Condition, Event, Stored } from '../api/objects';
import { resourceForKind } from '../api/resources';
import type { ClusterView } from './view';
import { parseRfc3339 } from '../sim/time';
import { durationText } from './durations';

const MAX_ROWS = 20;

function age(obj: Stored, atMs: number): string {
  const created = parseRfc3339(obj.metadata.creationTimestamp);
  return created === undefined ? '<unknown>' : durationText(Math.floor((atMs - created) / 1000) * 1000);
}

/** One line of what matters about an object, by kind. */
export function summarize(obj: Stored): string {
  const s = obj.status ?? {};
  switch (obj.kind) {
    case 'Pod': {
      const ready = (s.conditions as Condition[] | undefined)?.find(c => c.type === 'Ready')?.status === 'True';
      const phase = obj.metadata.deletionTimestamp ? 'Terminating' : s.phase ?? 'Pending';
      return `${phase}${ready ? ', Ready' : ''}, node ${obj.spec?.nodeName ?? '<none>'}`;
    }
    case 'ReplicaSet': case 'ReplicationController': case 'Deployment': case 'StatefulSet':
      return `desired ${obj.spec?.replicas ?? 1}, current ${s.replicas ?? 0}, ready ${s.readyReplicas ?? 0}, available ${s.availableReplicas ?? 0}`
        + (obj.kind === 'Deployment' ? `, updated ${s.updatedReplicas ?? 0}` : '');
    case 'Event': {
      const e = obj as Stored<Event>;
      return `${e.type} ${e.reason} ${(e.involvedObject.kind ?? '').toLowerCase()}/${e.involvedObject.name}: ${e.message}${(e.count ?? 1) > 1 ? ` (x${e.count})` : ''}`;
    }
    case 'ConfigMap': case 'Secret': {
      const keys = Object.keys((obj.data ?? {}) as object);
      return keys.length ? `data: ${keys.join(', ')}` : 'no data';
    }
    default:
      return `resourceVersion ${obj.metadata.resourceVersion}`;
  }
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map(r => r[i]!.length)));
  return rows.map(r => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + 3))).join('').trimEnd());
}

/** The snapshot text: objects of the given kinds (in one namespace, or all), at the view's instant. */
export function renderSnapshot(view: ClusterView, kinds: string[], namespace?: string): string {
  const rows: string[][] = [['KIND', 'NAME', 'AGE', 'SUMMARY']];
  let hidden = 0;
  for (const kind of kinds) {
    const info = resourceForKind(kind);
    const objects = view.list(kind, info?.namespaced ? namespace : undefined);
    for (const obj of objects) {
      if (rows.length > MAX_ROWS) { hidden++; continue; }
      const name = info?.namespaced && namespace === undefined ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name;
      rows.push([(info?.singular ?? kind.toLowerCase()), name, age(obj, view.atMs), summarize(obj)]);
    }
  }
  if (rows.length === 1) return `(no ${kinds.map(k => resourceForKind(k)?.plural ?? k).join(', ')}${namespace ? ` in namespace "${namespace}"` : ''})`;
  const lines = table(rows);
  if (hidden) lines.push(`… and ${hidden} more`);
  return lines.join('\n');
}
