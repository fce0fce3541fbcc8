// Event loop throughput: schedule N events at spread-out times (with many ties), then run them all.
import { performance } from 'node:perf_hooks';
import { Simulation } from '../src/sim/simulation';
import { median, report } from './report';

const N = 1_000_000;

function once(): number {
  const sim = new Simulation(1, { maxEventsPerAdvance: N + 1 });
  let ran = 0;
  const fn = (): void => { ran++; };
  const t0 = performance.now();
  for (let i = 0; i < N; i++) sim.schedule((i * 7919) % 100_000, 'bench', fn);
  sim.advance(100_000);
  const secs = (performance.now() - t0) / 1000;
  if (ran !== N) throw new Error(`ran ${ran} of ${N}`);
  return N / secs;
}

once();
report({ name: 'event loop schedule+run throughput (1M events)', value: Math.round(median([once(), once(), once(), once(), once()])), unit: 'events/s', goal: '>= 2000000' });
