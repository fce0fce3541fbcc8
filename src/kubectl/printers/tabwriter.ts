// Go's text/tabwriter, as kubectl uses it: cells are tab-terminated, a column block is a run of
// consecutive lines that have a cell in that column, each column is as wide as its widest cell plus
// padding (at least minwidth), the last cell of a line is never padded, and a line without tabs
// flushes what came before (so it starts new alignment blocks). RememberWidths is the flag of
// github.com/liggitt/tabwriter (cli-runtime's table writer): widths survive a Flush.
// Not modelled: escape sequences, HTML filtering, AlignRight, Debug bars, tab padding.

export interface TabWriterOptions {
  minwidth: number;
  padding: number;
  padchar?: string;
  discardEmptyColumns?: boolean;
  rememberWidths?: boolean;
}

interface Cell { text: string; width: number; htab: boolean }

/** utf8.RuneCount: width is counted in code points, not display columns. */
const runeCount = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

export class TabWriter {
  private out = '';
  private lines: Cell[][] = [[]];
  private cellText = '';
  private widths: number[] = [];
  private maxwidths: number[] = [];

  constructor(private readonly options: TabWriterOptions) {}

  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.cellText += text.slice(start, i);
      start = i + 1;
      const ncells = this.terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        // A line with a single cell does not influence the layout of later lines: flush.
        if (ch === '\f' || ncells === 1) this.flushLines();
      }
    }
    this.cellText += text.slice(start);
  }

  /** Formats everything buffered and returns the output produced so far (and resets it). */
  flush(): string {
    if (this.cellText.length > 0) this.terminateCell(false);
    this.flushLines();
    const out = this.out;
    this.out = '';
    return out;
  }

  /** SetRememberedWidths(nil) of liggitt/tabwriter. */
  resetRememberedWidths(): void {
    this.maxwidths = [];
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1]!;
    line.push({ text: this.cellText, width: runeCount(this.cellText), htab });
    this.cellText = '';
    return line.length;
  }

  private flushLines(): void {
    if (this.cellText.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= this.lines[cur]!.length - 1) continue;
      // A cell exists in this column: print the lines before the block, then size the block.
      this.writeLines(line0, cur);
      line0 = cur;
      let width = this.options.minwidth;
      let discardable = true;
      for (; cur < line1; cur++) {
        const line = this.lines[cur]!;
        if (column >= line.length - 1) break;
        const c = line[column]!;
        width = Math.max(width, c.width + this.options.padding);
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && this.options.discardEmptyColumns) width = 0;
      if (this.options.rememberWidths) width = this.remember(width);
      this.widths.push(width);
      this.format(line0, cur);
      this.widths.pop();
      line0 = cur;
    }
    this.writeLines(line0, line1);
  }

  private remember(width: number): number {
    const col = this.widths.length;
    if (this.maxwidths.length < col) this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
    if (this.maxwidths.length === col) this.maxwidths.push(width);
    else if (this.maxwidths[col]! > width) return this.maxwidths[col]!;
    else this.maxwidths[col] = width;
    return width;
  }

  private writeLines(line0: number, line1: number): void {
    const pad = this.options.padchar ?? ' ';
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      line.forEach((c, j) => {
        this.out += c.text;
        if (j < this.widths.length) this.out += pad.repeat(Math.max(0, this.widths[j]! - c.width));
      });
      // The last buffered line has no newline yet (it is the line being written).
      if (i + 1 < this.lines.length) this.out += '\n';
    }
  }
}

/** Lays out tab-separated text in one go (writes, flushes). */
export function tabulate(text: string, options: TabWriterOptions): string {
  const w = new TabWriter(options);
  w.write(text);
  return w.flush();
}

/** cli-runtime GetNewTabWriter: minwidth 6, tabwidth 4, padding 3, spaces, RememberWidths. */
export const TABLE_WRITER: TabWriterOptions = { minwidth: 6, padding: 3, rememberWidths: true };

/** kubectl describe's tabbedString: minwidth 0, tabwidth 8, padding 2, spaces. */
export const DESCRIBE_WRITER: TabWriterOptions = { minwidth: 0, padding: 2 };
