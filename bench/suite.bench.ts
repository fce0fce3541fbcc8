// Wall time of the whole feature suite as a user runs it: `npx kukumber test` (here `node
// bin/kukumber.js test`, the same entry point), start-up, every feature and the three reports.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, report } from './report';

const ROOT = join(__dirname, '..');

function once(): number {
  const t0 = performance.now();
  execFileSync(process.execPath, [join(ROOT, 'bin', 'kukumber.js'), 'test'], { cwd: ROOT, stdio: 'ignore' });
  return (performance.now() - t0) / 1000;
}

const runs = [once(), once(), once()];
report({ name: 'kukumber test, whole suite (wall time)', value: Math.round(median(runs) * 100) / 100, unit: 's', goal: '< 20 (2-core machine)' });
