// What every rollout subcommand acts on: TYPE NAME, TYPE/NAME, -l or -f, fetched from the API
// server (the builder's Latest); the first lookup failure ends the command, as kubectl's does.
import type { ResourceInfo } from '../../api/resources';
import { ApiError } from '../../api/errors';
import { KubectlError, type Invocation } from '../types';
import { buildTargets, type Target } from '../builder';
import { list, selection } from '../flag_values';

/** schema.GroupKind's String(): "ReplicaSet.apps", "Pod". */
export const groupKindString = (info: ResourceInfo): string => (info.group ? `${info.kind}.${info.group}` : info.kind);

export function rolloutTargets(inv: Invocation, singleResourceType: boolean, continueOnError = false): Target[] {
  const sel = selection(inv.flags, inv.changed);
  const visits = buildTargets(inv, { args: inv.args, filenames: list(inv.flags, 'filename'), selector: sel.selector, singleResourceType });
  const targets: Target[] = [];
  for (const v of visits) {
    if ('error' in v) {
      if (!continueOnError) throw v.error instanceof ApiError ? v.error : new KubectlError(v.error.message);
      continue;
    }
    targets.push(v.target);
  }
  return targets;
}
