// Label selectors as apimachinery's pkg/labels and metav1 implement them: the string form parser
// (lexer, grammar and error texts of labels.Parse), structured selectors (matchLabels +
// matchExpressions, LabelSelectorAsSelector), matching, and String() for printing. Also the
// simple field selectors the API server accepts (fields.ParseSelector).
import type { LabelSelector } from './objects';
import { isQualifiedName, isValidLabelValue } from './validation/names';
import { errorBody } from './field_errors';
import { invalidField, type FieldError } from './field_errors';

export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement { key: string; operator: Operator; values: string[] }

/** A parsed selector: requirements sorted by key, all of which must match. `nothing` matches no object. */
export interface Selector { requirements: Requirement[]; nothing?: boolean }

export const EVERYTHING: Selector = Object.freeze({ requirements: [] }) as Selector;
export const NOTHING: Selector = Object.freeze({ requirements: [], nothing: true }) as Selector;

export class SelectorParseError extends Error {
  override name = 'SelectorParseError';
}

export function matches(selector: Selector, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (selector.nothing) return false;
  // An indexed loop: controllers match every pod of every sync.
  const reqs = selector.requirements;
  if (reqs.length === 0) return true;
  const ls = labels ?? NO_LABELS;
  for (let i = 0; i < reqs.length; i++) if (!requirementMatches(reqs[i]!, ls)) return false;
  return true;
}

const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Label values are strings, and nothing a plain object inherits is one, so reading a string from the
 * labels means the object has that label: the (in)equality operators need no hasOwnProperty.
 */
function requirementMatches(r: Requirement, ls: Readonly<Record<string, string>>): boolean {
  switch (r.operator) {
    case 'in': case '=': case '==': {
      const v: unknown = ls[r.key];
      if (typeof v !== 'string') return false;
      const values = r.values;
      return values.length === 1 ? values[0] === v : values.includes(v);
    }
    case 'notin': case '!=': {
      const v: unknown = ls[r.key];
      return typeof v !== 'string' || !r.values.includes(v);
    }
    case 'exists': return Object.prototype.hasOwnProperty.call(ls, r.key);
    case '!': return !Object.prototype.hasOwnProperty.call(ls, r.key);
    case 'gt': case 'lt': {
      const v: unknown = ls[r.key];
      if (typeof v !== 'string' || !Object.prototype.hasOwnProperty.call(ls, r.key) || !/^[+-]?\d+$/.test(v)) return false;
      const lv = Number(v);
      const rv = Number(r.values[0]);
      return r.operator === 'gt' ? lv > rv : lv < rv;
    }
  }
}

function requirementString(r: Requirement): string {
  if (r.operator === 'exists') return r.key;
  if (r.operator === '!') return `!${r.key}`;
  const values = r.values.length === 1 ? r.values[0]! : [...r.values].sort().join(',');
  switch (r.operator) {
    case 'in': return `${r.key} in (${values})`;
    case 'notin': return `${r.key} notin (${values})`;
    case 'gt': return `${r.key}>${values}`;
    case 'lt': return `${r.key}<${values}`;
    default: return `${r.key}${r.operator}${values}`;
  }
}

/** labels.Selector.String(): requirements joined by ",". */
export function selectorString(selector: Selector): string {
  return selector.requirements.map(requirementString).join(',');
}

/** metav1.FormatLabelSelector: the string form, `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(ls: LabelSelector | undefined | null): string {
  let text: string;
  try {
    text = selectorString(labelSelectorAsSelector(ls));
  } catch {
    return '<error>';
  }
  return text === '' ? '<none>' : text;
}

const byKey = (a: Requirement, b: Requirement): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** A selector matching exactly a set of labels (labels.SelectorFromSet); empty set = everything. */
export function selectorFromSet(set: Readonly<Record<string, string>> | undefined): Selector {
  const reqs = Object.entries(set ?? {}).map(([key, v]) => ({ key, operator: '=' as Operator, values: [v] }));
  return { requirements: reqs.sort(byKey) };
}

/** metav1.LabelSelectorOperator → the requirement's operator (a Map: "constructor" is no operator). */
const SELECTOR_OPERATORS = new Map<string, Operator>([['In', 'in'], ['NotIn', 'notin'], ['Exists', 'exists'], ['DoesNotExist', '!']]);

/**
 * metav1.LabelSelectorAsSelector: nil selects nothing, {} selects everything. Throws
 * SelectorParseError for an operator it does not know (`"Foo" is not a valid label selector operator`).
 */
