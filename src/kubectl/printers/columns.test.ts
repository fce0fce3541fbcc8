// Column sets and cells of every server-side printer (k/k pkg/printers/internalversion/printers.go,
// v1.32), rendered the way kubectl lays them out. NOW is 01:00:00 on the simulation's first day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/objects';
import { renderTable } from './index';

const NOW = 3_600_000;
const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, namespace: 'default', creationTimestamp: '2025-01-01T00:30:00Z', ...extra });
const obj = (kind: string, name: string, body: Record<string, unknown>, m: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind, metadata: meta(name, m), ...body }) as KubeObject;
const wide = (kind: string, objects: KubeObject[]): string => renderTable(kind, objects, NOW, { wide: true });
const template = { spec: { containers: [{ name: 'a', image: 'nginx:1' }, { name: 'b', image: 'busybox' }] } };

test('pods: NAME READY STATUS RESTARTS AGE, wide IP NODE NOMINATED NODE READINESS GATES', () => {
  const p = obj('Pod', 'web', {
    spec: { nodeName: 'node01', containers: [{ name: 'a' }], readinessGates: [{ conditionType: 'x/ready' }, { conditionType: 'y/ready' }] },
    status: { phase: 'Running', podIPs: [{ ip: '10.0.0.5' }], podIP: 'ignored', conditions: [{ type: 'x/ready', status: 'True' }] },
  });
  assert.equal(renderTable('Pod', [p], NOW), 'NAME   READY   STATUS    RESTARTS   AGE\nweb    0/1     Running   0          30m\n');
  assert.equal(wide('Pod', [p]), 'NAME   READY   STATUS    RESTARTS   AGE   IP         NODE     NOMINATED NODE   READINESS GATES\n' +
    'web    0/1     Running   0          30m   10.0.0.5   node01   <none>           1/2\n');
  assert.equal(wide('Pod', [obj('Pod', 'p', { spec: { containers: [] }, status: { phase: 'Pending' } })]).split('\n')[1], 'p      0/0     Pending   0          30m   <none>   <none>   <none>           <none>');
});

test('replicasets and replicationcontrollers: DESIRED CURRENT READY, wide CONTAINERS IMAGES SELECTOR', () => {
  const rs = obj('ReplicaSet', 'rs', { spec: { replicas: 3, selector: { matchLabels: { app: 'x' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }] }, template },
    status: { replicas: 2, readyReplicas: 1 } });
  assert.equal(wide('ReplicaSet', [rs]), 'NAME   DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES            SELECTOR\n' +
    'rs     3         2         1       30m   a,b          nginx:1,busybox   app=x,tier in (a,b)\n');
  const rc = obj('ReplicationController', 'rc', { spec: { replicas: 1, selector: { b: '2', a: '1' }, template }, status: { replicas: 1 } });
  assert.equal(wide('ReplicationController', [rc]).split('\n')[1], 'rc     1         1         0       30m   a,b          nginx:1,busybox   a=1,b=2');
});

test('deployments: READY ready/desired, UP-TO-DATE, AVAILABLE, wide selector string', () => {
  const d = obj('Deployment', 'web', { spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template }, status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 } });
  assert.equal(wide('Deployment', [d]), 'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES            SELECTOR\n' +
    'web    2/3     3            2           30m   a,b          nginx:1,busybox   app=web\n');
  const bad = obj('Deployment', 'bad', { spec: { selector: { matchExpressions: [{ key: 'k', operator: 'Foo' }] }, template }, status: {} });
  assert.match(wide('Deployment', [bad]), /<invalid>\n$/);
});

test('daemonsets, statefulsets', () => {
  const ds = obj('DaemonSet', 'ds', { spec: { selector: { matchLabels: { app: 'ds' } }, template: { spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [{ name: 'f', image: 'fluentd' }] } } },
    status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 } });
  assert.equal(wide('DaemonSet', [ds]), 'NAME   DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE   CONTAINERS   IMAGES    SELECTOR\n' +
    'ds     3         3         2       3            2           kubernetes.io/os=linux   30m   f            fluentd   app=ds\n');
  const sts = obj('StatefulSet', 'db', { spec: { replicas: 2, template }, status: { readyReplicas: 1 } });
  assert.equal(wide('StatefulSet', [sts]), 'NAME   READY   AGE   CONTAINERS   IMAGES\ndb     1/2     30m   a,b          nginx:1,busybox\n');
});

