// `kukumber doctest` as a user runs it: a deliberately wrong transcript gets a unified diff naming
// file and line, and exit status 1; a right one passes with exit status 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'bin', 'kukumber.js');

function doctest(files: Record<string, string>): { stdout: string; stderr: string; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'kukumber-doctest-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const r = spawnSync(process.execPath, [BIN, 'doctest', '.'], { cwd: dir, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

test('doctest: a wrong expected output prints a unified diff with file and line, exit status 1', () => {
  const r = doctest({
    'wrong.md': [
      '# Scaling', '', '```console', '$ kubectl apply -f replicaset-demo.yaml', 'replicaset.apps/replicaset-demo created',
      '$ sleep 30', '$ kubectl get rs', 'NAME              DESIRED   CURRENT   READY   AGE',
      'replicaset-demo   3         3         3       30s', '```', ''].join('\n'),
  });
  assert.equal(r.status, 1);
  assert.equal(r.stdout, [
    'wrong.md:7: $ kubectl get rs', '--- expected', '+++ actual', '@@ -1,2 +1,2 @@',
    ' NAME              DESIRED   CURRENT   READY   AGE',
    '-replicaset-demo   3         3         3       30s',
    '+replicaset-demo   2         2         2       30s', '', ''].join('\n'));
  assert.equal(r.stderr, 'kukumber doctest: 1 file, 3 commands, 1 mismatch\n');
});

test('doctest: matching transcripts pass with exit status 0', () => {
  const r = doctest({ 'ok.txt': '$ kubectl get pods\nNo resources found in default namespace.\n$ kubectl cordon node01\nnode/node01 cordoned\n' });
  assert.deepEqual([r.status, r.stdout, r.stderr], [0, 'kukumber doctest: 1 file, 2 commands, all matched\n', '']);
});
