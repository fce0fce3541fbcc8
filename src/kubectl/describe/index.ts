// The describer for each kind kukumber serves (kubectl's describerMap), and the generic describer
// for the rest.
import type { KubeObject, Node, Pod } from '../../api/objects';
import type { Cluster } from '../../cluster/cluster';
import type { DescribeContext } from './context';
import { describeConfigMap, describeEndpoints, describeNamespace, describePersistentVolumeClaim, describeSecret, describeService } from './core';
import { describeCronJob, describeDaemonSet, describeJob, describeReplicaSet, describeReplicationController, describeStatefulSet } from './controllers';
import { describeDeployment } from './deployment';
import { describeGeneric } from './generic';
import { describeNode } from './node';
import { describePod } from './pod';

type Describer = (ctx: DescribeContext, obj: any) => string;

const DESCRIBERS: Record<string, Describer> = {
  Pod: (c, o) => describePod(c, o as Pod),
  ReplicaSet: describeReplicaSet,
  ReplicationController: describeReplicationController,
  Deployment: describeDeployment,
  DaemonSet: describeDaemonSet,
  StatefulSet: describeStatefulSet,
  Job: describeJob,
  CronJob: describeCronJob,
  Node: (c, o) => describeNode(c, o as Node),
  Service: describeService,
  Endpoints: describeEndpoints,
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
  Namespace: describeNamespace,
  PersistentVolumeClaim: describePersistentVolumeClaim,
};

export type { DescribeContext } from './context';

/** What `kubectl describe` prints for one object, at the cluster's current instant. */
export function describeObject(cluster: Cluster, obj: KubeObject, options: { showEvents?: boolean } = {}): string {
  const ctx: DescribeContext = { cluster, nowMs: cluster.sim.nowMs, showEvents: options.showEvents ?? true };
  return (DESCRIBERS[obj.kind] ?? describeGeneric)(ctx, obj);
}
