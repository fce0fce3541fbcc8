// Every kubectl command kukumber supports, run as a transcript (transcripts/*.txt) against the
// default cluster — three nodes with real kubelets, kube-scheduler and kube-controller-manager —
// and every command it does not support refused in one line with exit status 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { doctestFile, formatMismatch } from './transcript/doctest';
import { parseTranscript } from './transcript/parse';
import { createTranscriptCluster } from './transcript/cluster_options';
import { COMMANDS } from './commands';
import { kubectlCommandName, runKubectl } from './kubectl';

const DIR = join(__dirname, 'transcripts');
const FILES = readdirSync(DIR).filter(f => f.endsWith('.txt')).sort();

for (const file of FILES) {
  test(`transcript ${file} matches on a cluster with kubelets and controllers`, () => {
    const report = doctestFile(join(DIR, file));
    assert.ok(report.commands > 0);
    assert.equal(report.mismatches.map(formatMismatch).join('\n'), '');
  });
}

test('each supported kubectl command has a transcript', () => {
  const covered = new Set<string>();
  for (const file of FILES) {
    for (const step of parseTranscript(readFileSync(join(DIR, file), 'utf8'))) {
      if (step.words[0] !== 'kubectl') continue;
      const name = kubectlCommandName(step.words.slice(1));
      if (name) covered.add(name);
    }
  }
  assert.deepEqual(COMMANDS.map(c => c.name).filter(n => !covered.has(n)), []);
});

test('an unsupported command says so in one line on stderr, exit status 1, whatever its arguments', () => {
  const cluster = createTranscriptCluster();
  const lines = [
    ['exec', ['exec', '-it', 'web-0', '--', 'sh']],
    ['logs', ['logs', '-f', '--tail=10', 'deploy/web']],
    ['port-forward', ['port-forward', 'svc/web', '8080:80']],
    ['edit', ['edit', 'rs', 'web']],
    ['top', ['top', 'pods', '--containers']],
    ['create deployment', ['create', 'deployment', 'web', '--image=nginx']],
    ['exec', ['-n', 'kube-system', 'exec', 'p', '--', 'ls']],
  ] as const;
  for (const [name, argv] of lines) {
    const r = runKubectl([...argv], { cluster, cwd: '.' });
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['', `error: kukumber does not support "kubectl ${name}" yet\n`, 1], argv.join(' '));
  }
});
