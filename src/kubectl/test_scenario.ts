// A small cluster for kubectl's unit tests, built by hand through the API server (no controllers or
// kubelets run): the seed ReplicaSet with two running pods and their events, a crash-looping pod, a
// pod stuck initializing, a Deployment with its ReplicaSet, a node with its Lease, and one object of
// most other kinds. The clock ends at 00:11:56 on the simulation's first day.
import { garbageCollectorController } from '../controllers/garbage_collector';
import { WITHOUT_NODES } from '../cluster/testing';
import { Cluster } from '../cluster/cluster';
import { toRfc3339 } from '../sim/time';

export function buildScenario(): Cluster {
  // Objects and statuses are written by hand, so only the garbage collector runs.
  const c = new Cluster({ ...WITHOUT_NODES, controllers: [garbageCollectorController] });
  const api = c.api; const ctx = { actor: 'test' };
  const t = (ms: number) => toRfc3339(ms);
  const rs = api.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'replicaset-demo' }, spec: { minReadySeconds: 3, replicas: 2, selector: { matchLabels: { app: 'demoapp', release: 'stable', version: 'v1.0' } }, template: { metadata: { labels: { app: 'demoapp', release: 'stable', version: 'v1.0' } }, spec: { containers: [{ name: 'demoapp', image: 'ikubernetes/demoapp:v1.0', ports: [{ name: 'http', containerPort: 80 }], livenessProbe: { httpGet: { path: '/livez', port: 80 }, initialDelaySeconds: 5 }, readinessProbe: { httpGet: { path: '/readyz', port: 80 }, initialDelaySeconds: 15 } }] } } } } as any, ctx);
  const rsRec = c.recorder('replicaset-controller');
  const node = api.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01', labels: { 'kubernetes.io/hostname': 'node01', 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/control-plane': '' } }, spec: { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }, { key: 'a', value: 'b', effect: 'NoExecute' }] },
    status: { capacity: { cpu: '4', memory: '8148508Ki', pods: '110', 'ephemeral-storage': '61202244Ki' }, allocatable: { cpu: '3800m', memory: '7946Mi', pods: '110', 'ephemeral-storage': '56403987978' },
      conditions: [{ type: 'MemoryPressure', status: 'False', lastHeartbeatTime: t(0), lastTransitionTime: t(0), reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' }, { type: 'Ready', status: 'True', lastHeartbeatTime: t(1000), lastTransitionTime: t(1000), reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
      addresses: [{ type: 'InternalIP', address: '10.0.0.11' }, { type: 'Hostname', address: 'node01' }],
      nodeInfo: { machineID: 'm1', systemUUID: 's1', bootID: 'b1', kernelVersion: '6.8.0', osImage: 'Ubuntu 24.04 LTS', containerRuntimeVersion: 'containerd://1.7.22', kubeletVersion: 'v1.32.0', kubeProxyVersion: 'v1.32.0', operatingSystem: 'linux', architecture: 'amd64' } } } as any, ctx);
  api.create({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node01', namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'node01', uid: node.metadata.uid }] }, spec: { holderIdentity: 'node01', leaseDurationSeconds: 40, renewTime: '2025-01-01T00:00:01.500000Z' } } as any, ctx);
  c.sim.advance(1000);
  const mkPod = (name: string) => {
    const pod = api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'demoapp', release: 'stable', version: 'v1.0' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'replicaset-demo', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }] }, spec: { ...(rs.spec as any).template.spec, nodeName: 'node01' } } as any, ctx);
    rsRec.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`);
    return pod;
  };
  const p1 = mkPod('replicaset-demo-26d2v');
  const p2 = mkPod('replicaset-demo-p82f9');
  c.sim.advance(2000);
  const kubelet = c.recorder('kubelet', 'node01');
  for (const p of [p1, p2]) {
    api.updateStatus({ ...p, status: { ...p.status, phase: 'Running', hostIP: '10.0.0.11', hostIPs: [{ ip: '10.0.0.11' }], podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }], startTime: t(1000),
      conditions: [{ type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: t(2000) }, { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: t(1000) }, { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: t(18000) }, { type: 'ContainersReady', status: 'True', lastProbeTime: null, lastTransitionTime: t(18000) }, { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: t(1000) }],
      containerStatuses: [{ name: 'demoapp', ready: true, restartCount: 0, started: true, image: 'docker.io/ikubernetes/demoapp:v1.0', imageID: 'docker.io/ikubernetes/demoapp@sha256:6698b205eb18fb0171398927f3a35fe27676c6bf5757ef57a35a4b055badf2c3', containerID: 'containerd://abc', state: { running: { startedAt: t(2000) } }, lastState: {} }] } } as any, ctx);
    kubelet.event(p, 'Normal', 'Pulled', 'Container image "ikubernetes/demoapp:v1.0" already present on machine');
    kubelet.event(p, 'Normal', 'Created', 'Created container demoapp');
    kubelet.event(p, 'Normal', 'Started', 'Started container demoapp');
  }
  c.sim.advance(30_000);
  for (let i = 0; i < 3; i++) { kubelet.event(p1, 'Warning', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503'); c.sim.advance(10_000); }
  // a crash-looping bare pod
  const crash = api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crasher', labels: { run: 'crasher' } }, spec: { nodeName: 'node01', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'exit 1'], resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '0.5', memory: '128Mi' } }, env: [{ name: 'A', value: 'x\ny' }, { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }] }], tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }, { operator: 'Exists' }] } } as any, ctx);
  c.sim.advance(5000);
  api.updateStatus({ ...crash, status: { ...crash.status, phase: 'Running', hostIP: '10.0.0.11', podIP: '10.244.1.9', podIPs: [{ ip: '10.244.1.9' }], startTime: t(c.sim.nowMs - 5000),
    conditions: [{ type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: t(c.sim.nowMs), reason: 'ContainersNotReady', message: 'containers with unready status: [c]' }],
    containerStatuses: [{ name: 'c', ready: false, restartCount: 4, started: false, image: 'docker.io/library/busybox:latest', imageID: 'docker.io/library/busybox@sha256:abc', containerID: 'containerd://def', state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=c' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: t(c.sim.nowMs - 4000), finishedAt: t(c.sim.nowMs - 3000), containerID: 'containerd://old' } } }] } } as any, ctx);
  // init pod
  api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'initpod' }, spec: { initContainers: [{ name: 'init', image: 'busybox' }], containers: [{ name: 'main', image: 'nginx' }], volumes: [{ name: 'data', emptyDir: {} }, { name: 'cfg', configMap: { name: 'settings' } }] } } as any, ctx);
  // deployment + its rs
  const d = api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { app: 'web' } }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } } as any, ctx);
  api.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-6c8b7d5f4', labels: { app: 'web', 'pod-template-hash': '6c8b7d5f4' }, annotations: { 'deployment.kubernetes.io/revision': '1' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }] }, spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '6c8b7d5f4' } }, template: { metadata: { labels: { app: 'web', 'pod-template-hash': '6c8b7d5f4' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } } as any, ctx);
  c.recorder('deployment-controller').event(d, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set web-6c8b7d5f4 from 0 to 3');
  api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }], clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' } } as any, ctx);
  api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { 'b.conf': 'x=1\ny=2\n', a: 'hello' } } as any, ctx);
  api.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, data: { password: 'c2VjcmV0', user: 'YWRtaW4=' } } as any, ctx);
  api.create({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } } } as any, ctx);
  api.create({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello' }, spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'hello', image: 'busybox' }] } } } } } } as any, ctx);
  api.create({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'fluentd' }, spec: { selector: { matchLabels: { app: 'fluentd' } }, template: { metadata: { labels: { app: 'fluentd' } }, spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [{ name: 'f', image: 'fluentd' }] } } } } as any, ctx);
  // The API model does not yet let container mounts name volumeClaimTemplates; real API servers do.
  api.validation = false;
  api.create({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName: 'db', replicas: 2, selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'pg', image: 'postgres', volumeMounts: [{ name: 'data', mountPath: '/var/lib/pg' }] }] } }, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] } } as any, ctx);
  api.validation = true;
  c.sim.advance(11 * 60_000 + 17_000);
  return c;
}

/**
 * The scenario above plus a rolled-out Deployment (old and new ReplicaSet, conditions), an
 * unschedulable pod using most container and volume features, a finished Job, a CronJob with
 * active Jobs, a NodePort Service with Endpoints and a second, cordoned node. Ends at 00:13:26.
 */
export function buildRichScenario(): Cluster {
  const c = buildScenario();
  const api = c.api; const ctx = { actor: 'test' }; const now = c.sim.nowMs; const t = (ms: number) => toRfc3339(ms);
  const tmpl = (img: string, hash?: string) => ({ metadata: { labels: { app: 'web2', ...(hash ? { 'pod-template-hash': hash } : {}) } }, spec: { containers: [{ name: 'nginx', image: img }] } });
  const d = api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web2', annotations: { 'deployment.kubernetes.io/revision': '2', 'kubernetes.io/change-cause': 'kubectl set image deployment/web2 nginx=nginx:1.27' } }, spec: { replicas: 3, minReadySeconds: 5, selector: { matchLabels: { app: 'web2' } }, template: tmpl('nginx:1.27') } } as any, ctx);
  api.updateStatus({ ...d, status: { observedGeneration: 1, replicas: 4, updatedReplicas: 2, readyReplicas: 3, availableReplicas: 3, unavailableReplicas: 1, conditions: [
    { type: 'Available', status: 'True', lastUpdateTime: t(now), lastTransitionTime: t(now), reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
    { type: 'Progressing', status: 'True', lastUpdateTime: t(now), lastTransitionTime: t(now), reason: 'ReplicaSetUpdated', message: 'ReplicaSet "web2-b" is progressing.' }] } } as any, ctx);
  const own = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web2', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }];
  api.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web2-a', labels: { app: 'web2', 'pod-template-hash': 'a' }, ownerReferences: own }, spec: { replicas: 2, selector: { matchLabels: { app: 'web2', 'pod-template-hash': 'a' } }, template: tmpl('nginx:1.26', 'a') } } as any, ctx);
  c.sim.advance(1000);
  api.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web2-b', labels: { app: 'web2', 'pod-template-hash': 'b' }, ownerReferences: own }, spec: { replicas: 2, selector: { matchLabels: { app: 'web2', 'pod-template-hash': 'b' } }, template: tmpl('nginx:1.27', 'b') } } as any, ctx);
  const rich = api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'rich', annotations: { note: 'short', long: 'x'.repeat(150), multi: 'line one\nline two\n' } }, spec: {
    readinessGates: [{ conditionType: 'example.com/gate' }],
    initContainers: [{ name: 'setup', image: 'busybox', args: ['echo', 'hi'] }],
    containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 80 }, { containerPort: 443, hostPort: 8443 }],
      env: [{ name: 'PASS', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } }, { name: 'CFG', valueFrom: { configMapKeyRef: { name: 'settings', key: 'a', optional: true } } }, { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory' } } }],
      envFrom: [{ configMapRef: { name: 'settings' } }, { prefix: 'S_', secretRef: { name: 'creds', optional: false } }],
      livenessProbe: { exec: { command: ['cat', '/tmp/ok'] } }, startupProbe: { tcpSocket: { port: 'http' }, failureThreshold: 30 },
      volumeMounts: [{ name: 'data', mountPath: '/data', subPath: 'x' }, { name: 'host', mountPath: '/host', readOnly: true }] }],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'claim' } }, { name: 'host', hostPath: { path: '/var/log' } }, { name: 's', secret: { secretName: 'creds' } }, { name: 'dapi', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } }, { name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } }],
    nodeSelector: { disk: 'ssd' } } } as any, ctx);
  api.updateStatus({ ...rich, status: { ...rich.status, phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: t(now), reason: 'Unschedulable', message: '0/1 nodes are available' }] } } as any, ctx);
  c.recorder('default-scheduler').event(rich, 'Warning', 'FailedScheduling', '0/1 nodes are available: 1 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.');
  const job = api.get('Job', 'default', 'pi', ctx);
  api.updateStatus({ ...job, status: { startTime: t(now - 60000), completionTime: t(now - 15000), succeeded: 1, ready: 0, conditions: [{ type: 'Complete', status: 'True', lastProbeTime: t(now), lastTransitionTime: t(now) }] } } as any, ctx);
  const cj = api.get('CronJob', 'default', 'hello', ctx);
  api.updateStatus({ ...cj, status: { lastScheduleTime: t(now - 60000), active: [{ kind: 'Job', name: 'hello-1', namespace: 'default' }, { kind: 'Job', name: 'hello-2', namespace: 'default' }] } } as any, ctx);
  api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'np' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }, { name: 'dns', port: 53, protocol: 'UDP' }], clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.20'], externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' } } as any, ctx);
  api.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'np' }, subsets: [{ addresses: [{ ip: '10.244.1.5' }, { ip: '10.244.1.6' }], notReadyAddresses: [{ ip: '10.244.1.7' }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] }] } as any, ctx);
  api.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node02' }, spec: { unschedulable: true, podCIDR: '10.244.2.0/24', podCIDRs: ['10.244.2.0/24'] }, status: { capacity: { cpu: '2', memory: '2Gi' } } } as any, ctx);
  c.sim.advance(61_000);
  return c;
}
