// The API server model: every read and write a scenario, kubectl or a controller makes goes
// through here. A write is decoded with defaults, admitted (built-in plugins and the scenario's
// hooks), prepared by the kind's strategy, validated with upstream's messages, checked for
// conflicts and stored with a new resourceVersion; watchers hear of it through scheduled events.
// Interceptors wrap every request so faults can delay or fail them without touching callers.
import { produce } from 'immer';
import type { Simulation } from '../sim/simulation';
import type { RandomStream } from '../sim/random';
import * as timeModule from '../sim/time';
import type { KubeObject, Stored } from './objects';
import type { ResourceInfo } from './resources';
import * as resourcesModule from './resources';
import { alreadyExists, badRequest, conflict, forbidden, invalid, notFound } from './errors';
import * as defaultsModule from './defaults';
import { Admission, admissionObjectName, type AdmissionRequest } from './admission';
import * as strategiesModule from './strategies';
import * as validationModule from './validation';
import * as namesModule from './names';
import { allocateServiceValues, allocationState } from './service_alloc';
import * as freezeModule from './freeze';
import type { Slot, Store } from './store';
import type { WatchEvent, WatchOptions, Watcher } from './watch';
import { labelSelectorAsSelector, matches, fieldRequirementsMatch, type Selector } from './selectors';
import { fieldValue } from './field_values';
import type { DeleteOptions, DeleteResult } from './deletion';
import * as deletionModule from './deletion';
import { finalizeNamespace } from './namespace_deletion';
import { bindPod } from './binding';
import * as writeDraftModule from './write_draft';
import * as metadataFieldsModule from './metadata_fields';
import { parseFieldSelectorParam, parseLabelSelectorParam } from './list_params';

// Imported functions on the request path are read once, here: tsx runs this code as CommonJS, where
// every call of an imported name first reads it through two export getters.
const { toRfc3339 } = timeModule;
const { mustResource, resourceForKind } = resourcesModule;
const { applyDefaults } = defaultsModule;
const { prepareForCreate, prepareForUpdate } = strategiesModule;
const { validateCreate, validateUpdate } = validationModule;
const { generateName, generateUid } = namesModule;
const { cloneUnfrozen, deepClone, deepEqual, hasUndefined, hasUndefinedOutsideFrozen, shareFoundDifference, shareSawUndefined, shareUnchanged } = freezeModule;
const { deleteObject, finalizeIfReady, remove } = deletionModule;
const { cloneExceptSpec, ownsTopLevel, takesOver } = writeDraftModule;
const { dropEmptyMetadata, dropSystemFields } = metadataFieldsModule;

/**
 * Components whose objects exist in every cluster (the API server's own Service and Endpoints, the
 * root CA ConfigMaps). Their uids come from a stream of their own, so the uids of a scenario's
 * objects do not depend on how many such system objects there are.
 */
const SYSTEM_ACTORS = new Set(['kubernetes-service-controller', 'root-ca-cert-publisher']);

export type Verb = 'get' | 'list' | 'create' | 'update' | 'updateStatus' | 'delete' | 'bind';

/** A request as data, for interceptors (faults, traces). */
export interface ApiRequest { verb: Verb; kind: string; namespace: string; name: string; actor: string }
export type Interceptor = (request: ApiRequest, next: () => unknown) => unknown;

export interface RequestContext {
  actor: string;
  dryRun?: boolean;
  /**
   * The caller hands the object over (on create and update) or its status (on a status write): built
   * for this request and never mutated again, so the server skips its defensive copy and may freeze
   * and keep it. On an update the object and its metadata must be the caller's own (not frozen);
   * other parts may be frozen parts of stored versions. On a status write an unfrozen top level and
   * metadata count as the caller's own too. Frozen parts hold no undefined values (stored versions
   * never do, nor do the frozen constants components share), so only unfrozen parts are checked for
   * them. For internal components only, never for user input.
   */
  owned?: boolean;
}

export interface ListOptions { namespace?: string; labelSelector?: string | Selector; fieldSelector?: string }

export class ApiServer {
  readonly admission: Admission;
  /** Off = objects are stored without kind validation (a scenario switch; metadata checks still apply). */
  validation = true;
  private readonly interceptors: Interceptor[] = [];
  private readonly busyUntilMs = new Map<string, number>();
  /** The uid stream of every create but the system components' (taken on first use, as the stream itself is). */
  private uidStream: RandomStream | undefined;
  private namespaceSlot: Slot | undefined;

  constructor(readonly sim: Simulation, readonly store: Store) {
    this.admission = new Admission(sim.random.stream('apiserver/volume-names'));
  }

  get now(): string { return toRfc3339(this.sim.nowMs); }

