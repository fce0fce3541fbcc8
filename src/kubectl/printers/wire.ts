// An object as the API server serialises it, which is what `-o yaml|json|jsonpath|custom-columns`
// print: Go structs are not omitempty-able, so struct-typed fields always appear (`status: {}`,
// `resources: {}`, `creationTimestamp: null` in templates, `lastProbeTime: null`) and so do
// non-omitempty scalars (`replicas: 0` in a ReplicaSet status); quantities are canonical ("0.5"
// → "500m"). Field tables follow k8s.io/api v1.32 types.go json tags; walking uses the OpenAPI
// type table in src/api/schema.
import schemaFile from '../../api/schema/openapi-v1.32.json';
import { canonicalQuantity } from './quantity_string';
import type { JsonValue } from './go_format';

type Schema = { roots: Record<string, string>; types: Record<string, Record<string, string>> };
const schema = schemaFile as unknown as Schema;

type Json = { [key: string]: JsonValue };

/** Fields Go always writes, with the value written when the object lacks them. */
const ALWAYS: Record<string, Record<string, JsonValue>> = {
  V1ObjectMeta: { creationTimestamp: null },
  V1Pod: { metadata: {}, spec: {}, status: {} },
  V1PodTemplateSpec: { metadata: {}, spec: {} },
  V1PodSpec: { containers: null },
  V1Container: { name: '', resources: {} },
  V1ContainerPort: { containerPort: 0 },
  V1EnvVar: { name: '' },
  V1VolumeMount: { name: '', mountPath: '' },
  V1Volume: { name: '' },
  V1PodCondition: { type: '', status: '', lastProbeTime: null, lastTransitionTime: null },
  V1ContainerStatus: { name: '', state: {}, lastState: {}, ready: false, restartCount: 0, image: '', imageID: '' },
  V1ContainerStateRunning: { startedAt: null },
  V1ContainerStateTerminated: { exitCode: 0, startedAt: null, finishedAt: null },
  V1HostIP: { ip: '' },
  V1PodIP: { ip: '' },
  V1HTTPGetAction: { port: 0 },
  V1TCPSocketAction: { port: 0 },
  V1OwnerReference: { apiVersion: '', kind: '', name: '', uid: '' },
  V1LabelSelectorRequirement: { key: '', operator: '' },
  V1ReplicaSet: { metadata: {}, spec: {}, status: {} },
  V1ReplicaSetSpec: { selector: null, template: {} },
  V1ReplicaSetStatus: { replicas: 0 },
  V1ReplicaSetCondition: { type: '', status: '', lastTransitionTime: null },
  V1ReplicationController: { metadata: {}, spec: {}, status: {} },
  V1ReplicationControllerStatus: { replicas: 0 },
  V1ReplicationControllerCondition: { type: '', status: '', lastTransitionTime: null },
  V1Deployment: { metadata: {}, spec: {}, status: {} },
  V1DeploymentSpec: { selector: null, template: {}, strategy: {} },
  V1DeploymentCondition: { type: '', status: '', lastUpdateTime: null, lastTransitionTime: null },
  V1DaemonSet: { metadata: {}, spec: {}, status: {} },
  V1DaemonSetSpec: { selector: null, template: {}, updateStrategy: {} },
  V1DaemonSetStatus: { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 },
  V1DaemonSetCondition: { type: '', status: '', lastTransitionTime: null },
  V1StatefulSet: { metadata: {}, spec: {}, status: {} },
  V1StatefulSetSpec: { selector: null, template: {}, updateStrategy: {} },
  V1StatefulSetStatus: { replicas: 0, availableReplicas: 0 },
  V1StatefulSetCondition: { type: '', status: '', lastTransitionTime: null },
  V1PersistentVolumeClaim: { metadata: {}, spec: {}, status: {} },
  V1PersistentVolumeClaimSpec: { resources: {} },
  V1Job: { metadata: {}, spec: {}, status: {} },
  V1JobSpec: { template: {} },
  V1JobCondition: { type: '', status: '', lastProbeTime: null, lastTransitionTime: null },
  V1CronJob: { metadata: {}, spec: {}, status: {} },
  V1CronJobSpec: { schedule: '', jobTemplate: {} },
  V1JobTemplateSpec: { metadata: {}, spec: {} },
  V1Service: { metadata: {}, spec: {}, status: {} },
  V1ServiceStatus: { loadBalancer: {} },
  V1ServicePort: { port: 0, targetPort: 0 },
  V1EndpointAddress: { ip: '' },
  V1EndpointPort: { port: 0 },
  V1Namespace: { metadata: {}, spec: {}, status: {} },
  V1Node: { metadata: {}, spec: {}, status: {} },
  V1NodeStatus: { daemonEndpoints: {}, nodeInfo: {} },
  V1NodeDaemonEndpoints: { kubeletEndpoint: {} },
  V1DaemonEndpoint: { Port: 0 },
  V1NodeSystemInfo: {
    machineID: '', systemUUID: '', bootID: '', kernelVersion: '', osImage: '', containerRuntimeVersion: '',
    kubeletVersion: '', kubeProxyVersion: '', operatingSystem: '', architecture: '',
  },
  V1NodeCondition: { type: '', status: '', lastHeartbeatTime: null, lastTransitionTime: null },
  V1NodeAddress: { type: '', address: '' },
  V1Taint: { key: '', effect: '' },
  CoreV1Event: {
    metadata: {}, involvedObject: {}, source: {}, firstTimestamp: null, lastTimestamp: null, eventTime: null,
    reportingComponent: '', reportingInstance: '',
  },
  V1ConfigMap: { metadata: {} },
  V1Secret: { metadata: {} },
  V1Lease: { metadata: {}, spec: {} },
  V1PodDisruptionBudget: { metadata: {}, spec: {}, status: {} },
  V1PodDisruptionBudgetStatus: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
  V1Condition: { type: '', status: '', lastTransitionTime: null, reason: '', message: '' },
  V1ControllerRevision: { metadata: {}, revision: 0 },
};

