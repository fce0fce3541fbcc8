// The root CA publisher (pkg/controller/certificates/rootcacertpublisher): every namespace gets a
// ConfigMap "kube-root-ca.crt" with the cluster's CA bundle, recreated if deleted and restored if
// changed — what the kube-api-access projected volume of every pod reads.
import type { Stored } from '../api/objects';
import { isApiError } from '../api/errors';
import { deepEqual } from '../api/freeze';
import type { ControllerContext, ControllerDefinition } from './controller_manager';
import type { Reconciler } from './runner';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
const DESCRIPTION = 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/** The simulated cluster's CA certificate (a fixed, well-formed PEM block: no TLS happens here). */
export const CLUSTER_CA = `-----BEGIN CERTIFICATE-----
MIIDBTCCAe2gAwIBAgIIa3VrdW1iZXIwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE
AxMKa3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNDEyMzAwMDAwMDBaMBUx
EzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK
AoIBAQDVa3VrdW1iZXItc2ltdWxhdGVkLWNsdXN0ZXItY2EtZm9yLXRlc3RzLW9u
bHktbm8tcHJpdmF0ZS1rZXktZXhpc3RzLWFueXdoZXJlLWF0LWFsbC0wMDAwMDAw
-----END CERTIFICATE-----
`;

function desired(namespace: string): { data: Record<string, string>; annotations: Record<string, string> } {
  void namespace;
  return { data: { 'ca.crt': CLUSTER_CA }, annotations: { 'kubernetes.io/description': DESCRIPTION } };
}

class RootCAPublisher implements Reconciler {
  constructor(private readonly ctx: ControllerContext) {
    const namespaces = ctx.informers.informer('Namespace');
    const configMaps = ctx.informers.informer('ConfigMap');
    namespaces.addHandlers({ onAdd: ns => ctx.queue.add(ns.metadata.name), onUpdate: (_o, ns) => ctx.queue.add(ns.metadata.name) });
    const onConfigMap = (cm: Stored): void => { if (cm.metadata.name === ROOT_CA_CONFIGMAP) ctx.queue.add(cm.metadata.namespace ?? ''); };
    configMaps.addHandlers({ onUpdate: (_o, cm) => onConfigMap(cm), onDelete: onConfigMap });
  }

  /** syncNamespace: create the ConfigMap if missing, put the CA and description back if changed. */
  reconcile(namespace: string): void {
    const ns = this.ctx.client.find('Namespace', '', namespace);
    if (!ns || ns.metadata.deletionTimestamp) return;
    const want = desired(namespace);
    const cm = this.ctx.client.find('ConfigMap', namespace, ROOT_CA_CONFIGMAP);
    try {
      if (!cm) {
        this.ctx.client.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: ROOT_CA_CONFIGMAP, namespace, annotations: want.annotations }, data: want.data });
      } else if (!deepEqual(cm.data, want.data) || cm.metadata.annotations?.['kubernetes.io/description'] !== want.annotations['kubernetes.io/description']) {
        this.ctx.client.mutate('ConfigMap', namespace, ROOT_CA_CONFIGMAP, d => {
          d.data = want.data;
          d.metadata.annotations = { ...(d.metadata.annotations ?? {}), ...want.annotations };
        });
      }
    } catch (e) {
      if (!isApiError(e, 'AlreadyExists') && !isApiError(e, 'NotFound')) throw e;
    }
  }
}

export const rootCAPublisherController: ControllerDefinition = {
  name: 'root-ca-cert-publisher',
  create: ctx => new RootCAPublisher(ctx),
};
