// Store write + watch fan-out: pod creates and status updates through the store with 10 watchers,
// each write fanned out and delivered as a scheduled event.
import { performance } from 'node:perf_hooks';
import { Simulation } from '../src/sim/simulation';
import { Store } from '../src/api/store';
import type { Stored } from '../src/api/objects';
import { median, report } from './report';

const PODS = 20_000;
const UPDATES_PER_POD = 4;

function makePod(i: number, rv: number): Stored {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: `web-${i}`, namespace: 'default', uid: `uid-${i}`, resourceVersion: String(rv), creationTimestamp: '2025-01-01T00:00:00Z', labels: { app: 'web' } },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], nodeName: `node${i % 100}` },
    status: { phase: 'Pending' },
  } as Stored;
}

function once(): number {
  const sim = new Simulation(1, { maxEventsPerAdvance: 10_000_000, maxObjects: 1_000_000 });
  const store = new Store(sim);
  let delivered = 0;
  for (let w = 0; w < 10; w++) store.watch('Pod', { watcher: `w${w}` }, () => { delivered++; });
  const t0 = performance.now();
  let writes = 0;
  for (let i = 0; i < PODS; i++) {
    let obj = store.insert(makePod(i, store.nextResourceVersion()), 'bench');
    writes++;
    for (let u = 0; u < UPDATES_PER_POD; u++) {
      obj = store.replace({ ...obj, metadata: { ...obj.metadata, resourceVersion: String(store.nextResourceVersion()) }, status: { phase: 'Running', n: u } } as Stored, 'bench');
      writes++;
    }
  }
  sim.advance(0);
  const secs = (performance.now() - t0) / 1000;
  if (delivered !== writes * 10) throw new Error(`delivered ${delivered} of ${writes * 10}`);
  return writes / secs;
}

once();
report({ name: 'store write + watch fan-out (10 watchers)', value: Math.round(median([once(), once(), once()])), unit: 'writes/s', goal: '>= 200000' });
