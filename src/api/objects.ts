// The object model: Kubernetes objects as plain JSON-shaped data, typed for the fields the
// simulator reads and writes. Unknown fields are kept as they came (every interface is open), so
// `kubectl get -o yaml` shows what the user wrote. Stored objects are deeply frozen: read, never mutate.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  [field: string]: unknown;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: any;
  status?: any;
  [field: string]: unknown;
}

/** An object as the store holds it: name, uid and resourceVersion are always set. */
export interface StoredMeta extends ObjectMeta {
  name: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
}

export type Stored<T extends KubeObject = KubeObject> = T & { metadata: StoredMeta };

export interface LabelSelectorRequirement { key: string; operator: string; values?: string[] }
export interface LabelSelector { matchLabels?: Record<string, string>; matchExpressions?: LabelSelectorRequirement[] }

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastProbeTime?: string | null;
  lastUpdateTime?: string;
  lastHeartbeatTime?: string;
  observedGeneration?: number;
}

// ---- core/v1 Pod -----------------------------------------------------------------------------

export interface HttpGetAction { path?: string; port: number | string; host?: string; scheme?: string; httpHeaders?: unknown[] }
export interface Probe {
  httpGet?: HttpGetAction;
  tcpSocket?: { port: number | string; host?: string };
  exec?: { command?: string[] };
  grpc?: { port: number; service?: string };
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number;
}

export interface ResourceRequirements { limits?: Record<string, string>; requests?: Record<string, string> }

export interface ContainerPort { name?: string; containerPort: number; protocol?: string; hostPort?: number; hostIP?: string }

export interface Container {
  name: string;
  image?: string;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  command?: string[];
  args?: string[];
  ports?: ContainerPort[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  resources?: ResourceRequirements;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[];
  restartPolicy?: string;
  lifecycle?: { preStop?: unknown; postStart?: unknown };
  [field: string]: unknown;
}

export interface Toleration { key?: string; operator?: 'Exists' | 'Equal'; value?: string; effect?: string; tolerationSeconds?: number }
export interface Taint { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'; timeAdded?: string }

export interface Volume {
  name: string;
  configMap?: { name?: string; optional?: boolean; items?: unknown[]; defaultMode?: number };
  secret?: { secretName?: string; optional?: boolean; items?: unknown[]; defaultMode?: number };
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  emptyDir?: Record<string, unknown>;
  [field: string]: unknown;
}

export interface NodeSelectorRequirement { key: string; operator: string; values?: string[] }
export interface NodeSelectorTerm { matchExpressions?: NodeSelectorRequirement[]; matchFields?: NodeSelectorRequirement[] }

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  terminationGracePeriodSeconds?: number;
  activeDeadlineSeconds?: number;
  dnsPolicy?: string;
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: NodeSelectorTerm[] } }; [k: string]: unknown };
  tolerations?: Toleration[];
  volumes?: Volume[];
  schedulerName?: string;
  securityContext?: Record<string, unknown>;
  hostname?: string;
  subdomain?: string;
  priority?: number;
  [field: string]: unknown;
}

export interface ContainerStateWaiting { reason?: string; message?: string }
export interface ContainerStateRunning { startedAt?: string }
export interface ContainerStateTerminated {
  exitCode: number; signal?: number; reason?: string; message?: string; startedAt?: string; finishedAt?: string; containerID?: string;
}
export interface ContainerState { waiting?: ContainerStateWaiting; running?: ContainerStateRunning; terminated?: ContainerStateTerminated }

export interface ContainerStatus {
  name: string;
  state?: ContainerState;
  lastState?: ContainerState;
  ready: boolean;
  restartCount: number;
  image: string;
  imageID: string;
  containerID?: string;
  started?: boolean;
  [field: string]: unknown;
}

export interface PodStatus {
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  conditions?: Condition[];
  message?: string;
  reason?: string;
  hostIP?: string;
  hostIPs?: { ip: string }[];
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
  qosClass?: string;
  nominatedNodeName?: string;
  [field: string]: unknown;
}

