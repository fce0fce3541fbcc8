// kubectl label and kubectl annotate (kubectl pkg/cmd/label/label.go, pkg/cmd/annotate/annotate.go):
// KEY=VALUE sets, KEY- removes; changing an existing value needs --overwrite. Each object is
// patched with a JSON merge patch of its metadata and reported "labeled" / "unlabeled" /
// "not labeled" (label) or "annotated" (annotate); failures are reported after the others.
import { isApiError } from '../../api/errors';
import type { KubeObject, Stored } from '../../api/objects';
import { isValidLabelValue } from '../../api/validation/names';
import type { CommandSpec, Invocation } from '../types';
import { KubectlError } from '../types';
import { buildTargets, type Target } from '../builder';
import { aggregate, renderError } from '../errors';
import { ALL, ALL_NAMESPACES, bool, dryRunOf, DRY_RUN, FIELD_MANAGER, FIELD_SELECTOR, FILENAME, list, OUTPUT, RECORD, RECURSIVE, SELECTOR, selection, str } from '../flag_values';
import { nameLine, withDryRun } from '../name_printer';
import { parsePairs, resourcesAndPairs } from '../pairs';
import { checkOutput } from './apply';
import { goJsonMarshal } from '../go_json';
import { clone } from '../patch/json_values';

type Field = 'labels' | 'annotations';

/** label.go parseLabels: values are checked here, keys by the API server. */
function parseLabels(specs: string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) throw new KubectlError(`invalid label spec: ${spec}`);
      const errs = isValidLabelValue(parts[1]!);
      if (errs.length) throw new KubectlError(`invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`);
      set.set(parts[0]!, parts[1]!);
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw new KubectlError(`unknown label spec: ${spec}`);
  }
  if (remove.some(r => set.has(r))) throw new KubectlError('can not both modify and remove a label in the same command');
  return { set, remove };
}

/** validateNoOverwrites / validateNoAnnotationOverwrites. */
function overwriteError(field: Field, current: Record<string, string>, set: Map<string, string>): Error | undefined {
  const clashes = [...set].filter(([k, v]) => k in current && current[k] !== v && !(field === 'annotations' && k === 'kubernetes.io/change-cause'));
  if (clashes.length === 0) return undefined;
  if (field === 'annotations') {
    return new Error(`--overwrite is false but found the following declared annotation(s): ${clashes.map(([k]) => `'${k}' already has a value (${current[k]})`).join('; ')}`);
  }
  return aggregate(clashes.map(([k]) => new Error(`'${k}' already has a value (${current[k]}), and --overwrite is false`)));
}

function labelOne(inv: Invocation, field: Field, t: Target, set: Map<string, string>, remove: string[]): { error?: Error; message?: string; stored?: Stored } {
  const live = t.object ?? inv.ctx.cluster.store.get(t.info.kind, t.namespace, t.name)!;
  const overwrite = bool(inv.flags, 'overwrite');
  if (!overwrite) {
    const e = overwriteError(field, live.metadata[field] ?? {}, set);
    if (e) return { error: e };
  }
  if (field === 'labels') for (const r of remove) if (!(r in (live.metadata.labels ?? {}))) inv.out(`label ${JSON.stringify(r)} not found.\n`);
  const next = clone(live) as KubeObject;
  const values: Record<string, string> = { ...(next.metadata[field] ?? {}) };
  for (const [k, v] of set) values[k] = v;
  for (const r of remove) delete values[r];
  next.metadata[field] = values;
  const before = goJsonMarshal(live), after = goJsonMarshal(next);
  // updateDataChangeMsg compares the JSON before and after.
  const message = before === after ? 'not labeled' : !overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
  const dryRun = dryRunOf(inv.flags);
  if (dryRun === 'client') return { message, stored: live };
  try {
    const stored = inv.ctx.cluster.api.update({ ...next, metadata: { ...next.metadata, [field]: Object.keys(values).length ? values : undefined } },
      { actor: field === 'labels' ? 'kubectl-label' : 'kubectl-annotate', dryRun: dryRun === 'server' });
    return { message, stored };
  } catch (e) {
    if (isApiError(e)) return { error: e };
    throw e;
  }
}

function runFor(field: Field, inv: Invocation): number {
  const short = checkOutput(inv);
  if (bool(inv.flags, 'list')) throw new KubectlError('kukumber does not support "kubectl label --list" yet');
  const dryRun = dryRunOf(inv.flags);
  const kind = field === 'labels' ? 'label' : 'annotation';
  const { resources, pairs } = resourcesAndPairs(inv.args, kind);
  const { set, remove } = field === 'labels' ? parseLabels(pairs) : parsePairs(pairs, 'annotation', true);
  const sel = selection(inv.flags, inv.changed);
  const filenames = list(inv.flags, 'filename');
  if (resources.length < 1 && filenames.length === 0) throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (set.size < 1 && remove.length < 1 && !bool(inv.flags, 'list')) throw new KubectlError(`at least one ${kind} update is required`);
  if (sel.all && sel.selector) throw new KubectlError('cannot set --all and --selector at the same time');
  const visits = buildTargets(inv, { args: resources, filenames, ...sel, allNamespaces: bool(inv.flags, 'all-namespaces') });
  if (str(inv.flags, 'resource-version') !== '' && visits.length > 1) throw new KubectlError(`--resource-version may only be used with a single resource`);
  const errors: Error[] = [];
  for (const v of visits) {
    if ('error' in v) { errors.push(v.error); continue; }
    const r = labelOne(inv, field, v.target, set, remove);
    if (r.error) { errors.push(r.error); continue; }
    const op = field === 'labels' ? r.message! : 'annotated';
    inv.out(nameLine(v.target.info, v.target.name, withDryRun(op, dryRun), short));
  }
  const err = errors.length === 1 ? errors[0] : aggregate(errors);
  if (!err) return 0;
  inv.err(renderError(err));
  return 1;
}

const sharedFlags = [FILENAME, RECURSIVE, SELECTOR, FIELD_SELECTOR, ALL, ALL_NAMESPACES, OUTPUT, DRY_RUN, RECORD, FIELD_MANAGER,
  { name: 'overwrite', type: 'bool' as const, default: false },
  { name: 'local', type: 'bool' as const, default: false },
  { name: 'resource-version', type: 'string' as const, default: '' },
  { name: 'show-managed-fields', type: 'bool' as const, default: false },
];

export const labelCommand: CommandSpec = {
  name: 'label',
  flags: [...sharedFlags, { name: 'list', type: 'bool', default: false }],
  run: inv => runFor('labels', inv),
};

export const annotateCommand: CommandSpec = {
  name: 'annotate',
  flags: sharedFlags,
  run: inv => runFor('annotations', inv),
};
