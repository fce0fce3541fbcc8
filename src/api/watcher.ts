// One watch as the store's fan-out sees it: its options and filters (namespace, label and field
// selectors, latency), and the event a write becomes for it (shared by every watcher that sees the same).
import type { Stored } from './objects';
import type { WatchEventType } from './history';
import { matches, type FieldRequirement, type Selector } from './selectors';
import * as field_valuesModule from './field_values';

// Imported functions on the request path are read once, here: tsx runs this code as CommonJS, where
// every call of an imported name first reads it through two export getters.
const { fieldValue } = field_valuesModule;

/** One write as a watcher sees it; one event object is shared by every watcher that sees the same thing. */
export class WatchEvent {
  private keyMemo: string | undefined = undefined;

  constructor(readonly type: WatchEventType, readonly object: Stored, readonly rv: number) {}

  /**
   * The object's "namespace/name" (client-go MetaNamespaceKeyFunc), built on first use and then
   * shared by the informers the event reaches (the object is frozen, so the key cannot go stale).
   */
  get key(): string {
    if (this.keyMemo === undefined) {
      const m = this.object.metadata;
      this.keyMemo = m.namespace ? `${m.namespace}/${m.name}` : m.name;
    }
    return this.keyMemo;
  }
}

export interface WatchOptions {
  /** Who is watching (for traces and fault targeting), e.g. "replicaset-controller". */
  watcher: string;
  namespace?: string;
  labelSelector?: Selector;
  fieldSelector?: FieldRequirement[];
  /** Delivery latency for this watch; defaults to the store's watch latency. */
  latencyMs?: number;
}

export class Watcher {
  stopped = false;
  /** No filters at all: sees every write as it is. */
  readonly unfiltered: boolean;
  /** Latest instant an event was scheduled for, so later writes are never delivered earlier. */
  lastDeliveryMs = 0;
  /** When set, events are held back this much more (a watch-delay fault). */
  extraDelayMs = 0;

  constructor(readonly kind: string, readonly options: WatchOptions, readonly handler: (e: WatchEvent) => void,
    readonly latencyMs: number, readonly indexed?: FieldRequirement) {
    this.unfiltered = !options.namespace && !options.labelSelector && !(options.fieldSelector && options.fieldSelector.length);
  }

  stop(): void { this.stopped = true; }

  /** Does this object pass the watch's filters? */
  selects(obj: Stored): boolean {
    const o = this.options;
    if (o.namespace && obj.metadata.namespace !== o.namespace) return false;
    if (o.labelSelector && !matches(o.labelSelector, obj.metadata.labels)) return false;
    if (o.fieldSelector) {
      // fieldRequirementsMatch, without a getter closure per call (indexed: no iterator per call).
      const reqs = o.fieldSelector;
      for (let i = 0; i < reqs.length; i++) {
        const r = reqs[i]!;
        const v = fieldValue(obj, r.field) ?? '';
        if (r.operator === '=' ? v !== r.value : v === r.value) return false;
      }
    }
    return true;
  }
}
