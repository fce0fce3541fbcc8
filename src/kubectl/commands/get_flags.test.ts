// Command-line handling around get/describe: global flags before the command word, refused flags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runKubectl } from '../kubectl';
import { Cluster } from '../../cluster/cluster';

const run = (line: string[]) => {
  const { stdout, stderr, exitCode } = runKubectl(line, { cluster: new Cluster(), cwd: '.' });
  return { stdout, stderr, exitCode };
};

test('a global flag\'s value before the command word is not taken for the command', () => {
  assert.deepEqual(run(['-n', 'kube-system', 'get', 'pods']), { stdout: '', stderr: 'No resources found in kube-system namespace.\n', exitCode: 0 });
  assert.deepEqual(run(['--namespace', 'get', 'get', 'cm']), { stdout: '', stderr: 'No resources found in get namespace.\n', exitCode: 0 });
  assert.equal(run(['get', 'ns', '-o', 'name']).stdout, 'namespace/default\nnamespace/kube-node-lease\nnamespace/kube-public\nnamespace/kube-system\n');
});

test('flags kukumber does not model are refused in one line', () => {
  assert.deepEqual(run(['get', 'pods', '-w']), { stdout: '', stderr: 'error: kukumber does not support "kubectl get --watch" yet\n', exitCode: 1 });
  assert.deepEqual(run(['get', 'pods', '--sort-by=.metadata.name']), { stdout: '', stderr: 'error: kukumber does not support "kubectl get --sort-by" yet\n', exitCode: 1 });
  assert.deepEqual(run(['describe', '-f', 'x.yaml']), { stdout: '', stderr: 'error: kukumber does not support "kubectl describe --filename" yet\n', exitCode: 1 });
  assert.deepEqual(run(['get', 'pods', '--bogus']), { stdout: '', stderr: "Error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n", exitCode: 1 });
});

test('selectors and names do not mix; names cannot span namespaces', () => {
  assert.deepEqual(run(['get', 'pod', 'x', '-l', 'a=b']), { stdout: '', stderr: 'error: name cannot be provided when a selector is specified\n', exitCode: 1 });
  assert.deepEqual(run(['get', 'pod', 'x', '-A']), { stdout: '', stderr: 'error: a resource cannot be retrieved by name across all namespaces\n', exitCode: 1 });
  assert.deepEqual(run(['describe']), { stdout: '', stderr: 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n', exitCode: 1 });
});
