// Which pods kubectl drain evicts (kubectl pkg/drain/filters.go): mirror pods are skipped,
// DaemonSet pods are refused (or ignored with --ignore-daemonsets), pods with emptyDir volumes
// need --delete-emptydir-data, pods without a controller need --force. The last filter that ran
// decides a pod's fate; errors and warnings are grouped by message, kubectl's way.
import type { Stored } from '../../api/objects';
import { controllerRef } from '../../api/objects';
import type { ApiServer } from '../../api/apiserver';
import { isApiError } from '../../api/errors';

export interface DrainFlags { force: boolean; ignoreDaemonSets: boolean; deleteEmptyDirData: boolean }

type Status = { delete: boolean; reason: 'Okay' | 'Skip' | 'Warning' | 'Error'; message?: string };

const OKAY: Status = { delete: true, reason: 'Okay' };
const finished = (pod: Stored): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

function daemonSetFilter(api: ApiServer, flags: DrainFlags, pod: Stored): Status {
  const ref = controllerRef(pod);
  if (!ref || ref.kind !== 'DaemonSet' || finished(pod)) return OKAY;
  try {
    api.get('DaemonSet', pod.metadata.namespace!, ref.name, { actor: 'kubectl' });
  } catch (e) {
    if (!isApiError(e)) throw e;
    if (isApiError(e, 'NotFound') && flags.force) return { delete: true, reason: 'Warning', message: e.message };
    return { delete: false, reason: 'Error', message: e.message };
  }
  if (!flags.ignoreDaemonSets) return { delete: false, reason: 'Error', message: 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)' };
  return { delete: false, reason: 'Warning', message: 'ignoring DaemonSet-managed Pods' };
}

function mirrorPodFilter(pod: Stored): Status {
  return pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined ? { delete: false, reason: 'Skip' } : OKAY;
}

function localStorageFilter(flags: DrainFlags, pod: Stored): Status {
  const hasEmptyDir = (pod.spec?.volumes ?? []).some((v: { emptyDir?: unknown }) => v.emptyDir !== undefined);
  if (!hasEmptyDir || finished(pod)) return OKAY;
  if (!flags.deleteEmptyDirData) return { delete: false, reason: 'Error', message: 'Pods with local storage (use --delete-emptydir-data to override)' };
  return { delete: true, reason: 'Warning', message: 'deleting Pods with local storage' };
}

function unreplicatedFilter(flags: DrainFlags, pod: Stored): Status {
  if (finished(pod) || controllerRef(pod)) return OKAY;
  if (flags.force) return { delete: true, reason: 'Warning', message: 'deleting Pods that declare no controller' };
  return { delete: false, reason: 'Error', message: 'cannot delete Pods that declare no controller (use --force to override)' };
}

export interface PodDeleteList {
  pods: Stored[];
  warnings: string;
  errors: Error[];
}

/** GetPodsForDeletion's filtering of a node's pods. */
export function filterPods(api: ApiServer, flags: DrainFlags, pods: Stored[]): PodDeleteList {
  const filters = [(p: Stored) => daemonSetFilter(api, flags, p), mirrorPodFilter, (p: Stored) => localStorageFilter(flags, p), (p: Stored) => unreplicatedFilter(flags, p)];
  const keep: Stored[] = [];
  const warnings = new Map<string, string[]>();
  const errors = new Map<string, string[]>();
  for (const pod of pods) {
    let status = OKAY;
    for (const f of filters) {
      status = f(pod);
      if (!status.delete) break;
    }
    const id = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (status.delete) keep.push(pod);
    const group = status.reason === 'Warning' ? warnings : status.reason === 'Error' ? errors : undefined;
    if (group) group.set(status.message || 'unexpected error', [...(group.get(status.message || 'unexpected error') ?? []), id]);
  }
  return {
    pods: keep,
    warnings: [...warnings].map(([m, ids]) => `${m}: ${ids.join(', ')}`).join('; '),
    // v1.32 prefixes every message, so the unmanaged-pods one reads "cannot delete cannot delete Pods …".
    errors: [...errors].map(([m, ids]) => new Error(`cannot delete ${m}: ${ids.join(', ')}`)),
  };
}
