// Patch metadata for strategic merge patch: for a Go struct field, its type and the patchStrategy /
// patchMergeKey struct tags from k8s.io/api v1.32 (core/v1 types.go, apps/v1, batch/v1, policy/v1,
// apimachinery meta/v1). Types come from the OpenAPI field tables strict decoding uses, so a path
// walks the same structs as strategicpatch's LookupPatchMetadataForStruct.
import schemaFile from '../../api/schema/openapi-v1.32.json';

type Schema = { roots: Record<string, string>; types: Record<string, Record<string, string>> };
const schema = schemaFile as unknown as Schema;

/** A schema type: a struct name ("V1PodSpec"), "Array<…>", a map, a scalar, or undefined when unknown. */
export type PatchType = string | undefined;

export interface PatchMeta {
  /** The field's type; for lists, the list type (elem() gives the element type). */
  type: PatchType;
  /** "merge", "retainKeys", "replace" — as the struct tag lists them. */
  strategies: string[];
  mergeKey: string;
}

const merge = (mergeKey = ''): Omit<PatchMeta, 'type'> => ({ strategies: ['merge'], mergeKey });
const mergeRetain = (mergeKey: string): Omit<PatchMeta, 'type'> => ({ strategies: ['merge', 'retainKeys'], mergeKey });
const CONDITIONS = merge('type');

/** `patchStrategy` / `patchMergeKey` tags, by "<struct>.<json field>". */
const TAGS: Record<string, Omit<PatchMeta, 'type'>> = {
  'V1ObjectMeta.finalizers': merge(),
  'V1ObjectMeta.ownerReferences': merge('uid'),
  'V1PodSpec.volumes': mergeRetain('name'),
  'V1PodSpec.initContainers': merge('name'),
  'V1PodSpec.containers': merge('name'),
  'V1PodSpec.ephemeralContainers': merge('name'),
  'V1PodSpec.imagePullSecrets': merge('name'),
  'V1PodSpec.hostAliases': merge('ip'),
  'V1PodSpec.topologySpreadConstraints': merge('topologyKey'),
  'V1PodSpec.schedulingGates': merge('name'),
  'V1PodSpec.resourceClaims': mergeRetain('name'),
  'V1PodStatus.conditions': CONDITIONS,
  'V1PodStatus.podIPs': merge('ip'),
  'V1PodStatus.hostIPs': merge('ip'),
  'V1PodStatus.resourceClaimStatuses': mergeRetain('name'),
  'V1ServiceSpec.ports': merge('port'),
  'V1NodeSpec.podCIDRs': merge(),
  'V1NodeStatus.conditions': CONDITIONS,
  'V1NodeStatus.addresses': merge('type'),
  'V1DeploymentSpec.strategy': { strategies: ['retainKeys'], mergeKey: '' },
};
for (const c of ['V1Container', 'V1EphemeralContainer']) {
  TAGS[`${c}.ports`] = merge('containerPort');
  TAGS[`${c}.env`] = merge('name');
  TAGS[`${c}.volumeMounts`] = merge('mountPath');
  TAGS[`${c}.volumeDevices`] = merge('devicePath');
}
for (const s of ['V1ServiceStatus', 'V1NamespaceStatus', 'V1PersistentVolumeClaimStatus', 'V1ReplicationControllerStatus',
  'V1DeploymentStatus', 'V1ReplicaSetStatus', 'V1DaemonSetStatus', 'V1StatefulSetStatus', 'V1JobStatus', 'V1PodDisruptionBudgetStatus']) {
  TAGS[`${s}.conditions`] = CONDITIONS;
}

/** The root struct of a kind ("ReplicaSet" → "V1ReplicaSet"). */
export function rootType(kind: string): PatchType {
  return schema.roots[kind];
}

const baseOf = (t: string): string => t.split('|')[0]!;
const mapElem = (t: string): string | undefined => /^\{ \[key: string\]: (.+); \}$/.exec(baseOf(t))?.[1];

/** LookupPatchMetadataForStruct / for a map: the field's type and tags. */
export function lookupPatchMeta(t: PatchType, key: string): PatchMeta {
  if (t === undefined) return { type: undefined, strategies: [], mergeKey: '' };
  const elem = mapElem(t);
  if (elem !== undefined) return { type: elem, strategies: [], mergeKey: '' };
  const fields = schema.types[baseOf(t)];
  const fieldType = fields?.[key];
  const tags = TAGS[`${baseOf(t)}.${key}`];
  return { type: fieldType, strategies: tags?.strategies ?? [], mergeKey: tags?.mergeKey ?? '' };
}

/** reflect.Type.Elem() of a list type. */
export function elemType(t: PatchType): PatchType {
  if (t === undefined) return undefined;
  return /^Array<(.+)>$/.exec(baseOf(t))?.[1];
}

/** extractRetainKeysPatchStrategy: whether retainKeys is set, and the other strategy. */
export function splitStrategies(strategies: string[]): { retainKeys: boolean; strategy: string } {
  const retainKeys = strategies.includes('retainKeys');
  return { retainKeys, strategy: strategies.find(s => s !== 'retainKeys') ?? '' };
}
