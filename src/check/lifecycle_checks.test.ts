// Checks on kubectl columns, pods and nodes, evaluated against a real cluster's state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { applyManifest } from '../cluster/apply';
import { LiveView, TrackingView } from './view';
import { parseRef } from './refs';
import { parseAmount } from './amount';
import { columnEquals, workloadPodsColumn } from './checks/columns';
import { podOnNode, podPhase, podRestarts, workloadPodsOnNode } from './checks/pods';
import { nodeTaint } from './checks/nodes';
import { formatTaint, parseNodeTable, parseTaint } from '../cluster/node_table';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  nodeName: node02\n  containers:\n  - name: app\n    image: kukumber/crash:v1\n';

test('a column check reads the cell kubectl prints, and the clock only when the cell depends on it', () => {
  const c = new Cluster({ seed: 4 });
  applyManifest(c, POD, 'pod.yaml');
  c.sim.advance(3000);
  const view = new LiveView(c.sim, c.store);
  const status = columnEquals(parseRef('pod "web"'), 'STATUS', 'Running');
  const tracking = new TrackingView(view);
  assert.deepEqual(status.evaluate(tracking), { ok: true, observed: 'STATUS is "Running"', pending: undefined });
  assert.equal(tracking.reads.time, false);
  // kukumber/crash:v1 exits after 5 s (6 s) and is restarted at once: RESTARTS "1 (Xs ago)" reads the clock.
  c.sim.advance(7000);
  const restarts = new TrackingView(view);
  assert.equal(columnEquals(parseRef('pod "web"'), 'RESTARTS', '1 (4s ago)').evaluate(restarts).ok, true);
  assert.equal(restarts.reads.time, true);
  assert.equal(columnEquals(parseRef('node "node02"'), 'STATUS', 'Ready').evaluate(view).ok, true);
  assert.throws(() => columnEquals(parseRef('pod "web"'), 'PHASE', 'x'), /kubectl get pod has no PHASE column \(columns: NAME, READY, STATUS, RESTARTS, AGE, IP, NODE, NOMINATED NODE, READINESS GATES\)/);
});

test('a pending pod says why in a column check', () => {
  const c = new Cluster({ seed: 4 });
  applyManifest(c, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    resources:\n      requests:\n        cpu: "8"\n', 'pod.yaml');
  c.sim.advance(0);
  const o = columnEquals(parseRef('pod "big"'), 'STATUS', 'Running').evaluate(new LiveView(c.sim, c.store));
  assert.equal(o.ok, false);
  assert.equal(o.observed, 'STATUS is "Pending"');
  assert.match(o.pending!, /^Pending: 0\/3 nodes are available: 3 Insufficient cpu\./);
  assert.match(podOnNode(parseRef('pod "big"'), 'node01').evaluate(new LiveView(c.sim, c.store)).pending!, /^0\/3 nodes are available/);
});

test('pods of a workload: amounts per column and per node', () => {
  const c = new Cluster({ seed: 9 });
  applyManifest(c, 'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: app\n        image: example.com/app:1\n', 'rs.yaml');
  c.sim.advance(500);
  const view = new LiveView(c.sim, c.store);
  const rs = parseRef('rs/web');
  const creating = workloadPodsColumn(rs, { every: true }, 'STATUS', 'ContainerCreating');
  assert.equal(creating.description, 'every pod of replicaset "web" has STATUS "ContainerCreating"');
  assert.deepEqual(creating.evaluate(view), { ok: true, observed: '3 pods, STATUS "ContainerCreating" ×3', pending: undefined });
  c.sim.advance(1000);
  const two = workloadPodsColumn(rs, { every: false, amount: parseAmount('2') }, 'READY', '1/1');
  assert.equal(two.description, '2 pods of replicaset "web" have READY "1/1"');
  assert.equal(two.evaluate(view).ok, false);
  assert.equal(workloadPodsColumn(rs, { every: false, amount: parseAmount('3') }, 'READY', '1/1').evaluate(view).ok, true);
  // Spreading puts one pod on each of the three nodes.
  assert.deepEqual(workloadPodsOnNode(rs, parseAmount('1'), 'node01').evaluate(view), { ok: true, observed: '1 pod on node01 (node01: 1, node02: 1, node03: 1)' });
});

test('phase, restarts and node of a pod', () => {
  const c = new Cluster({ seed: 4 });
  applyManifest(c, POD, 'pod.yaml');
  c.sim.advance(8000);
  const view = new LiveView(c.sim, c.store);
  const web = parseRef('pod "web"');
  assert.deepEqual(podPhase(web, 'Running').evaluate(view), { ok: true, observed: 'phase Running', pending: undefined });
  assert.deepEqual(podRestarts(web, parseAmount('1')).evaluate(view), { ok: true, observed: '1 restart' });
  assert.equal(podRestarts(web, parseAmount('1')).description, 'pod "web" has restarted 1 time');
  assert.deepEqual(podOnNode(web, 'node01').evaluate(view), { ok: false, observed: 'scheduled to node "node02"' });
  assert.throws(() => podPhase(parseRef('rs/web'), 'Running'), /only a pod has a phase/);
});

test('node taints as kubectl taint writes them', () => {
  const c = new Cluster({ seed: 4, nodes: [{ name: 'n1', taints: [parseTaint('dedicated=infra:NoSchedule')] }] });
  const view = new LiveView(c.sim, c.store);
  const n1 = parseRef('node "n1"');
  assert.deepEqual(nodeTaint(n1, 'dedicated=infra:NoSchedule', true).evaluate(view), { ok: true, observed: 'taints: dedicated=infra:NoSchedule' });
  assert.equal(nodeTaint(n1, 'dedicated:NoSchedule', true).evaluate(view).ok, false);
  assert.equal(nodeTaint(n1, 'dedicated=infra:NoExecute', false).evaluate(view).ok, true);
  assert.throws(() => nodeTaint(n1, 'dedicated=infra:Sometimes', true), /invalid taint effect: Sometimes, unsupported taint effect/);
});

test('node tables: defaults for empty cells, labels and taints parsed, one clear line for bad input', () => {
  const shapes = parseNodeTable([
    ['name', 'cpu', 'memory', 'labels', 'taints'],
    ['node01', '8', '', 'disk=ssd, zone=a', ''],
    ['node02', '', '4Gi', '', 'dedicated=infra:NoSchedule, gpu:NoExecute'],
  ]);
  assert.deepEqual(shapes, [
    { name: 'node01', cpu: '8', labels: { disk: 'ssd', zone: 'a' } },
    { name: 'node02', memory: '4Gi', taints: [{ key: 'dedicated', value: 'infra', effect: 'NoSchedule' }, { key: 'gpu', effect: 'NoExecute' }] },
  ]);
  assert.equal(formatTaint(shapes[1]!.taints![1]!), 'gpu:NoExecute');
  const error = (rows: string[][]): string => { try { parseNodeTable(rows); return ''; } catch (e) { return (e as Error).message; } };
  assert.equal(error([['name', 'gpus'], ['n1', '1']]), 'node table: unknown column "gpus" (columns: name, cpu, memory, pods, labels, taints, unschedulable)');
  assert.equal(error([['name', 'taints'], ['n1', 'a=b']]), 'node table row 1, column taints: invalid taint spec: a=b');
  assert.equal(error([['name', 'cpu'], ['n1', 'four']]), "node table row 1, column cpu: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  assert.equal(error([['name'], ['n1'], ['n1']]), 'node table row 2, column name: node n1 appears twice');
  assert.equal(error([['cpu'], ['4']]), 'node table: the name column is required');
});
