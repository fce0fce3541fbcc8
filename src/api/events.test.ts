import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { replicaSet } from './test_support';
import type { Event } from './objects';
import { EventRecorder } from './events';
import { ClientRateLimiter } from './client';

const events = (c: Cluster): Event[] => c.store.list('Event', 'default') as unknown as Event[];

test('an event is named "<object>.<hex unix nanoseconds>" and carries source, times and count', () => {
  const c = new Cluster({ controllers: [], nodes: [] }); // no controllers, no nodes: only the events the test records
  const rs = c.client().create(replicaSet());
  c.sim.advance(1500);
  c.recorder('replicaset-controller').event(rs, 'Normal', 'SuccessfulCreate', 'Created pod: web-abcde');
  const [e] = events(c);
  // 2025-01-01T00:00:01.5Z = 1735689601500 ms = 0x181... ns
  assert.equal(e!.metadata.name, `web.${(1735689601500n * 1000000n).toString(16)}`);
  assert.equal(e!.firstTimestamp, '2025-01-01T00:00:01Z');
  assert.equal(e!.count, 1);
  assert.deepEqual(e!.source, { component: 'replicaset-controller' });
  assert.equal(e!.involvedObject.uid, rs.metadata.uid);
});

test('identical events fold into one with a count and the last timestamp', () => {
  const c = new Cluster({ controllers: [], nodes: [] }); // no controllers, no nodes: only the events the test records
  const rs = c.client().create(replicaSet());
  const r = c.recorder('kubelet', 'node01');
  r.event(rs, 'Warning', 'BackOff', 'Back-off restarting failed container');
  c.sim.advance(10_000);
  r.event(rs, 'Warning', 'BackOff', 'Back-off restarting failed container');
  const [e, ...rest] = events(c);
  assert.equal(rest.length, 0);
  assert.equal(e!.count, 2);
  assert.equal(e!.firstTimestamp, '2025-01-01T00:00:00Z');
  assert.equal(e!.lastTimestamp, '2025-01-01T00:00:10Z');
});

test('from the tenth distinct message on, similar events are combined', () => {
  const c = new Cluster({ controllers: [], nodes: [] }); // no controllers, no nodes: only the events the test records
  const rs = c.client().create(replicaSet());
  const r = c.recorder('replicaset-controller');
  for (let i = 1; i <= 12; i++) r.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: web-${i}`);
  const messages = events(c).map(e => `${e.message} x${e.count}`);
  assert.equal(messages.length, 10);
  assert.ok(messages.includes('(combined from similar events): Created pod: web-12 x3'));
});

test('the spam filter lets 25 events per object through, then one per 5 minutes', () => {
  const c = new Cluster({ controllers: [], nodes: [] }); // no controllers, no nodes: only the events the test records
  const rs = c.client().create(replicaSet());
  const r = c.recorder('replicaset-controller');
  for (let i = 1; i <= 30; i++) r.event(rs, 'Normal', `Reason${i}`, 'm');
  assert.equal(events(c).length, 25);
  c.sim.advance(300_000);
  r.event(rs, 'Normal', 'Late', 'm');
  r.event(rs, 'Normal', 'Later', 'm');
  assert.equal(events(c).length, 26);
});

test('client-go EventAggregate: the tenth distinct message is the first combined one (9 + 1 events)', () => {
  // defaultAggregateMaxEvents = 10: the 10th distinct localKey makes localKeys.Len() == 10, which is not < 10.
  const c = new Cluster({ controllers: [], nodes: [] });
  const rs = c.client().create(replicaSet());
  const r = c.recorder('replicaset-controller');
  for (let i = 1; i <= 9; i++) r.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: web-${i}`);
  assert.equal(events(c).length, 9);
  r.event(rs, 'Normal', 'SuccessfulCreate', 'Created pod: web-10');
  const all = events(c);
  assert.equal(all.length, 10);
  assert.deepEqual([all.at(-1)!.message, all.at(-1)!.count], ['(combined from similar events): Created pod: web-10', 1]);
});

