// `kukumber shell`: reads a transcript on stdin, runs it against a fresh simulated cluster and
// prints it with the real outputs filled in — each command echoed as "$ <command>", then what
// the terminal showed. `-f` paths resolve against the current directory, then fixtures/, then
// fixtures/manifests/.
import { readFileSync } from 'node:fs';
import { createTranscriptCluster, TranscriptOptionError } from '../kubectl/transcript/cluster_options';
import { renderTranscript, runTranscript } from '../kubectl/transcript/run';
import { transcriptPreamble } from '../kubectl/transcript/parse';
import { parseTranscriptArgs, UsageError } from './transcript_options';

export const SHELL_USAGE = 'Usage: kukumber shell [--nodes N] [--seed S] [--images FILE] < transcript.txt\n';

export function runShell(args: string[]): number {
  try {
    const { options, paths } = parseTranscriptArgs(args);
    if (paths.length) throw new UsageError(`unexpected argument "${paths[0]}" (the transcript comes on stdin)`);
    const text = readFileSync(0, 'utf8');
    const cluster = createTranscriptCluster(options);
    const preamble = transcriptPreamble(text);
    if (preamble.length) process.stdout.write(`${preamble.join('\n')}\n`);
    process.stdout.write(renderTranscript(runTranscript(cluster, text, { cwd: process.cwd() })));
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof TranscriptOptionError) {
      process.stderr.write(`kukumber shell: ${e.message}\n${SHELL_USAGE}`);
      return 1;
    }
    throw e;
  }
}
