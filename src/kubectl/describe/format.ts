// Small renderings shared by the describers: RFC 1123 times, label/annotation/taint/toleration
// blocks, "Controlled By", Go's %v of a string slice, and the bool words kubectl uses.
import type { KubeObject, Taint, Toleration } from '../../api/objects';
import { civil, parseRfc3339 } from '../../sim/time';
import { goSort } from '../printers/go_sort';
import { compareCodePoints } from '../printers/go_format';
import { LEVEL_0, type PrefixWriter } from './writer';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * time.RFC1123Z ("Mon, 02 Jan 2006 15:04:05 -0700") of an RFC 3339 timestamp. kubectl formats in
 * the local zone of the machine it runs on; kukumber's kubectl runs in UTC. A zero time prints
 * as Go's zero time.
 */
export function rfc1123z(timestamp: string | null | undefined): string {
  const ms = timestamp ? parseRfc3339(timestamp) : undefined;
  if (ms === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const c = civil(ms);
  return `${DAYS[c.weekday]}, ${pad(c.day)} ${MONTHS[c.month - 1]} ${c.year} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)} +0000`;
}

export const printBool = (v: boolean | undefined): string => (v ? 'True' : 'False');

/** fmt's %v of a []string: "[a b]". */
export const goStringSlice = (v: readonly string[] | undefined | null): string => `[${(v ?? []).join(' ')}]`;

/** printController: "Kind/name" of the controller owner reference, or "". */
export function printController(obj: KubeObject): string {
  const ref = obj.metadata.ownerReferences?.find(r => r.controller === true);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** printLabelsMultilineWithIndent: one sorted k=v per line, "<none>" when empty. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Readonly<Record<string, string>> | undefined,
  initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort(compareCodePoints);
  if (keys.length === 0) { w.writeLine('<none>'); return; }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
const utf8 = new TextEncoder();
/** len() of a Go string: UTF-8 bytes. */
const byteLength = (s: string): number => utf8.encode(s).length;
/** s[:n] of a Go string (bytes). */
const byteSlice = (s: string, n: number): string => new TextDecoder().decode(utf8.encode(s).slice(0, n));
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** printAnnotationsMultiline: sorted, last-applied-configuration hidden, long values on their own lines. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Readonly<Record<string, string>> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter(k => k !== LAST_APPLIED).sort(compareCodePoints);
  if (keys.length === 0) { w.writeLine('<none>'); return; }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    const value = annotations![key]!.replace(/\n$/, '');
    if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) {
        w.write(LEVEL_0, `\t  ${byteLength(s) > MAX_ANNOTATION_LEN - 2 ? `${byteSlice(s, MAX_ANNOTATION_LEN - 2)}...` : s}\n`);
      }
    } else w.write(LEVEL_0, `${key}: ${value}\n`);
  });
}

/** Taint.ToString. */
export function taintString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

export function printTaintsMultiline(w: PrefixWriter, title: string, taints: readonly Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints || taints.length === 0) { w.writeLine('<none>'); return; }
  const sorted = goSort([...taints], (a, b) => `${a.effect},${a.key}` < `${b.effect},${b.key}`);
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/** printTolerationsMultilineWithIndent: sorted by key (Go's unstable sort), "key=value:effect op=Exists for Ns". */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: readonly Toleration[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!tolerations || tolerations.length === 0) { w.writeLine('<none>'); return; }
  const sorted = goSort([...tolerations], (a, b) => (a.key ?? '') < (b.key ?? ''));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${text}\n`);
  });
}
