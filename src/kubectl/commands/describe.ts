// kubectl describe (kubectl pkg/cmd/describe/describe.go): describes each object found, separated
// by a blank line; `describe TYPE PREFIX` falls back to every object whose name starts with
// PREFIX when no object has that exact name; "No resources found …" when nothing matched.
import { isApiError } from '../../api/errors';
import { describeObject } from '../describe';
import { checkErrText } from '../errors';
import { KubectlError, type CommandSpec, type Invocation } from '../types';
import { fetchResources, selectResources } from './get_fetch';

const str = (inv: Invocation, name: string): string => String(inv.flags[name] ?? '');
const bool = (inv: Invocation, name: string): boolean => inv.flags[name] === true;

function run(inv: Invocation): number {
  for (const flag of ['filename', 'kustomize', 'recursive']) {
    if (inv.changed.has(flag)) throw new KubectlError(`kukumber does not support "kubectl describe --${flag}" yet`);
  }
  if (inv.args.length === 0) {
    throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  }
  const selections = selectResources(inv.args);
  const allNamespaces = bool(inv, 'all-namespaces');
  const fetched = fetchResources(inv, selections, { allNamespaces, labelSelector: str(inv, 'selector'), fieldSelector: '' });
  const cluster = inv.ctx.cluster;
  const objects = fetched.infos.flatMap(i => i.objects);
  // DescribeMatchingResources: "describe TYPE NAME" with no such NAME describes every NAME* instead.
  if (objects.length === 0 && inv.args.length === 2 && !inv.args[0]!.includes('/') && fetched.errors.length === 1 && isApiError(fetched.errors[0], 'NotFound')) {
    const info = selections[0]!.info;
    const { items } = cluster.api.list(info.kind, { namespace: info.namespaced ? inv.namespace : undefined }, { actor: 'kubectl' });
    const matching = items.filter(o => o.metadata.name.startsWith(inv.args[1]!));
    if (matching.length === 0) return fail(inv, fetched.errors);
    for (const o of matching) inv.out(`${describeObject(cluster, o, { showEvents: inv.flags['show-events'] !== false })}\n`);
    return 0;
  }
  objects.forEach((o, i) => inv.out(i === 0 ? describeObject(cluster, o, { showEvents: inv.flags['show-events'] !== false }) : `\n\n${describeObject(cluster, o, { showEvents: inv.flags['show-events'] !== false })}`));
  if (objects.length === 0 && fetched.errors.length === 0) {
    inv.err(allNamespaces ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
  }
  return fail(inv, fetched.errors);
}

function fail(inv: Invocation, errors: unknown[]): number {
  if (errors.length === 0) return 0;
  inv.err(checkErrText(errors));
  return 1;
}

export const describeCommand: CommandSpec = {
  name: 'describe',
  flags: [
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
    { name: 'show-events', type: 'bool', default: true },
    { name: 'chunk-size', type: 'int', default: 500 },
    { name: 'filename', short: 'f', type: 'stringArray', default: [] },
    { name: 'kustomize', short: 'k', type: 'string', default: '' },
    { name: 'recursive', short: 'R', type: 'bool', default: false },
  ],
  run,
};
