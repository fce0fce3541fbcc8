// Test support for Deployment controller tests: a Deployment builder, `kubectl rollout undo` done
// the way kubectl does it (a client-side patch of template and annotations), and a replay of the
// API history that reports pod counts after every write.
import type { Cluster } from '../cluster/cluster';
import type { Event, KubeObject, Stored } from '../api/objects';
import { isPodReady } from '../api/pod_util';
import { skipCopyAnnotation, revision } from './deployment_annotations';
import { equalIgnoreHash, POD_TEMPLATE_HASH_LABEL } from './deployment_util';

export function deployment(name = 'web', replicas = 10, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name },
    spec: {
      replicas, selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
      ...spec,
    },
  };
}

export const setImage = (c: Cluster, name: string, image: string): Stored =>
  c.client().mutate('Deployment', 'default', name, d => { d.spec.template.spec.containers[0].image = image; });

/**
 * Deployment-controller event messages with one reason, in the order they were recorded: a new Event
 * or a repeat folded into an existing one (its count going up), as client-go's correlator records them.
 */
export function deploymentEvents(c: Cluster, reason = 'ScalingReplicaSet', sinceMs = 0): string[] {
  return c.store.history.records
    .filter(r => r.kind === 'Event' && r.atMs >= sinceMs && r.type !== 'DELETED' &&
      (r.type === 'ADDED' || (r.object as unknown as Event).count! > (r.previous as unknown as Event).count!))
    .map(r => r.object as unknown as Event)
    .filter(e => e.source?.component === 'deployment-controller' && e.reason === reason)
    .map(e => e.message!);
}

/** The owned ReplicaSets by revision annotation. */
export function replicaSetsByRevision(c: Cluster): Map<number, Stored> {
  return new Map(c.store.list('ReplicaSet', 'default').map(rs => [revision(rs) ?? -1, rs]));
}

/** Each write to a ReplicaSet's spec.replicas by the deployment controller: "<ms> <name> <replicas>". */
export function scalingWrites(c: Cluster, sinceMs = 0): string[] {
  const out: string[] = [];
  for (const r of c.store.history.records) {
    if (r.kind !== 'ReplicaSet' || r.atMs < sinceMs || r.actor !== 'deployment-controller' || r.type === 'DELETED') continue;
    if (r.previous && r.previous.spec.replicas === r.object.spec.replicas) continue;
    out.push(`${r.atMs} ${r.name} ${r.object.spec.replicas}`);
  }
  return out;
}

/**
 * `kubectl rollout undo deployment/<name> [--to-revision=N]` (kubectl DeploymentRollbacker): pick
 * the set with revision N (0: the second highest), then patch the template (minus the hash label)
 * and the annotations (the deployment's skip-list ones plus the set's others).
 */
export function rolloutUndo(c: Cluster, name: string, toRevision = 0): Stored {
  const k = c.client();
  const d = k.get('Deployment', 'default', name);
  const sets = c.store.list('ReplicaSet', 'default').filter(rs => rs.metadata.ownerReferences?.some(o => o.uid === d.metadata.uid));
  const byRev = [...sets].sort((a, b) => (revision(b) ?? 0) - (revision(a) ?? 0));
  const target = toRevision === 0 ? byRev[1] : sets.find(rs => revision(rs) === toRevision);
  if (!target) throw new Error(`unable to find specified revision ${toRevision} in history`);
  if (equalIgnoreHash(target.spec.template, d.spec.template)) throw new Error('skipped rollback');
  return k.mutate('Deployment', 'default', name, draft => {
    const template = JSON.parse(JSON.stringify(target.spec.template));
    delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
    draft.spec.template = template;
    const annotations: Record<string, string> = {};
    for (const [key, v] of Object.entries(draft.metadata.annotations ?? {})) if (skipCopyAnnotation(key)) annotations[key] = v;
    for (const [key, v] of Object.entries(target.metadata.annotations ?? {})) if (!skipCopyAnnotation(key)) annotations[key] = v;
    draft.metadata.annotations = annotations;
  });
}

export interface PodCounts { atMs: number; total: number; serving: number; byImage: Map<string, number> }

/**
 * Replays the history from the start and calls `check` after every write from `fromMs` on with the
 * pods existing then: `total` counts every pod object (terminating ones too), `serving` the Ready
 * pods not being deleted.
 */
export function replayPodCounts(c: Cluster, fromMs: number, check: (counts: PodCounts) => void): void {
  const pods = new Map<string, Stored>();
  for (const r of c.store.history.records) {
    if (r.kind === 'Pod') {
      if (r.type === 'DELETED') pods.delete(r.uid);
      else pods.set(r.uid, r.object);
    }
    if (r.atMs < fromMs) continue;
    let serving = 0;
    const byImage = new Map<string, number>();
    for (const p of pods.values()) {
      if (isPodReady(p) && !p.metadata.deletionTimestamp) serving++;
      const image = p.spec.containers[0].image as string;
      byImage.set(image, (byImage.get(image) ?? 0) + 1);
    }
    check({ atMs: r.atMs, total: pods.size, serving, byImage });
  }
}
