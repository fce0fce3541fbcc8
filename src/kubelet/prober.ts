// What one probe run returns against an image profile (pkg/kubelet/prober/prober.go and pkg/probe/*):
// success or failure and the output upstream prints after "<Type> probe failed: ". Pure. Probe
// timeouts and slow handlers are not modelled: a probe answers at the instant it runs.
import type { Container, Probe } from '../api/objects';
import type { ImageProfile } from './image_catalogue';

export interface ProbeOutcome { success: boolean; output: string }

const inWindow = (r: { fromMs: number; untilMs: number }, sinceStartMs: number): boolean => sinceStartMs >= r.fromMs && sinceStartMs < r.untilMs;

/** A named port resolves through the container's ports (findPortByName); numbers pass through. */
export function resolvePort(port: number | string | undefined, container: Container): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find(p => p.name === port)?.containerPort;
}

function listens(profile: ImageProfile, port: number): boolean {
  return profile.listen.includes(port) || profile.http.some(r => r.port === port);
}

function httpProbe(profile: ImageProfile, probe: Probe, container: Container, podIP: string, sinceStartMs: number): ProbeOutcome {
  const h = probe.httpGet!;
  const port = resolvePort(h.port, container);
  const path = h.path || '/';
  const scheme = (h.scheme ?? 'HTTP').toLowerCase();
  const host = h.host || podIP;
  if (port === undefined) return { success: false, output: `unable to find port ${JSON.stringify(h.port)}` };
  if (profile.permissive) return { success: true, output: '' };
  if (!listens(profile, port)) {
    return { success: false, output: `Get "${scheme}://${host}:${port}${path}": dial tcp ${host}:${port}: connect: connection refused` };
  }
  const rule = profile.http.find(r => r.port === port && (r.path === path || r.path === '*') && inWindow(r, sinceStartMs));
  const status = rule ? rule.status : 404;
  // http.go DoHTTPProbe: 2xx and 3xx succeed.
  if (status >= 200 && status < 400) return { success: true, output: '' };
  return { success: false, output: `HTTP probe failed with statuscode: ${status}` };
}

function tcpProbe(profile: ImageProfile, port: number | undefined, podIP: string): ProbeOutcome {
  if (port === undefined) return { success: false, output: 'unable to find port' };
  if (profile.permissive || listens(profile, port)) return { success: true, output: '' };
  return { success: false, output: `dial tcp ${podIP}:${port}: connect: connection refused` };
}

function execProbe(profile: ImageProfile, probe: Probe, sinceStartMs: number): ProbeOutcome {
  if (profile.permissive) return { success: true, output: '' };
  const command = (probe.exec?.command ?? []).join(' ');
  const rule = profile.exec.find(r => r.command === command && inWindow(r, sinceStartMs));
  const result = rule ?? profile.execDefault;
  return { success: result.exitCode === 0, output: result.output };
}

/** Runs one probe against the container's image profile, sinceStartMs after the container started. */
export function runProbe(profile: ImageProfile, probe: Probe, container: Container, podIP: string, sinceStartMs: number): ProbeOutcome {
  if (probe.httpGet) return httpProbe(profile, probe, container, podIP, sinceStartMs);
  if (probe.tcpSocket) return tcpProbe(profile, resolvePort(probe.tcpSocket.port, container), probe.tcpSocket.host || podIP);
  if (probe.grpc) return tcpProbe(profile, probe.grpc.port, podIP);
  if (probe.exec) return execProbe(profile, probe, sinceStartMs);
  return { success: false, output: 'missing probe handler' };
}

export type ProbeType = 'liveness' | 'readiness' | 'startup';

/** probeType.String() as events print it: "Liveness", "Readiness", "Startup". */
export const probeTypeTitle = (t: ProbeType): string => t[0]!.toUpperCase() + t.slice(1);
