// How a benchmark reports: one JSON line per figure, and peak memory from the process itself.
import { execFileSync } from 'node:child_process';
export interface Figure { name: string; value: number; unit: string; goal: string }

export function report(f: Figure): void {
  process.stdout.write(`${JSON.stringify(f)}\n`);
}

/** Median of repeated measurements, to quote a figure that a noisy machine does not skew. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Peak resident set size of this process so far, in MB (Linux: ru_maxrss is in KiB). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

const CHILD_ENV = 'KUKUMBER_BENCH_CHILD';

/**
 * Runs `measure` once in each of `n` fresh processes (this benchmark file again, with the same Node
 * flags) and returns their results with each child's peak memory; in such a child it measures and
 * prints, and returns undefined. A run in a fresh process is not coloured by an earlier run's heap
 * (a process that already held a 10,000-pod cluster runs the next one about 6 % slower).
 */
export function inFreshProcesses<T>(n: number, measure: () => T): { result: T; peakRssMb: number }[] | undefined {
  if (process.env[CHILD_ENV]) {
    const result = measure();
    process.stdout.write(JSON.stringify({ result, peakRssMb: peakRssMb() }));
    return undefined;
  }
  const runs: { result: T; peakRssMb: number }[] = [];
  for (let i = 0; i < n; i++) {
    const out = execFileSync(process.execPath, [...process.execArgv, process.argv[1]!], {
      encoding: 'utf8', env: { ...process.env, [CHILD_ENV]: '1' }, maxBuffer: 16 * 1024 * 1024,
    });
    runs.push(JSON.parse(out) as { result: T; peakRssMb: number });
  }
  return runs;
}
