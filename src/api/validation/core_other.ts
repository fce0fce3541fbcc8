// Validation for the remaining core kinds kukumber serves: Service (ports, selector, clusterIP
// immutability), ConfigMap and Secret data keys, PersistentVolumeClaim and PodDisruptionBudget.
import type { KubeObject } from '../objects';
import { duplicate, invalidField, notSupported, required, type FieldError } from '../field_errors';
import { validateLabels, FIELD_IMMUTABLE } from './meta';
import { validateLabelSelector } from './apps';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const CONFIG_KEY_ERR = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

export function validateService(svc: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = svc.spec ?? {};
  if (!SERVICE_TYPES.includes(spec.type)) errs.push(notSupported('spec.type', spec.type ?? '', SERVICE_TYPES));
  const ports: any[] = spec.ports ?? [];
  if (ports.length === 0 && spec.type !== 'ExternalName' && spec.clusterIP !== 'None') errs.push(required('spec.ports', ''));
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) errs.push(required(`${path}.name`, ''));
    if (p.name) {
      if (names.has(p.name)) errs.push(duplicate(`${path}.name`, p.name));
      names.add(p.name);
    }
    if (typeof p.port !== 'number' || p.port < 1 || p.port > 65535) errs.push(invalidField(`${path}.port`, p.port ?? 0, 'must be between 1 and 65535, inclusive'));
    if (!['TCP', 'UDP', 'SCTP'].includes(p.protocol)) errs.push(notSupported(`${path}.protocol`, p.protocol ?? '', ['SCTP', 'TCP', 'UDP']));
  });
  errs.push(...validateLabels(spec.selector, 'spec.selector'));
  return errs;
}

export function validateServiceUpdate(svc: KubeObject, prev: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (prev.spec?.clusterIP && svc.spec?.clusterIP !== undefined && svc.spec.clusterIP !== prev.spec.clusterIP) {
    errs.push(invalidField('spec.clusterIPs[0]', svc.spec.clusterIP, 'may not change once set'));
  }
  void FIELD_IMMUTABLE;
  return errs;
}

export function validateConfigData(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  for (const field of ['data', 'binaryData', 'stringData'] as const) {
    for (const key of Object.keys((obj[field] as Record<string, unknown> | undefined) ?? {})) {
      if (!CONFIG_KEY.test(key)) errs.push(invalidField(`${field}[${key}]`, key, CONFIG_KEY_ERR));
      if (field !== 'stringData' && seen.has(key)) errs.push(invalidField(`${field}[${key}]`, key, 'duplicate of key present in data'));
      seen.add(key);
    }
  }
  return errs;
}

export function validatePersistentVolumeClaim(pvc: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const modes: string[] = pvc.spec?.accessModes ?? [];
  if (modes.length === 0) errs.push(required('spec.accessModes', 'at least 1 access mode is required'));
  if (!pvc.spec?.resources?.requests?.storage && !pvc.spec?.dataSource) errs.push(required('spec.resources[storage]', ''));
  return errs;
}

export function validatePodDisruptionBudget(pdb: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = pdb.spec ?? {};
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    errs.push(invalidField('spec', spec, 'minAvailable and maxUnavailable cannot be both set'));
  }
  if (spec.selector) errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  return errs;
}
