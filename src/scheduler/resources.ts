// Pod and node resources as kube-scheduler counts them (pkg/scheduler/framework/types.go NodeInfo,
// k8s.io/component-helpers resource.PodRequests): a pod's request is the sum over its containers, or
// the largest init container if that is bigger, plus overhead; "non-zero" requests give a container
// without a cpu or memory request 100m and 200Mi for scoring (pkg/scheduler/util DefaultMilliCPURequest,
// DefaultMemoryRequest). Pure.
import type { Container, Node, Pod } from '../api/objects';
import { milliValue, unitValue } from '../api/quantity';

export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export interface Resources {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended and other countable resources (nvidia.com/gpu, hugepages-2Mi, …). */
  scalar: Record<string, number>;
}

export const emptyResources = (): Resources => ({ milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: {} });

// Loops here are for-in and indexed: a stored pod's maps and lists are frozen, where entries
// arrays and array iterators take a slow path, and every scheduling cycle reads them.
function addList(r: Resources, list: Record<string, string> | undefined): void {
  for (const name in list) {
    const q = list[name]!;
    if (name === 'cpu') r.milliCPU += milliValue(q);
    else if (name === 'memory') r.memory += unitValue(q);
    else if (name === 'ephemeral-storage') r.ephemeralStorage += unitValue(q);
    else if (name !== 'pods') r.scalar[name] = (r.scalar[name] ?? 0) + unitValue(q);
  }
}

function maxInto(r: Resources, o: Resources): void {
  r.milliCPU = Math.max(r.milliCPU, o.milliCPU);
  r.memory = Math.max(r.memory, o.memory);
  r.ephemeralStorage = Math.max(r.ephemeralStorage, o.ephemeralStorage);
  for (const k in o.scalar) r.scalar[k] = Math.max(r.scalar[k] ?? 0, o.scalar[k]!);
}

function containerRequest(c: Container, nonZero: boolean): Resources {
  const r = emptyResources();
  addList(r, c.resources?.requests);
  if (nonZero) {
    if (c.resources?.requests?.cpu === undefined) r.milliCPU = DEFAULT_MILLI_CPU_REQUEST;
    if (c.resources?.requests?.memory === undefined) r.memory = DEFAULT_MEMORY_REQUEST;
  }
  return r;
}

/** PodRequests: containers summed, init containers as a running maximum (sidecars add up), plus overhead. */
export function podRequests(pod: Pod, nonZero = false): Resources {
  const sum = emptyResources();
  const containers = pod.spec.containers;
  for (let i = 0; i < containers.length; i++) {
    const r = containerRequest(containers[i]!, nonZero);
    sum.milliCPU += r.milliCPU; sum.memory += r.memory; sum.ephemeralStorage += r.ephemeralStorage;
    for (const k in r.scalar) sum.scalar[k] = (sum.scalar[k] ?? 0) + r.scalar[k]!;
  }
  const sidecars = emptyResources();
  const initMax = emptyResources();
  for (const c of pod.spec.initContainers ?? []) {
    const r = containerRequest(c, nonZero);
    if (c.restartPolicy === 'Always') {
      sidecars.milliCPU += r.milliCPU; sidecars.memory += r.memory; sidecars.ephemeralStorage += r.ephemeralStorage;
      for (const k in r.scalar) sidecars.scalar[k] = (sidecars.scalar[k] ?? 0) + r.scalar[k]!;
      maxInto(initMax, sidecars);
    } else {
      maxInto(initMax, { milliCPU: r.milliCPU + sidecars.milliCPU, memory: r.memory + sidecars.memory,
        ephemeralStorage: r.ephemeralStorage + sidecars.ephemeralStorage, scalar: r.scalar });
    }
  }
  sum.milliCPU += sidecars.milliCPU; sum.memory += sidecars.memory; sum.ephemeralStorage += sidecars.ephemeralStorage;
  maxInto(sum, initMax);
  addList(sum, (pod.spec.overhead as Record<string, string> | undefined));
  return sum;
}

export interface Allocatable extends Resources { pods: number }

export function nodeAllocatable(node: Node): Allocatable {
  const a = node.status?.allocatable ?? node.status?.capacity ?? {};
  const r = emptyResources();
  addList(r, a);
  // A literal, not a spread: spread copies made here got a hidden class each (one per node), which
  // made every read of a node's allocatable in the filter and score loops megamorphic.
  return { milliCPU: r.milliCPU, memory: r.memory, ephemeralStorage: r.ephemeralStorage, scalar: r.scalar, pods: unitValue(a.pods ?? '0') };
}
