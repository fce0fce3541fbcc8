// go-yaml v2's scalar emitter (emitterc.go), ported for the strings kubectl prints: the analysis
// that decides which styles are allowed (plain, 'single', "double", | literal), and the writers,
// including line folding past column 80 and the escapes of double-quoted scalars.
import { mustDoubleQuote } from './yaml_resolve';

export const BEST_WIDTH = 80;
export const BEST_INDENT = 2;

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

const isBreak = (c: string | undefined): boolean => c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isSpace = (c: string | undefined): boolean => c === ' ';
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isBlankz = (c: string | undefined): boolean => c === undefined || isBlank(c) || isBreak(c);

/** is_printable on a code point (the emitter runs in unicode mode, as sigs.k8s.io/yaml sets it). */
function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

interface Analysis { multiline: boolean; flowPlain: boolean; blockPlain: boolean; singleQuoted: boolean; block: boolean }

/** yaml_emitter_analyze_scalar. */
export function analyzeScalar(value: string): Analysis {
  const chars = [...value];
  if (chars.length === 0) return { multiline: false, flowPlain: false, blockPlain: true, singleQuoted: true, block: false };
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (value.startsWith('---') || value.startsWith('...')) { blockIndicators = true; flowIndicators = true; }
  let precededByWhitespace = true;
  chars.forEach((c, i) => {
    const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) { flowIndicators = true; blockIndicators = true; }
      else if (c === '?' || c === ':') { flowIndicators = true; if (followedByWhitespace) blockIndicators = true; }
      else if (c === '-' && followedByWhitespace) { flowIndicators = true; blockIndicators = true; }
    } else if (',?[]{}'.includes(c)) flowIndicators = true;
    else if (c === ':') { flowIndicators = true; if (followedByWhitespace) blockIndicators = true; }
    else if (c === '#' && precededByWhitespace) { flowIndicators = true; blockIndicators = true; }
    if (!isPrintable(c)) special = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  });
  const a: Analysis = { multiline: lineBreaks, flowPlain: true, blockPlain: true, singleQuoted: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) { a.flowPlain = false; a.blockPlain = false; }
  if (trailingSpace) a.block = false;
  if (breakSpace) { a.flowPlain = false; a.blockPlain = false; a.singleQuoted = false; }
  if (spaceBreak || special) { a.flowPlain = false; a.blockPlain = false; a.singleQuoted = false; a.block = false; }
  if (lineBreaks) { a.flowPlain = false; a.blockPlain = false; }
  if (flowIndicators) a.flowPlain = false;
  if (blockIndicators) a.blockPlain = false;
  return a;
}

/** Strings every style allows and nothing can misread; they skip the full analysis. */
const SIMPLE = /^[A-Za-z_][A-Za-z0-9._/-]*$/;

/** encode.go stringv + yaml_emitter_select_scalar_style (block context, no tags). */
export function selectStringStyle(value: string, simpleKey: boolean): ScalarStyle {
  if (SIMPLE.test(value) && !mustDoubleQuote(value)) return 'plain';
  let style: ScalarStyle = value.includes('\n') ? 'literal' : mustDoubleQuote(value) ? 'double' : 'plain';
  const a = analyzeScalar(value);
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain' && (!a.blockPlain || (value.length === 0 && simpleKey))) style = 'single';
  if (style === 'single' && !a.singleQuoted) style = 'double';
  if (style === 'literal' && (!a.block || simpleKey)) style = 'double';
  return style;
}

/** The emitter's output state: text, column and the whitespace/indention flags the writers consult. */
export class EmitterState {
  private readonly parts: string[] = [];
  column = 0;
  whitespace = true;
  indention = true;
  indent = -1;

  get out(): string { return this.parts.join(''); }
  /** Appends text without line breaks, advancing the column by its code points. */
  text(s: string, codePoints: number): void { this.parts.push(s); this.column += codePoints; }
  put(c: string): void { this.parts.push(c); this.column++; }
  putBreak(): void { this.parts.push('\n'); this.column = 0; }
  writeChar(c: string): void { this.parts.push(c); this.column++; }
  writeBreak(c: string): void { this.parts.push(c); this.column = 0; }
  endsWithNewline(): boolean { return this.parts.length > 0 && this.parts[this.parts.length - 1]!.endsWith('\n'); }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const c of indicator) this.put(c);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }
}

const ASTRAL = /[\uD800-\uDFFF]/;

