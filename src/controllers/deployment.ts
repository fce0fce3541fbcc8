// The Deployment controller (pkg/controller/deployment/deployment_controller.go, v1.32): it watches
// Deployments, ReplicaSets and pod deletions, claims the ReplicaSets its selector matches, and each
// sync dispatches to the paused/scaling path, the legacy rollback, or the Recreate / RollingUpdate
// strategy. Not modelled: worker concurrency (one sync at a time), and the live ReplicaSet LIST the
// pod-delete handler makes (it reads the informer cache here, with the same outcome).
import type { KubeObject, LabelSelector, OwnerReference, Stored } from '../api/objects';
import { controllerRef } from '../api/objects';
import { deepClone, deepEqual } from '../api/freeze';
import { isApiError } from '../api/errors';
import { labelSelectorAsSelector, matches, NOTHING, type Selector } from '../api/selectors';
import type { ControllerContext, ControllerDefinition } from './controller_manager';
import type { Informer } from './informer';
import type { Reconciler, ReconcileResult } from './runner';
import { ControllerRefManager } from './controller_ref_manager';
import { ControllerError, isNamespaceTerminating } from './controller_utils';
import { rolloutRecreate, type PodMap } from './deployment_recreate';
import { rollback } from './deployment_rollback';
import { rolloutRolling } from './deployment_rolling';
import type { Dc } from './deployment_scale';
import { checkPausedConditions, getRollbackTo, isScalingEvent, sync, syncStatusOnly } from './deployment_sync';
import { OWNER_INDEX, podOwner, podOwnerIndex, setOwnerIndex } from './owner_index';

const keyOf = (o: Stored): string => `${o.metadata.namespace}/${o.metadata.name}`;

/** A label selector, or undefined when it does not parse (such a Deployment matches nothing). */
function selectorOf(ls: LabelSelector | undefined): Selector | undefined {
  try {
    return labelSelectorAsSelector(ls);
  } catch {
    return undefined;
  }
}

/** The `{}` selector: reflect.DeepEqual(d.Spec.Selector, &metav1.LabelSelector{}). */
const selectsEverything = (ls: LabelSelector | undefined): boolean =>
  !!ls && ls.matchLabels === undefined && ls.matchExpressions === undefined;

export class DeploymentController implements Reconciler, Dc {
  private readonly deployments: Informer;
  private readonly sets: Informer;
  private readonly pods: Informer;
  private pendingRequeue: ReconcileResult | undefined;

  constructor(private readonly ctx: ControllerContext) {
    this.deployments = ctx.informers.informer('Deployment');
    this.sets = ctx.informers.informer('ReplicaSet');
    this.sets.addIndex(OWNER_INDEX, setOwnerIndex);
    this.pods = ctx.informers.informer('Pod');
    this.pods.addIndex(OWNER_INDEX, podOwnerIndex, podOwner);
    this.deployments.addHandlers({ onAdd: d => this.enqueue(d), onUpdate: (_, d) => this.enqueue(d), onDelete: d => this.enqueue(d) });
    this.sets.addHandlers({ onAdd: rs => this.addReplicaSet(rs), onUpdate: (o, c) => this.updateReplicaSet(o, c), onDelete: rs => this.deleteReplicaSet(rs) });
    this.pods.addHandlers({ onDelete: p => this.deletePod(p) });
  }

  get client() { return this.ctx.client; }
  get recorder() { return this.ctx.recorder; }
  nowMs(): number { return this.ctx.sim.nowMs; }
  cachedReplicaSet(namespace: string, name: string): Stored | undefined { return this.sets.get(namespace, name); }
  requeue(result: ReconcileResult): void { this.pendingRequeue = result; }

  private enqueue(d: Stored): void { this.ctx.queue.add(keyOf(d)); }

  /** resolveControllerRef: the Deployment named by the ref, if kind and uid match. */
  private resolve(namespace: string, ref: OwnerReference | undefined): Stored | undefined {
    if (!ref || ref.kind !== 'Deployment') return undefined;
    const d = this.deployments.get(namespace, ref.name);
    return d && d.metadata.uid === ref.uid ? d : undefined;
  }

  /** getDeploymentsForReplicaSet: Deployments whose non-empty selector matches the set's labels. */
  private deploymentsSelecting(rs: Stored): Stored[] {
    if (!rs.metadata.labels || Object.keys(rs.metadata.labels).length === 0) return [];
    return this.deployments.byIndex('namespace', rs.metadata.namespace ?? '').filter(d => {
      const sel = selectorOf(d.spec?.selector);
      return !!sel && sel.requirements.length > 0 && matches(sel, rs.metadata.labels);
    });
  }

  private addReplicaSet(rs: Stored): void {
    if (rs.metadata.deletionTimestamp) return this.deleteReplicaSet(rs);
    const ref = controllerRef(rs);
    if (ref) {
      const d = this.resolve(rs.metadata.namespace ?? '', ref);
      if (d) this.enqueue(d);
      return;
    }
    for (const d of this.deploymentsSelecting(rs)) this.enqueue(d);
  }

