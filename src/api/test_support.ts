// Small builders shared by unit tests: a seed-style ReplicaSet, a bare pod.
import type { KubeObject } from './objects';

export function replicaSet(name = 'web', labels: Record<string, string> = { app: name }, selector: Record<string, string> = labels): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name },
    spec: { replicas: 2, selector: { matchLabels: selector }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
  };
}

export function pod(name = 'web', extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...extra } };
}
