// Runaway steps: how many creations by one owner count as a runaway, and whether one happens. A
// runaway stops the cluster with a diagnosis (src/cluster/runaway.ts) in whichever step runs it;
// these steps expect it — documenting the bug — or rule it out.
import { expect } from 'chai';
import { defineStep } from './support/catalog';
import type { KukumberWorld } from './support/world';
import { RunawayError } from '../src/cluster/runaway';
import { durationText } from '../src/check/durations';
import type { Cluster } from '../src/cluster/cluster';

/** Runs the cluster for durationMs; returns the runaway that stopped it, if one did (and when). */
function runFor(c: Cluster, durationMs: number): { message: string; atMs: number } | undefined {
  try {
    c.sim.advance(durationMs);
    return undefined;
  } catch (e) {
    if (e instanceof RunawayError) return { message: e.message, atMs: c.sim.nowMs };
    throw e;
  }
}

defineStep('Given', 'one owner creating {int} objects within {duration} is a runaway', {
  domain: 'runaway', example: 'one owner creating 200 objects within 1m is a runaway',
  doc: 'Sets the runaway threshold (default: 500 objects within 60s, counted per controlling owner over a sliding window of virtual time).',
}, function (this: KukumberWorld, maxCreations: number, windowMs: number) {
  if (maxCreations < 1 || windowMs <= 0) throw new Error('a runaway needs at least 1 object within a positive duration');
  this.perform(c => Object.assign(c.runaway.options, { maxCreations, windowMs }));
});

defineStep('Then', 'within {duration}, a runaway stops the cluster with:', {
  domain: 'runaway', example: 'within 2m, a runaway stops the cluster with:', block: 'doc string',
  doc: 'Runs the cluster for at most D; a runaway must stop it, and its diagnosis is exactly the doc string. The clock stays where the runaway stopped it.',
}, function (this: KukumberWorld, durationMs: number, expected: string) {
  const runaway = this.perform(c => runFor(c, durationMs));
  expect(runaway, `no runaway within ${durationText(durationMs)} (the clock reads ${durationText(this.cluster.sim.nowMs)}; reproduce: ${this.reproduction().command})`)
    .to.not.equal(undefined);
  expect(runaway!.message).to.equal(expected.trim());
});

defineStep('Then', 'for {duration}, no runaway happens', {
  domain: 'runaway', example: 'for 5m, no runaway happens',
  doc: 'Runs the cluster for D; fails with the diagnosis if an owner runs away meanwhile.',
}, function (this: KukumberWorld, durationMs: number) {
  const runaway = this.perform(c => runFor(c, durationMs));
  if (runaway) throw new Error(`a runaway stopped the cluster at ${durationText(runaway.atMs)}: ${runaway.message}\nReproduce: ${this.reproduction().command}`);
});
