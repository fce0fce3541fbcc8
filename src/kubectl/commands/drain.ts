// kubectl cordon, uncordon and drain (kubectl pkg/cmd/drain/drain.go, pkg/drain/cordon.go):
// cordon sets spec.unschedulable (uncordon removes it); drain cordons, then evicts every pod on
// the node that the filters allow, honouring PodDisruptionBudgets, and reports "drained" — or
// why not, with the pending nodes, in kubectl's words (checked against kubectl v1.32.5).
import type { Stored } from '../../api/objects';
import type { CommandSpec, Invocation } from '../types';
import { KubectlError } from '../types';
import { AggregateError, renderError } from '../errors';
import { bool, dryRunOf, DRY_RUN, duration, int, SELECTOR, str } from '../flag_values';
import { resourceForKind } from '../../api/resources';
import { nameLine, withDryRun, type DryRun } from '../name_printer';
import { filterPods } from '../drain/filters';
import { deleteOrEvictPods } from '../drain/evict_pods';

const NODE = resourceForKind('Node')!;

/** The nodes named or selected; the first lookup failure ends the command (no ContinueOnError). */
function nodeInfos(inv: Invocation, use: string): Stored[] {
  const selector = inv.changed.has('selector') ? str(inv.flags, 'selector') : '';
  if (inv.args.length === 0 && !inv.changed.has('selector')) {
    throw new KubectlError(`USAGE: ${use} [flags]\nSee 'kubectl ${inv.command} -h' for help and examples`);
  }
  if (inv.args.length > 0 && selector) {
    throw new KubectlError(`error: cannot specify both a node name and a --selector option\nSee 'kubectl ${inv.command} -h' for help and examples`, true);
  }
  const api = inv.ctx.cluster.api;
  if (inv.args.length === 0) return api.list('Node', { labelSelector: selector }, { actor: 'kubectl' }).items;
  return inv.args.map(name => api.get('Node', '', name.replace(/^(nodes?|no)\//, ''), { actor: 'kubectl' }));
}

/** RunCordonOrUncordon. */
function cordonOrUncordon(inv: Invocation, nodes: Stored[], desired: boolean, dryRun: DryRun): void {
  for (const node of nodes) {
    if ((node.spec?.unschedulable === true) === desired) {
      inv.out(nameLine(NODE, node.metadata.name, withDryRun(desired ? 'already cordoned' : 'already uncordoned', dryRun)));
      continue;
    }
    if (dryRun !== 'client') {
      inv.ctx.cluster.api.mutate('Node', '', node.metadata.name, d => {
        if (desired) d.spec = { ...d.spec, unschedulable: true };
        else delete d.spec.unschedulable;
      }, { actor: 'kubectl', dryRun: dryRun === 'server' });
    }
    inv.out(nameLine(NODE, node.metadata.name, withDryRun(desired ? 'cordoned' : 'uncordoned', dryRun)));
  }
}

function runCordon(inv: Invocation, desired: boolean): number {
  const dryRun = dryRunOf(inv.flags);
  cordonOrUncordon(inv, nodeInfos(inv, `${inv.command} NODE`), desired, dryRun);
  return 0;
}

/** deleteOrEvictPodsSimple for one node. */
function drainNode(inv: Invocation, node: Stored, dryRun: DryRun): Error | undefined {
  const { cluster } = inv.ctx;
  const flags = { force: bool(inv.flags, 'force'), ignoreDaemonSets: bool(inv.flags, 'ignore-daemonsets'),
    deleteEmptyDirData: bool(inv.flags, 'delete-emptydir-data') || bool(inv.flags, 'delete-local-data') };
  const podsOn = (): Stored[] => cluster.api.list('Pod', { labelSelector: str(inv.flags, 'pod-selector'), fieldSelector: `spec.nodeName=${node.metadata.name}` }, { actor: 'kubectl' }).items;
  const list = filterPods(cluster.api, flags, podsOn());
  if (list.errors.length) return new AggregateError(list.errors);
  if (list.warnings) inv.err(`Warning: ${list.warnings}\n`);
  if (dryRun === 'client') {
    for (const p of list.pods) inv.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
    return undefined;
  }
  const err = deleteOrEvictPods(inv, list.pods, { graceSeconds: int(inv.flags, 'grace-period'), timeoutMs: duration(inv.flags, 'timeout'),
    disableEviction: bool(inv.flags, 'disable-eviction') });
  if (!err) return undefined;
  const pending = filterPods(cluster.api, flags, podsOn()).pods;
  if (pending.length) {
    inv.err(`There are pending pods in node ${JSON.stringify(node.metadata.name)} when an error occurred: ${err.message}\n`);
    for (const p of pending) inv.err(`pod/${p.metadata.name}\n`);
  }
  return err;
}

/**
 * RunDrain (v1.32): every node is tried; a failure is reported as it happens, the nodes left are
 * listed, and the errors come last as an aggregate (one line each, no "error: " prefix).
 */
function runDrain(inv: Invocation): number {
  const dryRun = dryRunOf(inv.flags);
  const nodes = nodeInfos(inv, 'drain NODE');
  cordonOrUncordon(inv, nodes, true, dryRun);
  const fatal: Error[] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    const err = drainNode(inv, node, dryRun);
    if (!err) {
      inv.out(nameLine(NODE, node.metadata.name, withDryRun('drained', dryRun)));
      continue;
    }
    inv.err(`error: unable to drain node ${JSON.stringify(node.metadata.name)} due to error: ${err.message}, continuing command...\n`);
    fatal.push(err);
    remaining.push(node.metadata.name);
  }
  if (remaining.length) inv.err(`There are pending nodes to be drained:\n${remaining.map(n => ` ${n}\n`).join('')}`);
  if (fatal.length === 0) return 0;
  inv.err(renderError(new AggregateError(fatal)));
  return 1;
}

const cordonFlags = [SELECTOR, DRY_RUN];

export const cordonCommand: CommandSpec = { name: 'cordon', flags: cordonFlags, run: inv => runCordon(inv, true) };
export const uncordonCommand: CommandSpec = { name: 'uncordon', flags: cordonFlags, run: inv => runCordon(inv, false) };
export const drainCommand: CommandSpec = {
  name: 'drain',
  flags: [...cordonFlags,
    { name: 'force', type: 'bool', default: false },
    { name: 'ignore-daemonsets', type: 'bool', default: false },
    { name: 'delete-emptydir-data', type: 'bool', default: false },
    { name: 'delete-local-data', type: 'bool', default: false },
    { name: 'disable-eviction', type: 'bool', default: false },
    { name: 'ignore-errors', type: 'bool', default: false },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'timeout', type: 'string', default: '0s' },
    { name: 'pod-selector', type: 'string', default: '' },
    { name: 'skip-wait-for-delete-timeout', type: 'int', default: 0 },
    { name: 'chunk-size', type: 'int', default: 500 },
  ],
  run: runDrain,
};
