// Fault steps: each plans one fault of src/faults (a record plus the wrapper that applies it) for an
// instant counted from the scenario start — `at T`, `from T for D` (healed after D), or an instant the
// seed draws between two bounds — so a scenario declares every failure it lives through.
import { defineStep } from './support/catalog';
import type { KukumberWorld } from './support/world';
import { faultWindow, type FaultTime } from './support/fault_time';
import { scheduleAt } from './support/scheduling';
import type { ObjectRef } from '../src/check/refs';
import type { Cluster } from '../src/cluster/cluster';
import type { PodTarget } from '../src/faults/faults';
import type { Verb } from '../src/api/apiserver';
import { resourceForName } from '../src/api/resources';

const POD_OWNERS = new Set(['Pod', 'ReplicaSet', 'Deployment', 'ReplicationController', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);
const VERBS: Verb[] = ['get', 'list', 'create', 'update', 'updateStatus', 'delete', 'bind'];
const PROBES = ['liveness', 'readiness', 'startup'] as const;

function podTarget(ref: ObjectRef, container?: string): PodTarget {
  if (!POD_OWNERS.has(ref.kind)) throw new Error(`${ref.kind} ${ref.name} runs no pods (name a pod or a workload: ${[...POD_OWNERS].join(', ')})`);
  return { kind: ref.kind, namespace: ref.namespace, name: ref.name, container };
}

function kindOf(name: string): string {
  const info = resourceForName(name);
  if (!info) throw new Error(`error: the server doesn't have a resource type "${name}"`);
  return info.kind;
}

function verbOf(name: string): Verb {
  if (!(VERBS as string[]).includes(name)) throw new Error(`unknown verb ${name} (verbs: ${VERBS.join(', ')})`);
  return name as Verb;
}

/** `app=web-x,tier=front` → labels; one clear line for anything else. */
function parseLabelPairs(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const m = /^\s*([^=\s]+)=([^=\s]*)\s*$/.exec(pair);
    if (!m) throw new Error(`"${text}": write labels as key=value pairs separated by commas (app=web-x,tier=front)`);
    labels[m[1]!] = m[2]!;
  }
  return labels;
}

function share(percent: number): number {
  if (percent < 0 || percent > 100) throw new Error(`${percent}%: a share of requests is between 0% and 100%`);
  return percent / 100;
}

/** Plans a fault through the World, so a replay plans it again (and draws the same instant). */
function plan(world: KukumberWorld, when: FaultTime, fault: (c: Cluster, window: ReturnType<typeof faultWindow>) => unknown): void {
  world.perform(c => { fault(c, faultWindow(c, when)); });
}

// Nodes and their kubelets.

defineStep('Given', 'I crash node {string} {faultTime}', {
  domain: 'faults', example: 'I crash node "node01" from 30s for 2m',
  doc: 'The node goes down: kubelet, containers and heartbeats stop. With `for D` it boots again after D: the kubelet starts with empty memory and restarts its pods\' containers.',
}, function (this: KukumberWorld, node: string, when: FaultTime) {
  plan(this, when, (c, w) => c.faults.nodeCrash(node, w));
});

defineStep('Given', 'I partition node {string} off the network {faultTime}', {
  domain: 'faults', example: 'I partition node "node01" off the network from 30s for 2m',
  doc: 'The node\'s kubelet cannot reach the API server (its containers keep running); when the partition heals it relists its pods and reports again.',
}, function (this: KukumberWorld, node: string, when: FaultTime) {
  plan(this, when, (c, w) => c.faults.nodePartition(node, w));
});

defineStep('Given', 'I stop the kubelet on node {string} {faultTime}', {
  domain: 'faults', example: 'I stop the kubelet on node "node01" from 30s for 1m',
  doc: 'The kubelet process is down (containers keep running, no status, no heartbeats); with `for D` it starts again with empty memory.',
}, function (this: KukumberWorld, node: string, when: FaultTime) {
  plan(this, when, (c, w) => c.faults.kubeletDown(node, w));
});

