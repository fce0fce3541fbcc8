// Amounts in checks: `3`, `no`, `at least 2`, `at most 4`, `more than 1`, `fewer than 5`.

export type AmountOp = '=' | '>=' | '<=' | '>' | '<';

export interface Amount { op: AmountOp; n: number }

export const AMOUNT_PATTERN = '(?:at least |at most |more than |fewer than )?\\d+|no';

const OPS: [string, AmountOp][] = [['at least ', '>='], ['at most ', '<='], ['more than ', '>'], ['fewer than ', '<']];

export function parseAmount(text: string): Amount {
  if (text === 'no') return { op: '=', n: 0 };
  for (const [words, op] of OPS) if (text.startsWith(words)) return { op, n: Number(text.slice(words.length)) };
  if (!/^\d+$/.test(text)) throw new Error(`not an amount: "${text}" (write 3, no, at least 3, at most 3, more than 3 or fewer than 3)`);
  return { op: '=', n: Number(text) };
}

export function amountHolds(a: Amount, value: number): boolean {
  switch (a.op) {
    case '=': return value === a.n;
    case '>=': return value >= a.n;
    case '<=': return value <= a.n;
    case '>': return value > a.n;
    case '<': return value < a.n;
  }
}

/** `3`, `no`, `at least 3`: the amount as a step writes it. */
export function describeAmount(a: Amount): string {
  if (a.op === '=') return a.n === 0 ? 'no' : String(a.n);
  return `${OPS.find(([, op]) => op === a.op)![0]}${a.n}`;
}

/** `1 pod`, `no pods`, `at least 2 pods`: an amount with a noun, singular only for exactly one. */
export function countNoun(a: Amount | number, singular: string, plural = `${singular}s`): string {
  const amount = typeof a === 'number' ? { op: '=' as const, n: a } : a;
  const text = typeof a === 'number' ? String(a) : describeAmount(amount);
  return `${text} ${amount.n === 1 && amount.op === '=' ? singular : plural}`;
}
