// Admission: the built-in plugins a v1.32 API server enables by default that change what
// scenarios see (NamespaceLifecycle, ServiceAccount, Priority, DefaultTolerationSeconds,
// StorageObjectInUseProtection), then the scenario's own mutating and validating hooks, which
// model admission webhooks. Not modelled: LimitRanger, ResourceQuota, PodSecurity (all no-ops
// on a default cluster).
import type { KubeObject, Stored } from './objects';
import type { RandomStream } from '../sim/random';
import { ApiError, forbidden } from './errors';
import { GENERATE_NAME_ALPHABET } from './names';
import { mustResource } from './resources';
import { deepFreeze } from './freeze';

type Draft = KubeObject & Record<string, any>;

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AdmissionRequest {
  operation: Operation;
  kind: string;
  /** The object as it will be stored (a draft mutating hooks may change). */
  object: Draft;
  oldObject?: Stored;
  actor: string;
  subresource?: string;
}

export interface AdmissionHook {
  /** Shown in denial messages: admission webhook "<name>" denied the request: … */
  name: string;
  kinds?: string[];
  operations?: Operation[];
  /** Mutating hooks change request.object in place. */
  mutate?: (request: AdmissionRequest) => void;
  /** Validating hooks return a denial (a message, or the webhook's Status fields), or undefined to allow. */
  validate?: (request: AdmissionRequest) => string | WebhookDenial | undefined;
}

/** What a webhook's AdmissionResponse.status may carry. */
export interface WebhookDenial { code?: number; reason?: string; message?: string }

const appliesTo = (hook: AdmissionHook, req: AdmissionRequest): boolean =>
  (!hook.kinds || hook.kinds.includes(req.kind)) && (!hook.operations || hook.operations.includes(req.operation)) &&
  req.subresource === undefined;

/**
 * A webhook's denial as the API server returns it (apiserver admission/plugin/webhook/errors ToStatusErr):
 * the webhook's code (400 when it gave none below 400) and reason are kept; the message is prefixed with
 * `admission webhook "<name>" denied the request`, then ": <message>", ": <reason>" or " without explanation".
 */
export function webhookDenied(name: string, denial: string | WebhookDenial): ApiError {
  const d = typeof denial === 'string' ? { message: denial } : denial;
  const deniedBy = `admission webhook ${JSON.stringify(name)} denied the request`;
  const message = d.message ? `${deniedBy}: ${d.message}` : d.reason ? `${deniedBy}: ${d.reason}` : `${deniedBy} without explanation`;
  const code = d.code !== undefined && d.code >= 400 ? d.code : 400;
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code, reason: d.reason ?? '', message });
}

export class Admission {
  readonly mutating: AdmissionHook[] = [];
  readonly validating: AdmissionHook[] = [];

  constructor(private readonly names: RandomStream) {}

  /**
   * Whether any built-in plugin or hook could look at such a request (the server builds none when
   * nothing would: most writes are status updates and leases, with no hooks registered).
   */
  looksAt(operation: Operation, kind: string, subresource: string | undefined): boolean {
    if (this.mutating.length > 0 || this.validating.length > 0) return true;
    if (kind === 'Pod') return subresource === undefined;
    return operation === 'CREATE' && kind === 'PersistentVolumeClaim';
  }

  /** Built-in mutating plugins, then mutating hooks in registration order (a plugin added here is named in looksAt too). */
  mutate(req: AdmissionRequest): void {
    if (req.kind === 'Pod' && req.subresource === undefined) {
      if (req.operation === 'CREATE') serviceAccount(req.object, this.names);
      if (req.operation === 'CREATE' || req.operation === 'UPDATE') priority(req);
      if (req.operation === 'CREATE' || req.operation === 'UPDATE') defaultTolerationSeconds(req.object);
    }
    if (req.operation === 'CREATE' && req.kind === 'PersistentVolumeClaim') {
      const f: string[] = (req.object.metadata.finalizers ??= []);
      if (!f.includes('kubernetes.io/pvc-protection')) f.push('kubernetes.io/pvc-protection');
    }
    for (const hook of this.mutating) if (hook.mutate && appliesTo(hook, req)) hook.mutate(req);
  }

  /** Validating hooks; the first denial wins. */
  validate(req: AdmissionRequest): void {
    for (const hook of this.validating) {
      if (!hook.validate || !appliesTo(hook, req)) continue;
      const denial = hook.validate(req);
      if (denial !== undefined) throw webhookDenied(hook.name, denial);
    }
  }
}

/**
 * plugin/pkg/admission/serviceaccount: the default service account and its projected token volume, mounted
 * read-only in every (init) container without a mount at the token path; an existing kube-api-access-* volume
 * is reused. Not modelled: ServiceAccount objects (every named account is taken to exist).
 */
