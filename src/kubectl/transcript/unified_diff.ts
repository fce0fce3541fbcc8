// A unified diff of expected against actual output lines (longest common subsequence, three lines
// of context), where "equal" means the expected line matches the actual one — wildcards included.
import { lineMatches } from './match';

type Op = { kind: ' ' | '-' | '+'; text: string; e: number; a: number };

function diffOps(expected: string[], actual: string[]): Op[] {
  const n = expected.length, m = actual.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = lineMatches(expected[i]!, actual[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && lineMatches(expected[i]!, actual[j]!)) ops.push({ kind: ' ', text: expected[i]!, e: i++, a: j++ });
    else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ kind: '-', text: expected[i]!, e: i++, a: j });
    else ops.push({ kind: '+', text: actual[j]!, e: i, a: j++ });
  }
  return ops;
}

const range = (start: number, count: number): string => (count === 1 ? `${start + 1}` : `${count === 0 ? start : start + 1},${count}`);

/** "--- expected / +++ actual / @@ … @@" hunks; empty when the outputs match. */
export function unifiedDiff(expected: string[], actual: string[], context = 3): string {
  const ops = diffOps(expected, actual);
  const changed = ops.map((o, k) => (o.kind !== ' ' ? k : -1)).filter(k => k >= 0);
  if (changed.length === 0) return '';
  const hunks: [number, number][] = [];
  for (const k of changed) {
    const from = Math.max(0, k - context), to = Math.min(ops.length - 1, k + context);
    const last = hunks[hunks.length - 1];
    if (last && from <= last[1] + 1) last[1] = to;
    else hunks.push([from, to]);
  }
  let out = '--- expected\n+++ actual\n';
  for (const [from, to] of hunks) {
    const slice = ops.slice(from, to + 1);
    const eCount = slice.filter(o => o.kind !== '+').length, aCount = slice.filter(o => o.kind !== '-').length;
    out += `@@ -${range(slice[0]!.e, eCount)} +${range(slice[0]!.a, aCount)} @@\n`;
    for (const o of slice) out += `${o.kind}${o.text}\n`;
  }
  return out;
}