export interface Pod extends KubeObject { kind: 'Pod'; spec: PodSpec; status?: PodStatus }

export interface PodTemplateSpec { metadata?: ObjectMeta; spec: PodSpec }

// ---- workloads ---------------------------------------------------------------------------------

export interface ReplicaSetSpec { replicas?: number; minReadySeconds?: number; selector: LabelSelector; template: PodTemplateSpec }
export interface ReplicaSetStatus {
  replicas: number; fullyLabeledReplicas?: number; readyReplicas?: number; availableReplicas?: number;
  observedGeneration?: number; conditions?: Condition[];
}
export interface ReplicaSet extends KubeObject { kind: 'ReplicaSet'; spec: ReplicaSetSpec; status?: ReplicaSetStatus }

export interface ReplicationControllerSpec { replicas?: number; minReadySeconds?: number; selector?: Record<string, string>; template?: PodTemplateSpec }
export interface ReplicationController extends KubeObject { kind: 'ReplicationController'; spec: ReplicationControllerSpec; status?: ReplicaSetStatus }

export type IntOrString = number | string;
export interface DeploymentStrategy { type?: 'RollingUpdate' | 'Recreate'; rollingUpdate?: { maxSurge?: IntOrString; maxUnavailable?: IntOrString } }
export interface DeploymentSpec {
  replicas?: number; selector: LabelSelector; template: PodTemplateSpec; strategy?: DeploymentStrategy;
  minReadySeconds?: number; revisionHistoryLimit?: number; paused?: boolean; progressDeadlineSeconds?: number;
}
export interface DeploymentStatus {
  observedGeneration?: number; replicas?: number; updatedReplicas?: number; readyReplicas?: number; availableReplicas?: number;
  unavailableReplicas?: number; conditions?: Condition[]; collisionCount?: number;
}
export interface Deployment extends KubeObject { kind: 'Deployment'; spec: DeploymentSpec; status?: DeploymentStatus }

// ---- cluster objects -------------------------------------------------------------------------

export interface NodeSpec { unschedulable?: boolean; taints?: Taint[]; podCIDR?: string; podCIDRs?: string[]; providerID?: string }
export interface NodeStatus {
  capacity?: Record<string, string>;
  allocatable?: Record<string, string>;
  conditions?: Condition[];
  addresses?: { type: string; address: string }[];
  nodeInfo?: Record<string, string>;
  images?: { names: string[]; sizeBytes?: number }[];
  [field: string]: unknown;
}
export interface Node extends KubeObject { kind: 'Node'; spec: NodeSpec; status?: NodeStatus }

export interface ObjectReference {
  kind?: string; namespace?: string; name?: string; uid?: string; apiVersion?: string; resourceVersion?: string; fieldPath?: string;
}

export interface Event extends KubeObject {
  kind: 'Event';
  involvedObject: ObjectReference;
  reason?: string;
  message?: string;
  source?: { component?: string; host?: string };
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  count?: number;
  type?: 'Normal' | 'Warning';
  eventTime?: string | null;
  reportingComponent?: string;
  reportingInstance?: string;
}

/** The "<namespace>/<name>" key controllers and queues use (just "<name>" for cluster-scoped objects). */
export function objectKey(obj: { metadata: ObjectMeta }): string {
  const ns = obj.metadata.namespace;
  return ns ? `${ns}/${obj.metadata.name}` : obj.metadata.name!;
}

export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

export function controllerRef(obj: { metadata: ObjectMeta }): OwnerReference | undefined {
  // A plain loop: claims and informer handlers call this for every pod they see.
  const refs = obj.metadata.ownerReferences;
  if (!refs) return undefined;
  for (let i = 0; i < refs.length; i++) if (refs[i]!.controller === true) return refs[i];
  return undefined;
}
