// kube-scheduler's default filter plugins, in v1.32's order (pkg/scheduler/apis/config/v1/
// default_plugins.go), with their reason strings and status codes (pkg/scheduler/framework/plugins/*):
// NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit. A node is
// rejected by the first plugin that fails. Pure. Not modelled: volume limits and zones,
// PodTopologySpread DoNotSchedule constraints, required inter-pod (anti-)affinity.
import type { NodeSelectorRequirement, NodeSelectorTerm, Pod, Taint, Toleration } from '../api/objects';
import type { NodeInfo, PodEntry } from './node_info';

export type Code = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface FilterStatus { plugin: string; code: Code; reasons: string[] }

/** Toleration.ToleratesTaint (k8s.io/api/core/v1/toleration.go). */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.operator || t.operator === 'Equal') return (t.value ?? '') === (taint.value ?? '');
  return t.operator === 'Exists';
}

export const tolerationsTolerateTaint = (ts: readonly Toleration[] | undefined, taint: Taint): boolean => (ts ?? []).some(t => toleratesTaint(t, taint));

/** FindMatchingUntoleratedTaint for the effects a filter cares about. */
export function findUntoleratedTaint(taints: readonly Taint[] | undefined, ts: readonly Toleration[] | undefined, effects: string[]): Taint | undefined {
  return (taints ?? []).find(t => effects.includes(t.effect) && !tolerationsTolerateTaint(ts, t));
}

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const has = value !== undefined;
  switch (r.operator) {
    case 'In': return has && (r.values ?? []).includes(value!);
    case 'NotIn': return !has || !(r.values ?? []).includes(value!);
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    case 'Gt': case 'Lt': {
      if (!has || !/^-?\d+$/.test(value!) || (r.values ?? []).length !== 1) return false;
      const a = Number(value);
      const b = Number(r.values![0]);
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default: return false;
  }
}

/** A node selector term: every expression on labels and every field requirement (metadata.name) match; an empty term matches nothing. */
export function termMatches(term: NodeSelectorTerm, labels: Record<string, string>, nodeName: string): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  return exprs.every(e => requirementMatches(e, labels[e.key])) &&
    fields.every(f => f.key === 'metadata.name' && requirementMatches(f, nodeName));
}

/** NodeAffinity's required part: nodeSelector and requiredDuringSchedulingIgnoredDuringExecution. */
export function nodeMatchesRequiredAffinity(pod: Pod, labels: Record<string, string>, nodeName: string): boolean {
  for (const [k, v] of Object.entries(pod.spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms === undefined) return true;
  return terms.some(t => termMatches(t, labels, nodeName));
}

const NO_SCHEDULE_EFFECTS = ['NoSchedule', 'NoExecute'];

const fail = (plugin: string, code: Code, ...reasons: string[]): FilterStatus => ({ plugin, code, reasons });

/** The filters in order; undefined = the node fits. `pod` carries the pod's precomputed requests and ports. */
export function runFilters(pod: PodEntry, info: NodeInfo): FilterStatus | undefined {
  const spec = pod.pod.spec;
  const node = info.node;
  if (node.spec?.unschedulable &&
    !tolerationsTolerateTaint(spec.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) {
    return fail('NodeUnschedulable', 'UnschedulableAndUnresolvable', 'node(s) were unschedulable');
  }
  if (spec.nodeName && spec.nodeName !== info.name) {
    return fail('NodeName', 'UnschedulableAndUnresolvable', "node(s) didn't match the requested node name");
  }
  const taint = node.spec?.taints?.length ? findUntoleratedTaint(node.spec.taints, spec.tolerations, NO_SCHEDULE_EFFECTS) : undefined;
  if (taint) return fail('TaintToleration', 'UnschedulableAndUnresolvable', `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
  if (pod.constrained && !nodeMatchesRequiredAffinity(pod.pod, node.metadata.labels ?? {}, info.name)) {
    return fail('NodeAffinity', 'UnschedulableAndUnresolvable', "node(s) didn't match Pod's node affinity/selector");
  }
  if (pod.ports.length && pod.ports.some(p => conflicts(p, info.usedPorts))) {
    return fail('NodePorts', 'Unschedulable', "node(s) didn't have free ports for the requested pod ports");
  }
  const reasons = fitsRequest(pod, info);
  if (reasons.length) return fail('NodeResourcesFit', 'Unschedulable', ...reasons);
  return undefined;
}

/** A host port conflicts with one in use on the same protocol and port when either IP is 0.0.0.0 or they are equal. */
function conflicts(want: string, used: ReadonlyMap<string, number>): boolean {
  const [proto, ip, port] = want.split('/');
  for (const u of used.keys()) {
    const [p2, ip2, port2] = u.split('/');
    if (p2 === proto && port2 === port && (ip === ip2 || ip === '0.0.0.0' || ip2 === '0.0.0.0')) return true;
  }
  return false;
}

/** NodeResourcesFit fitsRequest: every insufficient resource is a reason, in upstream's order. */
export function fitsRequest(pod: PodEntry, info: NodeInfo): readonly string[] {
  const a = info.allocatable;
  const used = info.requested;
  const r = pod.requests;
  const tooMany = info.pods.size + 1 > a.pods;
  const noRequests = r.milliCPU === 0 && r.memory === 0 && r.ephemeralStorage === 0 && pod.scalarNames.length === 0;
  // The common case, a node that fits, allocates nothing (this runs for every node in every cycle).
  if (!tooMany && (noRequests || (!(r.milliCPU > 0 && r.milliCPU > a.milliCPU - used.milliCPU) &&
    !(r.memory > 0 && r.memory > a.memory - used.memory) &&
    !(r.ephemeralStorage > 0 && r.ephemeralStorage > a.ephemeralStorage - used.ephemeralStorage) && pod.scalarNames.length === 0))) return FITS;
  const reasons: string[] = [];
  if (tooMany) reasons.push('Too many pods');
  if (noRequests) return reasons;
  if (r.milliCPU > 0 && r.milliCPU > a.milliCPU - used.milliCPU) reasons.push('Insufficient cpu');
  if (r.memory > 0 && r.memory > a.memory - used.memory) reasons.push('Insufficient memory');
  if (r.ephemeralStorage > 0 && r.ephemeralStorage > a.ephemeralStorage - used.ephemeralStorage) reasons.push('Insufficient ephemeral-storage');
  for (const name of pod.scalarNames) {
    if (r.scalar[name]! > (a.scalar[name] ?? 0) - (used.scalar[name] ?? 0)) reasons.push(`Insufficient ${name}`);
  }
  return reasons;
}

const FITS: readonly string[] = Object.freeze([]);
