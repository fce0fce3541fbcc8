// Container validation shared by containers and init containers (pkg/apis/core/validation validateContainerCommon,
// validateContainerPorts, ValidateEnv, ValidateVolumeMounts, validatePullPolicy, resource requirements, probes,
// AccumulateUniqueHostPorts), in upstream's order. Not modelled: env sources beyond key refs, security contexts,
// resize policies, volume devices.
import type { Container, Probe } from '../objects';
import {
  duplicate, forbiddenField, invalidField, pushInvalid, notFoundField, notSupported, required, type FieldError,
} from '../field_errors';
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isRelaxedEnvVarName, isValidPortName, isValidPortNum } from './names';
import { parseQuantity } from '../quantity';

const NON_NEGATIVE = 'must be greater than or equal to 0';
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function nonNegative(value: number | undefined, path: string, errs: FieldError[]): void {
  if (value !== undefined && value < 0) errs.push(invalidField(path, value, NON_NEGATIVE));
}

function validatePortNumOrName(port: unknown, path: string, errs: FieldError[]): void {
  if (typeof port === 'number') pushInvalid(errs, path, port, isValidPortNum(port));
  else if (typeof port === 'string') pushInvalid(errs, path, port, isValidPortName(port));
}

/** validateHandler: exactly one of exec, httpGet, tcpSocket, grpc (sleep is lifecycle-only). */
function validateProbe(p: Probe, path: string, errs: FieldError[]): void {
  let n = 0;
  for (const h of ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const) {
    if (p[h] === undefined || p[h] === null) continue;
    if (n > 0) { errs.push(forbiddenField(`${path}.${h}`, 'may not specify more than 1 handler type')); continue; }
    n++;
    if (h === 'exec' && !(p.exec!.command ?? []).length) errs.push(required(`${path}.exec.command`, ''));
    if (h === 'httpGet') {
      if (!p.httpGet!.path) errs.push(required(`${path}.httpGet.path`, ''));
      validatePortNumOrName(p.httpGet!.port, `${path}.httpGet.port`, errs);
      const scheme = p.httpGet!.scheme ?? '';
      if (scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(notSupported(`${path}.httpGet.scheme`, scheme, ['HTTP', 'HTTPS']));
    }
    if (h === 'tcpSocket') validatePortNumOrName(p.tcpSocket!.port, `${path}.tcpSocket.port`, errs);
    if (h === 'grpc') validatePortNumOrName(p.grpc!.port, `${path}.grpc.port`, errs);
  }
  if (n === 0) errs.push(required(path, 'must specify a handler type'));
  nonNegative(p.initialDelaySeconds ?? 0, `${path}.initialDelaySeconds`, errs);
  nonNegative(p.timeoutSeconds ?? 0, `${path}.timeoutSeconds`, errs);
  nonNegative(p.periodSeconds ?? 0, `${path}.periodSeconds`, errs);
  nonNegative(p.successThreshold ?? 0, `${path}.successThreshold`, errs);
  nonNegative(p.failureThreshold ?? 0, `${path}.failureThreshold`, errs);
  if (p.terminationGracePeriodSeconds !== undefined && p.terminationGracePeriodSeconds <= 0) {
    errs.push(invalidField(`${path}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, 'must be greater than 0'));
  }
}

export function validateProbes(c: Container, p: string, errs: FieldError[]): void {
  if (c.livenessProbe) {
    validateProbe(c.livenessProbe, `${p}.livenessProbe`, errs);
    if ((c.livenessProbe.successThreshold ?? 0) !== 1) errs.push(invalidField(`${p}.livenessProbe.successThreshold`, c.livenessProbe.successThreshold ?? 0, 'must be 1'));
  }
  if (c.readinessProbe) {
    validateProbe(c.readinessProbe, `${p}.readinessProbe`, errs);
    const t = c.readinessProbe.terminationGracePeriodSeconds;
    if (t !== undefined) errs.push(invalidField(`${p}.readinessProbe.terminationGracePeriodSeconds`, t, 'must not be set for readinessProbes'));
  }
  if (c.startupProbe) {
    validateProbe(c.startupProbe, `${p}.startupProbe`, errs);
    if ((c.startupProbe.successThreshold ?? 0) !== 1) errs.push(invalidField(`${p}.startupProbe.successThreshold`, c.startupProbe.successThreshold ?? 0, 'must be 1'));
  }
}

/** One resource name and quantity of a container's limits or requests. */
function checkResource(p: string, errs: FieldError[], kind: 'limits' | 'requests', name: string, q: string): void {
  const fp = `${p}.resources.${kind}[${name}]`;
  pushInvalid(errs, fp, name, isQualifiedName(name));
  if (!name.includes('/') && !STANDARD_CONTAINER_RESOURCES.has(name) && !name.startsWith('hugepages-')) {
    errs.push(invalidField(fp, name, 'must be a standard resource for containers'));
  }
  const v = parseQuantity(q);
  if (v !== undefined && v < 0) errs.push(invalidField(fp, String(q), NON_NEGATIVE));
}

/** validateResourceRequirements for the standard names: names, non-negative quantities, requests <= limits. */
function validateResources(c: Container, p: string, errs: FieldError[]): void {
  const res = c.resources ?? {};
  for (const [name, q] of Object.entries(res.limits ?? {})) checkResource(p, errs, 'limits', name, q);
  for (const [name, q] of Object.entries(res.requests ?? {})) {
    checkResource(p, errs, 'requests', name, q);
    const limit = res.limits?.[name];
    if (limit === undefined) continue;
    const rv = parseQuantity(q);
    const lv = parseQuantity(limit);
    if (rv !== undefined && lv !== undefined && rv > lv) {
      errs.push(invalidField(`${p}.resources.requests`, String(q), `must be less than or equal to ${name} limit of ${limit}`));
    }
  }
}

function validateEnv(c: Container, p: string, errs: FieldError[]): void {
  (c.env ?? []).forEach((e, i) => {
    const ep = `${p}.env[${i}]`;
    if (!e.name) errs.push(required(`${ep}.name`, ''));
    else pushInvalid(errs, `${ep}.name`, e.name, isRelaxedEnvVarName(e.name));
    const from = e.valueFrom as Record<string, { name?: string; key?: string } | undefined> | undefined;
    if (!from) return;
    const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter(s => from[s]);
    for (const s of ['configMapKeyRef', 'secretKeyRef']) {
      const ref = from[s];
      if (!ref) continue;
      pushInvalid(errs, `${ep}.valueFrom.${s}.name`, ref.name ?? '', isDNS1123Subdomain(ref.name ?? ''));
      if (!ref.key) errs.push(required(`${ep}.valueFrom.${s}.key`, ''));
      else pushInvalid(errs, `${ep}.valueFrom.${s}.key`, ref.key, isConfigMapKey(ref.key));
    }
    if (sources.length === 0) errs.push(invalidField(`${ep}.valueFrom`, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    else if (e.value) errs.push(invalidField(`${ep}.valueFrom`, '', 'may not be specified when `value` is not empty'));
    else if (sources.length > 1) errs.push(invalidField(`${ep}.valueFrom`, '', 'may not have more than one field specified at a time'));
  });
}

/** validateContainerCommon: what every kind of container is checked for, in upstream's order. */
export function validateContainerCommon(c: Container, p: string, volumes: Set<string>, errs: FieldError[]): void {
  if (!c.name) errs.push(required(`${p}.name`, ''));
  else pushInvalid(errs, `${p}.name`, c.name, isDNS1123Label(c.name));
  if (!c.image) errs.push(required(`${p}.image`, ''));
  const tmp = (c.terminationMessagePolicy as string | undefined) ?? '';
  if (tmp === '') errs.push(required(`${p}.terminationMessagePolicy`, ''));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(notSupported(`${p}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']));
  const portNames = new Set<string>();
  (c.ports ?? []).forEach((port, j) => {
    const pp = `${p}.ports[${j}]`;
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) pushInvalid(errs, `${pp}.name`, port.name, msgs);
      else if (portNames.has(port.name)) errs.push(duplicate(`${pp}.name`, port.name));
      else portNames.add(port.name);
    }
    if (!port.containerPort) errs.push(required(`${pp}.containerPort`, ''));
    else pushInvalid(errs, `${pp}.containerPort`, port.containerPort, isValidPortNum(port.containerPort));
    if (port.hostPort) pushInvalid(errs, `${pp}.hostPort`, port.hostPort, isValidPortNum(port.hostPort));
    if (!port.protocol) errs.push(required(`${pp}.protocol`, ''));
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(`${pp}.protocol`, port.protocol, PROTOCOLS));
  });
  validateEnv(c, p, errs);
  const mountPaths = new Set<string>();
  (c.volumeMounts ?? []).forEach((m, j) => {
    const mp = `${p}.volumeMounts[${j}]`;
    if (!m.name) errs.push(required(`${mp}.name`, ''));
    if (!volumes.has(m.name)) errs.push(notFoundField(`${mp}.name`, m.name ?? ''));
    if (!m.mountPath) errs.push(required(`${mp}.mountPath`, ''));
    if (mountPaths.has(m.mountPath)) errs.push(invalidField(`${mp}.mountPath`, m.mountPath, 'must be unique'));
    mountPaths.add(m.mountPath);
  });
  const policy = c.imagePullPolicy ?? '';
  if (policy === '') errs.push(required(`${p}.imagePullPolicy`, ''));
  else if (!['Always', 'IfNotPresent', 'Never'].includes(policy)) errs.push(notSupported(`${p}.imagePullPolicy`, policy, ['Always', 'IfNotPresent', 'Never']));
  validateResources(c, p, errs);
}

/** AccumulateUniqueHostPorts: "<protocol>/<hostIP>/<port>" may appear once. */
export function checkHostPortConflicts(containers: Container[], path: string, errs: FieldError[], seen = new Set<string>()): void {
  containers.forEach((c, ci) => (c.ports ?? []).forEach((port, pi) => {
    if (!port.hostPort) return;
    const key = `${port.protocol ?? ''}/${port.hostIP ?? ''}/${port.hostPort}`;
    if (seen.has(key)) errs.push(duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key));
    else seen.add(key);
  }));
}

