// Keeps the step library honest, without running any scenario:
//  1. every step definition is in the catalog, and each catalog example matches its own step and
//     no other (so docs/steps.md only shows steps that work as written);
//  2. docs/steps.md is what the catalog generates (`--write` regenerates it);
//  3. a dry run of the features finds no undefined or ambiguous step — cucumber's dry run exits 0
//     even then, so this reads the result messages and fails itself. Its own summary is silenced:
//     CI counts "N scenarios (…)" lines as results.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfiguration, loadSupport, runCucumber } from '@cucumber/cucumber/api';
import type { Envelope } from '@cucumber/messages';
import { renderStepDocs } from './step_docs';

const ROOT = join(__dirname, '..');
const DOCS = join(ROOT, 'docs', 'steps.md');

interface LoadedStep { pattern: string | RegExp; uri: string; line: number; expression: { match(text: string): unknown } }

function checkCatalog(defs: LoadedStep[], catalog: typeof import('../steps/support/catalog')): string[] {
  const problems: string[] = [];
  const inCatalog = new Set(catalog.STEPS.map(s => s.expression));
  for (const d of defs) {
    if (!inCatalog.has(String(d.pattern))) problems.push(`${d.uri}:${d.line}: step ${JSON.stringify(String(d.pattern))} is not in the catalog (define it with defineStep or defineStateCheck)`);
  }
  for (const s of catalog.STEPS) {
    const matching = defs.filter(d => d.expression.match(s.example) !== null).map(d => String(d.pattern));
    if (matching.length !== 1 || matching[0] !== s.expression) {
      problems.push(`example ${JSON.stringify(s.example)} of ${JSON.stringify(s.expression)} matches ${matching.length ? matching.map(m => JSON.stringify(m)).join(', ') : 'no step'}`);
    }
  }
  return problems;
}

async function dryRun(runConfiguration: Parameters<typeof runCucumber>[0], support: unknown): Promise<string[]> {
  const problems: string[] = [];
  const stepText = new Map<string, string>();
  const pickleOf = new Map<string, string>();
  let scenarios = 0;
  const onMessage = (m: Envelope): void => {
    if (m.pickle) for (const s of m.pickle.steps) stepText.set(s.id, `${m.pickle.uri}: ${s.text}`);
    if (m.testCase) for (const ts of m.testCase.testSteps) if (ts.pickleStepId) pickleOf.set(ts.id, ts.pickleStepId);
    if (m.testCaseStarted) scenarios++;
    const status = m.testStepFinished?.testStepResult.status;
    if (status === 'UNDEFINED' || status === 'AMBIGUOUS') {
      problems.push(`${status.toLowerCase()} step: ${stepText.get(pickleOf.get(m.testStepFinished!.testStepId) ?? '') ?? '?'}`);
    }
  };
  await runCucumber({
    ...runConfiguration, support: support as never,
    runtime: { ...runConfiguration.runtime, dryRun: true, parallel: 0 },
    formats: { ...runConfiguration.formats, stdout: 'summary', files: {} },
  }, { cwd: ROOT, stdout: new Writable({ write: (_chunk, _encoding, done) => done() }) }, onMessage);
  if (scenarios === 0) problems.push('the dry run found no scenarios (check the paths in cucumber.js)');
  return problems;
}

async function main(): Promise<number> {
  const write = process.argv.includes('--write');
  const { runConfiguration } = await loadConfiguration({ file: 'cucumber.js' }, { cwd: ROOT });
  const support = await loadSupport(runConfiguration, { cwd: ROOT });
  // Loaded after the steps, so this is the catalog instance the step files filled.
  const catalog = require('../steps/support/catalog') as typeof import('../steps/support/catalog');
  const defs = (support as unknown as { stepDefinitions: LoadedStep[] }).stepDefinitions;
  const problems = checkCatalog(defs, catalog);
  const docs = renderStepDocs(catalog.STEPS, catalog.PARAMETERS, ROOT);
  if (write) {
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    writeFileSync(DOCS, docs);
    process.stdout.write(`wrote ${relative(process.cwd(), DOCS)} (${catalog.STEPS.length} steps)\n`);
  } else {
    let current = '';
    try { current = readFileSync(DOCS, 'utf8'); } catch { /* missing counts as out of date */ }
    if (current !== docs) problems.push('docs/steps.md is out of date with the step definitions: run `npm run docs:steps`');
  }
  problems.push(...await dryRun(runConfiguration, support));
  for (const p of problems) process.stderr.write(`check-steps: ${p}\n`);
  process.stdout.write(`${problems.length === 0 ? 'steps ok' : 'steps NOT ok'}: ${catalog.STEPS.length} steps, ${defs.length} definitions, ${problems.length} problems\n`);
  return problems.length === 0 ? 0 : 1;
}

main().then(code => { process.exitCode = code; }, e => { process.stderr.write(`check-steps: ${(e as Error).stack}\n`); process.exitCode = 2; });
