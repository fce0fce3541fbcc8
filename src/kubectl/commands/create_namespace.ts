// kubectl create namespace NAME (kubectl pkg/cmd/create/create_namespace.go, v1.32): POSTs a bare
// Namespace (the API server adds the kubernetes finalizer and phase Active); "namespace/NAME created".
// Not modelled: -o formats other than name, --save-config.
import type { CommandSpec, Invocation } from '../types';
import { KubectlError } from '../types';
import { mustResource } from '../../api/resources';
import { dryRunOf, DRY_RUN, FIELD_MANAGER, OUTPUT, VALIDATE } from '../flag_values';
import { nameLine, withDryRun } from '../name_printer';
import { checkOutput } from './apply';

function run(inv: Invocation): number {
  if (inv.args.length !== 1) {
    // NameFromCommandArgs' UsageErrorf; with no NAME at all kubectl v1.32.4 prints it as cobra does (capitalised).
    const prefix = inv.args.length === 0 ? 'Error' : 'error';
    throw new KubectlError(`${prefix}: exactly one NAME is required, got ${inv.args.length}\nSee 'kubectl create namespace -h' for help and examples`, true);
  }
  const short = checkOutput(inv);
  const dryRun = dryRunOf(inv.flags);
  const name = inv.args[0]!;
  const body = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
  if (dryRun !== 'client') inv.ctx.cluster.api.create(body, { actor: 'kubectl-create', dryRun: dryRun === 'server' });
  inv.out(nameLine(mustResource('Namespace'), name, withDryRun('created', dryRun), short));
  return 0;
}

export const createNamespaceCommand: CommandSpec = {
  name: 'create namespace',
  flags: [OUTPUT, DRY_RUN, FIELD_MANAGER, VALIDATE, { name: 'save-config', type: 'bool', default: false }],
  run,
};
