// kubectl apply -f (client-side apply, kubectl pkg/cmd/apply/apply.go applyOneObject): objects from
// every -f source are read first; each is created with the last-applied annotation when missing,
// else patched with the three-way strategic merge patch ("configured"), or left alone when the
// patch is empty ("unchanged"). Errors are collected and printed at the end, kubectl's way.
// Not modelled: --server-side, --prune, --force (delete and re-create), -k.
import type { Stored } from '../../api/objects';
import { isApiError } from '../../api/errors';
import type { CommandSpec, Invocation } from '../types';
import { KubectlError } from '../types';
import { buildTargets, partition, type Target } from '../builder';
import { addSourceToErr, aggregate, renderError } from '../errors';
import { dryRunOf, DRY_RUN, FIELD_MANAGER, FILENAME, list, OUTPUT, RECORD, RECURSIVE, SHOW_MANAGED_FIELDS, str, VALIDATE } from '../flag_values';
import { nameLine, withDryRun, type DryRun } from '../name_printer';
import { planApply, withLastApplied } from '../apply/last_applied';
import { goJsonMarshal } from '../go_json';

const MISSING_ANNOTATION = (objectName: string): string =>
  `Warning: resource ${objectName} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. ` +
  'kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. ' +
  'The missing annotation will be patched automatically.\n';

/** resource.Info's String(): what kubectl prints after "to:" in a failed apply patch. */
export function infoString(t: Target): string {
  const gv = t.info.group ? `${t.info.group}/${t.info.version}` : `/${t.info.version}`;
  return `Resource: "${gv}, Resource=${t.info.plural}", GroupVersionKind: "${gv}, Kind=${t.info.kind}"\n` +
    `Name: ${JSON.stringify(t.name)}, Namespace: ${JSON.stringify(t.namespace)}`;
}

/** `-o` values the write commands print themselves; the rest belong to the printers. */
export function checkOutput(inv: Invocation): boolean {
  const o = str(inv.flags, 'output');
  if (o !== '' && o !== 'name') throw new KubectlError(`kukumber does not support "kubectl ${inv.command} -o ${o}" yet`);
  return o === 'name';
}

function live(inv: Invocation, t: Target): Stored | undefined {
  return inv.ctx.cluster.store.get(t.info.kind, t.namespace, t.name);
}

function applyOne(inv: Invocation, t: Target, dryRun: DryRun, short: boolean): Error | undefined {
  const api = inv.ctx.cluster.api;
  const current = live(inv, t);
  const manifest = { ...t.manifest!, metadata: { ...t.manifest!.metadata, ...(t.info.namespaced ? { namespace: t.namespace } : {}) } };
  const print = (op: string): void => inv.out(nameLine(t.info, t.name, withDryRun(op, dryRun), short));
  if (!current) {
    if (t.serverError) return addSourceToErr('creating', t.source, t.serverError);
    try {
      if (dryRun !== 'client') api.create(withLastApplied(manifest), { actor: 'kubectl-client-side-apply', dryRun: dryRun === 'server' });
    } catch (e) {
      if (isApiError(e)) return addSourceToErr('creating', t.source, e);
      throw e;
    }
    print('created');
    return undefined;
  }
  if (dryRun === 'client') { print('configured'); return undefined; }
  if (current.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'] === undefined) {
    inv.err(MISSING_ANNOTATION(`${t.info.plural}/${t.name}`));
  }
  const plan = planApply(manifest, current);
  const patchText = goJsonMarshal(plan.patch);
  // Patcher.Patch adds "error when patching", applyOneObject the patch and the object (as v1.32.5 prints).
  const failed = (e: Error): Error =>
    addSourceToErr(`applying patch:\n${patchText}\nto:\n${infoString(t)}\nfor:`, t.source, addSourceToErr('patching', t.source, e));
  if (t.serverError) return failed(t.serverError);
  let result = current;
  if (patchText !== '{}') {
    try {
      result = api.update({ ...plan.patched, metadata: { ...plan.patched.metadata, resourceVersion: current.metadata.resourceVersion } },
        { actor: 'kubectl-client-side-apply', dryRun: dryRun === 'server' });
    } catch (e) {
      if (isApiError(e)) return failed(e);
      throw e;
    }
  }
  if (result.metadata.deletionTimestamp) inv.err(`Warning: Detected changes to resource ${t.info.plural}/${t.name} which is currently being deleted.\n`);
  print(patchText === '{}' ? 'unchanged' : 'configured');
  return undefined;
}

function run(inv: Invocation): number {
  for (const flag of ['server-side', 'prune', 'force', 'kustomize']) {
    if (inv.changed.has(flag)) throw new KubectlError(`kukumber does not support "kubectl apply --${flag}" yet`);
  }
  const filenames = list(inv.flags, 'filename');
  if (filenames.length === 0) throw new KubectlError('must specify one of -f and -k');
  const short = checkOutput(inv);
  const dryRun = dryRunOf(inv.flags);
  const { targets, errors: loadErrors } = partition(buildTargets(inv, { args: inv.args, filenames }));
  const errors: Error[] = [];
  const load = aggregate(loadErrors);
  if (load) errors.push(load);
  for (const t of targets) {
    const e = applyOne(inv, t, dryRun, short);
    if (e) errors.push(e);
  }
  if (targets.length === 0 && loadErrors.length === 0) errors.push(new Error('no objects passed to apply'));
  if (errors.length === 0) return 0;
  inv.err(renderError(errors.length === 1 ? errors[0]! : aggregate(errors)!));
  return 1;
}

export const applyCommand: CommandSpec = {
  name: 'apply',
  flags: [FILENAME, RECURSIVE, OUTPUT, DRY_RUN, FIELD_MANAGER, RECORD, VALIDATE, SHOW_MANAGED_FIELDS,
    { name: 'server-side', type: 'bool', default: false },
    { name: 'overwrite', type: 'bool', default: true },
    { name: 'force-conflicts', type: 'bool', default: false },
    { name: 'wait', type: 'bool', default: false },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'prune', type: 'bool', default: false },
    { name: 'force', type: 'bool', default: false },
    { name: 'kustomize', short: 'k', type: 'string', default: '' },
  ],
  run,
};
