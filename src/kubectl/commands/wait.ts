// kubectl wait (kubectl pkg/cmd/wait): --for=delete, --for=condition=NAME[=VALUE] (case-insensitive,
// conditions older than the object's generation ignored) and --for=jsonpath='{…}'[=VALUE], each
// object in turn against one deadline (--timeout, 30 s by default; 0 = check once; negative = a
// week), in virtual time. Success is "<kind>/<name> condition met".
import type { Stored } from '../../api/objects';
import { isApiError, notFound } from '../../api/errors';
import type { CommandSpec, Invocation } from '../types';
import { KubectlError } from '../types';
import { buildTargets, type Target } from '../builder';
import { aggregate, renderError } from '../errors';
import { ALL, ALL_NAMESPACES, bool, duration, FIELD_SELECTOR, FILENAME, list, OUTPUT, RECURSIVE, SELECTOR, selection, str } from '../flag_values';
import { nameLine } from '../name_printer';
import { checkOutput } from './apply';
import { jsonPathValues, JsonPathError, relaxedJsonPath } from '../wait_jsonpath';
import { waitUntil, WEEK_MS } from '../waiting';
import { goSprintV } from '../go_json';

/** A condition check: met or not, or an error that ends the wait. */
type Check = (obj: Stored) => boolean;

function conditionCheck(name: string, value: string): Check {
  return obj => {
    for (const c of obj.status?.conditions ?? []) {
      if (typeof c?.type !== 'string' || c.type.toLowerCase() !== name.toLowerCase() || typeof c.status !== 'string') continue;
      const generation = obj.metadata.generation;
      const observed = c.observedGeneration ?? obj.status?.observedGeneration;
      if (generation !== undefined && observed !== undefined && observed < generation) return false;
      return c.status.toLowerCase() === value.toLowerCase();
    }
    return false;
  };
}

/** splitJSONPathInput: split on single "=", keeping "==" inside the expression. */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') { cur += '=='; i++; continue; }
      out.push(cur); cur = ''; continue;
    }
    cur += input[i];
  }
  return [...out, cur];
}

function jsonPathCheck(input: string): Check {
  const parts = splitJsonPathInput(input);
  if (parts.length < 1 || parts.length > 2) {
    throw new KubectlError("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
  }
  const path = relaxedJsonPath(parts[0]!);
  const want = parts.length === 2 ? parts[1]!.replace(/^['"]+|['"]+$/g, '') : undefined;
  if (want === '') throw new KubectlError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
  return obj => {
    const values = jsonPathValues(path, obj);
    if (values.length === 0) return false;
    if (values.length > 1) throw new JsonPathError('given jsonpath expression matches more than one value');
    if (want === undefined) return true;
    const v = values[0];
    if (v !== null && typeof v === 'object') throw new JsonPathError('jsonpath leads to a nested object or list which is not supported');
    return goSprintV(v).trim() === want.trim();
  };
}

function conditionFor(forFlag: string): Check | 'delete' {
  if (forFlag.toLowerCase() === 'delete') return 'delete';
  if (forFlag.toLowerCase() === 'create') throw new KubectlError('kukumber does not support "kubectl wait --for=create" yet');
  if (forFlag.startsWith('condition=')) {
    const rest = forFlag.slice('condition='.length);
    const eq = rest.indexOf('=');
    return conditionCheck(eq < 0 ? rest : rest.slice(0, eq), eq < 0 ? 'true' : rest.slice(eq + 1));
  }
  if (forFlag.startsWith('jsonpath=')) {
    try {
      return jsonPathCheck(forFlag.slice('jsonpath='.length));
    } catch (e) {
      if (e instanceof JsonPathError) throw new KubectlError(e.message);
      throw e;
    }
  }
  throw new KubectlError(`unrecognized condition: ${JSON.stringify(forFlag)}`);
}

/** One object: the wait kubectl runs for it; returns the error, if any (success prints). */
function waitOne(inv: Invocation, t: Target, check: Check | 'delete', timeoutMs: number, deadlineMs: number, short: boolean): Error | undefined {
  const { cluster } = inv.ctx;
  const live = (): Stored | undefined => cluster.store.get(t.info.kind, t.namespace, t.name);
  const uid = t.object?.metadata.uid;
  const met = (): void => inv.out(nameLine(t.info, t.name, 'condition met', short));
  const timedOut = (): Error => new Error(`timed out waiting for the condition on ${t.info.plural}/${t.name}`);
  if (check === 'delete') {
    const gone = (): boolean => { const o = live(); return !o || (uid !== undefined && o.metadata.uid !== uid); };
    if (gone()) { met(); return undefined; }
    if (timeoutMs === 0) return new Error(`condition not met for ${t.info.plural}/${t.name}`);
    if (!waitUntil(cluster, gone, deadlineMs)) return timedOut();
    met();
    return undefined;
  }
  const current = live();
  if (!current) return notFound(t.info, t.name);
  let failure: Error | undefined;
  const holds = (): boolean => {
    const o = live();
    if (!o) return false; // a deleted object keeps the wait going until the deadline
    try {
      return check(o);
    } catch (e) {
      if (!(e instanceof JsonPathError)) throw e;
      failure = e;
      return true;
    }
  };
  if (timeoutMs === 0) {
    if (holds() && !failure) { met(); return undefined; }
    return failure ?? new Error(`condition not met for ${t.info.plural}/${t.name}`);
  }
  if (!waitUntil(cluster, holds, deadlineMs)) return timedOut();
  if (failure) return failure;
  met();
  return undefined;
}

function run(inv: Invocation): number {
  const short = checkOutput(inv);
  const check = conditionFor(str(inv.flags, 'for'));
  let timeoutMs = duration(inv.flags, 'timeout');
  if (timeoutMs < 0) timeoutMs = WEEK_MS;
  const sel = selection(inv.flags, inv.changed);
  const visits = buildTargets(inv, { args: inv.args, filenames: list(inv.flags, 'filename'), ...sel, selectAllParam: true, allNamespaces: bool(inv.flags, 'all-namespaces') });
  const deadlineMs = inv.ctx.cluster.sim.nowMs + timeoutMs;
  const errors: Error[] = [];
  let visited = 0;
  for (const v of visits) {
    if ('error' in v) {
      if (!(check === 'delete' && isApiError(v.error, 'NotFound'))) errors.push(v.error);
      continue;
    }
    visited++;
    const e = waitOne(inv, v.target, check, timeoutMs, deadlineMs, short);
    if (e) errors.push(e);
  }
  if (errors.length === 0 && visited === 0 && check !== 'delete') errors.push(new Error('no matching resources found'));
  if (errors.length === 0) return 0;
  inv.err(renderError(errors.length === 1 ? errors[0]! : aggregate(errors)!));
  return 1;
}

export const waitCommand: CommandSpec = {
  name: 'wait',
  flags: [FILENAME, RECURSIVE, SELECTOR, FIELD_SELECTOR, ALL, ALL_NAMESPACES, OUTPUT,
    { name: 'for', type: 'string', default: '' },
    { name: 'timeout', type: 'string', default: '30s' },
    { name: 'local', type: 'bool', default: false },
  ],
  run,
};
