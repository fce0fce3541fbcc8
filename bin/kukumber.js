#!/usr/bin/env node
// The kukumber command: loads TypeScript through tsx and hands over to src/cli/main.ts, first
// restarting itself under kukumber's V8 heap settings (src/cli/v8_tuning.ts) when they are missing.
'use strict';
require('tsx/cjs');
const missing = require('../src/cli/v8_tuning.ts').missingV8Flags(process.execArgv);
if (missing.length > 0) {
  const { spawnSync } = require('node:child_process');
  const r = spawnSync(process.execPath, [...missing, ...process.execArgv, __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.error) { process.stderr.write(`kukumber: ${r.error.message}\n`); process.exit(2); }
  if (r.signal) process.kill(process.pid, r.signal);
  process.exit(r.status ?? 2);
}
require('../src/cli/main.ts').main(process.argv.slice(2)).then(
  code => { process.exitCode = code; },
  err => { process.stderr.write(`kukumber: ${err && err.message ? err.message : err}\n`); process.exitCode = 2; },
);
