// The ReplicaSet controller (pkg/controller/replicaset/replica_set.go), also serving
// ReplicationControllers through an adapter as upstream does: it watches ReplicaSets and pods,
// claims matching pods, creates or deletes pods towards spec.replicas under expectations
// (burst 500, slow start), and writes status. Pod candidates come from an index of pods by
// controller uid plus the namespace's orphans: v1.32 lists every pod in the namespace and claims
// each, and pods owned by another controller are ignored by the claim, so the result is the same.
import type { Stored } from '../api/objects';
import * as objectsModule from '../api/objects';
import { isApiError } from '../api/errors';
import * as podUtilModule from '../api/pod_util';
import { matches, SelectorParseError, type Selector } from '../api/selectors';
import * as freezeModule from '../api/freeze';
import type { ControllerContext, ControllerDefinition } from './controller_manager';
import type { Reconciler, ReconcileResult } from './runner';
import type { Informer } from './informer';
import { UIDTrackingExpectations } from './expectations';
import { ControllerRefManager } from './controller_ref_manager';
import { BURST_REPLICAS, ControllerError, getPodsToDelete, type NodeCount, newControllerRef, PodControl, SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from './controller_utils';
import { calculateStatus, ReplicaCounts, updateReplicaSetStatus } from './replicaset_utils';
import { OWNER_INDEX, podOwner, podOwnerIndex, setOwnerIndex } from './owner_index';
import { replicaSetKind, replicationControllerKind, type ReplicaSetKind } from './replicaset_kind';

export { replicaSetKind, replicationControllerKind, type ReplicaSetKind } from './replicaset_kind';

// Imported functions on hot paths are read once, here: tsx runs this code as CommonJS, where every
// call of an imported name first reads it through two export getters.
const { controllerRef } = objectsModule;
const { isPodActive, isPodReady } = podUtilModule;
const { deepEqual } = freezeModule;

/**
 * A set's queue key, kept per stored version (frozen, so it cannot go stale): every pod event of a
 * rollout enqueues its set, and a kept string is hashed once.
 */
const setKeys = new WeakMap<Stored, string>();
const keyOf = (o: Stored): string => {
  let k = setKeys.get(o);
  if (k === undefined) {
    k = `${o.metadata.namespace}/${o.metadata.name}`;
    if (Object.isFrozen(o)) setKeys.set(o, k);
  }
  return k;
};

export class ReplicaSetController implements Reconciler {
  private readonly expectations: UIDTrackingExpectations;
  private readonly pods: Informer;
  private readonly sets: Informer;
  private readonly podControl: PodControl;

  constructor(private readonly ctx: ControllerContext, private readonly k: ReplicaSetKind) {
    this.expectations = new UIDTrackingExpectations(() => ctx.sim.nowMs);
    this.podControl = new PodControl(ctx.client, ctx.recorder);
    this.sets = ctx.informers.informer(k.kind);
    this.sets.addIndex(OWNER_INDEX, setOwnerIndex);
    this.pods = ctx.informers.informer('Pod');
    this.pods.addIndex(OWNER_INDEX, podOwnerIndex, podOwner);
    this.sets.addHandlers({
      onAdd: rs => this.enqueue(rs),
      onUpdate: (old, cur) => {
        if (old.metadata.uid !== cur.metadata.uid) this.deleteRS(old);
        this.enqueue(cur);
      },
      onDelete: rs => this.deleteRS(rs),
    });
    this.pods.addHandlers({ onAdd: p => this.addPod(p), onUpdate: (o, c) => this.updatePod(o, c), onDelete: p => this.deletePod(p) });
  }

  private enqueue(rs: Stored): void { this.ctx.queue.add(keyOf(rs)); }

  private deleteRS(rs: Stored): void {
    const key = keyOf(rs);
    this.expectations.deleteExpectations(key);
    this.ctx.queue.add(key);
  }

  /** resolveControllerRef: the set named by the ref, if its kind and uid match. */
  private resolve(namespace: string, ref: { kind: string; name: string; uid: string } | undefined): Stored | undefined {
    if (!ref || ref.kind !== this.k.kind) return undefined;
    const rs = this.sets.get(namespace, ref.name);
    return rs && rs.metadata.uid === ref.uid ? rs : undefined;
  }

  /** getPodReplicaSets: sets in the pod's namespace whose (non-empty) selector matches it. */
  private setsSelecting(pod: Stored): Stored[] {
    return this.sets.byIndex('namespace', pod.metadata.namespace ?? '').filter(rs => {
      try {
        const sel = this.k.selector(rs);
        return sel.requirements.length > 0 && matches(sel, pod.metadata.labels);
      } catch {
        return false;
      }
    });
  }

  private addPod(pod: Stored): void {
    if (pod.metadata.deletionTimestamp) return this.deletePod(pod);
    const ref = controllerRef(pod);
    if (ref) {
      const rs = this.resolve(pod.metadata.namespace ?? '', ref);
      if (!rs) return;
      const key = keyOf(rs);
      this.expectations.creationObserved(key);
      this.ctx.queue.add(key);
      return;
    }
    for (const rs of this.setsSelecting(pod)) this.enqueue(rs);
  }

  private updatePod(old: Stored, cur: Stored): void {
    if (cur.metadata.resourceVersion === old.metadata.resourceVersion) return;
    const labelChanged = !deepEqual(cur.metadata.labels, old.metadata.labels);
    if (cur.metadata.deletionTimestamp) {
      this.deletePod(cur);
      if (labelChanged) this.deletePod(old);
      return;
    }
    const curRef = controllerRef(cur);
    const oldRef = controllerRef(old);
    const refChanged = !deepEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const rs = this.resolve(old.metadata.namespace ?? '', oldRef);
      if (rs) this.enqueue(rs);
    }
    if (curRef) {
      const rs = this.resolve(cur.metadata.namespace ?? '', curRef);
      if (!rs) return;
      this.enqueue(rs);
      // A pod that just became ready is rechecked for availability after minReadySeconds (+1 s against skew).
      const minReady = rs.spec?.minReadySeconds ?? 0;
      if (minReady > 0 && !isPodReady(old) && isPodReady(cur)) this.ctx.queue.addAfter(keyOf(rs), minReady * 1000 + 1000);
      return;
    }
    if (labelChanged || refChanged) for (const rs of this.setsSelecting(cur)) this.enqueue(rs);
  }

  private deletePod(pod: Stored): void {
    const rs = this.resolve(pod.metadata.namespace ?? '', controllerRef(pod));
    if (!rs) return;
    const key = keyOf(rs);
    this.expectations.deletionObserved(key, pod);
    this.ctx.queue.add(key);
  }

  /** syncReplicaSet. */
  reconcile(key: string): ReconcileResult | void {
    const [namespace, name] = key.split('/') as [string, string];
    const rs = this.sets.get(namespace, name);
    if (!rs) {
      this.expectations.deleteExpectations(key);
      return;
    }
    const needsSync = this.expectations.satisfied(key);
    let selector: Selector;
    try {
      selector = this.k.selector(rs);
    } catch (e) {
      if (e instanceof SelectorParseError) return; // an invalid selector is not retried
      throw e;
    }
    // The active pods this set owns, then the namespace's active orphans, claimed in that order
    // (the claim's writes reach the cache later, as watch events); calculateStatus's counts are
    // taken as each pod is claimed.
    const minReady = rs.spec?.minReadySeconds ?? 0;
    const counts = new ReplicaCounts(selector, this.k.template(rs)?.metadata?.labels, minReady, this.ctx.sim.nowMs);
    const claimed: Stored[] = [];
    const errors: unknown[] = [];
    const manager = new ControllerRefManager(this.ctx.client, rs, selector);
    const orphans: Stored[] = [];
    this.pods.eachInIndex(OWNER_INDEX, `${namespace}/`, p => { if (isPodActive(p)) orphans.push(p); });
    this.pods.eachInIndex(OWNER_INDEX, rs.metadata.uid, p => {
      if (isPodActive(p) && manager.claimOne(p, errors, true)) { claimed.push(p); counts.add(p); }
    });
    for (const p of orphans) if (manager.claimOne(p, errors)) { claimed.push(p); counts.add(p); }
    if (errors.length) throw aggregate(errors);

    let manageErr: unknown;
    if (needsSync && !rs.metadata.deletionTimestamp) {
      try {
        this.manageReplicas(claimed, rs);
      } catch (e) {
        if (!isApiError(e) && !(e instanceof ControllerError)) throw e;
        manageErr = e;
      }
    }
    const status = calculateStatus(rs, counts, claimed.length, manageErr, this.ctx.sim.nowMs);
    const updated = updateReplicaSetStatus(this.ctx.client, rs, status);
    if (manageErr !== undefined) throw manageErr;
    const desired = updated.spec?.replicas ?? 1;
    // "Last line of defense" against clock skew: resync after minReadySeconds while ready pods wait to be available.
    if (minReady > 0 && (updated.status?.readyReplicas ?? 0) === desired && (updated.status?.availableReplicas ?? 0) !== desired) {
      return { requeueAfterMs: minReady * 1000 };
    }
  }

  private manageReplicas(filtered: Stored[], rs: Stored): void {
    const key = keyOf(rs);
    const desired = rs.spec?.replicas ?? 1;
    let diff = filtered.length - desired;
    if (diff < 0) {
      diff = Math.min(-diff, BURST_REPLICAS);
      this.expectations.expectCreations(key, diff);
      const template = this.k.template(rs)!;
      const ref = newControllerRef(rs);
      const { successes, error } = slowStartBatch(diff, SLOW_START_INITIAL_BATCH_SIZE, () => {
        try {
          this.podControl.createPods(rs.metadata.namespace ?? 'default', template, rs, ref);
        } catch (e) {
          if (isApiError(e) && /because it is being terminated/.test(e.message)) return;
          throw e;
        }
      });
      // Pods never created will never be observed: stop waiting for them.
      for (let i = successes; i < diff; i++) this.expectations.creationObserved(key);
      if (error !== undefined) throw error;
    } else if (diff > 0) {
      diff = Math.min(diff, BURST_REPLICAS);
      const toDelete = getPodsToDelete(filtered, () => this.relatedActivePodsOnNode(rs), diff, this.ctx.sim.nowMs);
      this.expectations.expectDeletions(key, toDelete);
      let firstError: unknown;
      for (let i = 0; i < toDelete.length; i++) {
        const pod = toDelete[i]!;
        try {
          this.podControl.deletePod(rs.metadata.namespace ?? 'default', pod.metadata.name, rs);
        } catch (e) {
          this.expectations.deletionObserved(key, pod);
          if (!isApiError(e, 'NotFound')) firstError ??= e;
        }
      }
      if (firstError !== undefined) throw firstError;
    }
  }

  /**
   * getIndirectlyRelatedPods, its active pods counted per node as getPodsToDelete ranks by:
   * the pods any set with the same controller selects (e.g. one Deployment's ReplicaSets), each once.
   * Upstream lists the namespace once per set and skips pods already seen; here each namespace is
   * walked once against all its sets' selectors — the same pods, and only their count per node
   * matters. Inactive pods, which would not be counted, are not matched.
   */
  private relatedActivePodsOnNode(rs: Stored): Map<string, NodeCount> {
    const podsOnNode = new Map<string, NodeCount>();
    const owner = controllerRef(rs);
    if (!owner) return podsOnNode;
    const selectorsByNamespace = new Map<string, Selector[]>();
    for (const related of this.sets.byIndex(OWNER_INDEX, owner.uid)) {
      let sel: Selector;
      try {
        sel = this.k.selector(related);
      } catch {
        continue;
      }
      const ns = related.metadata.namespace ?? '';
      const list = selectorsByNamespace.get(ns);
      if (list) list.push(sel); else selectorsByNamespace.set(ns, [sel]);
    }
    for (const [ns, selectors] of selectorsByNamespace) {
      this.pods.eachInNamespace(ns, pod => {
        if (!isPodActive(pod)) return;
        const labels = pod.metadata.labels;
        for (let i = 0; i < selectors.length; i++) {
          if (matches(selectors[i]!, labels)) {
            const n = pod.spec?.nodeName ?? '';
            const c = podsOnNode.get(n);
            if (c === undefined) podsOnNode.set(n, { count: 1 }); else c.count++;
            return;
          }
        }
      });
    }
    return podsOnNode;
  }
}

function aggregate(errors: unknown[]): unknown {
  if (errors.length === 1) return errors[0];
  return new ControllerError(`[${errors.map(e => (e instanceof Error ? e.message : String(e))).join(', ')}]`);
}

export const replicaSetController: ControllerDefinition = {
  name: 'replicaset-controller',
  create: ctx => new ReplicaSetController(ctx, replicaSetKind),
};

export const replicationController: ControllerDefinition = {
  name: 'replication-controller',
  create: ctx => new ReplicaSetController(ctx, replicationControllerKind),
};