defineStep('Given', 'I restart the kubelet on node {string} {instant}', {
  domain: 'faults', example: 'I restart the kubelet on node "node01" at 30s',
  doc: 'The kubelet restarts at once: containers keep running, but probe results, back-offs and caches start from nothing.',
}, function (this: KukumberWorld, node: string, when: FaultTime) {
  plan(this, when, (c, w) => c.faults.kubeletRestart(node, w));
});

// Containers, probes and images (wrappers around each kubelet's runtime, prober and image puller).

defineStep('Given', 'I crash container {string} of {ref} with exit code {int} {faultTime}', {
  domain: 'faults', example: 'I crash container "app" of pod "web" with exit code 1 at 30s',
  doc: '`at T`: the running container exits once with the code (reason Error; Completed for 0). `from T for D`: it exits, and every restart within the window exits at once too (CrashLoopBackOff). A workload means each of its pods.',
}, function (this: KukumberWorld, container: string, ref: ObjectRef, code: number, when: FaultTime) {
  plan(this, when, (c, w) => c.faults.containerCrash(podTarget(ref, container), code, w));
});

defineStep('Given', 'I OOM-kill container {string} of {ref} {faultTime}', {
  domain: 'faults', example: 'I OOM-kill container "app" of deployment "web" at 30s',
  doc: '`at T`: the OOM killer ends the running container (exit 137, reason OOMKilled). `from T for D`: every restart within the window is killed too, once its working set is reached (the image\'s oomAfter, 1s by default).',
}, function (this: KukumberWorld, container: string, ref: ObjectRef, when: FaultTime) {
  plan(this, when, (c, w) => c.faults.oomKill(podTarget(ref, container), w));
});

defineStep('Given', 'I fail the {word} probes of {ref} {faultTime}', {
  domain: 'faults', example: 'I fail the readiness probes of pod "web" from 30s for 1m',
  doc: 'Every liveness, readiness or startup probe of the pods fails (an HTTP 503, a refused TCP connection, an exec exit code 1) whatever the image would answer; thresholds and periods apply as usual.',
}, function (this: KukumberWorld, type: string, ref: ObjectRef, when: FaultTime) {
  if (!(PROBES as readonly string[]).includes(type)) throw new Error(`unknown probe type ${type} (types: ${PROBES.join(', ')})`);
  plan(this, when, (c, w) => c.faults.probeFailures(podTarget(ref), type as typeof PROBES[number], w));
});

defineStep('Given', 'I make pulls of image {string} fail {faultTime}', {
  domain: 'faults', example: 'I make pulls of image "nginx:1.28" fail from 0s for 1m',
  doc: 'Every node\'s pulls of the image fail (the registry answers "not found"): ErrImagePull, then ImagePullBackOff; afterwards the next pull succeeds. A node that already has the image does not pull it (pull policy IfNotPresent).',
}, function (this: KukumberWorld, image: string, when: FaultTime) {
  plan(this, when, (c, w) => c.faults.imagePullFailures(image, w));
});

// Control plane.

defineStep('Given', 'I stop kube-scheduler {faultTime}', {
  domain: 'faults', example: 'I stop kube-scheduler from 0s for 30s',
  doc: 'No pod gets bound while kube-scheduler is down; back up, it schedules the pending pods.',
}, function (this: KukumberWorld, when: FaultTime) {
  plan(this, when, (c, w) => c.faults.schedulerDown(w));
});

defineStep('Given', 'I stop kube-controller-manager {faultTime}', {
  domain: 'faults', example: 'I stop kube-controller-manager from 10s for 1m',
  doc: 'No controller reconciles; back up, kube-controller-manager starts with empty caches and queues and catches up.',
}, function (this: KukumberWorld, when: FaultTime) {
  plan(this, when, (c, w) => c.faults.controllerManagerDown(w));
});

