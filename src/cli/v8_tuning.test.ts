// The V8 flags kukumber restarts itself with: only the missing ones, a user's own value kept.
import { test } from 'node:test';
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { missingV8Flags, V8_FLAGS } from './v8_tuning';

test('every flag is missing from a bare process, none once given, a different value counts as given', () => {
  expect(missingV8Flags([])).to.deep.equal([...V8_FLAGS]);
  expect(missingV8Flags([...V8_FLAGS, '--inspect'])).to.deep.equal([]);
  expect(missingV8Flags(['--max-semi-space-size=8'])).to.deep.equal([]);
});

test('the kukumber command, restarted under the flags, keeps its output and exit code', () => {
  const bin = join(__dirname, '..', '..', 'bin', 'kukumber.js');
  const ok = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
  expect(ok.status).to.equal(0);
  expect(ok.stdout).to.match(/^kukumber \d+\.\d+\.\d+/);
  const bad = spawnSync(process.execPath, [bin, 'no-such-command'], { encoding: 'utf8' });
  expect(bad.status).to.not.equal(0);
  expect(bad.stderr).to.not.match(/\n\s+at /); // one line, no stack trace
});
