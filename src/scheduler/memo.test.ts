// The scheduler's per-template memos give what computing afresh gives: DefaultSelector by the owner's
// selector, entries and shapes of same-template pods, and scores of hostname-only topology spread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { WITHOUT_NODES } from './../cluster/testing';
import { InformerFactory } from '../controllers/informer';
import type { Node, Pod, Stored } from '../api/objects';
import { defaultSelector } from './default_selector';
import { SchedulerCache } from './cache';
import { NodeInfo, podEntry } from './node_info';
import { ShapeTable } from './pod_shape';
import { scoreNodes } from './node_scores';
import {
  balancedAllocationScore, leastAllocatedScore, topologySpreadNormalized, topologySpreadPreScore, topologySpreadRaw,
} from './scores';

const rsPod = (name: string, labels: Record<string, string>, ownerName: string) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: ownerName, uid: 'rs-uid', controller: true }] },
  spec: { schedulerName: 'none', containers: [{ name: 'app', image: 'nginx:1.27' }] },
});

test('DefaultSelector: pods of one ReplicaSet share one selector; a Service selecting them adds its labels', () => {
  const c = new Cluster(WITHOUT_NODES);
  const informers = new InformerFactory(c.sim, c.api, 'test');
  for (const kind of ['Service', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'Pod']) informers.informer(kind);
  informers.start();
  const k = c.client();
  k.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web' }, spec: { replicas: 0, selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web', tier: 'fe' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } } });
  const a = k.create(rsPod('a', { app: 'web', tier: 'fe' }, 'web')) as Stored<Pod>;
  const b = k.create(rsPod('b', { app: 'web', tier: 'fe' }, 'web')) as Stored<Pod>;
  c.sim.advance(100);
  const sa = defaultSelector(a, informers);
  assert.deepEqual(sa?.requirements, [{ key: 'app', operator: '=', values: ['web'] }]);
  assert.equal(defaultSelector(b, informers), sa);
  // The ReplicaSet's status writes keep its selector: still the same answer.
  k.mutateStatus('ReplicaSet', 'default', 'web', d => { (d as { status: { replicas: number } }).status.replicas = 0; });
  c.sim.advance(100);
  assert.equal(defaultSelector(b, informers), sa);
  k.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'fe' }, spec: { selector: { tier: 'fe' }, ports: [{ port: 80 }] } });
  c.sim.advance(100);
  assert.deepEqual(defaultSelector(a, informers)?.requirements.map(r => r.key), ['tier', 'app']);
});

const node = (name: string, pods = 110): Stored<Node> => ({
  apiVersion: 'v1', kind: 'Node', metadata: { name, uid: name, resourceVersion: '1', creationTimestamp: 'x', labels: { 'kubernetes.io/hostname': name } },
  spec: {}, status: { allocatable: { cpu: '4', memory: '16Gi', pods: String(pods) } },
} as Stored<Node>);
const pod = (name: string, spec: Partial<Pod['spec']> = {}, labels: Record<string, string> = { app: 'web' }): Stored<Pod> => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: name, resourceVersion: '1', creationTimestamp: 'x', labels },
  spec: { containers: [{ name: 'c', image: 'i', volumeMounts: [{ name: `token-${name}`, mountPath: '/t' }] }], ...spec },
} as Stored<Pod>);

test('pods of one template share the last entry and shape; other requests or images get their own', () => {
  const shapes = new ShapeTable();
  const a = shapes.entryAndShape(pod('a'));
  const b = shapes.entryAndShape(pod('b'));
  assert.equal(b.entry.pod.metadata.name, 'b');
  assert.equal(b.shape, a.shape);
  assert.equal(b.entry.requests, a.entry.requests);
  const big = shapes.entryAndShape(pod('big', { containers: [{ name: 'c', image: 'i', resources: { requests: { cpu: '1' } } }] }));
  assert.notEqual(big.shape.id, a.shape.id);
  assert.deepEqual(big.entry.requests, podEntry(big.entry.pod).requests);
  const other = shapes.entryAndShape(pod('other', { containers: [{ name: 'c', image: 'j' }] }));
  assert.deepEqual(other.shape.images.keys, ['j:latest']);
  // Back to the first template: the shape table knows it.
  assert.equal(shapes.entryAndShape(pod('c')).shape.id, a.shape.id);
});

test('hostname-only topology spread scored per count equals the spread plugin scored per node', () => {
  const cache = new SchedulerCache();
  const names = ['n1', 'n2', 'n3', 'n4'];
  for (const n of names) cache.setNode(node(n));
  const shapes = new ShapeTable();
  // 0, 1, 3 and 7 matching pods (and one that does not match on n1).
  [0, 1, 3, 7].forEach((count, i) => {
    for (let j = 0; j < count; j++) cache.setPod(pod(`${names[i]}-${j}`, { nodeName: names[i] }));
  });
  cache.setPod(pod('other', { nodeName: 'n1' }, { app: 'db' }));
  const selector = { requirements: [{ key: 'app', operator: '=' as const, values: ['web'] }] };
  const { entry, shape } = shapes.entryAndShape(pod('new'));
  const feasible = cache.nodes.slice();
  const totals = [...scoreNodes(entry, shape, feasible, cache, selector)];
  const spread = topologySpreadPreScore(entry.pod, selector, feasible, cache.nodes, cache)!;
  const raw = feasible.map(n => topologySpreadRaw(n, spread));
  const expected = feasible.map((n: NodeInfo, i) => 3 * 100 + 2 * topologySpreadNormalized(raw[i]!, Math.min(...raw), Math.max(...raw)) +
    leastAllocatedScore(entry, n) + balancedAllocationScore(entry, n));
  assert.deepEqual(totals, expected);
  // Fewer matching pods score higher: the emptiest node wins.
  assert.equal(totals.indexOf(Math.max(...totals)), 0);
});