  /** Adds an interceptor around every request; returns a function that removes it. */
  use(interceptor: Interceptor): () => void {
    this.interceptors.push(interceptor);
    return () => {
      const i = this.interceptors.indexOf(interceptor);
      if (i >= 0) this.interceptors.splice(i, 1);
    };
  }

  /**
   * A slow request holds its caller: the caller's next unit of work waits until its requests would
   * have returned (components consult this before they act again).
   */
  holdCaller(actor: string, ms: number): void {
    this.busyUntilMs.set(actor, Math.max(this.busyUntilMs.get(actor) ?? 0, this.sim.nowMs) + ms);
  }

  /** How long `actor` is still waiting on slow requests (0 = free now). */
  callerDelayMs(actor: string): number {
    return Math.max(0, (this.busyUntilMs.get(actor) ?? 0) - this.sim.nowMs);
  }

  private call<T>(request: ApiRequest, body: () => T): T {
    if (this.interceptors.length === 0) return body();
    let i = this.interceptors.length;
    const next = (): unknown => (i > 0 ? this.interceptors[--i]!(request, next) : body());
    return next() as T;
  }

  get(kind: string, namespace: string, name: string, ctx: RequestContext): Stored {
    const info = mustResource(kind);
    if (this.interceptors.length === 0) return this.getNow(info, kind, namespace, name);
    return this.call({ verb: 'get', kind, namespace, name, actor: ctx.actor }, () => this.getNow(info, kind, namespace, name));
  }

  private getNow(info: ResourceInfo, kind: string, namespace: string, name: string): Stored {
    const obj = this.store.get(kind, info.namespaced ? namespace : '', name);
    if (!obj) throw notFound(info, name);
    return obj;
  }

  /**
   * get, with a missing object as undefined: the same request through the same interceptors (none
   * looks at a NotFound), without building an error that the caller would only catch and drop.
   */
  find(kind: string, namespace: string, name: string, ctx: RequestContext): Stored | undefined {
    const info = mustResource(kind);
    if (this.interceptors.length === 0) return this.store.get(kind, info.namespaced ? namespace : '', name);
    return this.call({ verb: 'get', kind, namespace, name, actor: ctx.actor }, () => this.store.get(kind, info.namespaced ? namespace : '', name));
  }

  list(kind: string, options: ListOptions, ctx: RequestContext): { items: Stored[]; resourceVersion: number } {
    const info = mustResource(kind);
    return this.call({ verb: 'list', kind, namespace: options.namespace ?? '', name: '', actor: ctx.actor }, () => {
      const selector = typeof options.labelSelector === 'string' ? parseLabelSelectorParam(options.labelSelector) : options.labelSelector;
      const fields = parseFieldSelectorParam(kind, options.fieldSelector);
      const items = this.store.list(kind, info.namespaced ? options.namespace : undefined)
        .filter(o => (!selector || matches(selector, o.metadata.labels)) && fieldRequirementsMatch(fields, f => fieldValue(o, f)));
      return { items, resourceVersion: this.store.resourceVersion };
    });
  }

  /** Watches a kind from now on; events arrive as scheduled events after the watch's latency. */
  watch(kind: string, options: WatchOptions, handler: (e: WatchEvent) => void): Watcher {
    return this.store.watch(kind, options, handler);
  }

  create<T extends KubeObject>(input: T, ctx: RequestContext): Stored<T> {
    const info = this.resource(input);
    const namespace = info.namespaced ? input.metadata?.namespace || 'default' : '';
    // Without interceptors no request object or closure is built (every write passes here).
    if (this.interceptors.length === 0) return this.createNow(input, ctx, info, namespace);
    return this.call({ verb: 'create', kind: input.kind, namespace, name: input.metadata?.name ?? '', actor: ctx.actor }, () => this.createNow(input, ctx, info, namespace));
  }

