// Time steps: virtual time moves only when a step says so; marks name an instant for later checks.
import { defineStep } from './support/catalog';
import type { KukumberWorld } from './support/world';
import { durationText } from '../src/check/durations';

defineStep('When', '{duration} pass(es)', {
  domain: 'time', example: '30s pass',
  doc: 'Runs the cluster for that much virtual time, including every event due exactly at the end.',
}, function (this: KukumberWorld, ms: number) {
  this.perform(c => c.sim.advance(ms));
});

defineStep('When', 'I mark {string}', {
  domain: 'time', example: 'I mark "rollout-start"',
  doc: 'Names the current instant (and the writes so far); `always since "<mark>", …` and counts `since "<mark>"` start there.',
}, function (this: KukumberWorld, name: string) {
  this.perform(c => c.annotations.mark(name));
});

defineStep('Then', 'the clock reads {duration}', {
  domain: 'time', example: 'the clock reads 1m30s',
  doc: 'Virtual time since the scenario started is exactly this (checks that stop early, like `within`, leave the clock where they stopped).',
}, function (this: KukumberWorld, ms: number) {
  const now = this.perform(c => c.sim.nowMs);
  if (now !== ms) throw new Error(`the clock reads ${durationText(now)}, not ${durationText(ms)}`);
});
