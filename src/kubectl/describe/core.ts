// kubectl describe for services, endpoints, configmaps, secrets, namespaces and
// persistentvolumeclaims (describe.go v1.32). Go iterates ConfigMap and Secret data maps in random
// order; kukumber prints keys sorted. A Service's "Endpoints" line comes from EndpointSlices in
// kubectl; kukumber derives it from the Service's Endpoints object (ready addresses per port name).
import type { KubeObject } from '../../api/objects';
import type { DescribeContext } from './context';
import { compareCodePoints } from '../printers/go_format';
import { formatLabels } from '../printers/labels';
import { accessModesString, pvcClass } from '../printers/columns_core';
import { canonicalQuantity } from '../printers/quantity_string';
import { translateTimestampSince } from '../printers/duration';
import { describeEvents, refOf, searchEvents } from './events';
import { goStringSlice, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './format';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './writer';

type Obj = KubeObject & Record<string, any>;

function header(w: { write(level: number, text: string): void }, o: Obj): void {
  w.write(LEVEL_0, `Name:\t${o.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${o.metadata.namespace}\n`);
}

/** formatEndpointSlices over what the EndpointSlice controller would mirror from the Endpoints object. */
function serviceEndpoints(ctx: DescribeContext, svc: Obj, portName: string): string {
  const ep = ctx.cluster.store.get('Endpoints', svc.metadata.namespace ?? '', svc.metadata.name!) as Obj | undefined;
  if (!ep) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of ep.subsets ?? []) {
    const addresses = (ss.addresses ?? []) as { ip: string }[];
    const ports = (ss.ports ?? []) as { name?: string; port: number }[];
    const matching = ports.length === 0 ? [undefined] : ports.filter(p => (p.name ?? '') === portName);
    for (const port of matching) {
      for (const a of addresses) {
        if (list.length === max) more = true;
        if (!more) list.push(port === undefined ? a.ip : a.ip.includes(':') ? `[${a.ip}]:${port.port}` : `${a.ip}:${port.port}`);
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export function describeService(ctx: DescribeContext, svc: Obj): string {
  const events = searchEvents(ctx, refOf(svc));
  const spec = svc.spec ?? {};
  return tabbedString(w => {
    header(w, svc);
    printLabelsMultiline(w, 'Labels', svc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? spec.ipFamilies.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? spec.clusterIPs.join(',') : '<none>'}\n`);
    if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = (svc.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string; ipMode?: string }[];
    if (ingress.length > 0) {
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingress.map(i => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : i.hostname ?? '')).join(', ')}\n`);
    }
    for (const p of (spec.ports ?? []) as { name?: string; port: number; protocol?: string; targetPort?: number | string; nodePort?: number }[]) {
      const name = p.name || '<unset>';
      w.write(LEVEL_0, `Port:\t${name}\t${p.port}/${p.protocol ?? ''}\n`);
      w.write(LEVEL_0, `TargetPort:\t${p.targetPort ?? 0}/${p.protocol ?? ''}\n`);
      if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol ?? ''}\n`);
      w.write(LEVEL_0, `Endpoints:\t${serviceEndpoints(ctx, svc, p.name ?? '')}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if ((spec.loadBalancerSourceRanges ?? []).length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
    if (spec.trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
    describeEvents(events, w, ctx.nowMs);
  });
}

export function describeEndpoints(ctx: DescribeContext, ep: Obj): string {
  const events = searchEvents(ctx, refOf(ep));
  return tabbedString(w => {
    header(w, ep);
    printLabelsMultiline(w, 'Labels', ep.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const ss of ep.subsets ?? []) {
      w.write(LEVEL_1, `Addresses:\t${((ss.addresses ?? []) as { ip: string }[]).map(a => a.ip).join(',') || '<none>'}\n`);
      w.write(LEVEL_1, `NotReadyAddresses:\t${((ss.notReadyAddresses ?? []) as { ip: string }[]).map(a => a.ip).join(',') || '<none>'}\n`);
      const ports = (ss.ports ?? []) as { name?: string; port: number; protocol?: string }[];
      if (ports.length > 0) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of ports) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    describeEvents(events, w, ctx.nowMs);
  });
}

export function describeConfigMap(ctx: DescribeContext, cm: Obj): string {
  const events = searchEvents(ctx, refOf(cm));
  return tabbedString(w => {
    header(w, cm);
    printLabelsMultiline(w, 'Labels', cm.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of Object.keys(cm.data ?? {}).sort(compareCodePoints)) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${cm.data[k]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const k of Object.keys(cm.binaryData ?? {}).sort(compareCodePoints)) {
      w.write(LEVEL_0, `${k}: ${Buffer.from(String(cm.binaryData[k]), 'base64').length} bytes\n`);
    }
    w.write(LEVEL_0, '\n');
    describeEvents(events, w, ctx.nowMs);
  });
}

export function describeSecret(_ctx: DescribeContext, secret: Obj): string {
  return tabbedString(w => {
    header(w, secret);
    printLabelsMultiline(w, 'Labels', secret.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', secret.metadata.annotations);
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of Object.keys(secret.data ?? {}).sort(compareCodePoints)) {
      const bytes = Buffer.from(String(secret.data[k]), 'base64');
      if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${bytes.toString('utf8')}\n`);
      else w.write(LEVEL_0, `${k}:\t${bytes.length} bytes\n`);
    }
  });
}

/** describeNamespace; the simulated API serves no ResourceQuotas or LimitRanges, so both lists are empty. */
export function describeNamespace(_ctx: DescribeContext, ns: Obj): string {
  return tabbedString(w => {
    w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conditions = (ns.status?.conditions ?? []) as { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }[];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No resource quota.\n');
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No LimitRange resource.\n');
  });
}

/** describePersistentVolumeClaim. */
export function describePersistentVolumeClaim(ctx: DescribeContext, pvc: Obj): string {
  const events = searchEvents(ctx, refOf(pvc));
  const { items } = ctx.cluster.api.list('Pod', { namespace: pvc.metadata.namespace }, { actor: 'kubectl' });
  const usedBy = (items as Obj[]).filter(p => (p.spec?.volumes ?? []).some((v: Obj) => v.persistentVolumeClaim?.claimName === pvc.metadata.name))
    .map(p => p.metadata.name as string).sort(compareCodePoints);
  return tabbedString(w => {
    header(w, pvc);
    w.write(LEVEL_0, `StorageClass:\t${pvcClass(pvc)}\n`);
    if (pvc.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(pvc.metadata.deletionTimestamp, ctx.nowMs)})\n`);
    else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`);
    w.write(LEVEL_0, `Volume:\t${pvc.spec?.volumeName ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goStringSlice(pvc.metadata.finalizers)}\n`);
    const bound = Boolean(pvc.spec?.volumeName);
    const storage = pvc.status?.capacity?.storage;
    w.write(LEVEL_0, `Capacity:\t${bound ? (storage === undefined ? '0' : canonicalQuantity(storage)) : ''}\n`);
    w.write(LEVEL_0, `Access Modes:\t${bound ? accessModesString(pvc.status?.accessModes) : ''}\n`);
    if (pvc.spec?.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
    if (pvc.spec?.dataSource) {
      w.write(LEVEL_0, 'DataSource:\n');
      if (pvc.spec.dataSource.apiGroup) w.write(LEVEL_1, `APIGroup:\t${pvc.spec.dataSource.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${pvc.spec.dataSource.kind}\n`);
      w.write(LEVEL_1, `Name:\t${pvc.spec.dataSource.name}\n`);
    }
    w.write(LEVEL_0, `Used By:\t`);
    if (usedBy.length === 0) w.writeLine('<none>');
    else usedBy.forEach((name, i) => { if (i !== 0) w.write(LEVEL_0, '\t'); w.write(LEVEL_0, `${name}\n`); });
    const conditions = (pvc.status?.conditions ?? []) as Obj[];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    describeEvents(events, w, ctx.nowMs);
  });
}
