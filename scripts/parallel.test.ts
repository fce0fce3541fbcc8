// Scenarios share nothing: running features with --parallel 2 gives every scenario exactly the
// timeline it gets in a serial run (the SVG attachments are compared byte for byte, per scenario).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfiguration, runCucumber, type ISupportCodeCoordinatesOrLibrary } from '@cucumber/cucumber/api';
import type { Envelope } from '@cucumber/messages';

const ROOT = join(__dirname, '..');
const FEATURES = ['features/workloads/replicasets/self_healing.feature', 'features/kubelet/probes.feature', 'features/faults/node-crash.feature'];

/** Support code loads once per process: later runs reuse the first run's library. */
let support: ISupportCodeCoordinatesOrLibrary | undefined;

/** Runs the features and returns each scenario's SVG attachments, keyed by "uri:line name". */
async function timelines(parallel: number): Promise<{ svgs: Map<string, string[]>; workers: Set<string> }> {
  const { runConfiguration } = await loadConfiguration({ file: 'cucumber.js', provided: parallel ? ['--parallel', String(parallel)] : [] }, { cwd: ROOT });
  runConfiguration.sources.paths = FEATURES;
  runConfiguration.formats = { stdout: 'summary', files: {}, publish: false, options: {} };
  const pickles = new Map<string, string>();
  const caseToPickle = new Map<string, string>();
  const startedToCase = new Map<string, string>();
  const svgs = new Map<string, string[]>();
  const workers = new Set<string>();
  const onMessage = (m: Envelope): void => {
    if (m.pickle) pickles.set(m.pickle.id, `${m.pickle.uri}:${m.pickle.name}`);
    if (m.testCase) caseToPickle.set(m.testCase.id, m.testCase.pickleId);
    if (m.testCaseStarted) {
      startedToCase.set(m.testCaseStarted.id, m.testCaseStarted.testCaseId);
      if (m.testCaseStarted.workerId) workers.add(m.testCaseStarted.workerId);
    }
    const a = m.attachment;
    if (a && a.mediaType === 'image/svg+xml' && a.testCaseStartedId) {
      const key = pickles.get(caseToPickle.get(startedToCase.get(a.testCaseStartedId)!)!)!;
      svgs.set(key, [...(svgs.get(key) ?? []), a.body]);
    }
  };
  let output = '';
  const sink = new Writable({ write(chunk, _e, cb) { output += String(chunk); cb(); } });
  // The test runner marks its children (NODE_TEST_CONTEXT); cucumber's workers must not inherit that.
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const result = await runCucumber({ ...runConfiguration, support: support ?? runConfiguration.support }, { cwd: ROOT, stdout: sink, stderr: sink, env }, onMessage);
  support = result.support;
  const success = result.success;
  assert.ok(success, `the features failed with --parallel ${parallel}:\n${output}`);
  return { svgs, workers };
}

test('--parallel 2 gives every scenario the same timeline, byte for byte, as a serial run', async () => {
  const { svgs: serial } = await timelines(0);
  const { svgs: parallel, workers } = await timelines(2);
  assert.equal(workers.size, 2, 'the second run really used two workers');
  assert.ok(serial.size >= 5, `only ${serial.size} scenarios had timelines`);
  assert.deepEqual([...parallel.keys()].sort(), [...serial.keys()].sort());
  for (const [scenario, svg] of serial) assert.deepEqual(parallel.get(scenario), svg, scenario);
});
