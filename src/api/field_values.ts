// The fields each kind can be selected on (`--field-selector`, watch field selectors), as the API
// server's field label conversion functions allow them.
import type { Stored } from './objects';

const COMMON = ['metadata.name', 'metadata.namespace'];
const SUPPORTED: Record<string, string[]> = {
  Pod: [...COMMON, 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork',
    'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName'],
  Event: [...COMMON, 'involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid',
    'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  Node: [...COMMON, 'spec.unschedulable'],
  Namespace: [...COMMON, 'status.phase'],
  Secret: [...COMMON, 'type'],
  ReplicaSet: [...COMMON, 'status.replicas'],
  ReplicationController: [...COMMON, 'status.replicas'],
  Job: [...COMMON, 'status.successful'],
};

export function supportedFieldLabels(kind: string): string[] {
  return SUPPORTED[kind] ?? COMMON;
}

/** Field paths split once (fields come from a short fixed list and from selectors). */
const PATHS = new Map<string, string[]>();

/** The string value of a selectable field, as the API server compares it. */
export function fieldValue(obj: Stored, field: string): string | undefined {
  let path = PATHS.get(field);
  if (path === undefined) PATHS.set(field, (path = field.split('.')));
  let cur: unknown = obj;
  for (let i = 0; i < path.length; i++) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[path[i]!];
  }
  if (cur === undefined || cur === null) return field === 'metadata.namespace' ? '' : undefined;
  if (field === 'status.podIPs' && Array.isArray(cur)) return cur.map(x => (x as { ip: string }).ip).join(',');
  return typeof cur === 'object' ? undefined : String(cur);
}
