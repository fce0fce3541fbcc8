// Terminal steps: a doc string as a transcript ("$ kubectl …" lines with their expected output,
// "$ sleep 30s") run against the scenario's cluster, or one command line whose output a later
// step checks. Outputs compare as kukumber doctest compares them ("..." wildcards, trailing
// spaces ignored); a mismatch fails with the unified diff and the seed that replays it.
import { Then, When } from '@cucumber/cucumber';
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

Then('the terminal shows:', function (this: KukumberWorld, transcript: string) {
  const { mismatches } = doctestText(this.cluster, transcript, 'terminal', process.cwd());
  expect(mismatches.length, `the terminal showed something else ${replay(this)}:\n${mismatches.map(formatMismatch).join('\n')}`).to.equal(0);
});

When('I run {string}', function (this: KukumberWorld, commandLine: string) {
  const [step] = parseTranscript(`$ ${commandLine}\n`);
  lastCommand.set(this, runStep(this.cluster, step!, { cwd: process.cwd() }));
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

Then('the output is:', function (this: KukumberWorld, expected: string) {
  checkOutput(this, expected, undefined);
});

Then('the command succeeds with:', function (this: KukumberWorld, expected: string) {
  checkOutput(this, expected, true);
});

Then('the command fails with:', function (this: KukumberWorld, expected: string) {
  checkOutput(this, expected, false);
});
