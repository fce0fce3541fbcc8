import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ShellSyntaxError, shellQuote, splitShellWords } from './shell_words';
import { parseTranscript } from './parse';
import { lineMatches, outputLines, outputMatches } from './match';
import { unifiedDiff } from './unified_diff';
import { consoleBlocks } from './markdown';
import { doctestFile, doctestText, formatMismatch } from './doctest';
import { renderTranscript, runTranscript } from './run';
import { createTranscriptCluster } from './cluster_options';
import { manifestDir } from '../test_support';

test('shell words: blanks, single and double quotes, backslashes, comments, as POSIX sh splits them', () => {
  assert.deepEqual(splitShellWords(`kubectl get po -o jsonpath='{.items[*].metadata.name}'`).words,
    ['kubectl', 'get', 'po', '-o', 'jsonpath={.items[*].metadata.name}']);
  assert.deepEqual(splitShellWords(`a  "b c" 'd "e"' "f \\"g\\" \\$h \\x" i\\ j k'l'"m" # comment`).words,
    ['a', 'b c', 'd "e"', 'f "g" $h \\x', 'i j', 'klm']);
  assert.deepEqual(splitShellWords(`kubectl wait --for='jsonpath={.status.conditions[?(@.type=="Ready")].status}=True' pod/p`).words,
    ['kubectl', 'wait', '--for=jsonpath={.status.conditions[?(@.type=="Ready")].status}=True', 'pod/p']);
  assert.deepEqual(splitShellWords(`kubectl label po p 'a=' ""`).words, ['kubectl', 'label', 'po', 'p', 'a=', '']);
  assert.deepEqual(splitShellWords('echo $ 5').words, ['echo', '$', '5']);
  assert.deepEqual(splitShellWords(`kubectl apply -f - <<'EOF'`), { words: ['kubectl', 'apply', '-f', '-'], heredoc: { delimiter: 'EOF', stripTabs: false } });
});

test('shell words: what needs a real shell is refused in one line', () => {
  const refused = (line: string): string => { try { splitShellWords(line); return ''; } catch (e) { assert.ok(e instanceof ShellSyntaxError); return e.message; } };
  assert.equal(refused('kubectl get po | grep web'), '"|" is not supported (one command per line, no pipes or redirections)');
  assert.equal(refused('kubectl get po > out.txt'), '">" is not supported (one command per line, no pipes or redirections)');
  assert.equal(refused('kubectl get po $NAME'), 'variable expansion is not supported: $NAME');
  assert.equal(refused('kubectl get po "$(date)"'), 'variable expansion is not supported: $(date)"');
  assert.equal(refused("kubectl get 'po"), 'unexpected end of line: unterminated single quote');
  for (const w of ['plain', 'with space', "it's", '', 'jsonpath={.a}']) assert.deepEqual(splitShellWords(shellQuote(w)).words, [w]);
});

test('transcript grammar: commands, continuation lines, heredoc stdin, expected output, prose before', () => {
  const steps = parseTranscript('prose\n$ kubectl scale rs web \\\n    --replicas=3\nreplicaset.apps/web scaled\n$ kubectl apply -f - <<EOF\nkind: X\nEOF\nout 1\nout 2\n$ # note\n', 10);
  assert.deepEqual(steps.map(s => [s.line, s.words, s.expected, s.expectedLine]), [
    [11, ['kubectl', 'scale', 'rs', 'web', '--replicas=3'], ['replicaset.apps/web scaled'], 13],
    [14, ['kubectl', 'apply', '-f', '-'], ['out 1', 'out 2'], 17],
    [19, [], [], 20],
  ]);
  assert.equal(steps[1]!.stdin, 'kind: X\n');
  assert.deepEqual(steps[1]!.echo, ['$ kubectl apply -f - <<EOF', 'kind: X', 'EOF']);
});

test('matching: "..." is any run of characters within a line; trailing spaces and blank lines are ignored', () => {
  assert.ok(lineMatches('web-...   1/1   Running', 'web-7d4b9c6f5-x2x9q   1/1   Running'));
  assert.ok(lineMatches('pod "..." deleted', 'pod "web-1" deleted'));
  assert.ok(!lineMatches('pod "..." deleted', 'pod "web-1" deleted\nextra'));
  assert.ok(!lineMatches('web-... Running', 'web-1 Pending'));
  assert.ok(lineMatches('a.b (c)+', 'a.b (c)+   '));
  assert.ok(!lineMatches('a.b', 'axb'));
  assert.deepEqual(outputLines('deployment.apps/web \nREVISION\n\n'), ['deployment.apps/web', 'REVISION']);
  assert.ok(outputMatches(['x ', ''].filter(Boolean), outputLines('x\n\n')));
  assert.deepEqual(outputLines(''), []);
});

