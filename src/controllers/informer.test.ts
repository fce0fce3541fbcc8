import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { WITHOUT_NODES } from '../cluster/testing';
import { Informer } from './informer';

const cm = (name: string, team: string, extra = '') => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: { team } }, data: { extra } });

test('index buckets list objects in the order of their latest writes; an object whose value changes moves buckets', () => {
  const c = new Cluster(WITHOUT_NODES);
  const k = c.client('test');
  const inf = new Informer(c.sim, c.api, 'ConfigMap', 'test');
  inf.addIndex('team', o => [o.metadata.labels?.team ?? ''], o => o.metadata.labels?.team ?? '');
  inf.addIndex('teams', o => (o.metadata.labels?.team === 'both' ? ['a', 'b'] : [o.metadata.labels?.team ?? '']));
  inf.start();
  for (const [n, t] of [['one', 'a'], ['two', 'a'], ['three', 'b'], ['four', 'a']]) k.create(cm(n!, t!));
  c.sim.advance(1000);
  const names = (index: string, v: string) => inf.byIndex(index, v).map(o => o.metadata.name);
  assert.deepEqual(names('team', 'a'), ['one', 'two', 'four']);
  k.mutate('ConfigMap', 'default', 'one', d => { d.data = { extra: 'x' }; });
  c.sim.advance(1000);
  assert.deepEqual(names('team', 'a'), ['two', 'four', 'one'], 'an update moves its object to the end');
  assert.deepEqual(names('teams', 'a'), ['two', 'four', 'one']);
  k.mutate('ConfigMap', 'default', 'two', d => { d.metadata.labels = { team: 'both' }; });
  c.sim.advance(1000);
  assert.deepEqual(names('team', 'a'), ['four', 'one']);
  assert.deepEqual(names('team', 'both'), ['two']);
  assert.deepEqual(names('teams', 'a'), ['four', 'one', 'two']);
  assert.deepEqual(names('teams', 'b'), ['three', 'two']);
  k.mutate('ConfigMap', 'default', 'three', d => { d.data = { extra: 'y' }; });
  k.mutate('ConfigMap', 'default', 'two', d => { d.data = { extra: 'z' }; });
  c.sim.advance(1000);
  assert.deepEqual(names('teams', 'b'), ['three', 'two'], 'two values: the object moves to the end of both');
  assert.deepEqual(names('teams', 'a'), ['four', 'one', 'two']);
  k.delete('ConfigMap', 'default', 'four');
  c.sim.advance(1000);
  assert.deepEqual(names('team', 'a'), ['one']);
  const seen: string[] = [];
  inf.eachInIndex('teams', 'a', o => seen.push(o.metadata.name));
  assert.deepEqual(seen, ['one', 'two']);
  assert.equal((inf.get('default', 'two')?.data as Record<string, string> | undefined)?.extra, 'z');
  assert.deepEqual(inf.byIndex('namespace', 'default').map(o => o.metadata.name), ['kube-root-ca.crt', 'one', 'three', 'two']);
});

