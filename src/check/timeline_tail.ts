// The last writes before a failure, one line each — what happened just before the check gave up.
import type { History, WriteRecord } from '../api/history';
import type { Event } from '../api/objects';
import { durationText } from './durations';

export const TAIL_LENGTH = 10;

/** [instant, what, object, detail] for one write; an Event write shows what the event says. */
export function writeColumns(r: WriteRecord): [string, string, string, string] {
  const at = durationText(r.atMs);
  if (r.kind === 'Event' && r.type !== 'DELETED') {
    const e = r.object as unknown as Event;
    const times = (e.count ?? 1) > 1 ? ` (x${e.count})` : '';
    return [at, 'event', `${(e.involvedObject.kind ?? '').toLowerCase()}/${e.involvedObject.name}`, `${e.type} ${e.reason}: ${e.message}${times}`];
  }
  return [at, r.type, `${r.kind.toLowerCase()}/${r.name}`, `by ${r.actor}`];
}

/** Node heartbeats (Lease renewals, kubelets' node status reports): every 10 s per node, never the story. */
export function isHeartbeat(r: WriteRecord): boolean {
  return r.kind === 'Lease' || (r.kind === 'Node' && r.type === 'MODIFIED' && r.actor.startsWith('kubelet/'));
}

/** The last `length` writes among records [startIndex, endIndex), heartbeats left out, under a heading line. */
export function timelineTail(history: History, endIndex: number, startIndex = 0, length = TAIL_LENGTH): string[] {
  const shown: WriteRecord[] = [];
  for (let i = startIndex; i < endIndex; i++) if (!isHeartbeat(history.records[i]!)) shown.push(history.records[i]!);
  const rows = shown.slice(-length).map(writeColumns);
  const width = (i: number): number => Math.max(0, ...rows.map(r => r[i]!.length));
  const [w0, w1, w2] = [width(0), width(1), width(2)];
  const lines = rows.map(r => `  ${r[0].padStart(w0)}  ${r[1].padEnd(w1)}  ${r[2].padEnd(w2)}  ${r[3]}`);
  const total = shown.length;
  const since = startIndex > 0 ? ' since the scenario started' : '';
  if (total === 0) return [`Timeline: no writes${since}.`];
  return [`Timeline (${total > rows.length ? `last ${rows.length} of ` : ''}${total} write${total === 1 ? '' : 's'}${since}):`, ...lines];
}