  private updateReplicaSet(old: Stored, cur: Stored): void {
    if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
    const curRef = controllerRef(cur);
    const oldRef = controllerRef(old);
    const refChanged = !deepEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const d = this.resolve(old.metadata.namespace ?? '', oldRef);
      if (d) this.enqueue(d);
    }
    if (curRef) {
      const d = this.resolve(cur.metadata.namespace ?? '', curRef);
      if (d) this.enqueue(d);
      return;
    }
    const labelChanged = !deepEqual(cur.metadata.labels, old.metadata.labels);
    if (labelChanged || refChanged) for (const d of this.deploymentsSelecting(cur)) this.enqueue(d);
  }

  private deleteReplicaSet(rs: Stored): void {
    const d = this.resolve(rs.metadata.namespace ?? '', controllerRef(rs));
    if (d) this.enqueue(d);
  }

  /** deletePod: a Recreate Deployment is synced once the last of its pods is gone. */
  private deletePod(pod: Stored): void {
    const ref = controllerRef(pod);
    if (!ref || ref.kind !== 'ReplicaSet') return;
    const rs = this.sets.get(pod.metadata.namespace ?? '', ref.name);
    if (!rs || rs.metadata.uid !== ref.uid) return;
    const d = this.resolve(rs.metadata.namespace ?? '', controllerRef(rs));
    if (!d || d.spec?.strategy?.type !== 'Recreate') return;
    const owned = this.sets.byIndex(OWNER_INDEX, d.metadata.uid).filter(s => matches(selectorOf(d.spec?.selector) ?? NOTHING, s.metadata.labels));
    let numPods = 0;
    for (const pods of this.getPodMapForDeployment(d, owned).values()) numPods += pods.length;
    if (numPods === 0) this.enqueue(d);
  }

  /**
   * getReplicaSetsForDeployment: every set in the namespace, claimed with the deployment's selector
   * (matching orphans adopted, owned sets that no longer match released).
   */
  private getReplicaSetsForDeployment(d: KubeObject): Stored[] {
    let selector: Selector;
    try {
      selector = labelSelectorAsSelector(d.spec?.selector);
    } catch (e) {
      throw new ControllerError(`deployment ${d.metadata.namespace}/${d.metadata.name} has invalid label selector: ${(e as Error).message}`);
    }
    const candidates = this.sets.byIndex('namespace', d.metadata.namespace ?? '');
    const { claimed, errors } = new ControllerRefManager(this.ctx.client, d as Stored, selector).claim(candidates);
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new ControllerError(`[${errors.map(e => (e instanceof Error ? e.message : String(e))).join(', ')}]`);
    return claimed;
  }

  /** getPodMapForDeployment: pods the deployment selects, grouped by owning set (inactive pods included). */
  private getPodMapForDeployment(d: KubeObject, rsList: Stored[]): PodMap {
    const selector = selectorOf(d.spec?.selector);
    const podMap: PodMap = new Map();
    for (const rs of rsList) {
      const pods: Stored[] = [];
      this.pods.eachInIndex(OWNER_INDEX, rs.metadata.uid, p => {
        if (p.metadata.namespace === d.metadata.namespace && !!selector && matches(selector, p.metadata.labels)) pods.push(p);
      });
      podMap.set(rs.metadata.uid, pods);
    }
    return podMap;
  }

  /** syncDeployment. */
  reconcile(key: string): ReconcileResult | void {
    const [namespace, name] = key.split('/') as [string, string];
    const cached = this.deployments.get(namespace, name);
    if (!cached) return;
    this.pendingRequeue = undefined;
    try {
      this.syncDeployment(deepClone(cached) as KubeObject);
    } catch (e) {
      // handleErr: a terminating namespace is forgotten, not retried.
      if (isApiError(e) && isNamespaceTerminating(e)) return;
      throw e;
    }
    return this.pendingRequeue;
  }

  private syncDeployment(d: KubeObject): void {
    if (selectsEverything(d.spec?.selector)) {
      this.recorder.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        (d.status ??= {}).observedGeneration = d.metadata.generation;
        try { this.client.updateStatus(d); } catch (e) { if (!isApiError(e)) throw e; }
      }
      return;
    }
    const rsList: KubeObject[] = this.getReplicaSetsForDeployment(d);
    // Only Recreate reads pods; built lazily from the same claimed list.
    const podMap = (): PodMap => this.getPodMapForDeployment(d, rsList as Stored[]);
    if (d.metadata.deletionTimestamp) return syncStatusOnly(this, d, rsList);
    checkPausedConditions(this, d);
    if (d.spec.paused) return sync(this, d, rsList);
    if (getRollbackTo(d) !== undefined) return rollback(this, d, rsList);
    if (isScalingEvent(this, d, rsList)) return sync(this, d, rsList);
    switch (d.spec.strategy?.type) {
      case 'Recreate': return rolloutRecreate(this, d, rsList, podMap);
      case 'RollingUpdate': return rolloutRolling(this, d, rsList);
    }
    throw new ControllerError(`unexpected deployment strategy type: ${d.spec.strategy?.type}`);
  }
}

/** kube-controller-manager drops a Deployment key after 15 failed syncs in a row (maxRetries). */
export const deploymentController: ControllerDefinition = {
  name: 'deployment-controller',
  maxRetries: 15,
  create: ctx => new DeploymentController(ctx),
};