defineStep('Given', 'I restart kube-controller-manager {instant}', {
  domain: 'faults', example: 'I restart kube-controller-manager at 30s',
  doc: 'kube-controller-manager restarts at once, losing its in-memory state (caches, queues, expectations).',
}, function (this: KukumberWorld, when: FaultTime) {
  plan(this, when, (c, w) => c.faults.controllerManagerRestart(w));
});

defineStep('Given', 'I make {int}% of {word} {word} requests fail with {int} {faultTime}', {
  domain: 'faults', example: 'I make 50% of create pod requests fail with 500 from 10s for 30s',
  doc: 'The API server answers that share of the requests of a verb and kind with the error (500, 429, 503, 504, 409), in the API\'s words; which requests fail is drawn from the seed.',
}, function (this: KukumberWorld, percent: number, verb: string, kind: string, code: number, when: FaultTime) {
  plan(this, when, (c, w) => c.faults.apiErrors({ verb: verbOf(verb), kind: kindOf(kind), fraction: share(percent) }, code, w));
});

defineStep('Given', 'I slow {int}% of {word} {word} requests by {duration} {faultTime}', {
  domain: 'faults', example: 'I slow 100% of create pod requests by 2s from 0s for 1m',
  doc: 'That share of the requests takes the extra time: the caller waits, and watchers hear of the write that much later.',
}, function (this: KukumberWorld, percent: number, verb: string, kind: string, latencyMs: number, when: FaultTime) {
  plan(this, when, (c, w) => c.faults.apiLatency({ verb: verbOf(verb), kind: kindOf(kind), fraction: share(percent) }, latencyMs, w));
});

defineStep('Given', 'I delay watch events to {string} by {duration} {faultTime}', {
  domain: 'faults', example: 'I delay watch events to "kube-controller-manager" by 5s from 0s for 1m',
  doc: 'Every watch event the component (kube-controller-manager, kube-scheduler, kubelet/<node>) receives arrives that much later, in order.',
}, function (this: KukumberWorld, watcher: string, delayMs: number, when: FaultTime) {
  plan(this, when, (c, w) => c.faults.watchDelay(watcher, delayMs, w));
});

defineStep('Given', 'I drop the watches of {string} {faultTime}', {
  domain: 'faults', example: 'I drop the watches of "kube-controller-manager" at 30s',
  doc: 'The component\'s watches break; what changes in the gap (1s, or D with `for D`) goes unseen until it lists again and catches up.',
}, function (this: KukumberWorld, watcher: string, when: FaultTime) {
  plan(this, when, (c, w) => c.faults.dropWatches(watcher, w));
});

defineStep('Given', 'I install a webhook {string} that rewrites the labels of new {word} to {string} {faultTime}', {
  domain: 'faults', example: 'I install a webhook "relabel.example.com" that rewrites the labels of new pods to "app=web-x" at 0s',
  doc: 'A mutating admission webhook replaces the labels of every object of that kind created while it is installed — the classic cause of endless creation.',
}, function (this: KukumberWorld, name: string, kind: string, labels: string, when: FaultTime) {
  plan(this, when, (c, w) => c.faults.relabelWebhook(name, [kindOf(kind)], parseLabelPairs(labels), w));
});

defineStep('Given', 'I switch off validation {faultTime}', {
  domain: 'faults', example: 'I switch off validation from 0s for 1m',
  doc: 'The API server stores objects its validation would reject (a bypassed or broken validating webhook).',
}, function (this: KukumberWorld, when: FaultTime) {
  plan(this, when, (c, w) => c.faults.validationOff(w));
});

defineStep('Given', 'I heal every fault {instant}', {
  domain: 'faults', example: 'I heal every fault at 2m',
  doc: 'Heals the faults that have started by then and are not healed yet (faults planned for later still happen).',
}, function (this: KukumberWorld, when: FaultTime) {
  this.perform(c => {
    const { atMs } = faultWindow(c, when);
    scheduleAt(c, atMs, `I heal every fault ${when.text}`, () => c.faults.healStarted());
  });
});
