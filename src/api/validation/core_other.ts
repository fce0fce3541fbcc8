// Validation for the remaining core and policy kinds (pkg/apis/core/validation, pkg/apis/policy/validation,
// v1.32): Service (ports, selector, clusterIP(s) and their immutability, traffic policies), ConfigMap and
// Secret keys and immutability, PersistentVolumeClaim, PodDisruptionBudget and Namespace. Single-stack
// IPv4 only: dual-stack upgrade rules are not modelled.
import type { KubeObject } from '../objects';
import {
  duplicate, forbiddenField, goIntOrString, goPointer, goQuote, GoRendered, goStringSlice, invalidField, notSupported, required, tooLong,
  type FieldError,
} from '../field_errors';
import { deepEqual } from '../freeze';
import { validateLabels, FIELD_IMMUTABLE } from './meta';
import { validateLabelSelector } from './apps';
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPercent, isValidPortName, isValidPortNum } from './names';
import { parseQuantity } from '../quantity';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MAX_SECRET_SIZE = 1024 * 1024;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IP_ERROR = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

const isHeadless = (spec: any): boolean => (spec.type ?? 'ClusterIP') === 'ClusterIP' && spec.clusterIPs?.length === 1 && spec.clusterIPs[0] === 'None';
const externallyAccessible = (spec: any): boolean =>
  spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0);

/** %#v of the core.ServicePort key a duplicate (protocol, port) reports. */
const goServicePortKey = (p: any): GoRendered => new GoRendered(`core.ServicePort{Name:"", Protocol:${goQuote(p.protocol ?? '')}, AppProtocol:${goPointer('string', false)}, ` +
  `Port:${p.port ?? 0}, TargetPort:${goIntOrString(0).text}, NodePort:0}`);

function validateServicePort(p: any, i: number, requireName: boolean, names: Set<string>, errs: FieldError[]): void {
  const path = `spec.ports[${i}]`;
  if (requireName && !p.name) errs.push(required(`${path}.name`, ''));
  else if (p.name) {
    for (const msg of isDNS1123Label(p.name)) errs.push(invalidField(`${path}.name`, p.name, msg));
    if (names.has(p.name)) errs.push(duplicate(`${path}.name`, p.name));
    else names.add(p.name);
  }
  for (const msg of isValidPortNum(p.port ?? 0)) errs.push(invalidField(`${path}.port`, p.port ?? 0, msg));
  if (!p.protocol) errs.push(required(`${path}.protocol`, ''));
  else if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(`${path}.protocol`, p.protocol, PROTOCOLS));
  const tp = p.targetPort;
  if (typeof tp === 'number') for (const msg of isValidPortNum(tp)) errs.push(invalidField(`${path}.targetPort`, tp, msg));
  else if (typeof tp === 'string') for (const msg of isValidPortName(tp)) errs.push(invalidField(`${path}.targetPort`, tp, msg));
  if (p.appProtocol !== undefined) for (const msg of isQualifiedName(p.appProtocol)) errs.push(invalidField(`${path}.appProtocol`, p.appProtocol, msg));
}

/** ValidateServiceClusterIPsRelatedFields, single-stack. */
function validateClusterIPs(spec: any, errs: FieldError[]): void {
  if (spec.type === 'ExternalName') return;
  const ips: string[] = spec.clusterIPs ?? [];
  if (spec.clusterIP) {
    if (ips.length === 0) errs.push(required('spec.clusterIPs', ''));
    else if (ips[0] !== spec.clusterIP) errs.push(invalidField('spec.clusterIPs', goStringSlice(ips), 'first value must match `clusterIP`'));
  } else if (ips.length) errs.push(invalidField('spec.clusterIPs', goStringSlice(ips), 'must be empty when `clusterIP` is not specified'));
  (spec.ipFamilies ?? []).forEach((f: string, i: number) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupported(`spec.ipFamilies[${i}]`, f, ['IPv4', 'IPv6']));
    if ((spec.ipFamilies as string[]).indexOf(f) < i) errs.push(duplicate(`spec.ipFamilies[${i}]`, f));
  });
  const policy = spec.ipFamilyPolicy;
  if (policy !== undefined && !['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(policy)) {
    errs.push(notSupported('spec.ipFamilyPolicy', policy, ['PreferDualStack', 'RequireDualStack', 'SingleStack']));
  }
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) errs.push(invalidField('spec.clusterIPs', goStringSlice(ips), "'None' must be the first and only value"));
      return;
    }
    if (!IPV4.test(ip)) errs.push(invalidField(`spec.clusterIPs[${i}]`, ip, IP_ERROR));
  });
}

