// Scenario hooks. Before: give each scenario its seed, options and location. After: attach the
// timeline picture (SVG as a Buffer: a string is not rendered by the HTML report), on failure
// the text diagnosis, and fail a scenario whose controllers hit errors no step expected.
import { After, Before, Status } from '@cucumber/cucumber';
import type * as messages from '@cucumber/messages';
import type { KukumberWorld } from './world';
import { buildTimeline } from '../../src/report/timeline';
import { renderTimelineSvg } from '../../src/report/svg';
import { formatFailure } from '../../src/check/failure';
import { describeControllerErrors, unexpectedControllerErrors } from '../../src/check/errors';
import { renderSnapshot } from '../../src/check/snapshot';
import { timelineTail } from '../../src/check/timeline_tail';
import { LiveView } from '../../src/check/view';
import { durationText } from '../../src/check/durations';

/** The line of the scenario (or of its Examples row) a pickle came from. */
function scenarioLine(doc: messages.GherkinDocument, pickle: messages.Pickle): number {
  const ids = new Set(pickle.astNodeIds);
  let line = 0;
  const visit = (children: readonly messages.FeatureChild[] | readonly messages.RuleChild[]): void => {
    for (const child of children) {
      if ('rule' in child && child.rule) visit(child.rule.children);
      const sc = child.scenario;
      if (!sc || !ids.has(sc.id)) continue;
      line = sc.location.line;
      for (const row of sc.examples.flatMap(e => e.tableBody)) if (ids.has(row.id)) line = row.location.line;
    }
  };
  visit(doc.feature?.children ?? []);
  return line;
}

Before(function (this: KukumberWorld, { pickle, gherkinDocument }) {
  this.configure(pickle.name, pickle.tags.map(t => t.name), pickle.uri, scenarioLine(gherkinDocument, pickle));
});

/** The text attached to a failed scenario: the check's own failure, or for any other error the same context. */
function diagnosis(world: KukumberWorld, error: unknown): string {
  if (world.lastCheckFailure) return formatFailure(world.lastCheckFailure, world.reproduction());
  const c = world.cluster;
  const view = new LiveView(c.sim, c.store);
  return [
    `Reproduce: ${world.reproduction().command}`,
    `Error:     ${error instanceof Error ? error.message : String(error)}`,
    '',
    `State at ${durationText(c.sim.nowMs)}:`,
    renderSnapshot(view, ['Deployment', 'ReplicaSet', 'Pod'], undefined),
    '',
    ...timelineTail(c.store.history, c.store.history.records.length, c.annotations.start.index),
  ].join('\n');
}

After(function (this: KukumberWorld, { result, error, pickle }) {
  if (!this.hasCluster) return;
  const c = this.cluster;
  const timeline = buildTimeline(c.store.history, c.annotations, c.sim.nowMs);
  this.attach(Buffer.from(renderTimelineSvg(timeline, { title: `Timeline: ${pickle.name}` })), 'image/svg+xml');
  const unexpected = unexpectedControllerErrors(c.controllerManager.errors);
  if (result?.status === Status.FAILED) this.attach(diagnosis(this, error), 'text/plain');
  if (unexpected.length) {
    const text = `${describeControllerErrors(unexpected)}\nReproduce: ${this.reproduction().command}`;
    this.attach(text, 'text/plain');
    throw new Error(text);
  }
});
