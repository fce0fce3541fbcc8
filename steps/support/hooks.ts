// Scenario hooks: give each scenario its seed before anything runs.
import { Before } from '@cucumber/cucumber';
import type { KukumberWorld } from './world';

Before(function (this: KukumberWorld, { pickle }) {
  this.configure(pickle.name, pickle.tags.map(t => t.name));
});