function serviceAccount(pod: Draft, names: RandomStream): void {
  const spec = pod.spec;
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) return;
  // v1 conversion reads the deprecated serviceAccount field when serviceAccountName is empty.
  spec.serviceAccountName ||= spec.serviceAccount || 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
  const volumes: any[] | undefined = spec.volumes;
  let existing: any;
  if (volumes) for (let i = 0; i < volumes.length; i++) if (String(volumes[i].name).startsWith('kube-api-access-')) { existing = volumes[i]; break; }
  const volumeName: string = existing?.name ?? ['kube-api-access-', names.string(5, GENERATE_NAME_ALPHABET)].join('');
  let needsVolume = false;
  const lists: (any[] | undefined)[] = [spec.initContainers, spec.containers];
  for (let l = 0; l < 2; l++) {
    const containers = lists[l];
    if (containers) for (let i = 0; i < containers.length; i++) {
      const c = containers[i];
      const mounts: any[] | undefined = c.volumeMounts;
      if (mounts && hasMountAt(mounts, TOKEN_MOUNT_PATH)) continue;
      const mount = { mountPath: TOKEN_MOUNT_PATH, name: volumeName, readOnly: true };
      c.volumeMounts = mounts ? [...mounts, mount] : [mount];
      needsVolume = true;
    }
  }
  if (existing || !needsVolume) return;
  // The projected source is the same for every pod: one frozen copy shared by all (stored objects are frozen anyway).
  const volume = { name: volumeName, projected: TOKEN_PROJECTION };
  spec.volumes = volumes ? [...volumes, volume] : [volume];
}

const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

function hasMountAt(mounts: any[], path: string): boolean {
  for (let i = 0; i < mounts.length; i++) if (mounts[i].mountPath === path) return true;
  return false;
}

const TOKEN_PROJECTION = deepFreeze({
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
    { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
  ],
});

/** admission.NewForbidden's extractResourceName: the name, else the generateName, else "Unknown". */
export function admissionObjectName(obj: KubeObject): string {
  return obj.metadata?.name || obj.metadata?.generateName || 'Unknown';
}

/** The PriorityClasses every cluster has; no default class exists, so other pods get 0. */
const SYSTEM_PRIORITY_CLASSES: Record<string, number> = { 'system-cluster-critical': 2000000000, 'system-node-critical': 2000001000 };

/**
 * plugin/pkg/admission/priority: on create, priority (and the class's preemption policy) from the named
 * class, 0 and PreemptLowerPriority without one; a given priority that differs is Forbidden, as is an
 * unknown class. On update the priority fields cannot change (the old values are kept).
 */
function priority(req: AdmissionRequest): void {
  const spec = req.object.spec;
  if (req.operation === 'UPDATE') {
    // Only keys the old spec has are set (adding then deleting a key makes a slow dictionary object).
    const priority = req.oldObject?.spec?.priority;
    const preemptionPolicy = req.oldObject?.spec?.preemptionPolicy;
    if (priority !== undefined) spec.priority = priority; else if ('priority' in spec) delete spec.priority;
    if (preemptionPolicy !== undefined) spec.preemptionPolicy = preemptionPolicy; else if ('preemptionPolicy' in spec) delete spec.preemptionPolicy;
    return;
  }
  const name = admissionObjectName(req.object);
  let value = 0;
  if (spec.priorityClassName) {
    const known = SYSTEM_PRIORITY_CLASSES[spec.priorityClassName];
    if (known === undefined) throw forbidden(mustResource('Pod'), name, `no PriorityClass with name ${spec.priorityClassName} was found`);
    value = known;
  }
  if (spec.priority !== undefined && spec.priority !== value) {
    throw forbidden(mustResource('Pod'), name,
      `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${value} from the given PriorityClass name`);
  }
  spec.priority = value;
  if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== 'PreemptLowerPriority') {
    throw forbidden(mustResource('Pod'), name,
      `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name`);
  }
  spec.preemptionPolicy = 'PreemptLowerPriority';
}

/**
 * plugin/pkg/admission/defaulttolerationseconds (create and update): tolerate not-ready and unreachable
 * NoExecute taints for 300 s unless a toleration already covers them (same or empty key, NoExecute or empty effect).
 */
function defaultTolerationSeconds(pod: Draft): void {
  const tolerations: any[] | undefined = pod.spec.tolerations;
  if (!tolerations || tolerations.length === 0) { pod.spec.tolerations = DEFAULT_TOLERATIONS; return; }
  const added: object[] = [];
  for (let k = 0; k < DEFAULT_TOLERATIONS.length; k++) {
    const key = DEFAULT_TOLERATIONS[k]!.key;
    let covered = false;
    for (let i = 0; i < tolerations.length && !covered; i++) {
      const t = tolerations[i];
      covered = (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect);
    }
    if (!covered) added.push(DEFAULT_TOLERATIONS[k]!);
  }
  if (added.length) pod.spec.tolerations = [...tolerations, ...added];
}

/** Both default tolerations, frozen and shared by every pod that has none of its own (most pods). */
const DEFAULT_TOLERATIONS = deepFreeze(['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']
  .map(key => ({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 })));