test('an index first read after many writes lists each bucket as an index read all along would', () => {
  const c = new Cluster(WITHOUT_NODES);
  const k = c.client('test');
  const team = (o: { metadata: { labels?: Record<string, string> } }) => o.metadata.labels?.team ?? '';
  const teams = (o: { metadata: { labels?: Record<string, string> } }) => (team(o) === 'both' ? ['a', 'b'] : [team(o)]);
  const eager = new Informer(c.sim, c.api, 'ConfigMap', 'eager');
  const lazy = new Informer(c.sim, c.api, 'ConfigMap', 'lazy');
  for (const inf of [eager, lazy]) { inf.addIndex('team', teams); inf.addIndex('one', o => [team(o)], team); }
  eager.start();
  lazy.start();
  const order = (inf: Informer, index: string) => ['a', 'b', 'both', ''].map(v => inf.byIndex(index, v).map(o => o.metadata.name).join(','));
  order(eager, 'team');
  order(eager, 'one');
  const names = ['p', 'q', 'r', 's', 't', 'u'];
  const labels = ['a', 'b', 'both', 'a', 'b'];
  for (let i = 0; i < 40; i++) {
    const n = names[(i * 7) % names.length]!;
    if (i % 9 === 8) k.delete('ConfigMap', 'default', n);
    else if (!k.find('ConfigMap', 'default', n)) k.create(cm(n, labels[i % labels.length]!));
    else k.mutate('ConfigMap', 'default', n, d => { d.metadata.labels = { team: labels[(i * 3) % labels.length]! }; });
    c.sim.advance(10);
    if (i === 20) assert.deepEqual(order(lazy, 'one'), order(eager, 'one'), 'first read of a single-valued index');
  }
  assert.deepEqual(order(lazy, 'team'), order(eager, 'team'), 'first read of a multi-valued index');
  assert.deepEqual(order(lazy, 'one'), order(eager, 'one'), 'an index kept after its first read');
  assert.deepEqual(lazy.byIndex('namespace', 'default'), eager.byIndex('namespace', 'default'));
  assert.ok(order(eager, 'team').join('|').length > 10, 'the buckets are not all empty');
});

test('counters follow adds, value changes and deletes; inListOrder gives list() order whatever the writes', () => {
  const c = new Cluster(WITHOUT_NODES);
  const k = c.client('test');
  const inf = new Informer(c.sim, c.api, 'ConfigMap', 'test');
  inf.addCounter('team', o => o.metadata.labels?.team || undefined);
  inf.start();
  for (const [n, t] of [['one', 'a'], ['two', 'a'], ['three', 'b'], ['four', '']]) k.create(cm(n!, t!));
  c.sim.advance(1000);
  const counted = () => [...inf.countedValues('team')].sort();
  assert.deepEqual(counted(), ['a', 'b'], 'an object without a value is not counted');
  k.mutate('ConfigMap', 'default', 'three', d => { d.metadata.labels = { team: 'c' }; });
  k.delete('ConfigMap', 'default', 'one');
  c.sim.advance(1000);
  assert.deepEqual(counted(), ['a', 'c']);
  k.delete('ConfigMap', 'default', 'two');
  k.mutate('ConfigMap', 'default', 'four', d => { d.data = { extra: 'z' }; });
  k.create(cm('one', 'a'));
  c.sim.advance(1000);
  assert.deepEqual(counted(), ['a', 'c']);
  // Updates keep their place in the cache; a re-created object goes to the end.
  const listed = inf.list().filter(o => o.metadata.namespace === 'default' && o.metadata.name !== 'kube-root-ca.crt').map(o => o.metadata.name);
  assert.deepEqual(listed, ['three', 'four', 'one']);
  const byName = (n: string) => inf.get('default', n)!;
  assert.deepEqual(inf.inListOrder([byName('one'), byName('four'), byName('three')]).map(o => o.metadata.name), listed);
});

test('a namespace view follows writes; a deleted object is marked removed and a re-created one gets a new place', () => {
  const c = new Cluster(WITHOUT_NODES);
  const k = c.client('test');
  const inf = new Informer(c.sim, c.api, 'ConfigMap', 'test');
  const view = inf.namespaceView('default');
  inf.start();
  k.create(cm('one', 'a'));
  c.sim.advance(1000);
  const place = view.get('one')!;
  assert.equal(place.obj.metadata.labels?.team, 'a');
  k.mutate('ConfigMap', 'default', 'one', d => { d.metadata.labels = { team: 'b' }; });
  c.sim.advance(1000);
  assert.equal(place.obj.metadata.labels?.team, 'b', 'the same place holds the current version');
  assert.equal(place.removed, false);
  k.delete('ConfigMap', 'default', 'one');
  c.sim.advance(1000);
  assert.equal(place.removed, true);
  assert.equal(view.get('one'), undefined);
  k.create(cm('one', 'c'));
  c.sim.advance(1000);
  assert.notEqual(view.get('one'), place);
  assert.equal(view.get('one')!.obj.metadata.labels?.team, 'c');
});
