// How a benchmark reports: one JSON line per figure, and peak memory from the process itself.
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
