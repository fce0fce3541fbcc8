// Watch delivery order: one watcher never sees a later write before an earlier one, whatever the
// delays (a watch is one ordered stream), and the fan-out of a pod write reaches the kubelet of its node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Simulation } from '../sim/simulation';
import { Store } from './store';
import { podNodeName } from './watch';
import { fieldValue } from './field_values';
import type { Stored } from './objects';

function configMap(name: string, rv: number): Stored {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', uid: `u-${name}`, resourceVersion: String(rv) }, data: {} } as unknown as Stored;
}

test('writes published while a watcher is delayed reach it before writes published after the delay is healed', () => {
  const sim = new Simulation(1);
  const store = new Store(sim);
  const seen: [string, number][] = [];
  const slow = store.watch('ConfigMap', { watcher: 'slow' }, e => seen.push([e.object.metadata.name, sim.nowMs]));
  store.watch('ConfigMap', { watcher: 'other' }, () => {});
  store.watches.setExtraDelay(slow, 1000);
  store.insert(configMap('a', 1), 'test');        // reaches `slow` at t=1000
  sim.advance(10);
  store.watches.setExtraDelay(slow, 0);           // healed at t=10
  sim.advance(10);
  store.insert(configMap('b', 2), 'test');        // published at t=20: not before a
  sim.advance(2000);
  assert.deepEqual(seen, [['a', 1000], ['b', 1000]]);
});

test('a pod write reaches the plain watchers and the watcher of its node, in that order; a move between nodes too', () => {
  const sim = new Simulation(1);
  const store = new Store(sim);
  const seen: string[] = [];
  store.watch('Pod', { watcher: 'controllers' }, e => seen.push(`controllers ${e.type}`));
  for (const node of ['n1', 'n2']) {
    store.watch('Pod', { watcher: node, fieldSelector: [{ field: 'spec.nodeName', operator: '=', value: node }] }, e => seen.push(`${node} ${e.type}`));
  }
  const pod = (nodeName: string, rv: number): Stored =>
    ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u-p', resourceVersion: String(rv) }, spec: { nodeName, containers: [] } }) as unknown as Stored;
  store.insert(pod('n1', 1), 'test');
  sim.advance(0);
  store.replace(pod('n1', 2), 'test');
  sim.advance(0);
  store.replace(pod('n2', 3), 'test');
  sim.advance(0);
  assert.deepEqual(seen, ['controllers ADDED', 'n1 ADDED', 'controllers MODIFIED', 'n1 MODIFIED', 'controllers MODIFIED', 'n2 ADDED', 'n1 DELETED']);
});

test('the fast path reads a pod\'s node as the per-watcher path\'s field selector does', () => {
  const specs: unknown[] = [undefined, null, 'x', {}, { nodeName: null }, { nodeName: 'node01' }, { nodeName: '' }, { nodeName: 7 }, { nodeName: { a: 1 } }, { nodeName: true }];
  for (const spec of specs) {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u', resourceVersion: '1' }, spec } as unknown as Stored;
    assert.equal(podNodeName(pod), fieldValue(pod, 'spec.nodeName') ?? '', JSON.stringify(spec));
  }
});
