import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Node, Pod, Stored } from '../api/objects';
import { fitErrorMessage, reasonHistogram } from './fit_error';
import { NodeInfo, podEntry } from './node_info';
import { runFilters, toleratesTaint } from './filters';
import { balancedAllocationScore, leastAllocatedScore } from './scores';
import { SchedulingQueue } from './queue';
import { filterNode, ShapeTable } from './pod_shape';
import { scoreNodes } from './node_scores';
import { SchedulerCache } from './cache';
import { numFeasibleNodesToFind } from './scheduler';

const node = (name: string, extra: { taints?: Node['spec']['taints']; unschedulable?: boolean; labels?: Record<string, string>; cpu?: string } = {}): Stored<Node> => ({
  apiVersion: 'v1', kind: 'Node', metadata: { name, uid: name, resourceVersion: '1', creationTimestamp: 'x', labels: { 'kubernetes.io/hostname': name, ...extra.labels } },
  spec: { taints: extra.taints, unschedulable: extra.unschedulable },
  status: { allocatable: { cpu: extra.cpu ?? '4', memory: '16Gi', pods: '110' } },
} as Stored<Node>);
const pod = (spec: Partial<Pod['spec']> = {}, name = 'p'): Stored<Pod> => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: name, resourceVersion: '1', creationTimestamp: 'x' },
  spec: { containers: [{ name: 'c', image: 'i' }], ...spec },
} as Stored<Pod>);

test('the histogram is sorted as sort.Strings sorts "<count> <reason>" entries', () => {
  assert.equal(reasonHistogram(['Insufficient memory', 'Insufficient cpu', 'Insufficient cpu', 'node(s) had untolerated taint {a: }']),
    '1 Insufficient memory, 1 node(s) had untolerated taint {a: }, 2 Insufficient cpu');
});

