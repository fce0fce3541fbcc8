// kubectl scale (kubectl pkg/cmd/scale/scale.go, pkg/scale/scale.go): sets spec.replicas through
// the scale subresource of Deployments, ReplicaSets, ReplicationControllers and StatefulSets;
// --current-replicas / --resource-version are preconditions checked against the current Scale.
// Objects kubectl could not find are reported after the others are scaled.
import { ApiError, isApiError } from '../../api/errors';
import type { CommandSpec, Invocation } from '../types';
import { KubectlError } from '../types';
import { buildTargets, partition, type Target } from '../builder';
import { aggregate, renderError } from '../errors';
import { ALL, dryRunOf, DRY_RUN, duration, FILENAME, int, list, OUTPUT, RECORD, RECURSIVE, SELECTOR, selection, str } from '../flag_values';
import { nameLine, withDryRun } from '../name_printer';
import { checkOutput } from './apply';
import { waitUntil } from '../waiting';

/** scale.PreconditionError: "Expected replicas to be 3, was 4". */
class PreconditionError extends Error {
  override name = 'PreconditionError';
}

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);

/** What the API server answers for /scale on a kind that has no scale subresource. */
const noScaleSubresource = (): ApiError => new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
  message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 });

function scaleOne(inv: Invocation, t: Target, replicas: number, dryRun: boolean): void {
  if (!SCALABLE.has(t.info.kind)) throw noScaleSubresource();
  const api = inv.ctx.cluster.api;
  const current = api.get(t.info.kind, t.namespace, t.name, { actor: 'kubectl' });
  const currentReplicas = int(inv.flags, 'current-replicas');
  const rv = str(inv.flags, 'resource-version');
  // ScalePrecondition.validate on the Scale read first.
  if (currentReplicas !== -1 && (current.spec?.replicas ?? 1) !== currentReplicas) {
    throw new PreconditionError(`Expected replicas to be ${currentReplicas}, was ${current.spec?.replicas ?? 1}`);
  }
  if (rv !== '' && current.metadata.resourceVersion !== rv) {
    throw new PreconditionError(`Expected resource version to be ${rv}, was ${current.metadata.resourceVersion}`);
  }
  api.mutate(t.info.kind, t.namespace, t.name, d => { d.spec.replicas = replicas; }, { actor: 'kubectl', dryRun });
}

function run(inv: Invocation): number {
  const short = checkOutput(inv);
  const replicas = int(inv.flags, 'replicas');
  if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (int(inv.flags, 'current-replicas') < -1) throw new KubectlError('The --current-replicas must specify an integer of -1 or greater');
  const dryRun = dryRunOf(inv.flags);
  const sel = selection(inv.flags, inv.changed);
  const { targets, errors } = partition(buildTargets(inv, { args: inv.args, filenames: list(inv.flags, 'filename'), ...sel }));
  const infoErr = aggregate(errors);
  if (str(inv.flags, 'resource-version') !== '' && targets.length > 1) throw new KubectlError('cannot use --resource-version with multiple resources');
  if (targets.length === 0) {
    if (infoErr) throw infoErr;
    throw new KubectlError('no objects passed to scale');
  }
  const timeoutMs = duration(inv.flags, 'timeout');
  for (const t of targets) {
    if (dryRun !== 'client') {
      try {
        scaleOne(inv, t, replicas, dryRun === 'server');
      } catch (e) {
        if (isApiError(e) || e instanceof PreconditionError) {
          inv.err(renderError(e));
          return 1;
        }
        throw e;
      }
      if (timeoutMs > 0 && dryRun === 'none' && !waitForReplicas(inv, t, replicas, timeoutMs)) {
        inv.err('error: timed out waiting for the condition\n');
        return 1;
      }
    }
    inv.out(nameLine(t.info, t.name, withDryRun('scaled', dryRun), short));
  }
  if (!infoErr) return 0;
  inv.err(renderError(infoErr));
  return 1;
}

/** WaitForScaleHasDesiredReplicas: status.replicas reaches the new size once the controller saw it. */
function waitForReplicas(inv: Invocation, t: Target, replicas: number, timeoutMs: number): boolean {
  const { cluster } = inv.ctx;
  return waitUntil(cluster, () => {
    const o = cluster.store.get(t.info.kind, t.namespace, t.name);
    return o !== undefined && (o.status?.observedGeneration ?? 0) >= (o.metadata.generation ?? 0) && o.status?.replicas === replicas;
  }, cluster.sim.nowMs + timeoutMs);
}

export const scaleCommand: CommandSpec = {
  name: 'scale',
  flags: [FILENAME, RECURSIVE, SELECTOR, ALL, OUTPUT, DRY_RUN, RECORD,
    { name: 'replicas', type: 'int', default: -1 },
    { name: 'current-replicas', type: 'int', default: -1 },
    { name: 'resource-version', type: 'string', default: '' },
    { name: 'timeout', type: 'string', default: '0s' },
  ],
  run,
};
