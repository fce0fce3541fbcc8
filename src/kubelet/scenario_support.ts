// Queries over a cluster's history for code-level scenarios: a pod's versions and the events about
// it, each with the exact instant it was written.
import type { Cluster } from '../cluster/cluster';
import type { Event, KubeObject, Pod, Stored } from '../api/objects';

export interface Version<T> { atMs: number; actor: string; type: string; object: T }

export function podVersions(c: Cluster, name: string, namespace = 'default'): Version<Stored<Pod>>[] {
  return c.store.history.records
    .filter(r => r.kind === 'Pod' && r.name === name && r.namespace === namespace)
    .map(r => ({ atMs: r.atMs, actor: r.actor, type: r.type, object: r.object as Stored<Pod> }));
}

/** Every write of an event about the named object (a recurrence is a MODIFIED with a higher count). */
export function eventWrites(c: Cluster, involvedName: string, reason?: string): Version<Event>[] {
  return c.store.history.records
    .filter(r => r.kind === 'Event' && (r.object as Event).involvedObject.name === involvedName && (!reason || (r.object as Event).reason === reason))
    .map(r => ({ atMs: r.atMs, actor: r.actor, type: r.type, object: r.object as Event }));
}

/** The first instant a pod's stored version satisfies pred. */
export function firstWhen(c: Cluster, name: string, pred: (p: Stored<Pod>) => boolean): number | undefined {
  return podVersions(c, name).find(v => pred(v.object))?.atMs;
}

export const readyCondition = (p: Pod): string | undefined => p.status?.conditions?.find(x => x.type === 'Ready')?.status;

export function bare(name: string, container: Record<string, unknown>, spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: name } }, spec: { containers: [{ name: 'app', ...container }], ...spec } };
}
