// The controllers kube-controller-manager runs in a kukumber cluster, in start order.
import type { ControllerDefinition } from './controller_manager';
import { garbageCollectorController } from './garbage_collector';
import { replicaSetController, replicationController } from './replicaset';
import { deploymentController } from './deployment';
import { nodeLifecycleController } from './node_lifecycle';
import { taintEvictionController } from './taint_eviction';
import { podGCController } from './podgc';
import { rootCAPublisherController } from './root_ca_publisher';
import { namespaceController } from './namespace';

export const DEFAULT_CONTROLLERS: ControllerDefinition[] = [
  garbageCollectorController,
  replicaSetController,
  replicationController,
  deploymentController,
  nodeLifecycleController,
  taintEvictionController,
  podGCController,
  rootCAPublisherController,
  namespaceController,
];
