// The node lease controller's requests, as upstream's lease controller makes them
// (component-helpers/apimachinery/lease/controller.go: sync, retryUpdateLease with maxUpdateRetries 5,
// backoffEnsureLease): a GET only when it knows no Lease (start, restart) or an update failed;
// otherwise one update per renewal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../cluster/cluster';
import { injectErrors } from '../faults/api_faults';

/** The kubelet's Lease requests ("verb Lease") from now on (its Node GETs are the node status loop's too). */
function leaseRequests(c: Cluster, node: string): string[] {
  const seen: string[] = [];
  c.api.use((req, next) => {
    if (req.actor === `kubelet/${node}` && req.kind === 'Lease') seen.push(`${req.verb} ${req.kind}`);
    return next();
  });
  return seen;
}

const renewals = (c: Cluster, node: string) => c.store.history.records.filter(r => r.kind === 'Lease' && r.name === node);

test('a started kubelet fetches, then creates its Lease with the Node as owner; later renewals are one update each', () => {
  const c = new Cluster({ seed: 3, nodes: [{ name: 'node01' }] });
  const lease = renewals(c, 'node01');
  // Created at start: GET Lease (NotFound), GET Node for the owner, POST.
  assert.equal(lease.length, 1);
  assert.equal(lease[0]!.type, 'ADDED');
  assert.deepEqual(lease[0]!.object.metadata.ownerReferences?.map(o => `${o.kind}/${o.name}`), ['Node/node01']);
  const seen = leaseRequests(c, 'node01');
  c.sim.advance(60_000);
  // Every 10 s + up to 4 %: five or six renewals in a minute, no GET among them.
  assert.ok(seen.length >= 5 && seen.length <= 6, seen.join(', '));
  assert.deepEqual([...new Set(seen)], ['update Lease']);
});

test('an update that meets a newer Lease (Conflict) fetches it and updates again in the same sync', () => {
  const c = new Cluster({ seed: 4, nodes: [{ name: 'node01' }] });
  c.sim.advance(15_000);
  // Someone else writes the Lease: the kubelet's last one is stale now.
  c.client('someone').mutate('Lease', 'kube-node-lease', 'node01', (l: { metadata: { labels?: Record<string, string> } }) => { l.metadata.labels = { touched: 'yes' }; });
  const seen = leaseRequests(c, 'node01');
  const before = renewals(c, 'node01').length;
  c.sim.advance(10_500);
  assert.deepEqual(seen, ['update Lease', 'get Lease', 'update Lease']);
  const last = renewals(c, 'node01').at(-1)!;
  assert.equal(renewals(c, 'node01').length, before + 1);
  // The renewal kept the other writer's change (it was based on the fetched Lease).
  assert.equal(last.object.metadata.labels?.touched, 'yes');
});

test('when every update fails, a sync tries 5, fetches the Lease, tries 5 more, and the next sync starts over', () => {
  const c = new Cluster({ seed: 5, nodes: [{ name: 'node01' }] });
  c.sim.advance(15_000);
  const heal = injectErrors(c.api, c.sim.random.stream('test/faults'), { verb: 'update', kind: 'Lease' }, 500);
  const seen = leaseRequests(c, 'node01');
  const before = renewals(c, 'node01').length;
  c.sim.advance(10_500);
  assert.deepEqual(seen, [...Array(5).fill('update Lease'), 'get Lease', ...Array(5).fill('update Lease')]);
  assert.equal(renewals(c, 'node01').length, before);
  heal();
  seen.length = 0;
  c.sim.advance(10_500);
  // The last Lease is known again (from the fetch): one update.
  assert.deepEqual(seen, ['update Lease']);
});

test('a restarted kubelet knows no Lease: its first renewal fetches it', () => {
  const c = new Cluster({ seed: 6, nodes: [{ name: 'node01' }] });
  c.sim.advance(15_000);
  c.stopKubelet('node01');
  const seen = leaseRequests(c, 'node01');
  c.startKubelet('node01');
  assert.deepEqual(seen, ['get Lease', 'update Lease']);
});
