// Runs transcript steps against a cluster: `kubectl …` through the simulated kubectl, `sleep D`
// by advancing virtual time only (`sleep 0` runs what is already due), `# …` as a comment. The
// output of a step is what a terminal shows: stdout and stderr in the order they were written.
import type { Cluster } from '../../cluster/cluster';
import { parseDuration } from '../../sim/time';
import { runKubectl } from '../kubectl';
import { parseTranscript, type TranscriptStep } from './parse';

export interface StepResult {
  step: TranscriptStep;
  /** What the terminal showed after the command line. */
  output: string;
  exitCode: number;
}

export interface RunOptions {
  /** The folder `-f` paths resolve against (the transcript's folder). */
  cwd: string;
}

/**
 * Where `-f NAME` looks after the transcript's folder and fixtures/: fixtures/manifests/, where
 * the project keeps its manifests, so a tutorial types `kubectl apply -f replicaset-demo.yaml`
 * as a reader standing in their manifest folder would.
 */
export const TRANSCRIPT_FIXTURE_FOLDERS = ['manifests'] as const;

function sleep(cluster: Cluster, args: string[]): { output: string; exitCode: number } {
  if (args.length === 0) return { output: 'sleep: missing operand\n', exitCode: 1 };
  let totalMs = 0;
  for (const a of args) {
    const ms = parseDuration(a);
    if (ms === undefined) return { output: `sleep: invalid time interval '${a}'\n`, exitCode: 1 };
    totalMs += ms;
  }
  cluster.sim.advance(totalMs);
  return { output: '', exitCode: 0 };
}

export function runStep(cluster: Cluster, step: TranscriptStep, options: RunOptions): StepResult {
  if (step.syntaxError) return { step, output: `kukumber: ${step.syntaxError}\n`, exitCode: 2 };
  const [command, ...args] = step.words;
  if (command === undefined) return { step, output: '', exitCode: 0 };
  if (command === 'kubectl') {
    const r = runKubectl(args, { cluster, cwd: options.cwd, stdin: step.stdin, fixtureFolders: TRANSCRIPT_FIXTURE_FOLDERS });
    return { step, output: r.terminal ?? r.stdout + r.stderr, exitCode: r.exitCode };
  }
  if (command === 'sleep') return { step, ...sleep(cluster, args) };
  return { step, output: `kukumber: ${command}: not supported in transcripts (kubectl, sleep and # comments are)\n`, exitCode: 127 };
}

/** Runs every step of a transcript in order. */
export function runTranscript(cluster: Cluster, text: string, options: RunOptions & { firstLine?: number }): StepResult[] {
  return parseTranscript(text, options.firstLine ?? 1).map(step => runStep(cluster, step, options));
}

/** A transcript with its outputs filled in, as `kukumber shell` prints it. */
export function renderTranscript(results: StepResult[]): string {
  let out = '';
  for (const r of results) {
    out += `${r.step.echo.join('\n')}\n`;
    if (r.output !== '') out += r.output.endsWith('\n') ? r.output : `${r.output}\n`;
  }
  return out;
}
