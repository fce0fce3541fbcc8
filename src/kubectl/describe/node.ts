// kubectl describe node (describeNode, describe.go v1.32): roles, taints, the node's Lease,
// conditions, addresses, capacity, system info, the non-terminated pods with their requests and
// limits as a share of allocatable, the allocated totals, and events (by uid and by name).
import type { KubeObject, Node, Pod } from '../../api/objects';
import type { DescribeContext } from './context';
import { isApiError } from '../../api/errors';
import { translateTimestampSince } from '../printers/duration';
import { compareCodePoints } from '../printers/go_format';
import { nodeRoles } from '../printers/columns_core';
import { addQuantities, milliOf, parseQuantityExact, quantityString, valueOf, ZERO_QUANTITY, type Quantity } from '../printers/quantity_string';
import { describeEvents, refOf, searchEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, rfc1123z } from './format';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './writer';

type ResourceList = Map<string, Quantity>;

function toList(list: Record<string, string | number> | undefined): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, v] of Object.entries(list ?? {})) { const q = parseQuantityExact(v); if (q) out.set(k, q); }
  return out;
}

/** resourcehelper.PodRequestsAndLimits: containers summed, init containers as a floor, overhead added. */
export function podRequestsAndLimits(pod: Pod): { reqs: ResourceList; limits: ResourceList } {
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  const add = (into: ResourceList, from: ResourceList): void => {
    for (const [k, q] of from) into.set(k, into.has(k) ? addQuantities(into.get(k)!, q) : q);
  };
  const max = (into: ResourceList, from: ResourceList): void => {
    for (const [k, q] of from) if (!into.has(k) || into.get(k)!.nanos < q.nanos) into.set(k, q);
  };
  for (const c of pod.spec.containers ?? []) { add(reqs, toList(c.resources?.requests)); add(limits, toList(c.resources?.limits)); }
  for (const c of pod.spec.initContainers ?? []) { max(reqs, toList(c.resources?.requests)); max(limits, toList(c.resources?.limits)); }
  const overhead = toList(pod.spec.overhead as Record<string, string> | undefined);
  add(reqs, overhead);
  for (const [k, q] of overhead) if (limits.has(k)) limits.set(k, addQuantities(limits.get(k)!, q));
  return { reqs, limits };
}

const get = (l: ResourceList, k: string): Quantity => l.get(k) ?? ZERO_QUANTITY;
/** int64(float64(a) / float64(b) * 100), 0 when b is 0. */
const percent = (a: bigint, b: bigint): number => (b === 0n ? 0 : Math.trunc((Number(a) / Number(b)) * 100));

function describeNodeResource(pods: Pod[], node: Node, w: PrefixWriter, nowMs: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatable = toList((Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status?.allocatable : node.status?.capacity) as Record<string, string>);
  const cpuAlloc = milliOf(get(allocatable, 'cpu'));
  const memAlloc = valueOf(get(allocatable, 'memory'));
  const cell = (q: Quantity, v: bigint, of: bigint): string => `${quantityString(q)} (${percent(v, of)}%)`;
  const totalReqs: ResourceList = new Map();
  const totalLimits: ResourceList = new Map();
  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod);
    for (const [into, from] of [[totalReqs, reqs], [totalLimits, limits]] as const) {
      for (const [k, q] of from) into.set(k, into.has(k) ? addQuantities(into.get(k)!, q) : q);
    }
    const [cr, cl, mr, ml] = [get(reqs, 'cpu'), get(limits, 'cpu'), get(reqs, 'memory'), get(limits, 'memory')];
    w.write(LEVEL_1, `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${cell(cr, milliOf(cr), cpuAlloc)}\t${cell(cl, milliOf(cl), cpuAlloc)}\t` +
      `${cell(mr, valueOf(mr), memAlloc)}\t${cell(ml, valueOf(ml), memAlloc)}\t${translateTimestampSince(pod.metadata.creationTimestamp, nowMs)}\n`);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const storAlloc = valueOf(get(allocatable, 'ephemeral-storage'));
  for (const [name, of, milli] of [['cpu', cpuAlloc, true], ['memory', memAlloc, false], ['ephemeral-storage', storAlloc, false]] as const) {
    const r = get(totalReqs, name);
    const l = get(totalLimits, name);
    const v = (q: Quantity): bigint => (milli ? milliOf(q) : valueOf(q));
    w.write(LEVEL_1, `${name}\t${cell(r, v(r), of)}\t${cell(l, v(l), of)}\n`);
  }
  const names = [...allocatable.keys()];
  const hugePages = names.filter(n => n.startsWith('hugepages-')).sort(compareCodePoints);
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']);
  const extended = names.filter(n => !n.startsWith('hugepages-') && !standard.has(n) && !n.startsWith('requests.') && !n.startsWith('limits.')).sort(compareCodePoints);
  for (const name of hugePages) {
    const r = get(totalReqs, name);
    const l = get(totalLimits, name);
    const of = valueOf(get(allocatable, name));
    w.write(LEVEL_1, `${name}\t${cell(r, valueOf(r), of)}\t${cell(l, valueOf(l), of)}\n`);
  }
  for (const name of extended) w.write(LEVEL_1, `${name}\t${quantityString(get(totalReqs, name))}\t${quantityString(get(totalLimits, name))}\n`);
}

