// kubectl describe's output machinery (kubectl pkg/describe/describe.go): a PrefixWriter that
// indents by levels of two spaces into a text/tabwriter (minwidth 0, padding 2), escaping
// terminal control characters, and tabbedString which runs a describer and flushes.
import { TabWriter, DESCRIBE_WRITER } from '../printers/tabwriter';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

/** printers.WriteEscaped: ESC and CR would move the terminal's cursor; kubectl shows them. */
const escapeTerminal = (s: string): string => s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');

export class PrefixWriter {
  private readonly tw: TabWriter | undefined;
  private out = '';

  /**
   * `plain`: NewPrefixWriter over a bare buffer, no tabwriter — tabs stay tabs (rollout history's
   * printTemplate writes a pod template this way).
   */
  constructor(plain = false) {
    this.tw = plain ? undefined : new TabWriter(DESCRIBE_WRITER);
  }

  private emit(text: string): void {
    if (this.tw) this.tw.write(text);
    else this.out += text;
  }

  /** Write(level, text): the text after `level` two-space indents. */
  write(level: number, text: string): void {
    this.emit(escapeTerminal('  '.repeat(level) + text));
  }

  /** WriteLine(a...): fmt.Sprintln — the values separated by spaces, then a newline. */
  writeLine(...values: string[]): void {
    this.emit(escapeTerminal(`${values.join(' ')}\n`));
  }

  /** Flush: ends the current alignment blocks (DescribeEvents does this before its table). */
  flush(): void {
    if (this.tw) this.out += this.tw.flush();
  }

  text(): string {
    this.flush();
    return this.out;
  }
}

/** tabbedString: runs a describer body against a fresh writer and returns the laid-out text. */
export function tabbedString(body: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  body(w);
  return w.text();
}
