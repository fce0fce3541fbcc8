// Helpers for kubectl's unit tests: a transcript runs against a cluster and every command's output
// must match, or the assertion shows the unified diffs; temporary manifest folders for -f tests.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Cluster } from '../cluster/cluster';
import { doctestText, formatMismatch } from './transcript/doctest';
import { createTranscriptCluster } from './transcript/cluster_options';

/** Runs the transcript on the cluster; fails with the diffs of every mismatching command. */
export function expectTranscript(cluster: Cluster, transcript: string, cwd = process.cwd()): void {
  const { mismatches } = doctestText(cluster, transcript.replace(/^\n/, ''), 'transcript', cwd);
  assert.equal(mismatches.map(formatMismatch).join('\n'), '', 'transcript output differs');
}

/** A fresh default transcript cluster (three bare nodes). */
export const newCluster = (seed = 1): Cluster => createTranscriptCluster({ seed });

/** Writes files (path → content) into a new temporary folder and returns it. */
export function manifestDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kukumber-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
