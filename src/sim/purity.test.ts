// The simulator must own time and chance: no host clock, no Math.random, no timers, no real
// asynchrony anywhere under src/ except the command-line front end (src/cli), which is the host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..');
const FORBIDDEN = /\bDate\b|Math\.random|setTimeout|setInterval|setImmediate|queueMicrotask|performance\.now|process\.hrtime|\basync\b|\bawait\b|new Promise|Promise\.(resolve|all|race)/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'cli' ? [] : files(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

test('nothing under src/ (outside src/cli) reads the host clock, Math.random, timers or real asynchrony', () => {
  const offenders: string[] = [];
  for (const file of files(SRC)) {
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      const code = line.replace(/\/\/.*$/, '').replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
      if (FORBIDDEN.test(code)) offenders.push(`${relative(SRC, file)}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(offenders, []);
});
