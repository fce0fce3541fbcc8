// The garbage collector (pkg/controller/garbagecollector): deletes dependents whose owners are
// gone, orphans dependents of owners deleted with the orphan finalizer, and holds owners deleted
// in the foreground until their blocking dependents are gone. Owner lookups are live GETs, as
// upstream's attemptToDeleteItem does; the owner→dependents graph is the store's index.
import type { Stored, OwnerReference } from '../api/objects';
import { RESOURCES, resourceForKind } from '../api/resources';
import { internalError, isApiError } from '../api/errors';
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN, type PropagationPolicy } from '../api/deletion';
import type { ControllerContext, ControllerDefinition } from './controller_manager';
import type { Reconciler } from './runner';

const hasFinalizer = (o: Stored, f: string): boolean => (o.metadata.finalizers ?? []).includes(f);
const deletingDependents = (o: Stored): boolean => !!o.metadata.deletionTimestamp && hasFinalizer(o, FINALIZER_FOREGROUND);
/**
 * referencesDiffs found nothing (graph_builder.go): the same references, field for field. An update
 * that rewrites ownerReferences with equal values (a Lease renewal) changes nothing in the graph.
 */
function sameOwnerReferences(a: readonly OwnerReference[] | undefined, b: readonly OwnerReference[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  // An indexed loop: both lists are frozen, where every() takes a slow path (this runs on every update).
  for (let i = 0; i < a.length; i++) {
    const r = a[i]!, o = b[i]!;
    if (!(r.uid === o.uid && r.apiVersion === o.apiVersion && r.kind === o.kind && r.name === o.name &&
      r.controller === o.controller && r.blockOwnerDeletion === o.blockOwnerDeletion)) return false;
  }
  return true;
}

const itemKey = (o: Stored): string => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;

class GarbageCollector implements Reconciler {
  /** The uids of the objects the collector's informers have shown it (the graph's uidToNode, without virtual nodes). */
  private readonly observed = new Set<string>();

  constructor(private readonly ctx: ControllerContext) {
    for (const info of RESOURCES) {
      if (info.kind === 'Event') continue;
      const inf = ctx.informers.informer(info.kind);
      inf.addHandlers({
        onAdd: o => this.observe(o, undefined),
        onUpdate: (old, o) => this.observe(o, old),
        onDelete: o => this.onDeleted(o),
      });
    }
  }

  private observe(o: Stored, old: Stored | undefined): void {
    const q = this.ctx.queue;
    const m = o.metadata;
    // An update of an object already shown (same uid) leaves the graph's nodes as they are: the
    // handlers are registered before the informers start, so its add came first, and only its
    // delete takes its uid out again.
    if (old === undefined || old.metadata.uid !== m.uid) this.observed.add(m.uid);
    if (m.deletionTimestamp && (hasFinalizer(o, FINALIZER_ORPHAN) || hasFinalizer(o, FINALIZER_FOREGROUND))) q.add(itemKey(o));
    const refs = m.ownerReferences;
    if (!refs || refs.length === 0) return;
    // A new dependent is looked at only when one of its owners is unknown to the graph (insertNode: a
    // virtual owner node goes to attemptToDelete); changed references are looked at again.
    if (old === undefined ? this.hasUnobservedOwner(refs) : !sameOwnerReferences(old.metadata.ownerReferences, refs)) q.add(itemKey(o));
  }

  private hasUnobservedOwner(refs: readonly OwnerReference[]): boolean {
    for (let i = 0; i < refs.length; i++) if (!this.observed.has(refs[i]!.uid)) return true;
    return false;
  }

  private onDeleted(o: Stored): void {
    const q = this.ctx.queue;
    this.observed.delete(o.metadata.uid);
    // Dependents of a removed owner may now be garbage; an owner waiting in the foreground may now be free.
    // Most deleted objects (pods) own nothing: hasDependents spares building an empty list. Indexed
    // loops: the references are frozen, and for-of over a frozen array allocates an iterator.
    const store = this.ctx.client.api.store;
    if (store.hasDependents(o.metadata.uid)) {
      const deps = store.dependentsOf(o.metadata.uid);
      for (let i = 0; i < deps.length; i++) q.add(itemKey(deps[i]!));
    }
    const refs = o.metadata.ownerReferences;
    if (refs) for (let i = 0; i < refs.length; i++) {
      const owner = store.byUid(refs[i]!.uid);
      if (owner && deletingDependents(owner)) q.add(itemKey(owner));
    }
  }

  reconcile(key: string): void {
    const [kind, namespace, ...rest] = key.split('/');
    const item = this.ctx.client.find(kind!, namespace!, rest.join('/'));
    if (!item) return;
    if (item.metadata.deletionTimestamp) {
      if (hasFinalizer(item, FINALIZER_ORPHAN)) return this.orphanDependents(item);
      if (deletingDependents(item)) return this.processDeletingDependents(item);
      return;
    }
    this.attemptToDeleteItem(item);
  }

  /**
   * isDangling's live lookup: undefined when the owner is gone or was replaced (another uid). An owner
   * kind the server does not serve is a REST-mapping error: the item is retried, never collected.
   */
  private owner(item: Stored, ref: OwnerReference): Stored | undefined {
    const info = resourceForKind(ref.kind);
    if (!info || info.apiVersion !== ref.apiVersion) throw internalError(`unable to get REST mapping for ${ref.apiVersion}/${ref.kind}.`);
    const found = this.ctx.client.find(ref.kind, info.namespaced ? item.metadata.namespace ?? '' : '', ref.name);
    return found && found.metadata.uid === ref.uid ? found : undefined;
  }

  private attemptToDeleteItem(item: Stored): void {
    const refs = item.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const dangling: string[] = [];
    const waiting: string[] = [];
    let solid = 0;
    for (const ref of refs) {
      const owner = this.owner(item, ref);
      if (!owner) dangling.push(ref.uid);
      else if (deletingDependents(owner)) waiting.push(ref.uid);
      else solid++;
    }
    if (solid > 0) {
      const drop = new Set([...dangling, ...waiting]);
      if (drop.size === 0) return;
      this.ctx.client.mutate(item.kind, item.metadata.namespace ?? '', item.metadata.name, d => {
        d.metadata.ownerReferences = (d.metadata.ownerReferences ?? []).filter(r => !drop.has(r.uid));
      });
      return;
    }
    const hasDependents = this.ctx.client.api.store.hasDependents(item.metadata.uid);
    const policy: PropagationPolicy = waiting.length > 0 && hasDependents ? 'Foreground'
      : hasFinalizer(item, FINALIZER_ORPHAN) ? 'Orphan' : hasFinalizer(item, FINALIZER_FOREGROUND) ? 'Foreground' : 'Background';
    this.delete(item, policy);
  }

  private delete(item: Stored, policy: PropagationPolicy): void {
    try {
      this.ctx.client.delete(item.kind, item.metadata.namespace ?? '', item.metadata.name,
        { propagationPolicy: policy, preconditions: { uid: item.metadata.uid } });
    } catch (e) {
      if (!isApiError(e, 'NotFound') && !isApiError(e, 'Conflict')) throw e;
    }
  }

  private orphanDependents(owner: Stored): void {
    for (const d of this.ctx.client.api.store.dependentsOf(owner.metadata.uid)) {
      try {
        this.ctx.client.mutate(d.kind, d.metadata.namespace ?? '', d.metadata.name, draft => {
          draft.metadata.ownerReferences = (draft.metadata.ownerReferences ?? []).filter(r => r.uid !== owner.metadata.uid);
        });
      } catch (e) {
        if (!isApiError(e, 'NotFound')) throw e;
      }
    }
    this.removeFinalizer(owner, FINALIZER_ORPHAN);
  }

  private processDeletingDependents(owner: Stored): void {
    const blocking = this.ctx.client.api.store.dependentsOf(owner.metadata.uid)
      .filter(d => (d.metadata.ownerReferences ?? []).some(r => r.uid === owner.metadata.uid && r.blockOwnerDeletion));
    if (blocking.length === 0) return this.removeFinalizer(owner, FINALIZER_FOREGROUND);
    for (const d of blocking) if (!deletingDependents(d)) this.ctx.queue.add(itemKey(d));
  }

  private removeFinalizer(owner: Stored, finalizer: string): void {
    try {
      this.ctx.client.mutate(owner.kind, owner.metadata.namespace ?? '', owner.metadata.name, d => {
        d.metadata.finalizers = (d.metadata.finalizers ?? []).filter(f => f !== finalizer);
        if (d.metadata.finalizers.length === 0) delete d.metadata.finalizers;
      });
    } catch (e) {
      if (!isApiError(e, 'NotFound')) throw e;
    }
  }
}

export const garbageCollectorController: ControllerDefinition = {
  name: 'garbage-collector-controller',
  create: ctx => new GarbageCollector(ctx),
};