function describeLease(ctx: DescribeContext, node: Node, w: PrefixWriter): void {
  let lease: KubeObject & Record<string, any>;
  try {
    lease = ctx.cluster.api.get('Lease', 'kube-node-lease', node.metadata.name!, { actor: 'kubectl' }) as KubeObject & Record<string, any>;
  } catch (e) {
    if (!isApiError(e)) throw e;
    w.write(LEVEL_0, `Lease:\tFailed to get lease: ${e.message}\n`);
    return;
  }
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
}

/** describeNode. */
export function describeNode(ctx: DescribeContext, node: Node): string {
  const nowMs = ctx.nowMs;
  const { items } = ctx.cluster.api.list('Pod', { fieldSelector: `spec.nodeName=${node.metadata.name},status.phase!=Succeeded,status.phase!=Failed` }, { actor: 'kubectl' });
  // Controllers record node events against the node's uid, kubelets against its name.
  const byUid = searchEvents(ctx, refOf(node));
  const events = byUid && [...byUid, ...(searchEvents(ctx, { ...refOf(node), uid: node.metadata.name }) ?? [])];
  const status = node.status ?? {};
  return tabbedString(w => {
    w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
    w.write(LEVEL_0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', node.spec?.taints);
    w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
    describeLease(ctx, node, w);
    const conditions = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    for (const [title, list] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as const) {
      const keys = Object.keys(list ?? {}).sort(compareCodePoints);
      if (keys.length === 0) continue;
      w.write(LEVEL_0, `${title}:\n`);
      for (const k of keys) w.write(LEVEL_0, `  ${k}:\t${quantityString(parseQuantityExact(list![k]!) ?? ZERO_QUANTITY)}\n`);
    }
    const info = (status.nodeInfo ?? {}) as Record<string, string>;
    w.write(LEVEL_0, 'System Info:\n');
    for (const [label, key] of [['Machine ID', 'machineID'], ['System UUID', 'systemUUID'], ['Boot ID', 'bootID'], ['Kernel Version', 'kernelVersion'],
      ['OS Image', 'osImage'], ['Operating System', 'operatingSystem'], ['Architecture', 'architecture'],
      ['Container Runtime Version', 'containerRuntimeVersion'], ['Kubelet Version', 'kubeletVersion'], ['Kube-Proxy Version', 'kubeProxyVersion']]) {
      w.write(LEVEL_0, `  ${label}:\t${info[key!] ?? ''}\n`);
    }
    if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if ((node.spec?.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs!.join(',')}\n`);
    if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
    describeNodeResource(items as Pod[], node, w, nowMs);
    describeEvents(events, w, nowMs);
  });
}
