// The template syntax of kubectl's `-o jsonpath=…` (client-go util/jsonpath parser.go): text with
// {actions}; inside an action `.field` (with `\.` escapes), `[n]`, `[a:b:c]`, `[*]`, `['key']`,
// `[x,y]` unions, `[?(@.a=="b")]` filters, `..` recursive descent, `*`, quoted literals ("\n"),
// `range` / `end`. Parse errors carry client-go's words ("unclosed action", "unterminated array").

export interface Param { value: number; known: boolean; derived: boolean }

export type PathNode =
  | { kind: 'list'; nodes: PathNode[] }
  | { kind: 'text'; text: string }
  | { kind: 'field'; name: string }
  | { kind: 'wildcard' }
  | { kind: 'recursive' }
  | { kind: 'array'; params: [Param, Param, Param] }
  | { kind: 'union'; members: PathNode[] }
  | { kind: 'filter'; left: PathNode; right: PathNode; operator: string }
  | { kind: 'number'; value: number; integer: boolean }
  | { kind: 'bool'; value: boolean }
  | { kind: 'identifier'; name: string };

export type ListNode = Extract<PathNode, { kind: 'list' }>;

export class JsonPathParseError extends Error {
  override name = 'JsonPathParseError';
}

const isSpace = (r: string): boolean => r === ' ' || r === '\t';
const isEndOfLine = (r: string): boolean => r === '\r' || r === '\n';
const isAlphaNumeric = (r: string): boolean => r === '_' || /[\p{L}\p{Nd}]/u.test(r);
const isTerminator = (r: string | undefined): boolean =>
  r === undefined || isSpace(r) || isEndOfLine(r) || '.,[]$@{}'.includes(r);
const isBool = (s: string): boolean => s === 'true' || s === 'false';

/** UnquoteExtend: Go's strconv.Unquote, also for single-quoted strings of any length. */
function unquote(quoted: string): string {
  const body = quoted.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') { out += c; continue; }
    const n = body[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'" };
    if (n !== undefined && simple[n] !== undefined) { out += simple[n]; continue; }
    const hex = n === 'x' ? 2 : n === 'u' ? 4 : n === 'U' ? 8 : 0;
    if (hex && /^[0-9a-fA-F]+$/.test(body.slice(i + 1, i + 1 + hex)) && body.length >= i + 1 + hex) {
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 1 + hex), 16));
      i += hex;
      continue;
    }
    throw new JsonPathParseError('invalid syntax');
  }
  return out;
}

class Parser {
  pos = 0;
  start = 0;
  constructor(private readonly input: string) {}

  private width = 0;

  /** The next character, or undefined at the end (where, as in Go, the position stays put). */
  next(): string | undefined {
    if (this.pos >= this.input.length) { this.width = 0; return undefined; }
    this.width = 1;
    return this.input[this.pos++];
  }
  backup(): void { this.pos -= this.width; }
  peek(): string | undefined { return this.input[this.pos]; }
  consumeText(): string {
    const text = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return text;
  }
  rest(): string { return this.input.slice(this.pos); }

  parseText(root: PathNode[]): void {
    for (;;) {
      if (this.rest().startsWith('{')) {
        if (this.pos > this.start) root.push({ kind: 'text', text: this.consumeText() });
        this.parseLeftDelim(root);
        return;
      }
      if (this.next() === undefined) break;
    }
    if (this.pos > this.start) root.push({ kind: 'text', text: this.consumeText() });
  }

  parseLeftDelim(root: PathNode[]): void {
    this.pos += 1;
    this.consumeText();
    const list: ListNode = { kind: 'list', nodes: [] };
    root.push(list);
    this.parseInsideAction(list, root);
  }

