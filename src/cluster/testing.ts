// Test support: cluster options for unit tests that play the scheduler's and kubelets' part
// themselves (binding pods and writing pod status by hand, or through the fake kubelet in
// src/controllers/testing.ts). No nodes, no scheduler, and none of the controllers that act on
// nodes (node lifecycle, taint eviction, pod GC would collect pods bound to nodes that do not exist).
import type { ClusterOptions } from './cluster';
import { DEFAULT_CONTROLLERS } from '../controllers/registry';

const NODE_CONTROLLERS = new Set(['node-lifecycle-controller', 'taint-eviction-controller', 'pod-garbage-collector']);

export const WITHOUT_NODES: Pick<ClusterOptions, 'nodes' | 'scheduler' | 'controllers'> = Object.freeze({
  nodes: [],
  scheduler: false as const,
  controllers: DEFAULT_CONTROLLERS.filter(c => !NODE_CONTROLLERS.has(c.name)),
});
