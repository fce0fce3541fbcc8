// kubectl rollout status (kubectl pkg/cmd/rollout/rollout_status.go): watches one Deployment,
// DaemonSet or StatefulSet and prints the status viewer's line for the object as listed and for
// every change after it, until the rollout is done — in virtual time. --timeout=0 means no
// deadline (kukumber gives up after FOREVER_LIMIT_MS); --watch=false prints one line.
import type { Stored } from '../../api/objects';
import type { WatchEvent } from '../../api/watch';
import type { CommandSpec, Invocation } from '../types';
import { KubectlError } from '../types';
import { bool, duration, FILENAME, int, list, RECURSIVE, SELECTOR } from '../flag_values';
import { rolloutStatus, RolloutStatusError } from '../rollout/status_viewer';
import { FOREVER_LIMIT_MS, foreverLimitMessage } from '../waiting';
import { rolloutTargets, groupKindString } from './rollout_targets';

function run(inv: Invocation): number {
  const wantRevision = int(inv.flags, 'revision');
  if (inv.args.length === 0 && list(inv.flags, 'filename').length === 0) throw new KubectlError('required resource not specified');
  if (wantRevision < 0) throw new KubectlError(`revision must be a positive integer: ${wantRevision}`);
  const targets = rolloutTargets(inv, true);
  if (targets.length !== 1) throw new KubectlError(`rollout status is only supported on individual resources and resource collections - ${targets.length} resources were found`);
  const t = targets[0]!;
  const current = t.object!;
  if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(current.kind)) {
    throw new KubectlError(`no status viewer has been implemented for ${groupKindString(t.info)}`);
  }
  const { cluster } = inv.ctx;
  const watchOn = bool(inv.flags, 'watch');
  let finished = false;
  let failure: string | undefined;
  const onObject = (obj: Stored): void => {
    try {
      const status = rolloutStatus(obj, wantRevision)!;
      inv.out(status.message);
      if (status.done || !watchOn) finished = true;
    } catch (e) {
      if (!(e instanceof RolloutStatusError)) throw e;
      failure = e.message;
      finished = true;
    }
  };
  onObject(current);
  if (finished) return report(inv, failure);
  const watcher = cluster.api.watch(t.info.kind, { watcher: 'kubectl', namespace: t.namespace,
    fieldSelector: [{ field: 'metadata.name', operator: '=', value: t.name }] }, (e: WatchEvent) => {
    if (finished || e.object.metadata.uid !== current.metadata.uid) return;
    if (e.type === 'DELETED') { failure = 'object has been deleted'; finished = true; return; }
    onObject(e.object);
  });
  const timeoutMs = duration(inv.flags, 'timeout');
  const ok = cluster.sim.runUntil(() => finished, cluster.sim.nowMs + (timeoutMs > 0 ? timeoutMs : FOREVER_LIMIT_MS));
  watcher.stop();
  if (!ok) return report(inv, timeoutMs > 0 ? 'timed out waiting for the condition' : foreverLimitMessage(`${t.info.plural}/${t.name} to roll out`));
  return report(inv, failure);
}

function report(inv: Invocation, failure: string | undefined): number {
  if (failure === undefined) return 0;
  inv.err(`error: ${failure}\n`);
  return 1;
}

export const rolloutStatusCommand: CommandSpec = {
  name: 'rollout status',
  flags: [FILENAME, RECURSIVE, SELECTOR,
    { name: 'revision', type: 'int', default: 0 },
    { name: 'watch', short: 'w', type: 'bool', default: true },
    { name: 'timeout', type: 'string', default: '0s' },
  ],
  run,
};
