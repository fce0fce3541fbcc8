// Admission: the built-in plugins a v1.32 API server enables by default that change what
// scenarios see (NamespaceLifecycle, ServiceAccount, Priority, DefaultTolerationSeconds,
// StorageObjectInUseProtection), then the scenario's own mutating and validating hooks, which
// model admission webhooks. Not modelled: LimitRanger, ResourceQuota, PodSecurity (all no-ops
// on a default cluster).
import type { KubeObject, Stored } from './objects';
import type { RandomStream } from '../sim/random';
import { ApiError } from './errors';
import { GENERATE_NAME_ALPHABET } from './names';

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
  /** Validating hooks return a denial message, or undefined to allow. */
  validate?: (request: AdmissionRequest) => string | undefined;
}

const appliesTo = (hook: AdmissionHook, req: AdmissionRequest): boolean =>
  (!hook.kinds || hook.kinds.includes(req.kind)) && (!hook.operations || hook.operations.includes(req.operation)) &&
  req.subresource === undefined;

/** A webhook's denial as the API server returns it (webhook/errors ToStatusErr: 400, no reason). */
export function webhookDenied(name: string, message: string): ApiError {
  return new ApiError({
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 400, reason: '',
    message: `admission webhook ${JSON.stringify(name)} denied the request: ${message}`,
  });
}

export class Admission {
  readonly mutating: AdmissionHook[] = [];
  readonly validating: AdmissionHook[] = [];

  constructor(private readonly names: RandomStream) {}

  /** Built-in mutating plugins, then mutating hooks in registration order. */
  mutate(req: AdmissionRequest): void {
    if (req.operation === 'CREATE' && req.kind === 'Pod' && req.subresource === undefined) {
      serviceAccount(req.object, this.names);
      priority(req.object);
      defaultTolerationSeconds(req.object);
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

/** plugin/pkg/admission/serviceaccount: the default service account and its projected token volume. */
function serviceAccount(pod: Draft, names: RandomStream): void {
  const spec = pod.spec;
  spec.serviceAccountName ??= 'default';
  spec.serviceAccount ??= spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
  const mountPath = '/var/run/secrets/kubernetes.io/serviceaccount';
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  if (containers.every((c: any) => (c.volumeMounts ?? []).some((m: any) => m.mountPath === mountPath))) return;
  const volumeName = `kube-api-access-${names.string(5, GENERATE_NAME_ALPHABET)}`;
  spec.volumes = [...(spec.volumes ?? []), {
    name: volumeName,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  }];
  for (const c of containers) {
    if ((c.volumeMounts ?? []).some((m: any) => m.mountPath === mountPath)) continue;
    c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath, name: volumeName, readOnly: true }];
  }
}

/** plugin/pkg/admission/priority: no PriorityClass named, so priority 0 and the default preemption policy. */
function priority(pod: Draft): void {
  pod.spec.priority ??= 0;
  pod.spec.preemptionPolicy ??= 'PreemptLowerPriority';
}

/** plugin/pkg/admission/defaulttolerationseconds: tolerate not-ready and unreachable for 300 s unless already tolerated. */
function defaultTolerationSeconds(pod: Draft): void {
  const tolerations: any[] = (pod.spec.tolerations ??= []);
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const tolerated = tolerations.some(t => (t.effect === 'NoExecute' || !t.effect) && (t.key === key || !t.key));
    if (!tolerated) tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
}
