// Faults in what a node runs, applied by wrappers around each kubelet's container runtime, prober
// and image puller: containers that die (an exit code, the OOM killer), probes that fail, images
// that cannot be pulled. The kubelet's own logic never learns a fault exists; it sees a process that
// exited, a probe that answered 503, a registry that says "not found" — and reacts as upstream does.
import type { Cluster } from '../cluster/cluster';
import type { Store } from '../api/store';
import type { Container, Probe, Stored } from '../api/objects';
import { controllerRef } from '../api/objects';
import type { ContainerInstance } from '../kubelet/runtime';
import type { ProbeInterceptor } from '../kubelet/probes';
import { resolvePort, type ProbeType } from '../kubelet/prober';
import { familiarImage, qualifiedImage } from '../kubelet/image_catalogue';

/** The pods a fault hits: one pod, or the pods a workload controls (directly or through its ReplicaSets or Jobs). */
export interface PodTarget {
  kind: string;
  namespace: string;
  name: string;
  /** Only this container (default: every container of the pod). */
  container?: string;
}

export function describeTarget(t: PodTarget): string {
  const what = t.kind === 'Pod' ? `pod ${t.namespace}/${t.name}` : `pods of ${t.kind.toLowerCase()} ${t.namespace}/${t.name}`;
  return t.container === undefined ? what : `container ${t.container} of ${what}`;
}

/** Whether a pod uid belongs to the target, read from the store when asked (pods come and go during a fault). */
export function podMatcher(store: Store, t: PodTarget): (podUid: string) => boolean {
  return uid => {
    let obj: Stored | undefined = store.byUid(uid);
    if (!obj || obj.kind !== 'Pod' || obj.metadata.namespace !== t.namespace) return false;
    if (t.kind === 'Pod') return obj.metadata.name === t.name;
    // Pod → ReplicaSet/Job → Deployment/CronJob: at most two controller hops.
    for (let hop = 0; hop < 2; hop++) {
      const ref = controllerRef(obj);
      if (!ref) return false;
      if (ref.kind === t.kind && ref.name === t.name) return true;
      obj = store.byUid(ref.uid);
      if (!obj) return false;
    }
    return false;
  };
}

const containerMatches = (t: PodTarget, inst: ContainerInstance): boolean => t.container === undefined || inst.name === t.container;

/**
 * Kills the target's running containers now (exit code and containerd's reason) and, until the
 * returned undo runs, every instance of them that starts afterwards, delayMs after its start.
 */
export function killContainers(cluster: Cluster, t: PodTarget, code: number, reason: string, delayOf: (inst: ContainerInstance) => number): () => void {
  const matches = podMatcher(cluster.store, t);
  const undos: (() => void)[] = [];
  for (const node of cluster.nodeNames) {
    const runtime = cluster.kubelet(node).runtime;
    for (const uid of runtime.podUids()) {
      if (!matches(uid)) continue;
      for (const inst of runtime.pod(uid)?.containers ?? []) {
        if (inst.state === 'running' && containerMatches(t, inst)) runtime.terminate(uid, inst, code, reason);
      }
    }
    const hook = (uid: string, inst: ContainerInstance): void => {
      if (containerMatches(t, inst) && matches(uid)) runtime.terminate(uid, inst, code, reason, delayOf(inst));
    };
    runtime.startHooks.push(hook);
    undos.push(() => { const i = runtime.startHooks.indexOf(hook); if (i >= 0) runtime.startHooks.splice(i, 1); });
  }
  return () => { for (const undo of undos) undo(); };
}

/**
 * What a probe reports when the application stops answering: an HTTP 503, a refused TCP connection,
 * an exec command that exits 1 without output — in the words of pkg/probe/http/http.go, tcp/tcp.go
 * and exec/exec.go (an exec failure's message is the command's output, here empty).
 */
function failedOutcome(probe: Probe, container: Container, podIP: string): { success: false; output: string } {
  if (probe.httpGet) return { success: false, output: 'HTTP probe failed with statuscode: 503' };
  if (probe.exec) return { success: false, output: '' };
  const port = probe.tcpSocket ? resolvePort(probe.tcpSocket.port, container) : probe.grpc?.port;
  const host = probe.tcpSocket?.host || podIP;
  return { success: false, output: `dial tcp ${host}:${port}: connect: connection refused` };
}

/** Every probe of this type on the target fails until the returned undo runs. */
export function failProbes(cluster: Cluster, t: PodTarget, type: ProbeType): () => void {
  const matches = podMatcher(cluster.store, t);
  const intercept: ProbeInterceptor = (pod, container, probeType, probe, podIP, outcome) =>
    probeType === type && (t.container === undefined || container.name === t.container) && matches(pod.metadata.uid)
      ? failedOutcome(probe, container, podIP) : outcome;
  const kubelets = cluster.nodeNames.map(n => cluster.kubelet(n));
  for (const k of kubelets) k.probeInterceptors.push(intercept);
  return () => {
    for (const k of kubelets) { const i = k.probeInterceptors.indexOf(intercept); if (i >= 0) k.probeInterceptors.splice(i, 1); }
  };
}

/** containerd's error for a tag the registry does not have (yet): the text kubelet puts in ErrImagePull. */
export function imageNotFound(image: string): string {
  const q = qualifiedImage(image);
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${q}": failed to resolve reference "${q}": ${q}: not found`;
}

/** Every pull of the image on every node fails (the registry answers "not found") until the returned undo runs. */
export function failPulls(cluster: Cluster, image: string): () => void {
  const wanted = familiarImage(image);
  const intercept = (pulled: string): string | undefined => (familiarImage(pulled) === wanted ? imageNotFound(pulled) : undefined);
  const managers = cluster.nodeNames.map(n => cluster.kubelet(n).images);
  for (const m of managers) m.pullInterceptors.push(intercept);
  return () => {
    for (const m of managers) { const i = m.pullInterceptors.indexOf(intercept); if (i >= 0) m.pullInterceptors.splice(i, 1); }
  };
}
