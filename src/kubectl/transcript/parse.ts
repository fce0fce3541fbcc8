// The transcript grammar: a line starting with "$ " is a command (a trailing \ continues it on the
// next line; a heredoc's lines up to its terminator are the command's stdin); every other line is
// expected output of the command above it. Lines before the first command are prose and ignored.
import { ShellSyntaxError, splitShellWords } from './shell_words';

export interface TranscriptStep {
  /** 1-based line of the "$ " line in its file. */
  line: number;
  /** The command as written, without "$ " (continuation lines joined with their newlines). */
  text: string;
  /** The lines that echo the command, as written (the "$ " line, continuations, heredoc body). */
  echo: string[];
  /** The shell words, or the syntax error that stops the command from running. */
  words: string[];
  syntaxError?: string;
  stdin?: string;
  /** Expected output lines, as written. */
  expected: string[];
  /** 1-based line of the first expected-output line. */
  expectedLine: number;
}

const PROMPT = '$ ';

export function isCommandLine(line: string): boolean {
  return line.startsWith(PROMPT) || line === '$';
}

/** The prose before the first command (kept by `kukumber shell`, ignored by doctest). */
export function transcriptPreamble(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const first = lines.findIndex(isCommandLine);
  return first < 0 ? lines.filter((l, i) => l !== '' || i < lines.length - 1) : lines.slice(0, first);
}

export function parseTranscript(text: string, firstLine = 1): TranscriptStep[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const steps: TranscriptStep[] = [];
  let i = 0;
  while (i < lines.length && !isCommandLine(lines[i]!)) i++;
  while (i < lines.length) {
    const start = i;
    const echo = [lines[i]!];
    let text = lines[i]!.slice(PROMPT.length);
    while (text.endsWith('\\') && i + 1 < lines.length) {
      i++;
      echo.push(lines[i]!);
      text = `${text.slice(0, -1)}${lines[i]}`;
    }
    i++;
    const step: TranscriptStep = { line: firstLine + start, text, echo, words: [], expected: [], expectedLine: 0 };
    try {
      const parsed = splitShellWords(text);
      step.words = parsed.words;
      if (parsed.heredoc) {
        const body: string[] = [];
        while (i < lines.length && (parsed.heredoc.stripTabs ? lines[i]!.replace(/^\t+/, '') : lines[i]) !== parsed.heredoc.delimiter) {
          body.push(parsed.heredoc.stripTabs ? lines[i]!.replace(/^\t+/, '') : lines[i]!);
          echo.push(lines[i]!);
          i++;
        }
        if (i < lines.length) echo.push(lines[i++]!);
        step.stdin = body.length ? `${body.join('\n')}\n` : '';
      }
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      step.syntaxError = e.message;
    }
    step.expectedLine = firstLine + i;
    while (i < lines.length && !isCommandLine(lines[i]!)) step.expected.push(lines[i++]!);
    steps.push(step);
  }
  return steps;
}