test('the event key includes involvedObject.fieldPath: same message about two containers is two events', () => {
  const c = new Cluster({ controllers: [], nodes: [] });
  const p = c.client().create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'i' }, { name: 'b', image: 'i' }] } });
  const r = c.recorder('kubelet', 'node01');
  const ref = { kind: 'Pod', namespace: 'default', name: 'p', uid: p.metadata.uid, apiVersion: 'v1' };
  r.event({ ...ref, fieldPath: 'spec.containers{a}' }, 'Normal', 'Pulled', 'Container image "i" already present on machine');
  r.event({ ...ref, fieldPath: 'spec.containers{b}' }, 'Normal', 'Pulled', 'Container image "i" already present on machine');
  r.event({ ...ref, fieldPath: 'spec.containers{b}' }, 'Normal', 'Pulled', 'Container image "i" already present on machine');
  assert.deepEqual(events(c).map(e => `${e.involvedObject.fieldPath} x${e.count}`), ['spec.containers{a} x1', 'spec.containers{b} x2']);
  assert.deepEqual([events(c)[0]!.reportingComponent, events(c)[0]!.reportingInstance], ['kubelet', 'node01']);
});

test("a recorder with its component's client rate limiter spends a token per write, none for events the spam filter drops", () => {
  const c = new Cluster({ controllers: [], nodes: [] }); // no controllers, no nodes: only the events the test records
  const rs = c.client().create(replicaSet());
  const limiter = new ClientRateLimiter(() => c.sim.nowMs, 20, 30);
  const r = new EventRecorder(c.api, { component: 'replicaset-controller' }, c.correlator, limiter);
  for (let i = 0; i < 30; i++) r.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: web-${i}`);
  // 25 writes pass the spam filter (9 new events, then the combined one created and patched 15 times):
  // 30 − 25 = 5 tokens left, so the next request goes at once; 25 more would wait for 20 tokens (1 s at 20 qps).
  assert.equal(events(c).reduce((n, e) => n + e.count!, 0), 25);
  assert.equal(limiter.delayMs(), 0);
  for (let i = 0; i < 5; i++) limiter.take();
  assert.equal(limiter.delayMs(), 50, 'the bucket is empty: one token comes back in 1/20 s');
});

test('events about one container share one copy of the reference passed; a changed reference is copied again', () => {
  const c = new Cluster({ controllers: [], nodes: [] });
  const p = c.client().create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'i' }] } });
  const r = c.recorder('kubelet', 'node01');
  const ref = { kind: 'Pod', namespace: 'default', name: 'p', uid: p.metadata.uid, apiVersion: 'v1', fieldPath: 'spec.containers{a}' };
  r.event(ref, 'Normal', 'Pulled', 'Container image "i" already present on machine');
  r.event({ ...ref }, 'Normal', 'Created', 'Created container: a');
  // Same keys, other order: the copy keeps the caller's order, so it is a new one.
  const { fieldPath, ...rest } = ref;
  r.event({ fieldPath, ...rest }, 'Normal', 'Started', 'Started container a');
  r.event({ ...ref, fieldPath: 'spec.containers{b}' }, 'Normal', 'Killing', 'Stopping container b');
  const [pulled, created, started, killing] = events(c).sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
  assert.equal(created!.involvedObject, pulled!.involvedObject);
  assert.notEqual(ref, pulled!.involvedObject as object, 'the caller keeps its own reference');
  assert.notEqual(started!.involvedObject, pulled!.involvedObject);
  assert.deepEqual(Object.keys(started!.involvedObject), ['fieldPath', 'kind', 'namespace', 'name', 'uid', 'apiVersion']);
  assert.equal(killing!.involvedObject.fieldPath, 'spec.containers{b}');
  assert.equal(pulled!.involvedObject.fieldPath, 'spec.containers{a}');
});
