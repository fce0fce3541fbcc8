// kubectl's generic describer (genericDescriber, describe.go v1.32) for kinds without a dedicated
// one here (leases, events, controllerrevisions, poddisruptionbudgets): Name, Namespace, Labels,
// Annotations, then every other field as "Smart Label:" lines, nested maps and lists indented.
import type { KubeObject } from '../../api/objects';
import type { DescribeContext } from './context';
import { formatGoNumber, sortedKeys, type JsonValue } from '../printers/go_format';
import { toWire } from '../printers/wire';
import { describeEvents, refOf, searchEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './format';
import { LEVEL_0, tabbedString, type PrefixWriter } from './writer';

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** fatih/camelcase.Split: runs of lower, upper, digit and other characters; "HTTPServer" → HTTP Server. */
export function camelcaseSplit(s: string): string[] {
  const cls = (c: string): number => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{Nd}/u.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of s) {
    const k = cls(c);
    if (k === last && runs.length > 0) runs[runs.length - 1]!.push(c);
    else runs.push([c]);
    last = k;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (cls(runs[i]![0]!) === 2 && cls(runs[i + 1]![0]!) === 1) {
      runs[i + 1]!.unshift(runs[i]!.pop()!);
    }
  }
  return runs.filter(r => r.length > 0).map(r => r.join(''));
}

/** smartLabelFor: "holderIdentity" → "Holder Identity", "apiVersion" → "API Version". */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelcaseSplit(field).filter(p => p !== '_')
    .map(p => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1))).join(' ');
}

const scalar = (v: JsonValue): string =>
  v === null ? '<nil>' : typeof v === 'number' ? formatGoNumber(v) : String(v);

function printUnstructuredContent(w: PrefixWriter, level: number, content: { [k: string]: JsonValue }, skipPrefix: string, skip: string[]): void {
  for (const field of sortedKeys(content)) {
    const value = content[field]!;
    const path = `${skipPrefix}.${field}`;
    if (skip.includes(path)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value, path, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) printUnstructuredContent(w, level + 1, child, path, skip);
        else w.write(level + 1, `${scalar(child as JsonValue)}\n`);
      }
    } else w.write(level, `${smartLabelFor(field)}:\t${scalar(value)}\n`);
  }
}

export function describeGeneric(ctx: DescribeContext, obj: KubeObject): string {
  const events = searchEvents(ctx, refOf(obj));
  return tabbedString(w => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    printUnstructuredContent(w, LEVEL_0, toWire(obj), '', ['.metadata.managedFields', '.metadata.name', '.metadata.namespace',
      '.metadata.labels', '.metadata.annotations']);
    describeEvents(events, w, ctx.nowMs);
  });
}
