// Deployment arithmetic from pkg/controller/deployment/util/deployment_util.go (v1.32): maxSurge /
// maxUnavailable fenceposts with Go's float order and rounding, NewRSNewReplicas, proportional
// scaling fractions, saturation and completeness, and the new/old ReplicaSet split. Pure functions
// over plain objects; int32 overflow is modelled only where upstream multiplies (Math.imul).
import type { IntOrString, KubeObject } from '../api/objects';
import { deepClone } from '../api/freeze';
import { parseRfc3339 } from '../sim/time';
import { ControllerError } from './controller_utils';

/** apps/v1 DefaultDeploymentUniqueLabelKey. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
/** math.MaxInt32: a progress deadline or history limit of this value means "none". */
export const MAX_INT32 = 2147483647;

type Obj = KubeObject;

/** *(rs.Spec.Replicas): the API server defaults it to 1. */
export const specReplicas = (o: Obj | undefined): number => (o ? (o.spec?.replicas ?? 1) : 0);

/** integer.RoundToInt32 (k8s.io/utils): half away from zero, then Go's truncating conversion. */
export function roundToInt32(x: number): number {
  return x < 0 ? Math.trunc(x - 0.5) : Math.trunc(x + 0.5);
}

/** strconv.Atoi of a decimal with optional sign; undefined when Go would return an error. */
export function atoi(s: string | undefined): number | undefined {
  return s !== undefined && /^[+-]?\d+$/.test(s) ? Number(s) : undefined;
}

/**
 * intstr.GetScaledValueFromIntOrPercent: an int as is, "N%" as value*total/100 in float64 (that
 * order), rounded up or down. Throws with apimachinery's messages for nil and non-percent strings.
 */
export function getScaledValueFromIntOrPercent(v: IntOrString | undefined | null, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) throw new ControllerError('nil value for IntOrString');
  if (typeof v === 'number') return v;
  if (!v.endsWith('%')) throw new ControllerError('invalid value for IntOrString: invalid type: string is not a percentage');
  const digits = v.slice(0, -1);
  const value = atoi(digits);
  if (value === undefined) throw new ControllerError(`invalid value for IntOrString: invalid value "${v}": strconv.Atoi: parsing "${digits}": invalid syntax`);
  return roundUp ? Math.ceil((value * total) / 100) : Math.floor((value * total) / 100);
}

/**
 * ResolveFenceposts: surge rounds up, unavailable rounds down (nil counts as 0); when both resolve
 * to zero, unavailable becomes 1 so a rollout can still make progress.
 */
