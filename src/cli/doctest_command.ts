// `kukumber doctest FILE|DIR…`: checks .txt transcripts and the console blocks of Markdown files
// against the simulated cluster; prints a unified diff per mismatching command (file and line
// first) and a summary; exit status 1 on any mismatch, or when there was nothing to check.
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { createTranscriptCluster, TranscriptOptionError } from '../kubectl/transcript/cluster_options';
import { doctestFile, doctestFiles, formatMismatch } from '../kubectl/transcript/doctest';
import { parseTranscriptArgs, UsageError } from './transcript_options';

export const DOCTEST_USAGE = 'Usage: kukumber doctest [--nodes N] [--seed S] [--images FILE] FILE|DIR...\n';

const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

export function runDoctest(args: string[]): number {
  try {
    const { options, paths } = parseTranscriptArgs(args);
    if (paths.length === 0) throw new UsageError('no files or folders given');
    for (const p of paths) if (!existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);
    createTranscriptCluster(options); // reject bad options before running anything
    const files = doctestFiles(paths);
    let commands = 0;
    let mismatches = 0;
    for (const file of files) {
      const shown = relative(process.cwd(), file) || file;
      const report = doctestFile(shown, options);
      commands += report.commands;
      mismatches += report.mismatches.length;
      for (const m of report.mismatches) process.stdout.write(`${formatMismatch(m)}\n`);
    }
    if (commands === 0) {
      process.stderr.write(`kukumber doctest: no transcript commands found in ${paths.join(' ')} (.txt files, or \`\`\`console blocks in .md files)\n`);
      return 1;
    }
    const summary = `kukumber doctest: ${plural(files.length, 'file')}, ${plural(commands, 'command')}, ${mismatches === 0 ? 'all matched' : plural(mismatches, 'mismatch', 'mismatches')}\n`;
    (mismatches ? process.stderr : process.stdout).write(summary);
    return mismatches ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof TranscriptOptionError) {
      process.stderr.write(`kukumber doctest: ${e.message}\n${DOCTEST_USAGE}`);
      return 1;
    }
    throw e;
  }
}
