// Comparing two recorded histories write by write, for determinism claims: the same scenario and
// seed must write the same objects, at the same instants, by the same actors, in the same order.
import type { History, WriteRecord } from '../api/history';
import { durationText } from './durations';

const recordText = (r: WriteRecord): string => JSON.stringify([r.rv, r.atMs, r.type, r.actor, r.object]);

const brief = (r: WriteRecord | undefined): string =>
  r ? `${r.type} ${r.kind.toLowerCase()}/${r.name} at ${durationText(r.atMs)} by ${r.actor} (resourceVersion ${r.rv})` : 'nothing';

/** undefined when identical; else where the first difference is, in words. */
export function firstHistoryDifference(a: History, b: History): string | undefined {
  const n = Math.max(a.records.length, b.records.length);
  for (let i = 0; i < n; i++) {
    const x = a.records[i];
    const y = b.records[i];
    if (x && y && recordText(x) === recordText(y)) continue;
    const field = x && y ? differingField(x, y) : '';
    return `write ${i + 1} of ${a.records.length} differs${field}: ${brief(x)} vs ${brief(y)}`;
  }
  return undefined;
}

function differingField(x: WriteRecord, y: WriteRecord): string {
  const flat = (o: unknown, prefix: string, out: Map<string, string>): Map<string, string> => {
    if (o !== null && typeof o === 'object') for (const [k, v] of Object.entries(o)) flat(v, `${prefix}.${k}`, out);
    else out.set(prefix, JSON.stringify(o));
    return out;
  };
  const fx = flat(x.object, '', new Map());
  const fy = flat(y.object, '', new Map());
  for (const k of new Set([...fx.keys(), ...fy.keys()])) {
    if (fx.get(k) !== fy.get(k)) return ` (${k}: ${fx.get(k) ?? 'absent'} vs ${fy.get(k) ?? 'absent'})`;
  }
  return '';
}