export function resolveFenceposts(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined, desired: number): [number, number] {
  const surge = getScaledValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  let unavailable = getScaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export const isRollingUpdate = (d: Obj): boolean => d.spec?.strategy?.type === 'RollingUpdate';

/** Fenceposts of a rolling deployment; [0, 0] when they do not parse (validation rejects those). */
function fenceposts(d: Obj): [number, number] {
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  try {
    return resolveFenceposts(ru.maxSurge, ru.maxUnavailable, specReplicas(d));
  } catch {
    return [0, 0];
  }
}

export function maxSurge(d: Obj): number {
  return isRollingUpdate(d) ? fenceposts(d)[0] : 0;
}

export function maxUnavailable(d: Obj): number {
  const replicas = specReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(fenceposts(d)[1], replicas);
}

export function minAvailable(d: Obj): number {
  return isRollingUpdate(d) ? specReplicas(d) - maxUnavailable(d) : 0;
}

export const hasProgressDeadline = (d: Obj): boolean =>
  d.spec?.progressDeadlineSeconds !== undefined && d.spec.progressDeadlineSeconds !== null && d.spec.progressDeadlineSeconds !== MAX_INT32;

export const hasRevisionHistoryLimit = (d: Obj): boolean =>
  d.spec?.revisionHistoryLimit !== undefined && d.spec.revisionHistoryLimit !== null && d.spec.revisionHistoryLimit !== MAX_INT32;

// ---- replica counts over sets (nil entries skipped, as upstream's loops do) ---------------------

const sum = (rss: (Obj | undefined)[], f: (rs: Obj) => number): number => rss.reduce((n, rs) => n + (rs ? f(rs) : 0), 0);
export const getReplicaCountForReplicaSets = (rss: (Obj | undefined)[]): number => sum(rss, specReplicas);
export const getActualReplicaCountForReplicaSets = (rss: (Obj | undefined)[]): number => sum(rss, rs => rs.status?.replicas ?? 0);
export const getReadyReplicaCountForReplicaSets = (rss: (Obj | undefined)[]): number => sum(rss, rs => rs.status?.readyReplicas ?? 0);
export const getAvailableReplicaCountForReplicaSets = (rss: (Obj | undefined)[]): number => sum(rss, rs => rs.status?.availableReplicas ?? 0);

/** controller.FilterActiveReplicaSets: non-nil with spec.replicas > 0. */
export const filterActiveReplicaSets = <T extends Obj>(rss: (T | undefined)[]): T[] => rss.filter((rs): rs is T => !!rs && specReplicas(rs) > 0);

/**
 * NewRSNewReplicas: Recreate goes straight to spec.replicas; RollingUpdate adds what maxSurge
 * (rounded up, without the fencepost fix-up) leaves room for, never beyond spec.replicas.
 */
export function newRSNewReplicas(d: Obj, allRSs: (Obj | undefined)[], newRS: Obj): number {
  switch (d.spec?.strategy?.type) {
    case 'RollingUpdate': {
      const surge = getScaledValueFromIntOrPercent(d.spec.strategy.rollingUpdate?.maxSurge, specReplicas(d), true);
      const current = getReplicaCountForReplicaSets(allRSs);
      const maxTotal = specReplicas(d) + surge;
      if (current >= maxTotal) return specReplicas(newRS);
      const scaleUp = Math.min(maxTotal - current, specReplicas(d) - specReplicas(newRS));
      return specReplicas(newRS) + scaleUp;
    }
    case 'Recreate':
      return specReplicas(d);
    default:
      throw new ControllerError(`deployment type ${d.spec?.strategy?.type} isn't supported`);
  }
}

// ---- proportional scaling ---------------------------------------------------------------------

const annotationInt = (rs: Obj, key: string): number | undefined => {
  const v = atoi(rs.metadata.annotations?.[key]);
  return v === undefined ? undefined : v | 0;
};
export const getDesiredReplicasAnnotation = (rs: Obj): number | undefined => annotationInt(rs, DESIRED_REPLICAS_ANNOTATION);
export const getMaxReplicasAnnotation = (rs: Obj): number | undefined => annotationInt(rs, MAX_REPLICAS_ANNOTATION);

/**
 * getReplicaSetFraction: the change that keeps rs at its share of the deployment's maximum size.
 * rs.replicas × newMax is an int32 product (so Math.imul) divided in float64. A missing or zero
 * max-replicas annotation falls back to status.replicas, and a zero fallback gives 0: the zero
 * guards of kubernetes PR #128535 (Nov 2024), taken here because without them Go divides by zero.
 */
export function getReplicaSetFraction(rs: Obj, d: Obj): number {
  if (specReplicas(d) === 0) return -specReplicas(rs);
  const deploymentMaxReplicas = specReplicas(d) + maxSurge(d);
  let before = getMaxReplicasAnnotation(rs) ?? 0;
  if (before === 0) {
    before = (d.status?.replicas ?? 0) as number;
    if (before === 0) return 0;
  }
  const newSize = Math.imul(specReplicas(rs), deploymentMaxReplicas) / before;
  return roundToInt32(newSize) - specReplicas(rs);
}

/** GetReplicaSetProportion (GetProportion before v1.31): the fraction, bounded by what is left to add or remove. */
export function getReplicaSetProportion(rs: Obj | undefined, d: Obj, toAdd: number, added: number): number {
  if (!rs || specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = getReplicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** IsSaturated: the new set has all replicas, was sized for this spec.replicas, and all are available. */
export function isSaturated(d: Obj, rs: Obj | undefined): boolean {
  if (!rs) return false;
  const desired = atoi(rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION]);
  if (desired === undefined) return false;
  const replicas = specReplicas(d);
  return specReplicas(rs) === replicas && (desired | 0) === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

// ---- status predicates --------------------------------------------------------------------------

export interface DeploymentStatusCounts {
  observedGeneration?: number; replicas?: number; updatedReplicas?: number; readyReplicas?: number;
  availableReplicas?: number; unavailableReplicas?: number;
}

/** DeploymentComplete: every desired replica updated and available, nothing old left, generation observed. */
export function deploymentComplete(d: Obj, s: DeploymentStatusCounts | undefined): boolean {
  const replicas = specReplicas(d);
  return (s?.updatedReplicas ?? 0) === replicas && (s?.replicas ?? 0) === replicas && (s?.availableReplicas ?? 0) === replicas &&
    (s?.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available than the deployment's recorded status. */
export function deploymentProgressing(d: Obj, s: DeploymentStatusCounts): boolean {
  const old: DeploymentStatusCounts = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}

/**
 * DeploymentTimedOut: the Progressing condition's lastUpdateTime plus progressDeadlineSeconds is
 * strictly before now (times at the second precision they are stored with).
 */
export function deploymentTimedOut(d: Obj, conditions: { type: string; reason?: string; lastUpdateTime?: string }[] | undefined, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = conditions?.find(c => c.type === 'Progressing');
  if (!cond) return false;
  if (cond.reason === 'NewReplicaSetAvailable') return false;
  if (cond.reason === 'ProgressDeadlineExceeded') return true;
  const from = cond.lastUpdateTime ? parseRfc3339(cond.lastUpdateTime) ?? 0 : 0;
  return from + d.spec.progressDeadlineSeconds * 1000 < nowMs;
}

// ---- ordering -----------------------------------------------------------------------------------

const created = (o: Obj): number => parseRfc3339(o.metadata.creationTimestamp ?? '') ?? 0;

/** ReplicaSetsByCreationTimestamp.Less: older first, then by name. */
export function byCreationTimestamp(a: Obj, b: Obj): number {
  const ta = created(a);
  const tb = created(b);
  if (ta !== tb) return ta - tb;
  return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0;
}

/** ReplicaSetsBySizeOlder: larger first, ties older first. */
export const bySizeOlder = (a: Obj, b: Obj): number => specReplicas(b) - specReplicas(a) || byCreationTimestamp(a, b);
/** ReplicaSetsBySizeNewer: larger first, ties newer first. */
export const bySizeNewer = (a: Obj, b: Obj): number => specReplicas(b) - specReplicas(a) || byCreationTimestamp(b, a);

// ---- new and old ReplicaSets --------------------------------------------------------------------

/** Absent, an empty list, or a map/struct holding nothing but empties (Go: nil, empty or zero struct). */
function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.values(v as object).every(isEmpty);
}

/** Semantic.DeepEqual for JSON data: an empty list or map equals an absent one. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  const empty = isEmpty;
  if (a === b) return true;
  if (empty(a) && empty(b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => semanticEqual(x, bb[i]));
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (!semanticEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

function withoutHashLabel(t: any): any {
  if (!t?.metadata?.labels || !(POD_TEMPLATE_HASH_LABEL in t.metadata.labels)) return t;
  const labels = { ...t.metadata.labels };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  return { ...t, metadata: { ...t.metadata, labels } };
}

/** EqualIgnoreHash: templates equal once the pod-template-hash label is dropped from both. */
export function equalIgnoreHash(t1: unknown, t2: unknown): boolean {
  return semanticEqual(withoutHashLabel(t1), withoutHashLabel(t2));
}

/** FindNewReplicaSet: the oldest set whose template matches the deployment's (sorts rsList in place, as upstream). */
export function findNewReplicaSet<T extends Obj>(d: Obj, rsList: T[]): T | undefined {
  rsList.sort(byCreationTimestamp);
  return rsList.find(rs => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** FindOldReplicaSets: [those with replicas, all old ones]. */
export function findOldReplicaSets<T extends Obj>(d: Obj, rsList: T[]): [T[], T[]] {
  const newRS = findNewReplicaSet(d, rsList);
  const all = rsList.filter(rs => !newRS || rs.metadata.uid !== newRS.metadata.uid);
  return [all.filter(rs => specReplicas(rs) !== 0), all];
}

/**
 * FindActiveOrLatest: the only active set, or the newest when none is active; undefined when
 * several are active. Sorts oldRSs newest first in place, as upstream does.
 */
export function findActiveOrLatest<T extends Obj>(newRS: T | undefined, oldRSs: T[]): T | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  oldRSs.sort((a, b) => byCreationTimestamp(b, a));
  const active = filterActiveReplicaSets([...oldRSs, newRS]);
  if (active.length === 0) return newRS ?? oldRSs[0];
  return active.length === 1 ? active[0] : undefined;
}

/** SetFromReplicaSetTemplate: the deployment takes the set's template minus the hash label. */
export function setFromReplicaSetTemplate(d: Obj, template: unknown): void {
  d.spec.template = deepClone(withoutHashLabel(template));
}
