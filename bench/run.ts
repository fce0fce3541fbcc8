// Runs every bench/*.bench.ts in its own process (so one benchmark's heap and JIT state cannot
// colour another's) and passes through the JSON lines each prints:
//   {"name": …, "value": …, "unit": …, "goal": …}
// Benchmarks report figures; nothing here passes or fails on them. `npm run bench -- NAME` runs one.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const filter = process.argv[2];
const files = readdirSync(__dirname).filter(f => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
for (const f of files) {
  const out = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', join(__dirname, f)], { encoding: 'utf8' });
  process.stdout.write(out);
}
