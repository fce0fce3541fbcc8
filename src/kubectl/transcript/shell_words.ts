// Splits a command line into words as a POSIX shell would: blanks separate words; '…' is literal;
// "…" keeps blanks and lets \ escape only $ ` " \ and newline; a bare \ escapes the next
// character; a heredoc (<<EOF, <<'EOF', <<-EOF) marks the command's stdin. Anything that needs a
// real shell — pipes, redirections, ; && ||, $expansions, `…` — is refused in one clear line.

export class ShellSyntaxError extends Error {
  override name = 'ShellSyntaxError';
}

export interface ShellCommand {
  words: string[];
  /** The heredoc terminator, when the line ends with <<WORD. */
  heredoc?: { delimiter: string; stripTabs: boolean };
}

const OPERATORS = /[|&;<>()]/;
/** What may follow $ for the shell to expand it ($x, ${x}, $(cmd), $1, $?, …). */
const EXPANDS = /[A-Za-z0-9_{(@*#?$!-]/;

export function splitShellWords(line: string): ShellCommand {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let heredoc: ShellCommand['heredoc'];
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      if (inWord) { words.push(word); word = ''; inWord = false; }
      continue;
    }
    if (c === '#' && !inWord) break; // a comment runs to the end of the line
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError('unexpected end of line: unterminated single quote');
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
      continue;
    }
    if (c === '"') {
      i = readDoubleQuoted(line, i + 1, s => { word += s; });
      inWord = true;
      continue;
    }
    if (c === '\\') {
      if (i + 1 < line.length) word += line[++i];
      inWord = true;
      continue;
    }
    if (c === '`' || (c === '$' && EXPANDS.test(line[i + 1] ?? ''))) {
      throw new ShellSyntaxError(`${c === '`' ? 'command substitution' : 'variable expansion'} is not supported: ${line.slice(i)}`);
    }
    if (c === '<' && line[i + 1] === '<' && !heredoc) {
      if (inWord) { words.push(word); word = ''; inWord = false; }
      const m = /^<<(-?)\s*(?:'([^']+)'|"([^"]+)"|([A-Za-z_][A-Za-z0-9_]*))\s*$/.exec(line.slice(i));
      if (!m) throw new ShellSyntaxError(`unsupported redirection: ${line.slice(i)}`);
      heredoc = { delimiter: m[2] ?? m[3] ?? m[4]!, stripTabs: m[1] === '-' };
      break;
    }
    if (OPERATORS.test(c)) throw new ShellSyntaxError(`"${c}" is not supported (one command per line, no pipes or redirections)`);
    word += c;
    inWord = true;
  }
  if (inWord) words.push(word);
  return heredoc ? { words, heredoc } : { words };
}

function readDoubleQuoted(line: string, start: number, emit: (s: string) => void): number {
  for (let i = start; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') return i;
    if (c === '\\' && i + 1 < line.length && '$`"\\'.includes(line[i + 1]!)) { emit(line[++i]!); continue; }
    if (c === '$' && EXPANDS.test(line[i + 1] ?? '')) throw new ShellSyntaxError(`variable expansion is not supported: ${line.slice(i)}`);
    if (c === '`') throw new ShellSyntaxError(`command substitution is not supported: ${line.slice(i)}`);
    emit(c);
  }
  throw new ShellSyntaxError('unexpected end of line: unterminated double quote');
}

/** Quotes a word so splitShellWords gives it back (for echoing generated commands). */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