test('jobs: STATUS precedence, COMPLETIONS forms, DURATION running and finished', () => {
  const job = (name: string, spec: Record<string, unknown>, status: Record<string, unknown>, m = {}) => obj('Job', name, { spec: { template, ...spec }, status }, m);
  const rows = renderTable('Job', [
    job('done', { completions: 1 }, { succeeded: 1, startTime: '2025-01-01T00:30:00Z', completionTime: '2025-01-01T00:30:42Z', conditions: [{ type: 'Complete', status: 'True' }] }),
    job('running', { parallelism: 3 }, { startTime: '2025-01-01T00:50:00Z' }),
    job('failed', { completions: 2 }, { failed: 1, conditions: [{ type: 'FailureTarget', status: 'True' }, { type: 'Failed', status: 'True' }] }),
    job('deleting', {}, {}, { deletionTimestamp: '2025-01-01T00:59:00Z' }),
    job('suspended', { parallelism: 1 }, { conditions: [{ type: 'Suspended', status: 'True' }] }),
  ], NOW);
  assert.equal(rows, 'NAME        STATUS        COMPLETIONS   DURATION   AGE\n' +
    'done        Complete      1/1           42s        30m\n' +
    'running     Running       0/1 of 3      10m        30m\n' +
    'failed      Failed        0/2                      30m\n' +
    'deleting    Terminating   0/1                      30m\n' +
    'suspended   Suspended     0/1                      30m\n');
});

test('cronjobs: SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE', () => {
  const cj = obj('CronJob', 'hello', { spec: { schedule: '*/5 * * * *', suspend: false, jobTemplate: { spec: { template } } }, status: { active: [{ name: 'j' }], lastScheduleTime: '2025-01-01T00:55:00Z' } });
  const unset = obj('CronJob', 'tz', { spec: { schedule: '@hourly', timeZone: 'Europe/Paris', jobTemplate: { spec: { template } } }, status: {} });
  assert.equal(wide('CronJob', [cj, unset]), 'NAME    SCHEDULE      TIMEZONE       SUSPEND   ACTIVE   LAST SCHEDULE   AGE   CONTAINERS   IMAGES            SELECTOR\n' +
    'hello   */5 * * * *   <none>         False     1        5m              30m   a,b          nginx:1,busybox   <none>\n' +
    'tz      @hourly       Europe/Paris   <unset>   0        <none>          30m   a,b          nginx:1,busybox   <none>\n');
});

test('services: CLUSTER-IP, EXTERNAL-IP per type, PORT(S) with node ports', () => {
  const svc = (name: string, spec: Record<string, unknown>, status: Record<string, unknown> = {}) => obj('Service', name, { spec, status });
  const out = wide('Service', [
    svc('web', { type: 'ClusterIP', clusterIPs: ['10.96.0.10'], ports: [{ port: 80, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }], selector: { app: 'web' } }),
    svc('np', { type: 'NodePort', clusterIPs: ['10.96.0.11'], externalIPs: ['1.2.3.4'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] }),
    svc('lb', { type: 'LoadBalancer', clusterIPs: ['10.96.0.12'], ports: [{ port: 443, nodePort: 30443, protocol: 'TCP' }] }, { loadBalancer: { ingress: [{ ip: '203.0.113.9' }] } }),
    svc('pending', { type: 'LoadBalancer', clusterIPs: ['10.96.0.13'], ports: [] }),
    svc('ext', { type: 'ExternalName', externalName: 'example.com' }),
  ]);
  assert.equal(out, 'NAME      TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)         AGE   SELECTOR\n' +
    'web       ClusterIP      10.96.0.10   <none>        80/TCP,53/UDP   30m   app=web\n' +
    'np        NodePort       10.96.0.11   1.2.3.4       80:30080/TCP    30m   <none>\n' +
    'lb        LoadBalancer   10.96.0.12   203.0.113.9   443:30443/TCP   30m   <none>\n' +
    'pending   LoadBalancer   10.96.0.13   <pending>     <none>          30m   <none>\n' +
    'ext       ExternalName   <none>       example.com   <none>          30m   <none>\n');
});

test('endpoints: up to three addresses, then "+ N more..."', () => {
  const ep = obj('Endpoints', 'web', { subsets: [{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], ports: [{ port: 80 }, { port: 443 }] }] });
  assert.equal(renderTable('Endpoints', [ep, obj('Endpoints', 'none', {})], NOW),
    'NAME   ENDPOINTS                                          AGE\nweb    10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...   30m\nnone   <none>                                             30m\n');
});

test('nodes: STATUS from the Ready condition plus SchedulingDisabled, ROLES from labels', () => {
  const node = (name: string, ready: string | undefined, extra: Record<string, unknown> = {}, labels: Record<string, string> = {}) =>
    obj('Node', name, { spec: extra, status: { conditions: ready ? [{ type: 'Ready', status: ready }] : [], nodeInfo: { kubeletVersion: 'v1.32.0', osImage: 'Ubuntu' }, addresses: [{ type: 'InternalIP', address: '10.0.0.1' }] } },
      { namespace: undefined, labels });
  const out = wide('Node', [
    node('a', 'True', {}, { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'etcd' }),
    node('b', 'False', { unschedulable: true }),
    node('c', undefined),
  ]);
  assert.equal(out, 'NAME   STATUS                        ROLES                AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE   KERNEL-VERSION   CONTAINER-RUNTIME\n' +
    'a      Ready                         control-plane,etcd   30m   v1.32.0   10.0.0.1      <none>        Ubuntu     <unknown>        <unknown>\n' +
    'b      NotReady,SchedulingDisabled   <none>               30m   v1.32.0   10.0.0.1      <none>        Ubuntu     <unknown>        <unknown>\n' +
    'c      Unknown                       <none>               30m   v1.32.0   10.0.0.1      <none>        Ubuntu     <unknown>        <unknown>\n');
});

