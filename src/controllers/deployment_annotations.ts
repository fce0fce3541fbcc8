// Revision bookkeeping in annotations (pkg/controller/deployment/util/deployment_util.go): each
// ReplicaSet carries the revision it serves, a rolled-back-to set records its earlier revisions in
// revision-history, and the deployment's other annotations are copied onto its new ReplicaSet.
import type { KubeObject } from '../api/objects';
import { DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, maxSurge, specReplicas } from './deployment_util';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
/** apps.DeprecatedRollbackTo: extensions/v1beta1's rollbackTo, round-tripped as an annotation. */
export const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
export const LAST_APPLIED_CONFIG_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
/** maxRevHistoryLengthInChars (sync.go). */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

const ANNOTATIONS_TO_SKIP = new Set([LAST_APPLIED_CONFIG_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, DEPRECATED_ROLLBACK_TO]);

export const skipCopyAnnotation = (key: string): boolean => ANNOTATIONS_TO_SKIP.has(key);

/** strconv.ParseInt(v, 10, 64); undefined for Go's error cases. */
export function parseInt64(v: string): number | undefined {
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

/** Revision: the annotation as an integer; 0 when absent, undefined when it does not parse. */
export function revision(obj: KubeObject): number | undefined {
  const v = obj.metadata.annotations?.[REVISION_ANNOTATION];
  return v === undefined ? 0 : parseInt64(v);
}

/** MaxRevision: the highest parseable revision (0 if none). */
export function maxRevision(rss: (KubeObject | undefined)[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = rs ? revision(rs) : undefined;
    if (v !== undefined && v > max) max = v;
  }
  return max;
}

/** LastRevision: the second-highest revision (what `rollout undo` without a revision goes back to). */
export function lastRevision(rss: (KubeObject | undefined)[]): number {
  let max = 0;
  let secMax = 0;
  for (const rs of rss) {
    const v = rs ? revision(rs) : undefined;
    if (v === undefined) continue;
    if (v >= max) {
      secMax = max;
      max = v;
    } else if (v > secMax) {
      secMax = v;
    }
  }
  return secMax;
}

/** SetDeploymentRevision: true when the deployment's revision annotation changed. */
export function setDeploymentRevision(d: KubeObject, rev: string): boolean {
  d.metadata.annotations ??= {};
  if (d.metadata.annotations[REVISION_ANNOTATION] === rev) return false;
  d.metadata.annotations[REVISION_ANNOTATION] = rev;
  return true;
}

/** SetReplicasAnnotations: desired-replicas and max-replicas; true when either changed. */
export function setReplicasAnnotations(rs: KubeObject, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  let updated = false;
  if (a[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) { a[DESIRED_REPLICAS_ANNOTATION] = String(desired); updated = true; }
  if (a[MAX_REPLICAS_ANNOTATION] !== String(max)) { a[MAX_REPLICAS_ANNOTATION] = String(max); updated = true; }
  return updated;
}

export function replicasAnnotationsNeedUpdate(rs: KubeObject, desired: number, max: number): boolean {
  const a = rs.metadata.annotations;
  return !a || a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/** copyDeploymentAnnotationsToReplicaSet: all but the skip list; true when the set's annotations changed. */
function copyDeploymentAnnotationsToReplicaSet(d: KubeObject, rs: KubeObject): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (skipCopyAnnotation(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  return changed;
}

/** Appends oldRevision to revision-history, dropping the oldest entries to stay within the length limit. */
function appendRevisionHistory(rs: KubeObject, oldRevision: string, limitChars: number): void {
  const a = rs.metadata.annotations!;
  const history = a[REVISION_HISTORY_ANNOTATION] ?? '';
  const oldRevisions = history.split(',');
  if (oldRevisions[0]!.length === 0) {
    a[REVISION_HISTORY_ANNOTATION] = oldRevision;
    return;
  }
  let totalLen = history.length + oldRevision.length + 1;
  let start = 0;
  while (totalLen > limitChars && start < oldRevisions.length) {
    totalLen -= oldRevisions[start]!.length + 1;
    start++;
  }
  if (totalLen <= limitChars) a[REVISION_HISTORY_ANNOTATION] = [...oldRevisions.slice(start), oldRevision].join(',');
}

/**
 * SetNewReplicaSetAnnotations: copy the deployment's annotations, raise the revision to newRevision
 * when lower (recording the old one in revision-history, i.e. a rollback to this set), and for a
 * set about to be created add desired/max-replicas. Returns whether anything changed; an unparsable
 * existing revision stops it (returning false) as upstream does.
 */
export function setNewReplicaSetAnnotations(d: KubeObject, rs: KubeObject, newRevision: string, exists: boolean,
  limitChars = MAX_REV_HISTORY_LENGTH_IN_CHARS): boolean {
  let changed = copyDeploymentAnnotationsToReplicaSet(d, rs);
  const a = (rs.metadata.annotations ??= {});
  const had = REVISION_ANNOTATION in a;
  const oldRevision = a[REVISION_ANNOTATION] ?? '';
  let oldInt = parseInt64(oldRevision);
  if (oldInt === undefined) {
    if (oldRevision !== '') return false;
    oldInt = 0;
  }
  const newInt = parseInt64(newRevision);
  if (newInt === undefined) return false;
  if (oldInt < newInt) {
    a[REVISION_ANNOTATION] = newRevision;
    changed = true;
    if (had) appendRevisionHistory(rs, oldRevision, limitChars);
  }
  if (!exists && setReplicasAnnotations(rs, specReplicas(d), specReplicas(d) + maxSurge(d))) changed = true;
  return changed;
}

/** SetDeploymentAnnotationsTo: keep the deployment's skip-list annotations, take every other one from the set. */
export function setDeploymentAnnotationsTo(d: KubeObject, rs: KubeObject): void {
  const next: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (skipCopyAnnotation(k)) next[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!skipCopyAnnotation(k)) next[k] = v;
  d.metadata.annotations = next;
}

/** ReplicaSetsByRevision.Less: by revision, falling back to creation time and name when either does not parse or they tie. */
export function byRevision(byCreation: (a: KubeObject, b: KubeObject) => number): (a: KubeObject, b: KubeObject) => number {
  return (a, b) => {
    const r1 = revision(a);
    const r2 = revision(b);
    if (r1 === undefined || r2 === undefined || r1 === r2) return byCreation(a, b);
    return r1 - r2;
  };
}
