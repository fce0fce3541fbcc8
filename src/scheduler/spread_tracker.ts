// PodTopologySpread's per-node counts for the scheduler cache: the pods matching one (namespace,
// selector), kept per node as pods come, go and change, so scoring reads a number instead of scanning
// every pod on every node.
import type { Pod } from '../api/objects';
import { matches, type Selector } from '../api/selectors';

const MIN_SLOTS = 64;

/** The pods matching one (namespace, selector), per node. */
export class SpreadTracker {
  /**
   * Matching pods per node, by the node's slot (NodeInfo.slot): one dense list, which a scoring
   * cycle reads for every feasible node. Sized for every slot the cache has handed out.
   */
  bySlot: Int32Array;

  constructor(readonly id: number, readonly namespace: string, readonly selector: Selector, slots = 0) {
    this.bySlot = new Int32Array(Math.max(slots, MIN_SLOTS));
  }

  /** Makes room for a new node's slot (doubling, so growth is rare). */
  ensureSlot(slot: number): void {
    if (slot < this.bySlot.length) return;
    const grown = new Int32Array(Math.max(this.bySlot.length * 2, slot + 1));
    grown.set(this.bySlot);
    this.bySlot = grown;
  }

  /** countPodsMatchSelector's test: not being deleted, same namespace, labels matching. */
  counts(p: Pod): boolean {
    return !p.metadata.deletionTimestamp && p.metadata.namespace === this.namespace && matches(this.selector, p.metadata.labels);
  }
}
