// What the ReplicaSet controller reads differently from ReplicaSets and ReplicationControllers:
// kind, controller name, selector and pod template (upstream's RC→RS conversion adapter).
import type { PodTemplateSpec, Stored } from '../api/objects';
import { labelSelectorAsSelector, selectorFromSet, type Selector } from '../api/selectors';

/** What differs between ReplicaSets (apps/v1) and ReplicationControllers (core/v1). */
export interface ReplicaSetKind {
  kind: 'ReplicaSet' | 'ReplicationController';
  controllerName: string;
  selector(obj: Stored): Selector;
  template(obj: Stored): PodTemplateSpec | undefined;
}

export const replicaSetKind: ReplicaSetKind = {
  kind: 'ReplicaSet',
  controllerName: 'replicaset-controller',
  selector: rs => labelSelectorAsSelector(rs.spec?.selector),
  template: rs => rs.spec?.template,
};

/** RCs select with a plain label map, converted to matchLabels as upstream's RC→RS adapter does. */
export const replicationControllerKind: ReplicaSetKind = {
  kind: 'ReplicationController',
  controllerName: 'replication-controller',
  selector: rc => selectorFromSet(rc.spec?.selector),
  template: rc => rc.spec?.template,
};
