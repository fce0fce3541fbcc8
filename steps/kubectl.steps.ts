// Terminal steps: a doc string as a transcript ("$ kubectl …" lines with their expected output,
// "$ sleep 30s") run against the scenario's cluster, or one command line whose output a later
// step checks. Outputs compare as kukumber doctest compares them ("..." wildcards, trailing
// spaces ignored); a mismatch fails with the unified diff and the seed that replays it.
import { defineStep } from './support/catalog';
import { expect } from 'chai';
import type { KukumberWorld } from './support/world';
import { doctestText, formatMismatch } from '../src/kubectl/transcript/doctest';
import { parseTranscript } from '../src/kubectl/transcript/parse';
import { runStep, type StepResult } from '../src/kubectl/transcript/run';
import { outputLines, outputMatches } from '../src/kubectl/transcript/match';
import { unifiedDiff } from '../src/kubectl/transcript/unified_diff';

/** The last single command each scenario ran (When I run "…"). */
const lastCommand = new WeakMap<KukumberWorld, StepResult>();

const replay = (world: KukumberWorld): string => `(replay with KUKUMBER_SEED=${world.seed})`;

defineStep('Then', 'the terminal shows:', {
  domain: 'kubectl', example: 'the terminal shows:', block: 'doc string',
  doc: 'Runs the doc string as a transcript ("$ kubectl …", "$ sleep 30s") against the cluster; every output must match ("..." matches any run of characters in a line).',
}, function (this: KukumberWorld, transcript: string) {
  const { mismatches } = this.perform(c => doctestText(c, transcript, 'terminal', process.cwd()));
  expect(mismatches.length, `the terminal showed something else ${replay(this)}:\n${mismatches.map(formatMismatch).join('\n')}`).to.equal(0);
});

defineStep('When', 'I run {string}', {
  domain: 'kubectl', example: 'I run "kubectl scale rs/web --replicas=3"',
  doc: 'Runs one kubectl command line (or `sleep D`) against the cluster; later steps check its output.',
}, function (this: KukumberWorld, commandLine: string) {
  const [step] = parseTranscript(`$ ${commandLine}\n`);
  lastCommand.set(this, this.perform(c => runStep(c, step!, { cwd: process.cwd() })));
});

function checkOutput(world: KukumberWorld, expected: string, wantSuccess: boolean | undefined): void {
  const result = lastCommand.get(world);
  expect(result, 'no command has run yet (use: When I run "kubectl …")').to.not.equal(undefined);
  const want = outputLines(expected);
  const got = outputLines(result!.output);
  if (wantSuccess !== undefined) {
    expect(result!.exitCode === 0, `"${result!.step.text}" exited with status ${result!.exitCode}:\n${result!.output}`).to.equal(wantSuccess);
  }
  expect(outputMatches(want, got), `"${result!.step.text}" printed something else ${replay(world)}:\n${unifiedDiff(want, got)}`).to.equal(true);
}

defineStep('Then', 'the output is:', {
  domain: 'kubectl', example: 'the output is:', block: 'doc string',
  doc: 'The last command printed this (stdout and stderr as a terminal shows them).',
}, function (this: KukumberWorld, expected: string) {
  checkOutput(this, expected, undefined);
});

defineStep('Then', 'the command succeeds with:', {
  domain: 'kubectl', example: 'the command succeeds with:', block: 'doc string',
  doc: 'The last command exited 0 and printed this.',
}, function (this: KukumberWorld, expected: string) {
  checkOutput(this, expected, true);
});

defineStep('Then', 'the command fails with:', {
  domain: 'kubectl', example: 'the command fails with:', block: 'doc string',
  doc: 'The last command exited non-zero and printed this.',
}, function (this: KukumberWorld, expected: string) {
  checkOutput(this, expected, false);
});