  private createNow<T extends KubeObject>(input: T, ctx: RequestContext, info: ResourceInfo, namespace: string): Stored<T> {
    // A handed-over object is used as it is, unless it holds undefined values (the copy drops those keys).
    const draft = (ctx.owned && !hasUndefinedOutsideFrozen(input) ? input : deepClone(input)) as KubeObject & Record<string, any>;
    draft.metadata ??= {};
    if (info.namespaced) draft.metadata.namespace = namespace;
    else delete draft.metadata.namespace;
    if (info.namespaced) this.checkNamespace(namespace, info, input);
    applyDefaults(draft);
    const request: AdmissionRequest | undefined = this.admission.looksAt('CREATE', draft.kind, undefined)
      ? { operation: 'CREATE', kind: draft.kind, object: draft, actor: ctx.actor } : undefined;
    if (request !== undefined) this.admission.mutate(request);
    // Store.create: system fields (uid, creationTimestamp) and the generated name, the kind's BeginCreate
    // (Service allocations), then rest.BeforeCreate: strategy, validation; validating admission; storage.
    const meta = draft.metadata;
    dropSystemFields(meta);
    meta.creationTimestamp = this.now;
    meta.uid = generateUid(SYSTEM_ACTORS.has(ctx.actor) ? this.sim.random.stream('apiserver/uids/system') : (this.uidStream ??= this.sim.random.stream('apiserver/uids')));
    // A generated name was just looked up and found free; without admission nothing else can take it
    // before the existence check below, which then need not look it up again.
    const generated = !meta.name && !!meta.generateName;
    if (generated) meta.name = this.uniqueName(draft.kind, namespace, meta.generateName!);
    if (draft.kind === 'Service') {
      const errs = allocateServiceValues(draft, allocationState(this.store.list('Service')), this.sim.random.stream('apiserver/service-allocations'));
      if (errs.length) throw invalid(info, meta.name ?? '', errs);
    }
    prepareForCreate(draft, info);
    dropEmptyMetadata(meta);
    this.checkValid(draft, info, validateCreate(draft, info));
    if (request !== undefined) this.admission.validate(request);
    if (!(generated && request === undefined) && this.store.get(draft.kind, namespace, meta.name!)) throw alreadyExists(info, meta.name!);
    if (ctx.dryRun) return draft as Stored<T>;
    meta.resourceVersion = String(this.store.nextResourceVersion());
    return this.store.insert(draft as Stored, ctx.actor) as Stored<T>;
  }

  /** PUT: replaces the object (status kept); with metadata.resourceVersion set, a stale one is a Conflict. */
  update<T extends KubeObject>(input: T, ctx: RequestContext): Stored<T> {
    return this.write(input, ctx, undefined);
  }

  /** PUT on the status subresource: only status changes (and what the kind's status strategy lets through). */
  updateStatus<T extends KubeObject>(input: T, ctx: RequestContext): Stored<T> {
    return this.write(input, ctx, 'status');
  }

  private write<T extends KubeObject>(input: T, ctx: RequestContext, subresource: 'status' | undefined): Stored<T> {
    const info = this.resource(input);
    const namespace = info.namespaced ? input.metadata?.namespace || 'default' : '';
    const name = input.metadata?.name ?? '';
    if (this.interceptors.length === 0) return this.writeNow(input, ctx, subresource, info, namespace, name);
    const verb = subresource === 'status' ? 'updateStatus' : 'update';
    return this.call({ verb, kind: input.kind, namespace, name, actor: ctx.actor }, () => this.writeNow(input, ctx, subresource, info, namespace, name));
  }

  private writeNow<T extends KubeObject>(input: T, ctx: RequestContext, subresource: 'status' | undefined, info: ResourceInfo,
    namespace: string, name: string): Stored<T> {
    const slot = this.store.slotOf(input.kind, namespace, name);
    if (slot === undefined) throw notFound(info, name);
    const old = slot.object;
    const rv = input.metadata.resourceVersion;
    if (rv !== undefined && rv !== '' && rv !== old.metadata.resourceVersion) throw conflict(info, name);
    // A status write keeps the stored spec (prepareForUpdate), so the input's spec need not be copied;
    // a handed-over status is not copied either.
    // (A handed-over status is checked for undefined values while it is compared below, not now.)
    const ownedStatus = subresource === 'status' && ctx.owned === true && !(ctx.dryRun && input.status && hasUndefined(input.status));
    const draft = (subresource === 'status' ? (ownedStatus && ownsTopLevel(input) ? input : cloneExceptSpec(input, ownedStatus))
      : ctx.owned === true && takesOver(input, this.admission.mutating.length > 0) ? input : deepClone(input)) as KubeObject & Record<string, any>;
    draft.metadata.namespace = old.metadata.namespace;
    if (!info.namespaced) delete draft.metadata.namespace;
    if (subresource === undefined) applyDefaults(draft);
    const request: AdmissionRequest | undefined = this.admission.looksAt('UPDATE', draft.kind, subresource)
      ? { operation: 'UPDATE', kind: draft.kind, object: draft, oldObject: old, actor: ctx.actor, subresource } : undefined;
    if (request !== undefined) this.admission.mutate(request);
    prepareForUpdate(draft, old, info, subresource);
    dropEmptyMetadata(draft.metadata);
    this.checkValid(draft, info, validateUpdate(draft, old, info, subresource));
    if (request !== undefined) this.admission.validate(request);
    draft.metadata.resourceVersion = old.metadata.resourceVersion;
    // An update that changes nothing writes nothing (GuaranteedUpdate skips identical objects).
    if (ctx.dryRun) return (deepEqual(draft, old) ? old : draft) as Stored<T>;
    // The new version keeps the old one's unchanged parts (fewer objects to freeze and retain) and
    // has the rest frozen on the way (the draft is the server's or handed over: freezing it is allowed
    // even when nothing is written); its metadata stays its own object, which gets the new resourceVersion.
    const meta = draft.metadata;
    let same = shareUnchanged(draft, old, ownedStatus ? 'status' : undefined, true);
    if (ownedStatus && shareSawUndefined()) {
      // The handed-over status holds undefined values: copy it as any other status (dropping those keys) and compare again.
      draft.metadata = meta;
      draft.status = cloneUnfrozen(draft.status);
      same = shareUnchanged(draft, old, undefined, true);
    }
    // (A value that differs along a shared path settles it: see shareFoundDifference.)
    if (same || (!shareFoundDifference() && deepEqual(draft, old))) return old as Stored<T>;
    draft.metadata = meta;
    draft.metadata.resourceVersion = String(this.store.nextResourceVersion());
    const stored = this.store.replaceAt(slot, draft as Stored, ctx.actor);
    return (finalizeIfReady(this, stored, old, ctx.actor) ?? stored) as Stored<T>;
  }

