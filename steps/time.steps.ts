// Time steps: virtual time moves only when a step says so.
import { When } from '@cucumber/cucumber';
import type { KukumberWorld } from './support/world';

When('{duration} pass(es)', function (this: KukumberWorld, ms: number) {
  this.cluster.sim.advance(ms);
});
