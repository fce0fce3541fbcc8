// The kinds the API server serves, with the names kubectl resolves (plural, singular, short names)
// and the registry traits upstream's strategies give each (status subresource, what bumps
// metadata.generation, the default deletion propagation).

export interface ResourceInfo {
  kind: string;
  group: string;
  version: string;
  /** "v1" or "apps/v1" */
  apiVersion: string;
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  /** Updates through the main resource keep status; status writes keep spec. */
  hasStatus: boolean;
  /** Upstream's PrepareForUpdate bumps generation on a spec change (Deployment: annotations too). */
  generation: 'spec' | 'spec+annotations' | 'none';
  /** The kinds in `kubectl get all` (the "all" category). */
  inAll: boolean;
}

function r(kind: string, apiVersion: string, plural: string, shortNames: string[], namespaced: boolean, hasStatus: boolean,
  generation: ResourceInfo['generation'], inAll = false): ResourceInfo {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') as [string, string] : ['', apiVersion];
  return { kind, group, version, apiVersion, plural, singular: kind.toLowerCase(), shortNames, namespaced, hasStatus, generation, inAll };
}

// Order = discovery order of kubectl api-resources for these kinds; `get all` prints in this order.
export const RESOURCES: readonly ResourceInfo[] = [
  r('ConfigMap', 'v1', 'configmaps', ['cm'], true, false, 'none'),
  r('Endpoints', 'v1', 'endpoints', ['ep'], true, false, 'none'),
  r('Event', 'v1', 'events', ['ev'], true, false, 'none'),
  r('Namespace', 'v1', 'namespaces', ['ns'], false, true, 'none'),
  r('Node', 'v1', 'nodes', ['no'], false, true, 'none'),
  r('PersistentVolumeClaim', 'v1', 'persistentvolumeclaims', ['pvc'], true, true, 'none'),
  r('Pod', 'v1', 'pods', ['po'], true, true, 'none', true),
  r('ReplicationController', 'v1', 'replicationcontrollers', ['rc'], true, true, 'spec', true),
  r('Secret', 'v1', 'secrets', [], true, false, 'none'),
  r('Service', 'v1', 'services', ['svc'], true, true, 'none', true),
  r('DaemonSet', 'apps/v1', 'daemonsets', ['ds'], true, true, 'spec', true),
  r('Deployment', 'apps/v1', 'deployments', ['deploy'], true, true, 'spec+annotations', true),
  r('ReplicaSet', 'apps/v1', 'replicasets', ['rs'], true, true, 'spec', true),
  r('StatefulSet', 'apps/v1', 'statefulsets', ['sts'], true, true, 'spec', true),
  r('ControllerRevision', 'apps/v1', 'controllerrevisions', [], true, false, 'none'),
  r('CronJob', 'batch/v1', 'cronjobs', ['cj'], true, true, 'spec', true),
  r('Job', 'batch/v1', 'jobs', [], true, true, 'spec', true),
  r('Lease', 'coordination.k8s.io/v1', 'leases', [], true, false, 'none'),
  r('PodDisruptionBudget', 'policy/v1', 'poddisruptionbudgets', ['pdb'], true, true, 'spec'),
];

const byKind = new Map(RESOURCES.map(x => [x.kind, x]));
const byName = new Map<string, ResourceInfo>();
for (const x of RESOURCES) {
  for (const name of [x.plural, x.singular, ...x.shortNames, x.kind.toLowerCase()]) byName.set(name, x);
  if (x.group) {
    byName.set(`${x.plural}.${x.group}`, x);
    byName.set(`${x.singular}.${x.group}`, x);
  }
}

export function resourceForKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind);
}

export function mustResource(kind: string): ResourceInfo {
  const info = byKind.get(kind);
  if (!info) throw new Error(`unknown kind ${kind}`);
  return info;
}

/** Resolves what a user types after `kubectl get` (pods, po, pod, rs, replicasets.apps, …); case-insensitive. */
export function resourceForName(name: string): ResourceInfo | undefined {
  return byName.get(name.toLowerCase());
}

/** "replicasets.apps" / "pods": the qualified resource name errors and kubectl output use. */
export function groupResource(info: ResourceInfo): string {
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

/** "ReplicaSet.apps" / "Pod": the qualified kind 422 Invalid messages use. */
export function groupKind(info: ResourceInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}