  parseInsideAction(cur: ListNode, root: PathNode[] | undefined): void {
    for (;;) {
      const rest = this.rest();
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consumeText();
        if (root) this.parseText(root);
        return;
      }
      if (rest.startsWith('[?(')) { this.parseFilter(cur); continue; }
      if (rest.startsWith('..')) { this.parseRecursive(cur); continue; }
      const r = this.next();
      if (r === undefined) {
        if (!root) return; // a sub-expression (filter side, union member) ends with its input
        throw new JsonPathParseError('unclosed action');
      }
      if (isEndOfLine(r)) throw new JsonPathParseError('unclosed action');
      if (r === ' ' || r === '@' || r === '$') this.consumeText();
      else if (r === '[') this.parseArray(cur);
      else if (r === '"' || r === "'") this.parseQuote(cur, r);
      else if (r === '.') this.parseField(cur);
      else if (r === '+' || r === '-' || /\p{Nd}/u.test(r)) { this.backup(); this.parseNumber(cur); }
      else if (isAlphaNumeric(r)) { this.backup(); this.parseIdentifier(cur); }
      else throw new JsonPathParseError(`unrecognized character in action: U+${r.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${r}'`);
    }
  }

  parseIdentifier(cur: ListNode): void {
    while (!isTerminator(this.next())) { /* scan */ }
    this.backup();
    const value = this.consumeText();
    cur.nodes.push(isBool(value) ? { kind: 'bool', value: value === 'true' } : { kind: 'identifier', name: value });
  }

  parseNumber(cur: ListNode): void {
    const r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) {
      const c = this.next();
      if (c === undefined || !(c === '.' || /\p{Nd}/u.test(c))) { this.backup(); break; }
    }
    const value = this.consumeText();
    const n = Number(value);
    if (value.includes('.')) {
      if (Number.isNaN(n)) throw new JsonPathParseError(`cannot parse number ${value}`);
      cur.nodes.push({ kind: 'number', value: n, integer: false });
    } else {
      if (!/^[+-]?\d+$/.test(value)) throw new JsonPathParseError(`cannot parse number ${value}`);
      cur.nodes.push({ kind: 'number', value: n, integer: true });
    }
  }

  parseField(cur: ListNode): void {
    this.consumeText();
    for (;;) {
      const r = this.next();
      if (r === '\\') this.next();
      else if (isTerminator(r)) { this.backup(); break; }
    }
    const value = this.consumeText();
    cur.nodes.push(value === '*' ? { kind: 'wildcard' } : { kind: 'field', name: value.replaceAll('\\', '') });
  }

  parseRecursive(cur: ListNode): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last?.kind === 'recursive') throw new JsonPathParseError('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ kind: 'recursive' });
    const r = this.peek();
    if (r !== undefined && isAlphaNumeric(r)) this.parseField(cur);
  }

  parseQuote(cur: ListNode, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === undefined || isEndOfLine(r)) throw new JsonPathParseError('unterminated quoted string');
      if (r === '\\') { this.next(); continue; }
      if (r === end) break;
    }
    cur.nodes.push({ kind: 'text', text: unquote(this.consumeText()) });
  }

  parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === undefined || r === '\n') throw new JsonPathParseError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consumeText().slice(1, -1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      cur.nodes.push({ kind: 'union', members: parts.map(p => parseAction(`[${p.trim()}]`)) });
      return;
    }
    const dict = /^'([^']*)'$/.exec(text);
    if (dict) {
      cur.nodes.push(...parseAction(`.${dict[1]}`).nodes);
      return;
    }
    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
    if (!m) throw new JsonPathParseError(`invalid array index ${text}`);
    const raw = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    const params: Param[] = [];
    for (let i = 0; i < 3; i++) {
      let v = raw[i]!;
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') params.push({ value: 0, known: false, derived: false });
        else {
          if (!/^-?\d+$/.test(v)) throw new JsonPathParseError(`array index ${v} is not a number`);
          params.push({ value: Number(v), known: true, derived: false });
        }
      } else if (i === 1) params.push({ value: params[0]!.value + 1, known: true, derived: true });
      else params.push({ value: 0, known: false, derived: false });
    }
    cur.nodes.push({ kind: 'array', params: params as [Param, Param, Param] });
  }

  parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === undefined || r === '\n') throw new JsonPathParseError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) { begin = true; pair = r; continue; }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) break;
    }
    if (this.next() !== ']') throw new JsonPathParseError('unclosed array expect ]');
    const text = this.consumeText().slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/.exec(text);
    if (!m) cur.nodes.push({ kind: 'filter', left: parseAction(text), right: { kind: 'list', nodes: [] }, operator: 'exists' });
    else cur.nodes.push({ kind: 'filter', left: parseAction(m[1]!), right: parseAction(m[3]!), operator: m[2]! });
  }
}

/** A sub-expression (filter side, union member, ['key']) parsed as the inside of an action. */
function parseAction(text: string): ListNode {
  const p = new Parser(text);
  const list: ListNode = { kind: 'list', nodes: [] };
  p.parseInsideAction(list, undefined);
  return list;
}

/** Parses a template; the result is text nodes and one list node per {action}. */
export function parseJsonPathTemplate(template: string): PathNode[] {
  const root: PathNode[] = [];
  new Parser(template).parseText(root);
  return root;
}
