// The clock against a mark: how much virtual time passed since a named instant, for claims like
// "evicted exactly 300 s after the taint" whose start is only known once the scenario runs.
import { defineStep } from './support/catalog';
import type { KukumberWorld } from './support/world';
import { durationText } from '../src/check/durations';

defineStep('Then', '{duration} has/have passed since {string}', {
  domain: 'time', example: '5m have passed since "tainted"',
  doc: 'The clock reads exactly this long after the mark (checks that stop early, like `within`, leave the clock where they stopped).',
}, function (this: KukumberWorld, ms: number, mark: string) {
  const { sinceMs, now } = this.perform(c => ({ sinceMs: c.sim.nowMs - c.annotations.markNamed(mark).atMs, now: c.sim.nowMs }));
  if (sinceMs !== ms) {
    throw new Error(`the clock reads ${durationText(sinceMs)} since ${JSON.stringify(mark)} (${durationText(now)}), not ${durationText(ms)}`);
  }
});
