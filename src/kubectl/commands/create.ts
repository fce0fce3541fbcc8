// kubectl create -f (kubectl pkg/cmd/create/create.go RunCreate): each document is POSTed in
// order; "<kind>/<name> created". Create errors come first, then the documents kubectl could not
// read, as its ContinueOnError visitors collect them. --save-config adds the last-applied annotation.
// Not modelled: the generators (create deployment|configmap|…) except create namespace (create_namespace.ts).
import { isApiError } from '../../api/errors';
import type { CommandSpec, Invocation } from '../types';
import { KubectlError } from '../types';
import { buildTargets, partition } from '../builder';
import { addSourceToErr, aggregate, renderError } from '../errors';
import { bool, dryRunOf, DRY_RUN, FIELD_MANAGER, FILENAME, list, OUTPUT, RECORD, RECURSIVE, SHOW_MANAGED_FIELDS, VALIDATE } from '../flag_values';
import { nameLine, withDryRun } from '../name_printer';
import { withLastApplied } from '../apply/last_applied';
import { checkOutput } from './apply';

function run(inv: Invocation): number {
  if (inv.args.length > 0) throw new KubectlError(`kukumber does not support "kubectl create ${inv.args[0]}" yet`);
  const filenames = list(inv.flags, 'filename');
  if (filenames.length === 0) throw new KubectlError('must specify one of -f and -k');
  const short = checkOutput(inv);
  const dryRun = dryRunOf(inv.flags);
  const { targets, errors: loadErrors } = partition(buildTargets(inv, { args: [], filenames }));
  const errors: Error[] = [];
  for (const t of targets) {
    const manifest = { ...t.manifest!, metadata: { ...t.manifest!.metadata, ...(t.info.namespaced ? { namespace: t.namespace } : {}) } };
    const body = bool(inv.flags, 'save-config') ? withLastApplied(manifest) : manifest;
    try {
      if (t.serverError) throw t.serverError;
      if (dryRun !== 'client') inv.ctx.cluster.api.create(body, { actor: 'kubectl-create', dryRun: dryRun === 'server' });
    } catch (e) {
      if (!(e instanceof Error) || (!isApiError(e) && e !== t.serverError)) throw e;
      errors.push(addSourceToErr('creating', t.source, e));
      continue;
    }
    inv.out(nameLine(t.info, t.name, withDryRun('created', dryRun), short));
  }
  const load = aggregate(loadErrors);
  if (load) errors.push(load);
  if (targets.length === 0 && loadErrors.length === 0) errors.push(new Error('no objects passed to create'));
  if (errors.length === 0) return 0;
  inv.err(renderError(errors.length === 1 ? errors[0]! : aggregate(errors)!));
  return 1;
}

export const createCommand: CommandSpec = {
  name: 'create',
  flags: [FILENAME, RECURSIVE, OUTPUT, DRY_RUN, FIELD_MANAGER, RECORD, VALIDATE, SHOW_MANAGED_FIELDS,
    { name: 'save-config', type: 'bool', default: false },
    { name: 'edit', type: 'bool', default: false },
    { name: 'windows-line-endings', type: 'bool', default: false },
    { name: 'raw', type: 'string', default: '' },
    { name: 'selector', short: 'l', type: 'string', default: '' },
  ],
  run,
};