export function labelSelectorAsSelector(ls: LabelSelector | undefined | null): Selector {
  if (ls === undefined || ls === null) return NOTHING;
  const reqs: Requirement[] = [];
  for (const [key, v] of Object.entries(ls.matchLabels ?? {})) {
    checkRequirement(key, '=', [v]);
    reqs.push({ key, operator: '=', values: [v] });
  }
  for (const expr of ls.matchExpressions ?? []) {
    const op = SELECTOR_OPERATORS.get(expr.operator);
    if (!op) throw new SelectorParseError(`${JSON.stringify(expr.operator)} is not a valid label selector operator`);
    const values = op === 'exists' || op === '!' ? [] : [...(expr.values ?? [])];
    checkRequirement(expr.key, op, values);
    reqs.push({ key: expr.key, operator: op, values });
  }
  return { requirements: reqs.sort(byKey) };
}

/** NewRequirement's checks; throws with the aggregated error text. */
function checkRequirement(key: string, op: Operator, values: string[]): void {
  const errs: FieldError[] = [];
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length) errs.push(invalidField('key', key, keyErrs.join('; ')));
  if ((op === 'in' || op === 'notin') && values.length === 0) {
    errs.push(invalidField('values', values, "for 'in', 'notin' operators, values set can't be empty"));
  } else if ((op === '=' || op === '==' || op === '!=') && values.length !== 1) {
    errs.push(invalidField('values', values, 'exact-match compatibility requires one single value'));
  } else if ((op === 'exists' || op === '!') && values.length !== 0) {
    errs.push(invalidField('values', values, 'values set must be empty for exists and does not exist'));
  } else if (op === 'gt' || op === 'lt') {
    if (values.length !== 1) errs.push(invalidField('values', values, "for 'Gt', 'Lt' operators, exactly one value is required"));
    values.forEach((v, i) => {
      if (!/^[+-]?\d+$/.test(v)) errs.push(invalidField(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
    });
  }
  values.forEach((v, i) => {
    const vErrs = isValidLabelValue(v);
    if (vErrs.length) errs.push(invalidField(`values[${i}][${key}]`, v, vErrs.join('; ')));
  });
  if (errs.length) throw new SelectorParseError(aggregate(errs.map(e => `${e.field}: ${errorBody(e)}`)));
}

/** utilerrors.Aggregate's Error(): one message as is, several as "[a, b]". */
const aggregate = (msgs: string[]): string => (msgs.length === 1 ? msgs[0]! : `[${msgs.join(', ')}]`);

// ---- the string form: labels.Parse ------------------------------------------------------------

type Tok = 'error' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';
/** The lexer's tokens (a Map: an identifier such as "constructor" must not find what plain objects inherit). */
const TOKENS = new Map<string, Tok>([[')', ')'], [',', ','], ['!', '!'], ['==', '=='], ['=', '='], ['>', '>'], ['in', 'in'], ['<', '<'], ['!=', '!='], ['notin', 'notin'], ['(', '(']]);
const isSpecial = (c: string): boolean => '=!(),><'.includes(c);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';

function lex(s: string): { tok: Tok; lit: string }[] {
  const out: { tok: Tok; lit: string }[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isSpace(s[pos]!)) pos++;
    if (pos >= s.length) { out.push({ tok: 'eos', lit: '' }); return out; }
    if (isSpecial(s[pos]!)) {
      let buf = '';
      let last: { tok: Tok; lit: string } | undefined;
      while (pos < s.length && isSpecial(s[pos]!)) {
        buf += s[pos++];
        const t = TOKENS.get(buf);
        if (t) last = { tok: t, lit: buf };
        else if (last) { pos--; break; }
      }
      out.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buf}'` });
    } else {
      let buf = '';
      while (pos < s.length && !isSpecial(s[pos]!) && !isSpace(s[pos]!)) buf += s[pos++];
      const t = TOKENS.get(buf);
      out.push({ tok: t ?? 'id', lit: buf });
    }
  }
}

const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

