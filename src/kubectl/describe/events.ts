// The Events section of kubectl describe: searchEvents (involvedObject name, namespace, kind and
// uid as a field selector), event.SortableEvents (by series/last/event time, Go's unstable sort),
// and DescribeEvents' "Age" column — "11m", or "3m (x2 over 5m)" for repeated events.
import type { Event, KubeObject, ObjectReference } from '../../api/objects';
import type { DescribeContext } from './context';
import { parseRfc3339 } from '../../sim/time';
import { translateTimestampSince } from '../printers/duration';
import { goSort } from '../printers/go_sort';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './writer';

export interface EventRef { name: string; namespace: string; kind?: string; uid?: string }

/** reference.GetReference for a stored object. */
export function refOf(obj: KubeObject): EventRef {
  return { name: obj.metadata.name!, namespace: obj.metadata.namespace ?? '', kind: obj.kind, uid: obj.metadata.uid };
}

/** searchEvents: events whose involvedObject matches the reference's set fields. */
export function searchEvents(ctx: DescribeContext, ref: EventRef): Event[] | undefined {
  if (!ctx.showEvents) return undefined;
  const fields = [`involvedObject.name=${ref.name}`, `involvedObject.namespace=${ref.namespace}`];
  if (ref.kind) fields.push(`involvedObject.kind=${ref.kind}`);
  if (ref.uid) fields.push(`involvedObject.uid=${ref.uid}`);
  const { items } = ctx.cluster.api.list('Event', { namespace: ref.namespace || undefined, fieldSelector: fields.join(',') }, { actor: 'kubectl' });
  return items as Event[];
}

type Timed = Event & { series?: { count?: number; lastObservedTime?: string } };

/** eventTime(): series.lastObservedTime, else lastTimestamp, else eventTime. */
function sortTimeMs(e: Timed): number {
  const t = e.series?.lastObservedTime ?? (e.lastTimestamp || e.eventTime || undefined);
  return (t ? parseRfc3339(t) : undefined) ?? Number.NEGATIVE_INFINITY;
}

/** DescribeEvents. */
export function describeEvents(events: readonly Event[] | undefined, w: PrefixWriter, nowMs: number): void {
  if (events === undefined) return;
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = goSort([...events] as Timed[], (a, b) => sortTimeMs(a) < sortTimeMs(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? translateTimestampSince(e.eventTime, nowMs) : translateTimestampSince(e.firstTimestamp, nowMs);
    let interval: string;
    if (e.series) interval = `${translateTimestampSince(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${translateTimestampSince(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || (e as unknown as { reportingComponent?: string }).reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${String(e.message ?? '').trim()}\n`);
  }
}

export type { ObjectReference };
