// What kube-apiserver creates for itself when it starts: the "kubernetes" Service in default, the
// first IP of the service range, and its Endpoints pointing at the API server
// (pkg/controlplane/controller/kubernetesservice). Users see it in `kubectl get svc` / `get all`.
import type { ApiServer } from '../api/apiserver';

/** The API server's address on the nodes' network (the nodes are 172.18.0.2 onwards). */
export const APISERVER_IP = '172.18.0.1';
export const KUBERNETES_SERVICE_IP = '10.96.0.1';

export function bootstrapKubernetesService(api: ApiServer): void {
  // kube-apiserver's own controller (pkg/controlplane/controller/kubernetesservice) writes these.
  const ctx = { actor: 'kubernetes-service-controller' };
  api.create({
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: KUBERNETES_SERVICE_IP, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], type: 'ClusterIP', sessionAffinity: 'None' },
  }, ctx);
  api.create({
    apiVersion: 'v1', kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: APISERVER_IP }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  }, ctx);
}