/** labels.Parse: the string form used by `-l` and list options. Throws SelectorParseError with upstream's text. */
export function parseSelector(text: string): Selector {
  const items = lex(text);
  let pos = 0;
  const peek = (values: boolean): { tok: Tok; lit: string } => asCtx(items[pos]!, values);
  const next = (values: boolean): { tok: Tok; lit: string } => asCtx(items[pos++]!, values);
  function asCtx(item: { tok: Tok; lit: string }, values: boolean): { tok: Tok; lit: string } {
    return values && (item.tok === 'in' || item.tok === 'notin') ? { tok: 'id', lit: item.lit } : item;
  }
  const fail = (msg: string): never => { throw new SelectorParseError(msg); };

  function parseRequirement(): Requirement {
    let op: Operator | undefined;
    let t = next(true);
    if (t.tok === '!') { op = '!'; t = next(true); }
    if (t.tok !== 'id') fail(`found '${t.lit}', expected: identifier`);
    const key = t.lit;
    const keyErrs = isQualifiedName(key);
    if (keyErrs.length) fail(`<nil>: ${errorBody(invalidField('', key, keyErrs.join('; ')))}`);
    const la = peek(true).tok;
    if (la === 'eos' || la === ',') op = op === '!' ? '!' : 'exists';
    if (op === 'exists' || op === '!') { checkRequirement(key, op, []); return { key, operator: op, values: [] }; }
    const o = next(false);
    const binary: Partial<Record<Tok, Operator>> = { in: 'in', '=': '=', '==': '==', '>': 'gt', '<': 'lt', notin: 'notin', '!=': '!=' };
    const bop = binary[o.tok] ?? fail(`found '${o.lit}', expected: ${BINARY_OPERATORS}`);
    let values: Set<string>;
    if (bop === 'in' || bop === 'notin') values = parseValues();
    else {
      values = new Set();
      const v = peek(true);
      if (v.tok === 'eos' || v.tok === ',') values.add('');
      else {
        const c = next(true);
        if (c.tok !== 'id') fail(`found '${c.lit}', expected: identifier`);
        values.add(c.lit);
      }
    }
    const sorted = [...values].sort();
    checkRequirement(key, bop, sorted);
    return { key, operator: bop, values: sorted };
  }

  function parseValues(): Set<string> {
    const open = next(true);
    if (open.tok !== '(') fail(`found '${open.lit}' expected: '('`);
    const first = peek(true);
    if (first.tok === ')') { next(true); return new Set(['']); }
    if (first.tok !== 'id' && first.tok !== ',') fail(`found '${first.lit}', expected: ',', ')' or identifier`);
    const s = new Set<string>();
    for (;;) {
      const t = next(true);
      if (t.tok === 'id') {
        s.add(t.lit);
        const t2 = peek(true);
        if (t2.tok === ',') continue;
        if (t2.tok === ')') break;
        fail(`found '${t2.lit}', expected: ',' or ')'`);
      } else if (t.tok === ',') {
        if (s.size === 0) s.add('');
        const t2 = peek(true).tok;
        if (t2 === ')') { s.add(''); break; }
        if (t2 === ',') s.add('');
      } else fail(`found '${t.lit}', expected: ',', or identifier`);
    }
    if (next(true).tok !== ')') fail(`found '${first.lit}', expected: ')'`);
    return s;
  }

  const reqs: Requirement[] = [];
  for (;;) {
    const t = peek(true);
    if (t.tok === 'eos') break;
    if (t.tok !== 'id' && t.tok !== '!') fail(`found '${t.lit}', expected: !, identifier, or 'end of string'`);
    try {
      reqs.push(parseRequirement());
    } catch (e) {
      if (e instanceof SelectorParseError) throw new SelectorParseError(`unable to parse requirement: ${e.message}`);
      throw e;
    }
    const after = next(true);
    if (after.tok === 'eos') break;
    if (after.tok !== ',') fail(`found '${after.lit}', expected: ',' or 'end of string'`);
    const t2 = peek(true);
    if (t2.tok !== 'id' && t2.tok !== '!') fail(`found '${t2.lit}', expected: identifier after ','`);
  }
  return { requirements: reqs.sort(byKey) };
}

// ---- field selectors: fields.ParseSelector --------------------------------------------------------

export interface FieldRequirement { field: string; operator: '=' | '!='; value: string }

/** Parses "a=b,c!=d" (also "=="); throws with upstream's text for anything else. */
export function parseFieldSelector(text: string): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  if (text.trim() === '') return out;
  for (const part of text.split(',')) {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(part);
    if (!m) throw new SelectorParseError(`invalid selector: '${text}'; can't understand '${part}'`);
    out.push({ field: m[1]!.trim(), operator: m[2] === '!=' ? '!=' : '=', value: m[3]!.trim() });
  }
  return out;
}

export function fieldRequirementsMatch(reqs: readonly FieldRequirement[], get: (field: string) => string | undefined): boolean {
  for (const r of reqs) {
    const v = get(r.field) ?? '';
    if (r.operator === '=' ? v !== r.value : v === r.value) return false;
  }
  return true;
}

/** labels.ConvertSelectorToLabelsMap: `a=b,c=d` as a label map; only equality requirements. */
export function convertSelectorToLabelsMap(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const r of parseSelector(text).requirements) {
    if (r.operator !== '=' && r.operator !== '==') throw new SelectorParseError(`${JSON.stringify(text)}: only key=value pairs make labels`);
    labels[r.key] = r.values[0]!;
  }
  return labels;
}