test('unified diff: GNU-style hunks, wildcard lines count as equal context', () => {
  const expected = ['NAME   READY', 'web-...   1/1', 'db   1/1', 'a', 'b', 'c', 'd', 'e', 'f', 'last'];
  const actual = ['NAME   READY', 'web-x2x9q   1/1', 'db   0/1', 'a', 'b', 'c', 'd', 'e', 'f', 'last', 'new'];
  assert.equal(unifiedDiff(expected, actual), [
    '--- expected', '+++ actual',
    '@@ -1,6 +1,6 @@', ' NAME   READY', ' web-...   1/1', '-db   1/1', '+db   0/1', ' a', ' b', ' c',
    '@@ -8,3 +8,4 @@', ' e', ' f', ' last', '+new', ''].join('\n'));
  assert.equal(unifiedDiff(['x'], ['x']), '');
  assert.equal(unifiedDiff([], ['only']), '--- expected\n+++ actual\n@@ -0,0 +1 @@\n+only\n');
});

test('doctest on a cluster: a mismatch names the file and the command line, with the diff', () => {
  const c = createTranscriptCluster();
  const { mismatches } = doctestText(c, '$ kubectl cordon node01\nnode/node01 cordoned\n$ kubectl cordon node01\nnode/node01 cordoned\n', 'docs/x.txt', '.', 5);
  assert.equal(mismatches.length, 1);
  assert.equal(formatMismatch(mismatches[0]!),
    'docs/x.txt:7: $ kubectl cordon node01\n--- expected\n+++ actual\n@@ -1 +1 @@\n-node/node01 cordoned\n+node/node01 already cordoned\n');
});

test('Markdown: only ```console blocks, with their file lines; one cluster per file across blocks', () => {
  const md = '# Title\n\n```yaml\n$ not a command\n```\n\nText.\n\n```console\n$ kubectl cordon node02\nnode/node02 cordoned\n```\n\n~~~console\n$ kubectl cordon node02\nnode/node02 cordoned\n~~~\n';
  assert.deepEqual(consoleBlocks(md).map(b => b.firstLine), [10, 15]);
  const dir = manifestDir({ 'tutorial.md': md });
  const report = doctestFile(join(dir, 'tutorial.md'));
  assert.equal(report.commands, 2);
  assert.deepEqual(report.mismatches.map(m => [m.line, m.diff.split('\n').slice(3, 5)]),
    [[15, ['-node/node02 cordoned', '+node/node02 already cordoned']]]);
});

test('sleep advances virtual time only; unknown commands and bad durations say so; -f is relative to the transcript', () => {
  const dir = manifestDir({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n' });
  const c = createTranscriptCluster();
  const results = runTranscript(c, '$ sleep 90s\n$ sleep 1h30m\n$ sleep 0\n$ sleep soon\n$ ls\n$ kubectl apply -f cm.yaml\n$ kubectl exec p\n', { cwd: dir });
  assert.equal(c.sim.nowMs, 90_000 + 5_400_000);
  assert.equal(renderTranscript(results), [
    '$ sleep 90s', '$ sleep 1h30m', '$ sleep 0', '$ sleep soon', "sleep: invalid time interval 'soon'",
    '$ ls', 'kukumber: ls: not supported in transcripts (kubectl, sleep and # comments are)',
    '$ kubectl apply -f cm.yaml', 'configmap/cfg created',
    '$ kubectl exec p', 'error: kukumber does not support "kubectl exec" yet', ''].join('\n'));
  writeFileSync(join(dir, 'session.txt'), '$ kubectl apply -f cm.yaml\nconfigmap/cfg created\n');
  assert.deepEqual(doctestFile(join(dir, 'session.txt')).mismatches, []);
});

test('-f in a transcript: the transcript folder first, then fixtures/, then fixtures/manifests/ (the seed manifest by its file name)', () => {
  const empty = manifestDir({});
  const local = manifestDir({ 'replicaset-demo.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: local\n' });
  const c = createTranscriptCluster();
  const results = [
    ...runTranscript(c, '$ kubectl apply -f replicaset-demo.yaml\n$ kubectl apply -f manifests/replicaset-demo.yaml\n$ kubectl apply -f nope.yaml\n', { cwd: empty }),
    ...runTranscript(c, '$ kubectl apply -f replicaset-demo.yaml\n', { cwd: local }),
  ];
  assert.deepEqual(results.map(r => r.output), [
    'replicaset.apps/replicaset-demo created\n',
    'replicaset.apps/replicaset-demo unchanged\n',
    'error: the path "nope.yaml" does not exist\n',
    'configmap/local created\n',
  ]);
});