test('FailedScheduling text: filter histogram, then preemption with its double period', () => {
  const statuses = new Map([
    ['n1', { plugin: 'NodeResourcesFit', code: 'Unschedulable' as const, reasons: ['Insufficient cpu'] }],
    ['n2', { plugin: 'NodeResourcesFit', code: 'Unschedulable' as const, reasons: ['Insufficient cpu'] }],
    ['n3', { plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable' as const, reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] }],
  ]);
  assert.equal(fitErrorMessage({ numAllNodes: 3, nodeStatuses: statuses }),
    '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. ' +
    'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..');
  assert.equal(fitErrorMessage({ numAllNodes: 3, preFilterMsg: 'persistentvolumeclaim "data" not found', nodeStatuses: new Map() }),
    '0/3 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..');
});

test('filters run in upstream order and stop at the first failure', () => {
  const p = podEntry(pod({ containers: [{ name: 'c', resources: { requests: { cpu: '8' } } }] }));
  assert.deepEqual(runFilters(p, new NodeInfo(node('a', { unschedulable: true, taints: [{ key: 'k', effect: 'NoSchedule' }] })))?.reasons, ['node(s) were unschedulable']);
  assert.deepEqual(runFilters(p, new NodeInfo(node('a', { taints: [{ key: 'k', value: 'v', effect: 'NoSchedule' }] })))?.reasons, ['node(s) had untolerated taint {k: v}']);
  assert.deepEqual(runFilters(p, new NodeInfo(node('a')))?.reasons, ['Insufficient cpu']);
  const selective = podEntry(pod({ nodeSelector: { disk: 'ssd' } }));
  assert.deepEqual(runFilters(selective, new NodeInfo(node('a')))?.reasons, ["node(s) didn't match Pod's node affinity/selector"]);
  assert.equal(runFilters(selective, new NodeInfo(node('a', { labels: { disk: 'ssd' } }))), undefined);
  const full = new NodeInfo(node('a', { cpu: '1' }));
  full.allocatable.pods = 1;
  full.add(podEntry(pod({}, 'other')));
  assert.deepEqual(runFilters(podEntry(pod({ containers: [{ name: 'c', resources: { requests: { cpu: '2', memory: '1Gi' } } }] })), full)?.reasons,
    ['Too many pods', 'Insufficient cpu']);
});

test('per-node memos: pods of one template share a shape; a node change invalidates its verdict and scores', () => {
  const shapes = new ShapeTable();
  const a = podEntry(pod({}, 'a'));
  const b = podEntry(pod({}, 'b'));
  const big = podEntry(pod({ containers: [{ name: 'c', resources: { requests: { cpu: '1' } } }] }, 'big'));
  assert.equal(shapes.shapeOf(a).id, shapes.shapeOf(b).id);
  assert.notEqual(shapes.shapeOf(a).id, shapes.shapeOf(big).id);
  const cache = new SchedulerCache();
  cache.setNode(node('n', { cpu: '1' }));
  const info = cache.node('n')!;
  info.allocatable.pods = 1;
  assert.equal(filterNode(a, shapes.shapeOf(a), info), undefined);
  cache.setPod({ ...a.pod, spec: { ...a.pod.spec, nodeName: 'n' } } as Stored<Pod>);
  assert.deepEqual(filterNode(b, shapes.shapeOf(b), info)?.reasons, ['Too many pods']);
  cache.removePod('a');
  assert.equal(filterNode(b, shapes.shapeOf(b), info), undefined);
  // least allocated (cpu (1000 - 100) × 100 / 1000 = 90, memory 98 → 94) + balanced 100 + taints 3 × 100 + image 0
  const free = scoreNodes(b, shapes.shapeOf(b), [info], cache, undefined)[0];
  assert.equal(free, 94 + 100 + 300);
  cache.setPod({ ...big.pod, spec: { ...big.pod.spec, nodeName: 'n' } } as Stored<Pod>);
  // least allocated: cpu 1100m asked of 1000m → 0, memory (16Gi − 400Mi) → 97, (0 + 97) / 2 = 48;
  // balanced: cpu fraction 1, memory 0 → (1 − 1/2) × 100 = 50
  assert.equal(scoreNodes(b, shapes.shapeOf(b), [info], cache, undefined)[0], 48 + 50 + 300);
});

test('tolerations: Exists matches any value; an empty key with Exists tolerates everything', () => {
  assert.equal(toleratesTaint({ key: 'k', operator: 'Exists', effect: 'NoExecute' }, { key: 'k', value: 'x', effect: 'NoExecute' }), true);
  assert.equal(toleratesTaint({ key: 'k', operator: 'Equal', value: 'y' }, { key: 'k', value: 'x', effect: 'NoSchedule' }), false);
  assert.equal(toleratesTaint({ operator: 'Exists' }, { key: 'any', effect: 'NoSchedule' }), true);
});

test('scores: least allocated counts non-zero requests (100m / 200Mi for a pod without requests)', () => {
  const info = new NodeInfo(node('a'));
  const bare = podEntry(pod());
  // cpu: (4000 - 100) × 100 / 4000 = 97; memory: (16Gi - 200Mi) × 100 / 16Gi = 98 → (97 + 98) / 2 = 97
  assert.equal(leastAllocatedScore(bare, info), 97);
  // balanced allocation uses real requests: none → both fractions 0 → 100
  assert.equal(balancedAllocationScore(bare, info), 100);
});

test('scheduling queue back-off: 1 s doubling per attempt to 10 s; adaptive node sampling above 100 nodes', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6].map(SchedulingQueue.backoffMs), [1000, 2000, 4000, 8000, 10_000, 10_000]);
  assert.equal(numFeasibleNodesToFind(3), 3);
  assert.equal(numFeasibleNodesToFind(100), 100);
  assert.equal(numFeasibleNodesToFind(1000), 420); // 50 - 1000/125 = 42 %
  assert.equal(numFeasibleNodesToFind(5000), 500); // 50 - 40 = 10 %
});