  /** Read-modify-write with a precondition on the version read; the recipe edits a draft (immer). */
  mutate<T extends KubeObject>(kind: string, namespace: string, name: string, recipe: (draft: T) => void, ctx: RequestContext,
    subresource?: 'status'): Stored<T> {
    const current = this.get(kind, namespace, name, ctx) as Stored<T>;
    const next = produce(current, draft => { recipe(draft as T); });
    if (next === current) return current;
    return subresource === 'status' ? this.updateStatus(next, ctx) : this.update(next, ctx);
  }

  delete(kind: string, namespace: string, name: string, options: DeleteOptions, ctx: RequestContext): DeleteResult {
    const info = mustResource(kind);
    const ns = info.namespaced ? namespace || 'default' : '';
    if (this.interceptors.length === 0) return deleteObject(this, info, ns, name, options, ctx);
    return this.call({ verb: 'delete', kind, namespace: ns, name, actor: ctx.actor }, () => deleteObject(this, info, ns, name, options, ctx));
  }

  /** PUT namespaces/<name>/finalize: sets spec.finalizers; a terminating namespace left with none is removed. */
  finalizeNamespace(name: string, finalizers: readonly string[], ctx: RequestContext): Stored {
    const info = mustResource('Namespace');
    return this.call({ verb: 'update', kind: 'Namespace', namespace: '', name, actor: ctx.actor },
      () => finalizeNamespace(this, name, finalizers, ctx, info, obj => remove(this, obj, ctx)));
  }

  /** POST pods/<name>/binding: assigns an unscheduled pod to a node (the scheduler's write). */
  bind(namespace: string, name: string, nodeName: string, ctx: RequestContext): Stored {
    if (this.interceptors.length === 0) return bindPod(this, namespace, name, nodeName, ctx);
    return this.call({ verb: 'bind', kind: 'Pod', namespace, name, actor: ctx.actor }, () => bindPod(this, namespace, name, nodeName, ctx));
  }

  private resource(obj: KubeObject): ResourceInfo {
    const info = resourceForKind(obj?.kind);
    if (!info || info.apiVersion !== obj.apiVersion) {
      throw badRequest(`no kind "${obj?.kind}" is registered for version "${obj?.apiVersion}"`);
    }
    return info;
  }

  /** NamespaceLifecycle admission: the namespace must exist and not be terminating. */
  private checkNamespace(namespace: string, info: ResourceInfo, obj: KubeObject): void {
    // The slot of the namespace last asked for holds its current version while it lives (most creates go to one namespace).
    let slot = this.namespaceSlot;
    if (slot === undefined || slot.writeSeq < 0 || slot.object.metadata.name !== namespace) {
      slot = this.store.slotOf('Namespace', '', namespace);
      if (slot !== undefined) this.namespaceSlot = slot;
    }
    const ns = slot?.object;
    if (!ns) throw notFound(mustResource('Namespace'), namespace);
    if (ns.metadata.deletionTimestamp) {
      throw forbidden(info, admissionObjectName(obj), `unable to create new content in namespace ${namespace} because it is being terminated`);
    }
  }

  private checkValid(obj: KubeObject, info: ResourceInfo, errs: ReturnType<typeof validateCreate>): void {
    const relevant = this.validation ? errs : errs.filter(e => e.field.startsWith('metadata.'));
    if (relevant.length) throw invalid(info, obj.metadata.name ?? obj.metadata.generateName ?? '', relevant);
  }

  private uniqueName(kind: string, namespace: string, prefix: string): string {
    const stream = this.sim.random.stream('apiserver/names');
    for (;;) {
      const name = generateName(prefix, stream);
      if (!this.store.get(kind, namespace, name)) return name;
    }
  }
}

export { labelSelectorAsSelector };
