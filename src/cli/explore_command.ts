// `kukumber explore FEATURE[:LINE] --seeds N`: runs one scenario (or a feature's scenarios) under
// seeds 1..N — the seed decides tie-breaks, which requests faults hit and fault instants drawn
// within the bounds a scenario declares — and prints every failing seed with the command that
// reproduces it. Always-assertions are checked after every event, so transient violations count.
import { Writable } from 'node:stream';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import type { Envelope } from '@cucumber/messages';
import type { ISupportCodeCoordinatesOrLibrary } from '@cucumber/cucumber/api';

const USAGE = 'Usage: kukumber explore FEATURE[:LINE] [--seeds N] [--from S]\n';

interface SeedOutcome { seed: number; passed: boolean; failure?: string }

function parseArgs(args: string[]): { target: string; seeds: number; from: number } | string {
  let target: string | undefined;
  let seeds = 20;
  let from = 1;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--seeds' || a.startsWith('--seeds=')) seeds = Number(value());
    else if (a === '--from' || a.startsWith('--from=')) from = Number(value());
    else if (a.startsWith('-')) return `kukumber explore: unknown option ${a}\n${USAGE}`;
    else if (target === undefined) target = a;
    else return `kukumber explore: one feature path only\n${USAGE}`;
  }
  if (!target) return USAGE;
  if (!Number.isInteger(seeds) || seeds < 1) return `kukumber explore: --seeds must be a positive integer\n${USAGE}`;
  if (!Number.isInteger(from) || from < 0) return `kukumber explore: --from must be a non-negative integer\n${USAGE}`;
  return { target, seeds, from };
}

const sink = (): Writable => new Writable({ write(_chunk, _enc, cb) { cb(); } });

export async function runExplore(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(parsed);
    return 2;
  }
  const cwd = process.cwd();
  const pkgRoot = resolve(__dirname, '..', '..');
  const file = existsSync(join(cwd, 'cucumber.js')) ? 'cucumber.js' : relative(cwd, join(pkgRoot, 'cucumber.js'));
  const { runConfiguration } = await loadConfiguration({ file, provided: ['--format', 'summary'] }, { cwd });
  runConfiguration.sources.paths = [parsed.target];
  runConfiguration.formats = { stdout: 'summary', files: {}, publish: false, options: {} };
  let support: ISupportCodeCoordinatesOrLibrary = runConfiguration.support;
  const outcomes: SeedOutcome[] = [];
  const previous = process.env.KUKUMBER_SEED;
  try {
    for (let seed = parsed.from; seed < parsed.from + parsed.seeds; seed++) {
      process.env.KUKUMBER_SEED = String(seed);
      let failure: string | undefined;
      let ran = 0;
      const onMessage = (m: Envelope): void => {
        if (m.testCaseStarted) ran++;
        const r = m.testStepFinished?.testStepResult;
        if (r && r.status === 'FAILED' && failure === undefined) failure = (r.message ?? 'failed').split('\n')[0];
      };
      const result = await runCucumber({ ...runConfiguration, support }, { cwd, stdout: sink(), stderr: sink() }, onMessage);
      support = result.support;
      if (ran === 0) {
        process.stderr.write(`kukumber explore: no scenario matches ${parsed.target}\n`);
        return 2;
      }
      outcomes.push({ seed, passed: result.success, failure });
    }
  } finally {
    if (previous === undefined) delete process.env.KUKUMBER_SEED;
    else process.env.KUKUMBER_SEED = previous;
  }
  const failing = outcomes.filter(o => !o.passed);
  for (const f of failing) {
    process.stdout.write(`seed ${f.seed}: ${f.failure ?? 'failed'}\n  reproduce: KUKUMBER_SEED=${f.seed} npx kukumber test ${parsed.target}\n`);
  }
  process.stdout.write(`${outcomes.length} seeds explored, ${failing.length} failing\n`);
  return failing.length ? 1 : 0;
}