export function validateService(svc: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = svc.spec ?? {};
  const ports: any[] = spec.ports ?? [];
  if (ports.length === 0 && !isHeadless(spec) && spec.type !== 'ExternalName') errs.push(required('spec.ports', ''));
  if ((spec.type === 'LoadBalancer' || spec.type === 'NodePort') && spec.clusterIPs?.[0] === 'None' && spec.clusterIPs.length === 1) {
    errs.push(invalidField('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${spec.type} services`));
  } else if (spec.type === 'ExternalName') {
    if ((spec.clusterIPs ?? []).length) errs.push(forbiddenField('spec.clusterIPs', 'may not be set for ExternalName services'));
    if ((spec.ipFamilies ?? []).length) errs.push(forbiddenField('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy !== undefined) errs.push(forbiddenField('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = String(spec.externalName ?? '').replace(/\.$/, '');
    if (cname) for (const msg of isDNS1123Subdomain(cname)) errs.push(invalidField('spec.externalName', cname, msg));
    else errs.push(required('spec.externalName', ''));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => validateServicePort(p, i, ports.length > 1, names, errs));
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  const affinity = spec.sessionAffinity ?? '';
  if (affinity === '') errs.push(required('spec.sessionAffinity', ''));
  else if (affinity !== 'ClientIP' && affinity !== 'None') errs.push(notSupported('spec.sessionAffinity', affinity, ['ClientIP', 'None']));
  if (affinity === 'None' && spec.sessionAffinityConfig) errs.push(forbiddenField('spec.sessionAffinityConfig', 'must not be set when session affinity is None'));
  validateClusterIPs(spec, errs);
  (spec.externalIPs ?? []).forEach((ip: string, i: number) => { if (!IPV4.test(ip)) errs.push(invalidField(`spec.externalIPs[${i}]`, ip, IP_ERROR)); });
  const type = spec.type ?? '';
  if (type === '') errs.push(required('spec.type', ''));
  else if (!SERVICE_TYPES.includes(type)) errs.push(notSupported('spec.type', type, SERVICE_TYPES));
  if (type === 'ClusterIP') ports.forEach((p, i) => { if (p.nodePort) errs.push(forbiddenField(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'")); });
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    nodePorts.add(key);
  });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    if (seen.has(key)) errs.push(duplicate(`spec.ports[${i}]`, goServicePortKey(p)));
    seen.add(key);
  });
  if (spec.allocateLoadBalancerNodePorts !== undefined && type !== 'LoadBalancer') {
    errs.push(forbiddenField('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  }
  if (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) errs.push(required('allocateLoadBalancerNodePorts', ''));
  if (!externallyAccessible(spec)) {
    if (spec.externalTrafficPolicy) errs.push(invalidField('spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'may only be set for externally-accessible services'));
  } else if (!spec.externalTrafficPolicy) errs.push(required('spec.externalTrafficPolicy', ''));
  else if (!['Cluster', 'Local'].includes(spec.externalTrafficPolicy)) errs.push(notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, ['Cluster', 'Local']));
  if (spec.internalTrafficPolicy === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(type)) errs.push(required('spec.internalTrafficPolicy', ''));
  if (spec.internalTrafficPolicy !== undefined && !['Cluster', 'Local'].includes(spec.internalTrafficPolicy)) {
    errs.push(notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, ['Cluster', 'Local']));
  }
  return errs;
}

/** validateUpgradeDowngradeClusterIPs (single-stack): an allocated clusterIP may not change or be unset. */
export function validateServiceUpdate(svc: KubeObject, prev: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = svc.spec ?? {};
  const old = prev.spec ?? {};
  if (spec.type === 'ExternalName' || old.type === 'ExternalName' || (isHeadless(spec) && isHeadless(old))) return errs;
  const next: string[] = spec.clusterIPs ?? [];
  const before: string[] = old.clusterIPs ?? [];
  if (next.length === before.length) {
    before.forEach((ip, i) => { if (ip !== next[i]) errs.push(invalidField(`spec.clusterIPs[${i}]`, goStringSlice(next), 'may not change once set')); });
  } else if (before.length > next.length) {
    if (next.length === 0) errs.push(invalidField('spec.clusterIPs[0]', goStringSlice(next), 'primary clusterIP can not be unset'));
    else if (next[0] !== before[0]) errs.push(invalidField('spec.clusterIPs[0]', goStringSlice(next), 'may not change once set'));
  } else if (before.length > 0 && next[0] !== before[0]) {
    errs.push(invalidField('spec.clusterIPs[0]', goStringSlice(next), 'may not change once set'));
  }
  return errs;
}

/** ValidateConfigMap / ValidateSecret: keys (stringData is merged into data before validation), size. */
export function validateConfigData(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  if (obj.kind === 'Secret') {
    const data = { ...(obj.data as Record<string, string> | undefined), ...(obj.stringData as Record<string, string> | undefined) };
    for (const [key, value] of Object.entries(data)) {
      for (const msg of isConfigMapKey(key)) errs.push(invalidField(`data[${key}]`, key, msg));
      size += Math.floor(String(value).length * 3 / 4);
    }
    if (size > MAX_SECRET_SIZE) errs.push(tooLong('data', MAX_SECRET_SIZE));
    return errs;
  }
  const data = (obj.data as Record<string, string> | undefined) ?? {};
  const binary = (obj.binaryData as Record<string, string> | undefined) ?? {};
  for (const [key, value] of Object.entries(data)) {
    for (const msg of isConfigMapKey(key)) errs.push(invalidField(`data[${key}]`, key, msg));
    if (key in binary) errs.push(invalidField(`data[${key}]`, key, 'duplicate of key present in binaryData'));
    size += Buffer.byteLength(String(value));
  }
  for (const [key, value] of Object.entries(binary)) {
    for (const msg of isConfigMapKey(key)) errs.push(invalidField(`binaryData[${key}]`, key, msg));
    size += Math.floor(String(value).length * 3 / 4);
  }
  if (size > MAX_SECRET_SIZE) errs.push(tooLong('', MAX_SECRET_SIZE));
  return errs;
}

/** ValidateConfigMapUpdate / ValidateSecretUpdate: immutable objects keep their data; a Secret keeps its type. */
export function validateConfigDataUpdate(obj: KubeObject, prev: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (obj.kind === 'Secret' && (obj.type ?? '') !== (prev.type ?? '')) errs.push(invalidField('type', obj.type ?? '', FIELD_IMMUTABLE));
  if (prev.immutable === true) {
    const msg = 'field is immutable when `immutable` is set';
    if (obj.immutable !== true) errs.push(forbiddenField('immutable', msg));
    if (!deepEqual(obj.data, prev.data)) errs.push(forbiddenField('data', msg));
    if (obj.kind === 'ConfigMap' && !deepEqual(obj.binaryData, prev.binaryData)) errs.push(forbiddenField('binaryData', msg));
  }
  return errs;
}

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];

export function validatePersistentVolumeClaim(pvc: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = pvc.spec ?? {};
  const modes: string[] = spec.accessModes ?? [];
  if (modes.length === 0) errs.push(required('spec.accessModes', 'at least 1 access mode is required'));
  if (spec.selector) errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  for (const m of modes) if (!ACCESS_MODES.includes(m)) errs.push(notSupported('spec.accessModes', m, ACCESS_MODES));
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) errs.push(forbiddenField('spec.accessModes', 'may not use ReadWriteOncePod with other access modes'));
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined) errs.push(required('spec.resources[storage]', ''));
  else if ((parseQuantity(storage) ?? 0) <= 0) errs.push(invalidField('spec.resources[storage]', String(storage), 'must be greater than zero'));
  if (spec.storageClassName) for (const msg of isDNS1123Subdomain(spec.storageClassName)) errs.push(invalidField('spec.storageClassName', spec.storageClassName, msg));
  if (spec.volumeMode !== undefined && spec.volumeMode !== 'Block' && spec.volumeMode !== 'Filesystem') {
    errs.push(notSupported('spec.volumeMode', spec.volumeMode, ['Block', 'Filesystem']));
  }
  return errs;
}

/** ValidatePersistentVolumeClaimUpdate: the spec is frozen except storage requests (of bound claims). */
export function validatePersistentVolumeClaimUpdate(pvc: KubeObject, prev: KubeObject): FieldError[] {
  const strip = (spec: any): unknown => ({ ...spec, resources: { ...spec?.resources, requests: { ...spec?.resources?.requests, storage: undefined } } });
  if (deepEqual(strip(pvc.spec), strip(prev.spec))) return [];
  return [forbiddenField('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims')];
}

function validatePdbIntOrPercent(v: number | string | undefined, path: string, errs: FieldError[]): void {
  if (v === undefined) return;
  if (typeof v === 'string') {
    for (const msg of isValidPercent(v)) errs.push(invalidField(path, goIntOrString(v), msg));
    if (isValidPercent(v).length === 0 && parseInt(v, 10) > 100) errs.push(invalidField(path, goIntOrString(v), 'must not be greater than 100%'));
  } else if (v < 0) errs.push(invalidField(path, v, 'must be greater than or equal to 0'));
}

export function validatePodDisruptionBudget(pdb: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = pdb.spec ?? {};
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    const s = new GoRendered(`policy.PodDisruptionBudgetSpec{MinAvailable:${goPointer('intstr.IntOrString', true)}, Selector:${goPointer('v1.LabelSelector', !!spec.selector)}, ` +
      `MaxUnavailable:${goPointer('intstr.IntOrString', true)}, UnhealthyPodEvictionPolicy:${goPointer('policy.UnhealthyPodEvictionPolicyType', spec.unhealthyPodEvictionPolicy !== undefined)}}`);
    errs.push(invalidField('spec', s, 'minAvailable and maxUnavailable cannot be both set'));
  }
  validatePdbIntOrPercent(spec.minAvailable, 'spec.minAvailable', errs);
  validatePdbIntOrPercent(spec.maxUnavailable, 'spec.maxUnavailable', errs);
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy !== undefined && policy !== 'AlwaysAllow' && policy !== 'IfHealthyBudget') {
    errs.push(notSupported('spec.unhealthyPodEvictionPolicy', policy, ['AlwaysAllow', 'IfHealthyBudget']));
  }
  return errs;
}

/** ValidateNamespace: spec.finalizers names (qualified names; bare names must be standard). */
export function validateNamespace(ns: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of (ns.spec?.finalizers ?? []) as string[]) {
    for (const msg of isQualifiedName(f)) errs.push(invalidField('spec.finalizers', f, msg));
    if (!f.includes('/') && !['kubernetes', 'orphan', 'foregroundDeletion'].includes(f)) {
      errs.push(invalidField('spec.finalizers', f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  }
  return errs;
}