export function writeScalar(e: EmitterState, value: string, style: ScalarStyle, allowBreaks: boolean): void {
  if (style === 'plain') {
    const length = ASTRAL.test(value) ? [...value].length : value.length;
    if (!e.whitespace) e.put(' ');
    // A fold needs a space past column 80; a short or unbreakable scalar is written in one piece.
    if (!allowBreaks || e.column + length <= BEST_WIDTH + 1 || !value.includes(' ')) {
      e.text(value, length);
      e.whitespace = false;
      e.indention = false;
      return;
    }
  }
  const chars = [...value];
  switch (style) {
    case 'plain': return writePlain(e, chars, allowBreaks);
    case 'single': return writeSingleQuoted(e, chars, allowBreaks);
    case 'double': return writeDoubleQuoted(e, chars, allowBreaks);
    case 'literal': return writeLiteral(e, chars);
  }
}

/** The folding plain writer (the leading space is already written by writeScalar). */
function writePlain(e: EmitterState, chars: string[], allowBreaks: boolean): void {
  let spaces = false;
  chars.forEach((c, i) => {
    if (isSpace(c)) {
      if (allowBreaks && !spaces && e.column > BEST_WIDTH && !isSpace(chars[i + 1])) e.writeIndent();
      else e.writeChar(c);
      spaces = true;
    } else {
      e.writeChar(c);
      e.indention = false;
      spaces = false;
    }
  });
  e.whitespace = false;
  e.indention = false;
}

function writeSingleQuoted(e: EmitterState, chars: string[], allowBreaks: boolean): void {
  e.writeIndicator("'", true, false, false);
  let spaces = false;
  let breaks = false;
  chars.forEach((c, i) => {
    if (isSpace(c)) {
      if (allowBreaks && !spaces && e.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && !isSpace(chars[i + 1])) e.writeIndent();
      else e.writeChar(c);
      spaces = true;
    } else if (isBreak(c)) {
      if (!breaks && c === '\n') e.putBreak();
      if (c === '\n') e.putBreak(); else e.writeBreak(c);
      e.indention = true;
      breaks = true;
    } else {
      if (breaks) e.writeIndent();
      if (c === "'") e.put("'");
      e.writeChar(c);
      e.indention = false;
      spaces = false;
      breaks = false;
    }
  });
  e.writeIndicator("'", false, false, false);
  e.whitespace = false;
  e.indention = false;
}

const DOUBLE_ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

function writeDoubleQuoted(e: EmitterState, chars: string[], allowBreaks: boolean): void {
  e.writeIndicator('"', true, false, false);
  let spaces = false;
  chars.forEach((c, i) => {
    const cp = c.codePointAt(0)!;
    if (!isPrintable(c) || cp === 0xfeff || isBreak(c) || c === '"' || c === '\\') {
      e.put('\\');
      const named = DOUBLE_ESCAPES[cp];
      if (named !== undefined) e.put(named);
      else {
        const [letter, width] = cp <= 0xff ? ['x', 2] : cp <= 0xffff ? ['u', 4] : ['U', 8];
        e.put(letter as string);
        for (const d of cp.toString(16).toUpperCase().padStart(width as number, '0')) e.put(d);
      }
      spaces = false;
    } else if (isSpace(c)) {
      if (allowBreaks && !spaces && e.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
        e.writeIndent();
        if (isSpace(chars[i + 1])) e.put('\\');
      } else e.writeChar(c);
      spaces = true;
    } else {
      e.writeChar(c);
      spaces = false;
    }
  });
  e.writeIndicator('"', false, false, false);
  e.whitespace = false;
  e.indention = false;
}

/** yaml_emitter_write_block_scalar_hints: indentation hint for leading blanks, chomping (-, clip, +). */
function blockHints(e: EmitterState, chars: string[]): void {
  if (isSpace(chars[0]) || isBreak(chars[0])) e.writeIndicator(String(BEST_INDENT), false, false, false);
  const last = chars.length - 1;
  let chomp = '';
  if (chars.length === 0 || !isBreak(chars[last])) chomp = '-';
  else if (last === 0 || isBreak(chars[last - 1])) chomp = '+';
  if (chomp) e.writeIndicator(chomp, false, false, false);
}

function writeLiteral(e: EmitterState, chars: string[]): void {
  e.writeIndicator('|', true, false, false);
  blockHints(e, chars);
  e.putBreak();
  e.indention = true;
  e.whitespace = true;
  let breaks = true;
  for (const c of chars) {
    if (isBreak(c)) {
      if (c === '\n') e.putBreak(); else e.writeBreak(c);
      e.indention = true;
      breaks = true;
    } else {
      if (breaks) e.writeIndent();
      e.writeChar(c);
      e.indention = false;
      breaks = false;
    }
  }
}
