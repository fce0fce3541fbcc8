// Small builders shared by unit tests: a seed-style ReplicaSet, a bare pod, and the API's answer to a create.
import type { KubeObject } from './objects';
import { Cluster } from '../cluster/cluster';
import { ApiError } from './errors';

export function replicaSet(name = 'web', labels: Record<string, string> = { app: name }, selector: Record<string, string> = labels): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name },
    spec: { replicas: 2, selector: { matchLabels: selector }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
  };
}

export function pod(name = 'web', extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...extra } };
}

/** What the API server says when asked to create obj: its error message, or "accepted". */
export function rejection(obj: KubeObject, c = new Cluster()): string {
  try {
    c.client().create(obj);
  } catch (e) {
    if (e instanceof ApiError) return e.message;
    throw e;
  }
  return 'accepted';
}
