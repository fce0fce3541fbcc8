// Rollout status messages (kubectl pkg/polymorphichelpers/rollout_status.go): Deployment,
// DaemonSet and StatefulSet status viewers, each returning the line kubectl prints for one watch
// event and whether the rollout is done, or the error that ends the wait.
import type { KubeObject } from '../../api/objects';
import { revision } from './deployment_util';

export interface RolloutStatus { message: string; done: boolean }

export class RolloutStatusError extends Error {
  override name = 'RolloutStatusError';
}

function deploymentStatus(d: KubeObject, wantRevision: number): RolloutStatus {
  const name = d.metadata.name;
  if (wantRevision > 0) {
    const current = revision(d);
    if (Number.isNaN(current)) throw new RolloutStatusError(`cannot get the revision of deployment ${JSON.stringify(name)}: invalid syntax`);
    if (current !== wantRevision) throw new RolloutStatusError(`desired revision (${wantRevision}) is different from the running revision (${current})`);
  }
  const s = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (s.observedGeneration ?? 0)) {
    const progressing = (s.conditions ?? []).find((c: { type: string }) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') throw new RolloutStatusError(`deployment ${JSON.stringify(name)} exceeded its progress deadline`);
    const updated = s.updatedReplicas ?? 0, replicas = s.replicas ?? 0, available = s.availableReplicas ?? 0;
    const desired = d.spec?.replicas;
    if (desired !== undefined && updated < desired) {
      return { message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${updated} out of ${desired} new replicas have been updated...\n`, done: false };
    }
    if (replicas > updated) {
      return { message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${replicas - updated} old replicas are pending termination...\n`, done: false };
    }
    if (available < updated) {
      return { message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${available} of ${updated} updated replicas are available...\n`, done: false };
    }
    return { message: `deployment ${JSON.stringify(name)} successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
}

function daemonSetStatus(d: KubeObject): RolloutStatus {
  if ((d.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') throw new RolloutStatusError('rollout status is only available for RollingUpdate strategy type');
  const s = d.status ?? {};
  const name = JSON.stringify(d.metadata.name);
  if ((d.metadata.generation ?? 0) <= (s.observedGeneration ?? 0)) {
    const desired = s.desiredNumberScheduled ?? 0;
    if ((s.updatedNumberScheduled ?? 0) < desired) {
      return { message: `Waiting for daemon set ${name} rollout to finish: ${s.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
    }
    if ((s.numberAvailable ?? 0) < desired) {
      return { message: `Waiting for daemon set ${name} rollout to finish: ${s.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
    }
    return { message: `daemon set ${name} successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
}

function statefulSetStatus(d: KubeObject): RolloutStatus {
  const strategy = d.spec?.updateStrategy ?? { type: 'RollingUpdate' };
  if ((strategy.type ?? 'RollingUpdate') !== 'RollingUpdate') throw new RolloutStatusError('rollout status is only available for RollingUpdate strategy type');
  const s = d.status ?? {};
  if (!s.observedGeneration || (d.metadata.generation ?? 0) > s.observedGeneration) {
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  }
  const replicas = d.spec?.replicas;
  if (replicas !== undefined && (s.readyReplicas ?? 0) < replicas) {
    return { message: `Waiting for ${replicas - (s.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
  }
  const partition = strategy.rollingUpdate?.partition;
  if (strategy.rollingUpdate) {
    if (replicas !== undefined && partition !== undefined && (s.updatedReplicas ?? 0) < replicas - partition) {
      return { message: `Waiting for partitioned roll out to finish: ${s.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...\n`, done: false };
    }
    return { message: `partitioned roll out complete: ${s.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
  }
  if (s.updateRevision !== s.currentRevision) {
    return { message: `waiting for statefulset rolling update to complete ${s.updatedReplicas ?? 0} pods at revision ${s.updateRevision}...\n`, done: false };
  }
  return { message: `statefulset rolling update complete ${s.currentReplicas ?? 0} pods at revision ${s.currentRevision}...\n`, done: true };
}

/** StatusViewerFor(kind).Status(obj, revision); undefined when kubectl has no viewer for the kind. */
export function rolloutStatus(obj: KubeObject, wantRevision: number): RolloutStatus | undefined {
  switch (obj.kind) {
    case 'Deployment': return deploymentStatus(obj, wantRevision);
    case 'DaemonSet': return daemonSetStatus(obj);
    case 'StatefulSet': return statefulSetStatus(obj);
    default: return undefined;
  }
}
