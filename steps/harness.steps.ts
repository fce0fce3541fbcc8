// Steps about the harness itself: expecting a check to fail and reading its message, and
// replaying the scenario to show that a run is a function of its steps and seed.
import { expect } from 'chai';
import { defineStep } from './support/catalog';
import type { KukumberWorld } from './support/world';
import { firstHistoryDifference } from '../src/check/history_diff';

defineStep('When', 'the next check is expected to fail', {
  domain: 'harness', example: 'the next check is expected to fail',
  doc: 'The next check step keeps its failure message for `the check failed with:` instead of failing (and fails if the check holds).',
}, function (this: KukumberWorld) {
  this.expectingFailure = true;
  this.capturedFailure = undefined;
});

defineStep('Then', 'the check failed with:', {
  domain: 'harness', example: 'the check failed with:', block: 'doc string',
  doc: 'The expected failure\'s message is exactly the doc string.',
}, function (this: KukumberWorld, expected: string) {
  expect(this.capturedFailure, 'no check failed since "the next check is expected to fail"').to.not.equal(undefined);
  expect(this.capturedFailure).to.equal(expected);
});

defineStep('Then', 'replaying this scenario with the same seed writes the same history', {
  domain: 'harness', example: 'replaying this scenario with the same seed writes the same history',
  doc: 'Runs every step so far again on a fresh cluster with the same seed and compares the histories write by write.',
}, function (this: KukumberWorld) {
  const difference = firstHistoryDifference(this.cluster.store.history, this.replay(this.seed).store.history);
  expect(difference, `the replay with seed ${this.seed} differs`).to.equal(undefined);
});

defineStep('Then', 'replaying this scenario with seed {int} writes a different history', {
  domain: 'harness', example: 'replaying this scenario with seed 7 writes a different history',
  doc: 'As above with another seed: generated names and uids come from the seed, so the histories differ.',
}, function (this: KukumberWorld, seed: number) {
  expect(seed, 'pick a seed other than the scenario\'s').to.not.equal(this.seed);
  const difference = firstHistoryDifference(this.cluster.store.history, this.replay(seed).store.history);
  expect(difference, `the replay with seed ${seed} wrote the same history`).to.not.equal(undefined);
});