/** resource.Quantity fields (maps of quantities and single quantities), printed canonically. */
const QUANTITY_MAPS = new Set(['V1ResourceRequirements.limits', 'V1ResourceRequirements.requests', 'V1VolumeResourceRequirements.limits',
  'V1VolumeResourceRequirements.requests', 'V1NodeStatus.capacity', 'V1NodeStatus.allocatable', 'V1PersistentVolumeClaimStatus.capacity',
  'V1PersistentVolumeClaimStatus.allocatedResources', 'V1ContainerStatus.allocatedResources']);
const QUANTITY_FIELDS = new Set(['V1EmptyDirVolumeSource.sizeLimit']);

function clone(v: JsonValue): JsonValue {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(clone);
  const out: Json = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = clone(x);
  return out;
}

type TypeShape = { kind: 'array' | 'map'; item: string } | { kind: 'other' };
const shapes = new Map<string, TypeShape>();

/** "Array<X>" / "{ [key: string]: X; }" / anything else, parsed once per type name. */
function shapeOf(type: string): TypeShape {
  let shape = shapes.get(type);
  if (!shape) {
    const arr = /^Array<(.+)>$/.exec(type);
    const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
    shape = arr ? { kind: 'array', item: arr[1]! } : map ? { kind: 'map', item: map[1]! } : { kind: 'other' };
    shapes.set(type, shape);
  }
  return shape;
}

function walk(value: JsonValue, type: string): void {
  if (value === null || typeof value !== 'object') return;
  const shape = shapeOf(type);
  if (shape.kind === 'array') {
    if (Array.isArray(value)) for (const item of value) walk(item, shape.item);
    return;
  }
  if (shape.kind === 'map') {
    if (!Array.isArray(value)) for (const item of Object.values(value)) walk(item, shape.item);
    return;
  }
  const fields = schema.types[type];
  if (!fields || Array.isArray(value)) return;
  for (const [key, zero] of Object.entries(ALWAYS[type] ?? {})) {
    if (value[key] === undefined) value[key] = clone(zero);
  }
  for (const [key, v] of Object.entries(value)) {
    const ft = fields[key];
    if (ft === undefined) continue;
    const where = `${type}.${key}`;
    if (QUANTITY_MAPS.has(where) && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [name, q] of Object.entries(v)) if (typeof q === 'string' || typeof q === 'number') v[name] = canonicalQuantity(q);
    } else if (QUANTITY_FIELDS.has(where) && (typeof v === 'string' || typeof v === 'number')) {
      value[key] = canonicalQuantity(v);
    } else walk(v, ft);
  }
}

/** A deep copy of the object in the form the API server returns it on the wire. */
export function toWire(obj: object): Json {
  const copy = clone(obj as JsonValue) as Json;
  const root = schema.roots[String(copy.kind)];
  if (root) walk(copy, root);
  return copy;
}
