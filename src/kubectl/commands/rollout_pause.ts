// kubectl rollout pause, resume and restart (kubectl pkg/polymorphichelpers objectpauser.go,
// objectresumer.go, objectrestarter.go; pkg/cmd/rollout): pause sets spec.paused, resume removes
// it, restart stamps the pod template with kubectl.kubernetes.io/restartedAt (virtual time, RFC
// 3339). Failures are collected as "error: <resource> "<name>" <why>" and printed at the end.
import type { KubeObject } from '../../api/objects';
import { isApiError } from '../../api/errors';
import { toRfc3339 } from '../../sim/time';
import type { CommandSpec, Invocation } from '../types';
import { KubectlError } from '../types';
import { aggregate, renderError } from '../errors';
import { FIELD_MANAGER, FILENAME, list, OUTPUT, RECURSIVE, SELECTOR } from '../flag_values';
import { nameLine } from '../name_printer';
import { rolloutTargets } from './rollout_targets';
import { checkOutput } from './apply';
import { clone, deepEqual } from '../patch/json_values';

type Mutation = (obj: KubeObject, nowMs: number) => void;

const pause: Mutation = obj => {
  if (obj.kind !== 'Deployment') throw new Error('pausing is not supported');
  if (obj.spec.paused) throw new Error('is already paused');
  obj.spec.paused = true;
};

const resume: Mutation = obj => {
  if (obj.kind !== 'Deployment') throw new Error('resuming is not supported');
  if (!obj.spec.paused) throw new Error('is not paused');
  delete obj.spec.paused;
};

const restart: Mutation = (obj, nowMs) => {
  if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(obj.kind)) throw new Error('restarting is not supported');
  if (obj.kind === 'Deployment' && obj.spec.paused) throw new Error("can't restart paused deployment (run rollout resume first)");
  const meta = (obj.spec.template.metadata ??= {});
  meta.annotations = { ...(meta.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': toRfc3339(nowMs) };
};

function runWith(inv: Invocation, mutate: Mutation, done: string, samePatch: (name: string) => Error | undefined): number {
  if (inv.args.length === 0 && list(inv.flags, 'filename').length === 0) throw new KubectlError('required resource not specified');
  const short = checkOutput(inv);
  const errors: Error[] = [];
  for (const t of rolloutTargets(inv, false, true)) {
    const live = t.object!;
    const next = clone(live) as KubeObject;
    const resource = t.info.group ? `${t.info.plural}.${t.info.group}` : t.info.plural;
    try {
      mutate(next, inv.ctx.cluster.sim.nowMs);
    } catch (e) {
      errors.push(new Error(`error: ${resource} ${JSON.stringify(t.name)} ${(e as Error).message}`));
      continue;
    }
    if (deepEqual(next, live)) {
      const e = samePatch(t.name);
      if (e) errors.push(e);
      continue;
    }
    try {
      inv.ctx.cluster.api.update(next, { actor: 'kubectl-rollout' });
    } catch (e) {
      if (!isApiError(e)) throw e;
      errors.push(new Error(`failed to patch: ${e.message}`));
      continue;
    }
    inv.out(nameLine(t.info, t.name, done, short));
  }
  const err = aggregate(errors);
  if (!err) return 0;
  inv.err(renderError(err));
  return 1;
}

const flags = [FILENAME, RECURSIVE, SELECTOR, OUTPUT, FIELD_MANAGER];

export const rolloutPauseCommand: CommandSpec = { name: 'rollout pause', flags, run: inv => runWith(inv, pause, 'paused', () => undefined) };
export const rolloutResumeCommand: CommandSpec = { name: 'rollout resume', flags, run: inv => runWith(inv, resume, 'resumed', () => undefined) };
export const rolloutRestartCommand: CommandSpec = {
  name: 'rollout restart', flags,
  run: inv => runWith(inv, restart, 'restarted', name =>
    new Error(`failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`)),
};
