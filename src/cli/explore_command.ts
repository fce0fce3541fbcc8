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
import { reproduceCommand } from '../check/failure';

const USAGE = 'Usage: kukumber explore FEATURE[:LINE] [--seeds N] [--from S]\n';

interface ScenarioFailure { uri: string; line: number; message: string }
interface SeedOutcome { seed: number; passed: boolean; failures: ScenarioFailure[] }

/**
 * One line for a failure: a check's "Awaited … / Observed …" (skipping its Reproduce line, which
 * explore prints itself), else the error's first line.
 */
export function failureSummary(message: string | undefined): string {
  const lines = (message ?? 'failed').split('\n').map(l => l.trim()).filter(l => l && !l.startsWith('Reproduce:'));
  const awaited = lines.find(l => l.startsWith('Awaited:'));
  const observed = lines.find(l => l.startsWith('Observed:'));
  if (awaited) return `${awaited.replace(/^Awaited:\s*/, '')}${observed ? `; observed ${observed.replace(/^Observed:\s*/, '')}` : ''}`;
  return lines[0] ?? 'failed';
}

/** Follows the messages of one run: where each test case's scenario is, and which failed with what. */
class FailureCollector {
  private readonly lineOf = new Map<string, number>();
  private readonly pickles = new Map<string, { uri: string; astNodeIds: readonly string[] }>();
  private readonly pickleOfCase = new Map<string, string>();
  private readonly caseOfStart = new Map<string, string>();
  readonly failures: ScenarioFailure[] = [];
  ran = 0;

  onMessage = (m: Envelope): void => {
    for (const child of m.gherkinDocument?.feature?.children ?? []) {
      for (const sc of [child.scenario, ...(child.rule?.children ?? []).map(c => c.scenario)]) {
        if (!sc) continue;
        this.lineOf.set(sc.id, sc.location.line);
        for (const row of sc.examples.flatMap(e => e.tableBody)) this.lineOf.set(row.id, row.location.line);
      }
    }
    if (m.pickle) this.pickles.set(m.pickle.id, { uri: m.pickle.uri, astNodeIds: m.pickle.astNodeIds });
    if (m.testCase) this.pickleOfCase.set(m.testCase.id, m.testCase.pickleId);
    if (m.testCaseStarted) {
      this.ran++;
      this.caseOfStart.set(m.testCaseStarted.id, m.testCaseStarted.testCaseId);
    }
    const finished = m.testStepFinished;
    if (!finished || finished.testStepResult.status !== 'FAILED') return;
    const { uri, line } = this.locationOf(finished.testCaseStartedId);
    if (this.failures.some(f => f.uri === uri && f.line === line)) return;
    this.failures.push({ uri, line, message: failureSummary(finished.testStepResult.message) });
  };

  /** The feature file and line of the scenario (or Examples row) a test case ran. */
  private locationOf(startedId: string): { uri: string; line: number } {
    const pickle = this.pickles.get(this.pickleOfCase.get(this.caseOfStart.get(startedId) ?? '') ?? '');
    if (!pickle) return { uri: '?', line: 0 };
    const lines = pickle.astNodeIds.map(id => this.lineOf.get(id)).filter((l): l is number => l !== undefined);
    return { uri: pickle.uri, line: lines.at(-1) ?? 0 };
  }
}

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
      const collector = new FailureCollector();
      const result = await runCucumber({ ...runConfiguration, support }, { cwd, stdout: sink(), stderr: sink() }, collector.onMessage);
      support = result.support;
      if (collector.ran === 0) {
        process.stderr.write(`kukumber explore: no scenario matches ${parsed.target}\n`);
        return 2;
      }
      outcomes.push({ seed, passed: result.success, failures: collector.failures });
    }
  } finally {
    if (previous === undefined) delete process.env.KUKUMBER_SEED;
    else process.env.KUKUMBER_SEED = previous;
  }
  const failing = outcomes.filter(o => !o.passed);
  for (const f of failing) {
    if (!f.failures.length) process.stdout.write(`seed ${f.seed}: failed\n  reproduce: KUKUMBER_SEED=${f.seed} npx kukumber test ${parsed.target}\n`);
    for (const { uri, line, message } of f.failures) {
      process.stdout.write(`seed ${f.seed}: ${uri}:${line}: ${message}\n  reproduce: ${reproduceCommand(f.seed, uri, line)}\n`);
    }
  }
  process.stdout.write(`${outcomes.length} seeds explored, ${failing.length} failing\n`);
  return failing.length ? 1 : 0;
}
