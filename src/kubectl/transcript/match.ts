// How expected output is compared with real output: line by line, trailing spaces ignored,
// trailing empty lines ignored, and "..." in an expected line matching any run of characters
// within that line (generated pod names, ages).

/** Output text as lines: without the final newline, trailing spaces and trailing empty lines. */
export function outputLines(text: string | string[]): string[] {
  const lines = (Array.isArray(text) ? text : text.replace(/\n$/, '').split('\n')).map(l => l.replace(/[ \t]+$/, ''));
  if (!Array.isArray(text) && text === '') return [];
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const patterns = new Map<string, RegExp>();

/** Does an actual line match an expected line (with its "..." wildcards)? */
export function lineMatches(expected: string, actual: string): boolean {
  const e = expected.replace(/[ \t]+$/, '');
  const a = actual.replace(/[ \t]+$/, '');
  if (!e.includes('...')) return e === a;
  let re = patterns.get(e);
  if (!re) {
    re = new RegExp(`^${e.split('...').map(p => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
    patterns.set(e, re);
  }
  return re.test(a);
}

export function outputMatches(expected: string[], actual: string[]): boolean {
  return expected.length === actual.length && expected.every((e, i) => lineMatches(e, actual[i]!));
}
