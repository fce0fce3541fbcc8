// Options `kukumber shell` and `kukumber doctest` share: --nodes N, --seed S, --images FILE
// (also as --name=value); everything else is a path.
import type { TranscriptClusterOptions } from '../kubectl/transcript/cluster_options';

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseTranscriptArgs(args: string[]): { options: TranscriptClusterOptions; paths: string[] } {
  const options: TranscriptClusterOptions = {};
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const m = /^--(nodes|seed|images)(?:=(.*))?$/.exec(a);
    if (!m) {
      if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option "${a}"`);
      paths.push(a);
      continue;
    }
    const value = m[2] ?? args[++i];
    if (value === undefined) throw new UsageError(`option --${m[1]} needs a value`);
    if (m[1] === 'images') options.images = value;
    else {
      if (!/^\d+$/.test(value)) throw new UsageError(`--${m[1]} must be a whole number, got "${value}"`);
      options[m[1] as 'nodes' | 'seed'] = Number(value);
    }
  }
  return { options, paths };
}
