// Service IP and NodePort allocation as the v1.32 Service REST storage does it for a single-stack IPv4
// cluster: service CIDR 10.96.0.0/12 (kubeadm's default), node ports 30000-32767, random picks that
// prefer the upper ("dynamic") band of each range as ServiceIPStaticSubrange / ServiceNodePortStaticSubrange
// do, clusterIP <-> clusterIPs kept in sync, and allocated values carried over on update. Not modelled:
// dual-stack, the "kubernetes" Service's reserved first address, health-check node ports.
import type { KubeObject, Stored } from './objects';
import type { RandomStream } from '../sim/random';
import { goStringSlice, invalidField, type FieldError } from './field_errors';

export const SERVICE_CIDR = '10.96.0.0/12';
const BASE = (10 << 24) + (96 << 16);
const SIZE = 1 << 20; // /12
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

const ipToInt = (ip: string): number => ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
const intToIp = (n: number): string => [24, 16, 8, 0].map(s => Math.floor(n / 2 ** s) % 256).join('.');

export interface AllocationState { clusterIPs: Set<string>; nodePorts: Set<number> }

/** The values existing Services hold (allocations are released when a Service goes). */
export function allocationState(services: readonly Stored[]): AllocationState {
  const clusterIPs = new Set<string>();
  const nodePorts = new Set<number>();
  for (const s of services) {
    for (const ip of s.spec?.clusterIPs ?? []) if (ip !== 'None') clusterIPs.add(ip);
    for (const p of s.spec?.ports ?? []) if (p.nodePort) nodePorts.add(p.nodePort);
  }
  return { clusterIPs, nodePorts };
}

/** Upper band first: offsets [lowBand, size) at random, then the lower band. */
function pickFree(size: number, lowBand: number, taken: (offset: number) => boolean, random: RandomStream): number | undefined {
  for (const [lo, hi] of [[lowBand, size - 1], [1, lowBand - 1]] as const) {
    if (hi < lo) continue;
    const start = random.int(lo, hi);
    for (let i = 0; i <= hi - lo; i++) {
      const off = lo + ((start - lo + i) % (hi - lo + 1));
      if (!taken(off)) return off;
    }
  }
  return undefined;
}

const needsClusterIP = (spec: any): boolean => spec.type !== 'ExternalName';
const needsNodePorts = (spec: any): boolean => spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);

/** On create: sync clusterIP(s), set the IP family fields, allocate the IP and node ports; errors as the allocator words them. */
export function allocateServiceValues(svc: KubeObject & Record<string, any>, state: AllocationState, random: RandomStream): FieldError[] {
  const spec = svc.spec;
  if (!needsClusterIP(spec)) return [];
  if (spec.clusterIP && !spec.clusterIPs) spec.clusterIPs = [spec.clusterIP];
  const headless = spec.clusterIP === 'None';
  if (!spec.clusterIP) {
    // The IPv4 range is a /12: a 256-address static band at the bottom, skipped first.
    const off = pickFree(SIZE - 1, 256, o => state.clusterIPs.has(intToIp(BASE + o)), random);
    if (off === undefined) return [invalidField('spec.clusterIPs', goStringSlice([]), 'failed to allocate IP: range is full')];
    spec.clusterIP = intToIp(BASE + off);
    spec.clusterIPs = [spec.clusterIP];
  } else if (!headless && /^\d+\.\d+\.\d+\.\d+$/.test(spec.clusterIP)) {
    const n = ipToInt(spec.clusterIP);
    if (n <= BASE || n >= BASE + SIZE - 1) {
      return [invalidField('spec.clusterIPs', goStringSlice(spec.clusterIPs),
        `failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`)];
    }
    if (state.clusterIPs.has(spec.clusterIP)) {
      return [invalidField('spec.clusterIPs', goStringSlice(spec.clusterIPs), `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`)];
    }
  }
  spec.ipFamilies ??= ['IPv4'];
  // Headless Services without a selector ask for every family the cluster has.
  spec.ipFamilyPolicy ??= headless && Object.keys(spec.selector ?? {}).length === 0 ? 'RequireDualStack' : 'SingleStack';
  if (needsNodePorts(spec)) {
    const used = new Set(state.nodePorts);
    for (const [i, p] of (spec.ports ?? []).entries()) {
      if (p.nodePort) {
        if (used.has(p.nodePort)) return [invalidField(`spec.ports[${i}].nodePort`, p.nodePort, 'provided port is already allocated')];
        used.add(p.nodePort);
        continue;
      }
      const size = NODE_PORT_MAX - NODE_PORT_MIN + 1;
      const band = Math.min(Math.max(16, Math.floor(size / 32)), 128);
      const off = pickFree(size, band, o => used.has(NODE_PORT_MIN + o), random) ?? (used.has(NODE_PORT_MIN) ? undefined : 0);
      if (off === undefined) return [invalidField(`spec.ports[${i}].nodePort`, 0, 'range is full')];
      p.nodePort = NODE_PORT_MIN + off;
      used.add(p.nodePort);
    }
  }
  return [];
}

/** patchAllocatedValues: an update that omits allocated values keeps the old ones. */
export function patchAllocatedValues(svc: KubeObject & Record<string, any>, old: Stored): void {
  const spec = svc.spec ?? (svc.spec = {});
  const prev = old.spec ?? {};
  if (needsClusterIP(prev) && needsClusterIP(spec)) {
    if (!spec.clusterIP && prev.clusterIP) spec.clusterIP = prev.clusterIP;
    if (!spec.clusterIPs && prev.clusterIPs && spec.clusterIP === prev.clusterIP) spec.clusterIPs = [...prev.clusterIPs];
    if (spec.clusterIP && !spec.clusterIPs) spec.clusterIPs = [spec.clusterIP];
    spec.ipFamilies ??= prev.ipFamilies;
    spec.ipFamilyPolicy ??= prev.ipFamilyPolicy;
  }
  if (needsNodePorts(prev) && needsNodePorts(spec)) {
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue;
      const match = (prev.ports ?? []).find((q: any) => q.port === p.port && (q.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
      if (match?.nodePort) p.nodePort = match.nodePort;
    }
  }
}
