// kubectl inside the simulator: parses a kubectl command line, runs the command against the
// scenario's cluster and returns exactly what kubectl v1.32 would write — stdout, stderr and the
// exit status. Commands live in commands/, one file per command, registered in commands/index.ts.
import { FlagError, GLOBAL_FLAGS, parseCommandLine } from './flags';
import { COMMANDS } from './commands';
import { ApiError } from '../api/errors';
import { apiErrorMessage } from './printers/errors';
import { KubectlError, type CommandSpec, type KubectlContext, type KubectlResult } from './types';

export type { CommandSpec, Invocation, KubectlContext, KubectlResult } from './types';
export { KubectlError } from './types';

const registry = new Map<string, CommandSpec>(COMMANDS.map(c => [c.name, c]));

/** Global flags that take a value: their value is not a command word (`kubectl -n web get pods`). */
const VALUED_GLOBALS = new Set(GLOBAL_FLAGS.filter(f => f.type !== 'bool').flatMap(f => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));

/** Positions of the positional words of argv, skipping the values of global flags written as "-n value". */
function wordPositions(argv: string[]): number[] {
  const positions: number[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (VALUED_GLOBALS.has(a)) { i++; continue; }
    if (!a.startsWith('-')) positions.push(i);
  }
  return positions;
}

/** Splits off the command words ("rollout status") from the rest of argv. */
function findCommand(argv: string[]): { spec: CommandSpec; rest: string[] } | { unknown: string } {
  const positions = wordPositions(argv);
  const words = positions.map(i => argv[i]!);
  const two = words.length >= 2 ? `${words[0]} ${words[1]}` : undefined;
  if (two && registry.has(two)) {
    const rest = argv.filter((_, i) => i !== positions[0] && i !== positions[1]);
    return { spec: registry.get(two)!, rest };
  }
  const one = words[0];
  if (one && registry.has(one)) {
    const rest = argv.filter((_, i) => i !== positions[0]);
    return { spec: registry.get(one)!, rest };
  }
  return { unknown: two && words[0] === 'rollout' ? two : one ?? '' };
}

export function runKubectl(argv: string[], ctx: KubectlContext): KubectlResult {
  let stdout = '';
  let stderr = '';
  const found = findCommand(argv);
  if ('unknown' in found) {
    return { stdout, stderr: `error: kukumber does not support "kubectl ${found.unknown}" yet\n`, exitCode: 1 };
  }
  const { spec, rest } = found;
  let exitCode: number;
  try {
    const parsed = parseCommandLine(rest, spec.flags);
    const ns = parsed.flags.namespace;
    exitCode = spec.run({
      command: spec.name, args: parsed.args, flags: parsed.flags, changed: parsed.changed, ctx,
      out: t => { stdout += t; }, err: t => { stderr += t; },
      namespace: typeof ns === 'string' && ns !== '' ? ns : 'default',
    });
  } catch (e) {
    if (e instanceof FlagError) {
      // cobra prints flag errors itself, capitalised (verified with kubectl v1.32.4).
      stderr += `Error: ${e.message}\nSee 'kubectl ${spec.name} --help' for usage.\n`;
      exitCode = 1;
    } else if (e instanceof KubectlError) {
      stderr += e.raw ? `${e.message}\n` : `error: ${e.message}\n`;
      exitCode = 1;
    } else if (e instanceof ApiError) {
      stderr += `${apiErrorMessage(e)}\n`;
      exitCode = 1;
    } else throw e;
  }
  return { stdout, stderr, exitCode };
}
