#!/usr/bin/env node
// The kukumber command: loads TypeScript through tsx and hands over to src/cli/main.ts.
'use strict';
require('tsx/cjs');
require('../src/cli/main.ts').main(process.argv.slice(2)).then(
  code => { process.exitCode = code; },
  err => { process.stderr.write(`kukumber: ${err && err.message ? err.message : err}\n`); process.exitCode = 2; },
);
