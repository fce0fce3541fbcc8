// The node status loop's writes (pkg/kubelet/kubelet_node_status.go syncNodeStatus, with
// nodeStatusUpdateFrequency 10 s and nodeStatusReportFrequency 5 min): a status is written when it
// changed, else every 5 minutes; each write carries the status computed at that instant from the last one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import type { Node, NodeStatus } from '../api/objects';
import { NODE_STATUS_REPORT_MS } from './node_status';

/** Each Node write of the kubelet, with what computeStatus gives at that instant for the status it replaced. */
function statusWrites(c: Cluster, node: string): { atMs: number; written: string; computed: string }[] {
  const out: { atMs: number; written: string; computed: string }[] = [];
  const reporter = c.kubelet(node).nodeStatus;
  c.store.history.onAppend(r => {
    if (r.kind !== 'Node' || r.actor !== `kubelet/${node}` || r.previous === undefined) return;
    out.push({ atMs: r.atMs, written: JSON.stringify(r.object.status),
      computed: JSON.stringify(reporter.computeStatus(r.previous.status as NodeStatus)) });
  });
  return out;
}

test('an unchanged node is written every 5 minutes, each time with the status computed from the last one', () => {
  const c = new Cluster({ seed: 7, nodes: [{ name: 'node01' }] });
  const writes = statusWrites(c, 'node01');
  c.sim.advance(16 * 60_000);
  // Registered at t=0; the checks run every 10 s + up to 4 % (pkg/kubelet/kubelet.go: wait.JitterUntil(kl.syncNodeStatus,
  // kl.nodeStatusUpdateFrequency, 0.04, ...)), so a report lands within 5 min + one period (10.4 s) of the last.
  assert.equal(writes.length, 3, writes.map(w => w.atMs).join(', '));
  let last = 0;
  for (const w of writes) {
    assert.ok(w.atMs - last >= NODE_STATUS_REPORT_MS && w.atMs - last <= NODE_STATUS_REPORT_MS + 10_400, `${last} → ${w.atMs}`);
    assert.equal(w.written, w.computed);
    last = w.atMs;
  }
});

test('a status someone else changed is rewritten at the next check, and later reports build on that write', () => {
  const c = new Cluster({ seed: 8, nodes: [{ name: 'node01' }] });
  const writes = statusWrites(c, 'node01');
  c.sim.advance(60_000);
  // conditions[3] is Ready: the kubelet writes MemoryPressure, DiskPressure, PIDPressure, Ready (defaultNodeStatusFuncs' order).
  c.client('someone').mutateStatus<Node>('Node', '', 'node01', n => { n.status!.conditions![3]!.status = 'False'; });
  c.sim.advance(11 * 60_000);
  // The next check (within 10.4 s) finds Ready changed and writes it back with a new transition time;
  // then a report every 5 minutes.
  assert.ok(writes.length === 3, writes.map(w => w.atMs).join(', '));
  assert.ok(writes[0]!.atMs > 60_000 && writes[0]!.atMs <= 70_400, String(writes[0]!.atMs));
  const ready = (JSON.parse(writes[0]!.written) as NodeStatus).conditions!.find(x => x.type === 'Ready')!;
  assert.equal(ready.status, 'True');
  assert.equal(ready.lastTransitionTime, ready.lastHeartbeatTime);
  for (const w of writes) assert.equal(w.written, w.computed);
});
