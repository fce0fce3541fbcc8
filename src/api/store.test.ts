import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { replicaSet } from './test_support';

test('byUid finds every live object, Events included (they join the uid index on the first miss), and no removed one', () => {
  const c = new Cluster({ controllers: [], nodes: [] });
  const rs = c.client().create(replicaSet());
  const r = c.recorder('replicaset-controller');
  r.event(rs, 'Normal', 'SuccessfulCreate', 'Created pod: web-1');
  r.event(rs, 'Normal', 'SuccessfulDelete', 'Deleted pod: web-1');
  const [first, second] = c.store.list('Event', 'default');
  assert.equal(c.store.byUid(rs.metadata.uid), rs);
  // A miss folds the Events in; a later Event is found after the next miss.
  assert.equal(c.store.byUid('no-such-uid'), undefined);
  assert.equal(c.store.byUid(first!.metadata.uid), first);
  c.client().delete('Event', 'default', second!.metadata.name);
  assert.equal(c.store.byUid(second!.metadata.uid), undefined, 'a removed Event is not found');
  r.event(rs, 'Normal', 'SuccessfulCreate', 'Created pod: web-2');
  const third = c.store.list('Event', 'default').find(e => e.message === 'Created pod: web-2')!;
  assert.equal(c.store.byUid(third.metadata.uid), third);
  // Removed before any lookup folded it in: still not found.
  r.event(rs, 'Normal', 'SuccessfulCreate', 'Created pod: web-3');
  const fourth = c.store.list('Event', 'default').find(e => e.message === 'Created pod: web-3')!;
  c.client().delete('Event', 'default', fourth.metadata.name);
  assert.equal(c.store.byUid(fourth.metadata.uid), undefined);
  c.client().delete('ReplicaSet', 'default', rs.metadata.name);
  assert.equal(c.store.byUid(rs.metadata.uid), undefined);
});
