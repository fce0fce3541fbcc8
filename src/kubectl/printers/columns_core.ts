// Column sets and cells of the cluster and config kinds (k/k pkg/printers/internalversion/
// printers.go, v1.32): services, endpoints, nodes, events, namespaces, configmaps, secrets,
// persistentvolumeclaims, leases, poddisruptionbudgets, controllerrevisions.
import type { KubeObject } from '../../api/objects';
import { translateTimestampSince } from './duration';
import { formatLabels } from './labels';
import { canonicalQuantity } from './quantity_string';
import { age, ageColumn, nameColumn, type KindPrinter } from './columns_workloads';
import type { ColumnDefinition } from './table';

type Obj = KubeObject & Record<string, any>;

const s = (name: string, priority: 0 | 1 = 0): ColumnDefinition => ({ name, type: 'string', priority });
const n = (name: string, priority: 0 | 1 = 0): ColumnDefinition => ({ name, type: 'integer', priority });

const LOAD_BALANCER_WIDTH = 16;

function loadBalancerStatus(o: Obj, wide: boolean): string {
  const set = new Set<string>();
  for (const i of o.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  const r = [...set].sort().join(',');
  return !wide && r.length > LOAD_BALANCER_WIDTH ? `${r.slice(0, LOAD_BALANCER_WIDTH - 3)}...` : r;
}

/** getServiceExternalIP. The server renders tables wide, so load-balancer addresses are never clipped. */
function serviceExternalIP(o: Obj): string {
  const external: string[] = o.spec?.externalIPs ?? [];
  switch (o.spec?.type) {
    case 'ClusterIP': case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerStatus(o, true);
      if (external.length > 0) return [...(lb ? lb.split(',') : []), ...external].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName': return o.spec?.externalName ?? '';
    default: return '<unknown>';
  }
}

function portString(ports: { port: number; nodePort?: number; protocol?: string }[] | undefined): string {
  return (ports ?? []).map(p => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
}

const service: KindPrinter = {
  columns: [nameColumn, s('Type'), s('Cluster-IP'), s('External-IP'), s('Port(s)'), ageColumn, s('Selector', 1)],
  row(o: Obj, nowMs) {
    return [o.metadata.name!, o.spec?.type ?? '', o.spec?.clusterIPs?.[0] ?? '<none>', serviceExternalIP(o),
      portString(o.spec?.ports) || '<none>', age(o, nowMs), formatLabels(o.spec?.selector)];
  },
};

/** formatEndpoints: up to three host:port entries, then "+ N more...". */
export function formatEndpoints(o: Obj): string {
  const subsets = o.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses: { ip: string }[] = ss.addresses ?? [];
    if ((ss.ports ?? []).length === 0) {
      count += addresses.length;
      for (const a of addresses) { if (list.length === max) { more = true; break; } list.push(a.ip); }
      continue;
    }
    for (const port of ss.ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) { more = true; break; }
        list.push(a.ip.includes(':') ? `[${a.ip}]:${port.port}` : `${a.ip}:${port.port}`);
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

const endpoints: KindPrinter = {
  columns: [nameColumn, s('Endpoints'), ageColumn],
  row: (o: Obj, nowMs) => [o.metadata.name!, formatEndpoints(o), age(o, nowMs)],
};

/** findNodeRoles: node-role.kubernetes.io/<role> keys and kubernetes.io/role values, sorted. */
export function nodeRoles(o: Obj): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries((o.metadata.labels ?? {}) as Record<string, string>)) {
    if (k.startsWith('node-role.kubernetes.io/')) { const role = k.slice('node-role.kubernetes.io/'.length); if (role) roles.add(role); }
    else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

const nodeAddress = (o: Obj, type: string): string =>
  ((o.status?.addresses ?? []) as { type: string; address: string }[]).find(a => a.type === type)?.address ?? '<none>';

const node: KindPrinter = {
  columns: [nameColumn, s('Status'), s('Roles'), ageColumn, s('Version'), s('Internal-IP', 1), s('External-IP', 1),
    s('OS-Image', 1), s('Kernel-Version', 1), s('Container-Runtime', 1)],
  row(o: Obj, nowMs) {
    const ready = ((o.status?.conditions ?? []) as { type: string; status: string }[]).find(c => c.type === 'Ready');
    const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
    if (o.spec?.unschedulable) status.push('SchedulingDisabled');
    const info = o.status?.nodeInfo ?? {};
    return [o.metadata.name!, status.join(','), nodeRoles(o).join(',') || '<none>', age(o, nowMs), info.kubeletVersion ?? '',
      nodeAddress(o, 'InternalIP'), nodeAddress(o, 'ExternalIP'), info.osImage || '<unknown>', info.kernelVersion || '<unknown>',
      info.containerRuntimeVersion || '<unknown>'];
  },
};

/** formatEventSource: component (or reportingController), ", host" when there is one. */
export function formatEventSource(o: Obj): string {
  const component = o.source?.component || o.reportingController || o.reportingComponent || '';
  const host = o.source?.host || o.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

const event: KindPrinter = {
  columns: [s('Last Seen'), s('Type'), s('Reason'), s('Object'), s('Subobject', 1), s('Source', 1), s('Message'),
    s('First Seen', 1), s('Count', 1), { name: 'Name', type: 'string', format: 'name', priority: 1 }],
  row(o: Obj, nowMs) {
    const first = o.firstTimestamp ? translateTimestampSince(o.firstTimestamp, nowMs) : translateTimestampSince(o.eventTime, nowMs);
    let last = o.lastTimestamp ? translateTimestampSince(o.lastTimestamp, nowMs) : first;
    let count: number = o.count ?? 0;
    if (o.series) {
      last = translateTimestampSince(o.series.lastObservedTime, nowMs);
      count = o.series.count ?? 0;
    } else if (count === 0) count = 1;
    const ref = o.involvedObject ?? {};
    const target = ref.name ? `${String(ref.kind ?? '').toLowerCase()}/${ref.name}` : String(ref.kind ?? '').toLowerCase();
    return [last, o.type ?? '', o.reason ?? '', target, ref.fieldPath ?? '', formatEventSource(o), String(o.message ?? '').trim(),
      first, count, o.metadata.name!];
  },
};

const namespace: KindPrinter = {
  columns: [nameColumn, s('Status'), ageColumn],
  row: (o: Obj, nowMs) => [o.metadata.name!, o.status?.phase ?? '', age(o, nowMs)],
};

const configMap: KindPrinter = {
  columns: [nameColumn, n('Data'), ageColumn],
  row: (o: Obj, nowMs) => [o.metadata.name!, Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length, age(o, nowMs)],
};

const secret: KindPrinter = {
  columns: [nameColumn, s('Type'), n('Data'), ageColumn],
  row: (o: Obj, nowMs) => [o.metadata.name!, o.type ?? '', Object.keys(o.data ?? {}).length, age(o, nowMs)],
};

/** helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, comma-joined. */
export function accessModesString(modes: string[] | undefined): string {
  const m = new Set(modes ?? []);
  return [['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']]
    .filter(([mode]) => m.has(mode!)).map(([, short]) => short).join(',');
}

export const pvcClass = (o: Obj): string =>
  o.spec?.storageClassName ?? o.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';

const persistentVolumeClaim: KindPrinter = {
  columns: [nameColumn, s('Status'), s('Volume'), s('Capacity'), s('Access Modes'), s('StorageClass'), s('VolumeAttributesClass'),
    ageColumn, s('VolumeMode', 1)],
  row(o: Obj, nowMs) {
    const phase = o.metadata.deletionTimestamp ? 'Terminating' : o.status?.phase ?? '';
    const bound = Boolean(o.spec?.volumeName);
    const storage = o.status?.capacity?.storage;
    return [o.metadata.name!, phase, o.spec?.volumeName ?? '', bound && storage !== undefined ? canonicalQuantity(storage) : bound ? '0' : '',
      bound ? accessModesString(o.status?.accessModes) : '', pvcClass(o), o.spec?.volumeAttributesClassName ?? '<unset>', age(o, nowMs),
      o.spec?.volumeMode ?? '<unset>'];
  },
};

const lease: KindPrinter = {
  columns: [nameColumn, s('Holder'), ageColumn],
  row: (o: Obj, nowMs) => [o.metadata.name!, o.spec?.holderIdentity ?? '', age(o, nowMs)],
};

const intOrString = (v: unknown): string => (v === undefined || v === null ? 'N/A' : String(v));

const podDisruptionBudget: KindPrinter = {
  columns: [nameColumn, s('Min Available'), s('Max Unavailable'), n('Allowed Disruptions'), ageColumn],
  row: (o: Obj, nowMs) => [o.metadata.name!, intOrString(o.spec?.minAvailable), intOrString(o.spec?.maxUnavailable),
    o.status?.disruptionsAllowed ?? 0, age(o, nowMs)],
};

const controllerRevision: KindPrinter = {
  columns: [nameColumn, s('Controller'), n('Revision'), ageColumn],
  row(o: Obj, nowMs) {
    const ref = (o.metadata.ownerReferences ?? []).find(r => r.controller === true);
    let controller = '<none>';
    if (ref) {
      const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
      controller = `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`;
    }
    return [o.metadata.name!, controller, o.revision ?? 0, age(o, nowMs)];
  },
};

export const CORE_PRINTERS: Record<string, KindPrinter> = {
  Service: service, Endpoints: endpoints, Node: node, Event: event, Namespace: namespace, ConfigMap: configMap, Secret: secret,
  PersistentVolumeClaim: persistentVolumeClaim, Lease: lease, PodDisruptionBudget: podDisruptionBudget,
  ControllerRevision: controllerRevision,
};
