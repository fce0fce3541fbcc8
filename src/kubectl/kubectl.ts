// kubectl inside the simulator: parses a kubectl command line, runs the command against the
// scenario's cluster and returns exactly what kubectl v1.32 would write — stdout, stderr and the
// exit status. Commands live in commands/, one file per command, registered in commands/index.ts.
import { FlagError, GLOBAL_FLAGS, parseCommandLine } from './flags';
import { COMMANDS } from './commands';
import { KubectlError, type CommandSpec, type KubectlContext, type KubectlResult } from './types';
import { AggregateError, renderError } from './errors';
import { ApiError } from '../api/errors';

export type { CommandSpec, Invocation, KubectlContext, KubectlResult } from './types';
export { KubectlError } from './types';

const registry = new Map<string, CommandSpec>(COMMANDS.map(c => [c.name, c]));

/** Global flags whose value may follow as the next argument (kubectl -n kube-system get …). */
const GLOBAL_VALUE_FLAGS = new Set(GLOBAL_FLAGS.filter(f => f.type !== 'bool').flatMap(f => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));

/**
 * kubectl create's generator subcommands (kubectl pkg/cmd/create/create.go, v1.32), names and
 * aliases: kukumber creates from files only, and says so before their flags (--image …) are parsed.
 */
const CREATE_GENERATORS = new Set(['clusterrole', 'clusterrolebinding', 'configmap', 'cm', 'cronjob', 'cj',
  'deployment', 'deploy', 'ingress', 'ing', 'job', 'namespace', 'ns', 'poddisruptionbudget', 'pdb',
  'priorityclass', 'pc', 'quota', 'resourcequota', 'role', 'rolebinding', 'secret', 'service', 'svc',
  'serviceaccount', 'sa', 'token']);

/** The first positional word after `create`, skipping flag values as cobra's stripFlags does (-f x.yaml). */
function createSubcommand(rest: string[]): string | undefined {
  const takesValue = new Set([...GLOBAL_VALUE_FLAGS, ...(registry.get('create')?.flags ?? [])
    .filter(f => f.type !== 'bool').flatMap(f => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])])]);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--') return rest[i + 1];
    if (!a.startsWith('-')) return a;
    if (takesValue.has(a)) i++;
  }
  return undefined;
}

/** Splits off the command words ("rollout status") from the rest of argv. */
function findCommand(argv: string[]): { spec: CommandSpec; rest: string[] } | { unknown: string } {
  const at: number[] = []; // positions of the first two positional words
  for (let i = 0; i < argv.length && at.length < 2; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (GLOBAL_VALUE_FLAGS.has(a)) i++;
      continue;
    }
    at.push(i);
  }
  const words = at.map(i => argv[i]!);
  const without = (...drop: number[]): string[] => argv.filter((_, i) => !drop.includes(i));
  const two = words.length >= 2 ? `${words[0]} ${words[1]}` : undefined;
  if (words[0] === 'create') {
    const sub = createSubcommand(argv.slice(at[0]! + 1));
    if (sub === 'namespace' || sub === 'ns') {
      const subAt = argv.indexOf(sub, at[0]! + 1);
      return { spec: registry.get('create namespace')!, rest: without(at[0]!, subAt) };
    }
    if (sub !== undefined && CREATE_GENERATORS.has(sub)) return { unknown: `create ${sub}` };
  }
  if (two && registry.has(two)) return { spec: registry.get(two)!, rest: without(at[0]!, at[1]!) };
  const one = words[0];
  if (one && registry.has(one)) return { spec: registry.get(one)!, rest: without(at[0]!) };
  return { unknown: two && (words[0] === 'rollout' || words[0] === 'set') ? two : one ?? '' };
}

/** The command a kubectl command line runs ("rollout status"), or undefined when kukumber does not support it. */
export function kubectlCommandName(argv: string[]): string | undefined {
  const found = findCommand(argv);
  return 'spec' in found ? found.spec.name : undefined;
}

export function runKubectl(argv: string[], ctx: KubectlContext): KubectlResult {
  let stdout = '';
  let stderr = '';
  // What a terminal shows: both streams in the order they were written.
  let terminal = '';
  const found = findCommand(argv);
  if ('unknown' in found) {
    stderr = `error: kukumber does not support "kubectl ${found.unknown}" yet\n`;
    return { stdout, stderr, exitCode: 1, terminal: stderr };
  }
  const { spec, rest } = found;
  let exitCode: number;
  try {
    const parsed = parseCommandLine(rest, spec.flags);
    const ns = parsed.flags.namespace;
    exitCode = spec.run({
      command: spec.name, args: parsed.args, flags: parsed.flags, changed: parsed.changed, ctx,
      out: t => { stdout += t; terminal += t; }, err: t => { stderr += t; terminal += t; },
      namespace: typeof ns === 'string' && ns !== '' ? ns : 'default',
    });
  } catch (e) {
    let text: string;
    // cobra prints flag errors itself, capitalised (verified with kubectl v1.32.4).
    if (e instanceof FlagError) text = `Error: ${e.message}\nSee 'kubectl ${spec.name} --help' for usage.\n`;
    else if (e instanceof KubectlError) text = e.raw ? `${e.message}\n` : `error: ${e.message}\n`;
    else if (e instanceof AggregateError || e instanceof ApiError) text = renderError(e);
    else throw e;
    stderr += text;
    terminal += text;
    exitCode = 1;
  }
  return { stdout, stderr, exitCode, terminal };
}
