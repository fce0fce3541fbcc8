// `kukumber test`: runs cucumber with the project's profile (cucumber.js), kukumber's steps and the
// user's, progress on the terminal and the three reports in reports/. A run in which no scenario
// ran fails: cucumber itself exits 0 then, which would let a broken path or tag pass silently.
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import type { Envelope } from '@cucumber/messages';

const REPORTS = ['reports/cucumber.html', 'reports/junit.xml', 'reports/messages.ndjson'];

/** Splits argv into feature paths (positional) and cucumber options. */
function splitArgs(args: string[]): { paths: string[]; options: string[] } {
  const paths: string[] = [];
  const options: string[] = [];
  const takesValue = new Set(['--tags', '-t', '--name', '--parallel', '--format', '-f', '--format-options', '--profile', '-p',
    '--require', '-r', '--import', '-i', '--require-module', '--retry', '--retry-tag-filter', '--world-parameters', '--order', '--shard', '--language']);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-')) {
      options.push(a);
      if (takesValue.has(a) && i + 1 < args.length) options.push(args[++i]!);
    } else paths.push(a);
  }
  return { paths, options };
}

export async function runTests(args: string[]): Promise<number> {
  const cwd = process.cwd();
  const pkgRoot = resolve(__dirname, '..', '..');
  const { paths, options } = splitArgs(args);
  mkdirSync(join(cwd, 'reports'), { recursive: true });
  const file = existsSync(join(cwd, 'cucumber.js')) ? 'cucumber.js' : relative(cwd, join(pkgRoot, 'cucumber.js'));
  const progress = process.stdout.isTTY ? 'progress-bar' : 'progress';
  const { runConfiguration } = await loadConfiguration({ file, provided: [...options, '--format', progress] }, { cwd });
  if (paths.length) runConfiguration.sources.paths = paths;
  const ownSteps = join(pkgRoot, 'steps', '**', '*.ts');
  if (resolve(cwd) !== resolve(pkgRoot)) (runConfiguration.support.requirePaths ??= []).push(ownSteps);

  let scenarios = 0;
  const onMessage = (m: Envelope): void => { if (m.testCaseStarted && m.testCaseStarted.attempt === 0) scenarios++; };
  const result = await runCucumber(runConfiguration, { cwd }, onMessage);
  process.stdout.write(`\nReports:\n${REPORTS.map(r => `  ${r}`).join('\n')}\n`);
  if (scenarios === 0 && !runConfiguration.runtime.dryRun) {
    process.stderr.write(`kukumber: no scenarios ran (paths: ${runConfiguration.sources.paths.join(' ')}); check the paths and tags\n`);
    return 1;
  }
  return result.success ? 0 : 1;
}