test('events: LAST SEEN TYPE REASON OBJECT MESSAGE, wide SUBOBJECT SOURCE FIRST SEEN COUNT NAME', () => {
  const ev = obj('Event', 'web.17a', { involvedObject: { kind: 'Pod', name: 'web', fieldPath: 'spec.containers{a}' }, reason: 'BackOff', type: 'Warning',
    message: ' Back-off restarting failed container \n', source: { component: 'kubelet', host: 'node01' }, count: 5,
    firstTimestamp: '2025-01-01T00:40:00Z', lastTimestamp: '2025-01-01T00:58:00Z' });
  const single = obj('Event', 'ns.17b', { involvedObject: { kind: 'Namespace' }, reason: 'X', type: 'Normal', message: 'm', reportingComponent: 'ctl', eventTime: '2025-01-01T00:59:30.000000Z' });
  assert.equal(wide('Event', [ev, single]),
    'LAST SEEN   TYPE      REASON    OBJECT      SUBOBJECT            SOURCE            MESSAGE                                FIRST SEEN   COUNT   NAME\n' +
    '2m          Warning   BackOff   pod/web     spec.containers{a}   kubelet, node01   Back-off restarting failed container   20m          5       web.17a\n' +
    '30s         Normal    X         namespace                        ctl               m                                      30s          1       ns.17b\n');
});

test('namespaces, configmaps, secrets, leases, poddisruptionbudgets, controllerrevisions', () => {
  assert.equal(renderTable('Namespace', [obj('Namespace', 'dev', { status: { phase: 'Terminating' } })], NOW), 'NAME   STATUS        AGE\ndev    Terminating   30m\n');
  assert.equal(renderTable('ConfigMap', [obj('ConfigMap', 'c', { data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } })], NOW), 'NAME   DATA   AGE\nc      3      30m\n');
  assert.equal(renderTable('Secret', [obj('Secret', 's', { type: 'Opaque', data: { a: 'MQ==' } })], NOW), 'NAME   TYPE     DATA   AGE\ns      Opaque   1      30m\n');
  assert.equal(renderTable('Lease', [obj('Lease', 'node01', { spec: { holderIdentity: 'node01' } })], NOW), 'NAME     HOLDER   AGE\nnode01   node01   30m\n');
  assert.equal(renderTable('PodDisruptionBudget', [obj('PodDisruptionBudget', 'pdb', { spec: { minAvailable: '50%' }, status: { disruptionsAllowed: 1 } })], NOW),
    'NAME   MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\npdb    50%             N/A               1                     30m\n');
  const cr = obj('ControllerRevision', 'ds-7b9', { revision: 2 }, { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ds', uid: 'u', controller: true }] });
  assert.equal(renderTable('ControllerRevision', [cr], NOW), 'NAME     CONTROLLER          REVISION   AGE\nds-7b9   daemonset.apps/ds   2          30m\n');
});

test('persistentvolumeclaims: capacity and access modes only once bound', () => {
  const bound = obj('PersistentVolumeClaim', 'data', { spec: { volumeName: 'pv-1', storageClassName: 'standard', volumeMode: 'Filesystem' },
    status: { phase: 'Bound', capacity: { storage: '1024Mi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce'] } });
  const pending = obj('PersistentVolumeClaim', 'new', { spec: { resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' } });
  assert.equal(wide('PersistentVolumeClaim', [bound, pending]),
    'NAME   STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE   VOLUMEMODE\n' +
    'data   Bound     pv-1     1Gi        RWO,RWX        standard       <unset>                 30m   Filesystem\n' +
    'new    Pending                                                     <unset>                 30m   <unset>\n');
});

test('decoration: NAMESPACE first, kind prefix on the name column, -L columns and LABELS last, cells cut at a newline', () => {
  const cm = obj('ConfigMap', 'c', { data: {} }, { labels: { app: 'web', 'app.kubernetes.io/name': 'x' } });
  assert.equal(renderTable('ConfigMap', [cm], NOW, { withNamespace: true, kindPrefix: 'configmap', columnLabels: ['app.kubernetes.io/name', 'missing'], showLabels: true }),
    'NAMESPACE   NAME          DATA   AGE   NAME   MISSING   LABELS\ndefault     configmap/c   0      30m   x                app.kubernetes.io/name=x,app=web\n');
  const ev = obj('Event', 'e', { involvedObject: { kind: 'Pod', name: 'p' }, message: 'first line\nsecond', lastTimestamp: '2025-01-01T00:59:00Z' });
  assert.match(renderTable('Event', [ev], NOW), /first line\.\.\.\n$/);
  assert.equal(renderTable('Pod', [], NOW), '');
});

test('kinds without a printer get NAME and AGE', () => {
  assert.equal(renderTable('Widget', [obj('Widget', 'w', {})], NOW), 'NAME   AGE\nw      30m\n');
});
