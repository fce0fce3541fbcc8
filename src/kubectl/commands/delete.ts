// kubectl delete (kubectl pkg/cmd/delete/delete.go, delete_flags.go): by name, TYPE/NAME, -l,
// --all or -f; one DELETE per object with the propagation policy always sent; "<kind> "x" deleted"
// after each; then, unless --wait=false, it waits — in virtual time — until every object is gone
// (a week at most, kubectl's bound for --timeout=0). Any failed DELETE skips the wait.
import { isApiError } from '../../api/errors';
import type { PropagationPolicy } from '../../api/deletion';
import type { CommandSpec, Invocation } from '../types';
import { KubectlError } from '../types';
import { buildTargets, type Target } from '../builder';
import { addSourceToErr, aggregate, renderError } from '../errors';
import { ALL, ALL_NAMESPACES, bool, dryRunOf, DRY_RUN, duration, FIELD_SELECTOR, FILENAME, int, list, OUTPUT, RECURSIVE, SELECTOR, selection, str } from '../flag_values';
import { kindString, type DryRun } from '../name_printer';
import { waitUntil, WEEK_MS } from '../waiting';

/** parseCascadingFlag: background|foreground|orphan, or the deprecated booleans with their warning. */
function cascade(inv: Invocation): PropagationPolicy {
  const v = str(inv.flags, 'cascade');
  switch (v) {
    case 'background': return 'Background';
    case 'foreground': return 'Foreground';
    case 'orphan': return 'Orphan';
  }
  if (/^(1|t|T|TRUE|true|True)$/.test(v)) {
    inv.err(`warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=background.\n`);
    return 'Background';
  }
  if (/^(0|f|F|FALSE|false|False)$/.test(v)) {
    inv.err(`warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=orphan.\n`);
    return 'Orphan';
  }
  throw new KubectlError(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan"`);
}

/** Complete + Validate: the grace period kubectl sends (-1 = let the server decide). */
function gracePeriod(inv: Invocation): number {
  let grace = int(inv.flags, 'grace-period');
  const force = bool(inv.flags, 'force');
  if (bool(inv.flags, 'now')) {
    if (grace !== -1) throw new KubectlError('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1; // --grace-period=0 without --force means 1
  if (force && grace < 0) grace = 0;
  if (grace === 0 && force) {
    inv.err('warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  } else if (grace > 0 && force) throw new KubectlError('--force and --grace-period greater than 0 cannot be specified together');
  return grace;
}

function operation(grace: number, dryRun: DryRun): string {
  const op = grace === 0 ? 'force deleted' : 'deleted';
  return dryRun === 'client' ? `${op} (dry run)` : dryRun === 'server' ? `${op} (server dry run)` : op;
}

function run(inv: Invocation): number {
  const output = str(inv.flags, 'output');
  if (output !== '' && output !== 'name') throw new KubectlError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  const sel = selection(inv.flags, inv.changed);
  const grace = gracePeriod(inv);
  const policy = cascade(inv);
  const dryRun = dryRunOf(inv.flags);
  const ignoreNotFound = inv.changed.has('ignore-not-found') ? bool(inv.flags, 'ignore-not-found')
    : sel.all || sel.selector !== undefined || sel.fieldSelector !== undefined;
  const visits = buildTargets(inv, { args: inv.args, filenames: list(inv.flags, 'filename'), ...sel, selectAllParam: true,
    allNamespaces: bool(inv.flags, 'all-namespaces'), requireObject: false });
  const errors: Error[] = [];
  const deleted: { target: Target; uid: string }[] = [];
  let warnClusterScope = inv.changed.has('namespace') && !bool(inv.flags, 'all-namespaces');
  for (const v of visits) {
    if ('error' in v) {
      if (!(ignoreNotFound && isApiError(v.error, 'NotFound'))) errors.push(v.error);
      continue;
    }
    const t = v.target;
    deleted.push({ target: t, uid: '' }); // counted before the DELETE, as kubectl's `found` is
    if (warnClusterScope && !t.info.namespaced) {
      inv.err('warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
      warnClusterScope = false;
    }
    if (dryRun !== 'client') {
      try {
        const r = inv.ctx.cluster.api.delete(t.info.kind, t.namespace, t.name,
          { ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}), propagationPolicy: policy }, { actor: 'kubectl', dryRun: dryRun === 'server' });
        deleted[deleted.length - 1]!.uid = r.object.metadata.uid;
      } catch (e) {
        if (!isApiError(e)) throw e;
        if (!(ignoreNotFound && isApiError(e, 'NotFound'))) errors.push(addSourceToErr('deleting', t.source, e));
        continue;
      }
    }
    inv.out(output === 'name' ? `${kindString(t.info)}/${t.name}\n` : `${kindString(t.info)} "${t.name}" ${operation(grace, dryRun)}\n`);
  }
  if (errors.length) {
    inv.err(renderError(errors.length === 1 ? errors[0]! : aggregate(errors)!));
    return 1;
  }
  if (deleted.length === 0) {
    inv.out('No resources found\n');
    return 0;
  }
  if (!bool(inv.flags, 'wait') || dryRun !== 'none') return 0;
  return waitForDeletion(inv, deleted, duration(inv.flags, 'timeout') || WEEK_MS);
}

/** cmdwait.IsDeleted for each object in turn, sharing one deadline. */
function waitForDeletion(inv: Invocation, deleted: { target: Target; uid: string }[], timeoutMs: number): number {
  const { cluster } = inv.ctx;
  const deadlineMs = cluster.sim.nowMs + timeoutMs;
  for (const { target: t, uid } of deleted) {
    const gone = (): boolean => {
      const live = cluster.store.get(t.info.kind, t.namespace, t.name);
      return !live || (uid !== '' && live.metadata.uid !== uid);
    };
    if (!waitUntil(cluster, gone, deadlineMs)) {
      inv.err(`error: timed out waiting for the condition on ${t.info.plural}/${t.name}\n`);
      return 1;
    }
  }
  return 0;
}

export const deleteCommand: CommandSpec = {
  name: 'delete',
  flags: [FILENAME, RECURSIVE, SELECTOR, FIELD_SELECTOR, ALL, ALL_NAMESPACES, OUTPUT, DRY_RUN,
    { name: 'cascade', type: 'string', default: 'background', noValueDefault: 'background' },
    { name: 'force', type: 'bool', default: false },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'ignore-not-found', type: 'bool', default: false },
    { name: 'now', type: 'bool', default: false },
    { name: 'timeout', type: 'string', default: '0s' },
    { name: 'wait', type: 'bool', default: true },
    { name: 'interactive', short: 'i', type: 'bool', default: false },
    { name: 'raw', type: 'string', default: '' },
  ],
  run,
};
