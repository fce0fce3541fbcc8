import { garbageCollectorController } from '../controllers/garbage_collector';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import type { KubeObject, Stored } from '../api/objects';
import { pod, replicaSet } from '../api/test_support';
import { toRfc3339 } from '../sim/time';
import { buildTimeline, type Timeline } from './timeline';
import { renderTimelineSvg, STATE_COLORS } from './svg';
import { WITHOUT_NODES } from '../cluster/testing';

/** A pod of a ReplicaSet with minReadySeconds 5 going through its life, written by hand. */
function scenario(): { c: Cluster; timeline: Timeline } {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 5, controllers: [garbageCollectorController] });
  const rs = c.client().create({ ...replicaSet('web'), spec: { ...replicaSet('web').spec, minReadySeconds: 5 } }) as Stored;
  const p = pod('web-a', { nodeName: 'node01' });
  p.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true }];
  c.client('replicaset-controller').create(p);
  const kubelet = c.client('kubelet/node01');
  const status = (atMs: number, s: Record<string, unknown>): void => {
    c.sim.scheduleAt(atMs, 'status', () => kubelet.mutateStatus('Pod', 'default', 'web-a', (d: KubeObject) => { d.status = { ...d.status, ...s }; }));
  };
  status(2_000, { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }] });
  status(4_000, { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: toRfc3339(4_000) }] });
  c.sim.scheduleAt(3_000, 'mark', () => c.annotations.mark('probe-window'));
  c.sim.scheduleAt(6_000, 'fault', () => {
    const f = c.annotations.faultStarted('network partition', { target: 'node/node01' });
    c.sim.schedule(2_000, 'heal', () => c.annotations.faultHealed(f));
  });
  c.sim.scheduleAt(7_000, 'warn', () => c.recorder('kubelet', 'node01').event(c.store.get('Pod', 'default', 'web-a')!, 'Warning', 'Unhealthy', 'Readiness probe failed: <timeout> & more'));
  c.sim.scheduleAt(7_500, 'rs event', () => c.recorder('replicaset-controller').event(rs, 'Normal', 'SuccessfulCreate', 'Created pod: web-a'));
  c.sim.scheduleAt(12_000, 'delete', () => c.client().delete('Pod', 'default', 'web-a'));
  c.sim.advance(20_000);
  return { c, timeline: buildTimeline(c.store.history, c.annotations, c.sim.nowMs) };
}

test('one lane per pod: ContainerCreating, Running, Ready, then Available strictly after minReadySeconds, then Terminating', () => {
  const { timeline } = scenario();
  assert.equal(timeline.lanes.length, 1);
  const lane = timeline.lanes[0]!;
  assert.equal(lane.owner, 'replicaset/web');
  assert.deepEqual(lane.segments.map(s => [s.state, s.fromMs, s.toMs]), [
    ['ContainerCreating', 0, 2_000],
    ['Running', 2_000, 4_000],
    // Ready at 4s (lastTransitionTime), minReadySeconds 5: IsPodAvailable needs ltt + 5s < now, so from 9.001s.
    ['Ready', 4_000, 9_001],
    ['Available', 9_001, 12_000],
    ['Terminating', 12_000, 20_000],
  ]);
});

test('events sit on their pod\'s lane or on the shared row; faults and marks come from the annotations', () => {
  const { timeline } = scenario();
  assert.deepEqual(timeline.events.map(e => [e.atMs, e.type, e.reason, e.laneUid !== undefined]), [
    [7_000, 'Warning', 'Unhealthy', true],
    [7_500, 'Normal', 'SuccessfulCreate', false],
  ]);
  assert.deepEqual(timeline.faults.map(f => [f.name, f.target, f.startMs, f.healMs]), [['network partition', 'node/node01', 6_000, 8_000]]);
  assert.deepEqual(timeline.marks.map(m => [m.name, m.atMs]), [['probe-window', 3_000]]);
});

test('the picture marks where each fault starts and where it heals', () => {
  const { timeline } = scenario();
  const svg = renderTimelineSvg(timeline);
  assert.match(svg, /<line class="fault-start" [^>]*><title>network partition starts at 6s<\/title><\/line>/);
  assert.match(svg, /<line class="fault-heal" [^>]*><title>network partition healed at 8s<\/title><\/line>/);
});

test('lanes beyond the limit are counted, not drawn', () => {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 5, controllers: [garbageCollectorController] });
  for (let i = 0; i < 5; i++) c.client().create(pod(`p${i}`));
  const t = buildTimeline(c.store.history, c.annotations, 1_000, { maxLanes: 3 });
  assert.equal(t.lanes.length, 3);
  assert.equal(t.hiddenLanes, 2);
  assert.deepEqual(t.lanes[0]!.segments.map(s => [s.state, s.fromMs, s.toMs]), [['Pending', 0, 1_000]]);
});

/** A small XML well-formedness check: balanced tags, quoted attributes, escaped text. */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  const token = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let pos = 0;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    pos = token.lastIndex;
    if (m[5] !== undefined) {
      assert.doesNotMatch(m[5], /&(?!(amp|lt|gt|quot|apos);)/, `unescaped & in text: ${m[5]}`);
      continue;
    }
    for (const v of m[3]!.matchAll(/"([^"]*)"/g)) assert.doesNotMatch(v[1]!, /&(?!(amp|lt|gt|quot|apos);)/);
    if (m[1]) assert.equal(stack.pop(), m[2], `closing </${m[2]}>`);
    else if (!m[4]) stack.push(m[2]!);
  }
  assert.equal(pos, xml.length, `unparsable XML at ${pos}: ${xml.slice(pos, pos + 60)}`);
  assert.deepEqual(stack, []);
}

test('the SVG is well-formed, escapes text, draws a rect per state, and is byte-identical for the same history', () => {
  const { timeline } = scenario();
  const svg = renderTimelineSvg(timeline, { title: 'Pods <& friends>' });
  assertWellFormed(svg);
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="kukumber-timeline"/);
  assert.match(svg, /Pods &lt;&amp; friends&gt;/);
  assert.match(svg, /Readiness probe failed: &lt;timeout&gt; &amp; more/);
  for (const state of ['ContainerCreating', 'Running', 'Ready', 'Available', 'Terminating'] as const) {
    assert.match(svg, new RegExp(`fill="${STATE_COLORS[state]}"><title>web-a: ${state} from`), state);
  }
  assert.match(svg, />10s<\/text>/, 'the axis is labelled in virtual seconds');
  assert.equal(renderTimelineSvg(scenario().timeline, { title: 'Pods <& friends>' }), svg);
});

test('a scenario without pods still draws an axis and says so', () => {
  const c = new Cluster({ ...WITHOUT_NODES, seed: 5, controllers: [garbageCollectorController] });
  c.sim.advance(30_000);
  const svg = renderTimelineSvg(buildTimeline(c.store.history, c.annotations, c.sim.nowMs));
  assertWellFormed(svg);
  assert.match(svg, /no pods in this scenario/);
  assert.match(svg, />30s<\/text>/);
});
