// Transcripts as tests: runs .txt transcripts and Markdown console blocks, compares every
// command's real output with the expected lines (match.ts), and reports each mismatch as a unified
// diff naming the file and line. One cluster per file; a Markdown file's blocks share it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { consoleBlocks } from './markdown';
import { outputLines, outputMatches } from './match';
import { runStep, type StepResult } from './run';
import { parseTranscript } from './parse';
import { unifiedDiff } from './unified_diff';
import { createTranscriptCluster, type TranscriptClusterOptions } from './cluster_options';
import type { Cluster } from '../../cluster/cluster';

export interface Mismatch {
  file: string;
  line: number;
  command: string;
  diff: string;
}

export interface DoctestReport {
  files: number;
  commands: number;
  mismatches: Mismatch[];
}

/** Checks one step's output against its expected lines. */
export function checkStep(file: string, r: StepResult): Mismatch | undefined {
  const expected = outputLines(r.step.expected);
  const actual = outputLines(r.output);
  if (outputMatches(expected, actual)) return undefined;
  return { file, line: r.step.line, command: r.step.text, diff: unifiedDiff(expected, actual) };
}

/** Runs a transcript's text on a cluster and checks every command (for steps and unit tests). */
export function doctestText(cluster: Cluster, text: string, file: string, cwd: string, firstLine = 1): { results: StepResult[]; mismatches: Mismatch[] } {
  const results = parseTranscript(text, firstLine).map(step => runStep(cluster, step, { cwd }));
  return { results, mismatches: results.map(r => checkStep(file, r)).filter((m): m is Mismatch => m !== undefined) };
}

/** The .txt and .md files under the given paths, in name order. */
export function doctestFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) {
      out.push(...doctestFiles(readdirSync(p).sort().map(f => join(p, f)).filter(f => statSync(f).isDirectory() || /\.(txt|md)$/.test(f))));
    } else out.push(p);
  }
  return out;
}

export function doctestFile(file: string, options: TranscriptClusterOptions = {}): DoctestReport {
  const text = readFileSync(file, 'utf8');
  const pieces = file.endsWith('.md') ? consoleBlocks(text) : [{ firstLine: 1, text }];
  const steps = pieces.flatMap(b => parseTranscript(b.text, b.firstLine));
  if (steps.length === 0) return { files: 1, commands: 0, mismatches: [] };
  const cluster = createTranscriptCluster(options);
  const mismatches: Mismatch[] = [];
  for (const step of steps) {
    const m = checkStep(file, runStep(cluster, step, { cwd: dirname(file) }));
    if (m) mismatches.push(m);
  }
  return { files: 1, commands: steps.length, mismatches };
}

export function formatMismatch(m: Mismatch): string {
  return `${m.file}:${m.line}: $ ${m.command}\n${m.diff}`;
}
