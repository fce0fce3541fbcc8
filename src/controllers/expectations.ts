// Controller expectations (pkg/controller/controller_utils.go): after issuing creates or deletes a
// controller waits until its informers have observed them before acting again on its cache, or
// until the expectations expire after 5 minutes. The UID-tracking variant records which pod keys
// (namespace and name) it expects to disappear, so a graceful delete and the final removal count once.

export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

interface Record { add: number; del: number; timestampMs: number }

/** What identifies a pod here: its namespace and name. */
type PodRef = { readonly metadata: { readonly namespace?: string; readonly name: string } };

export class UIDTrackingExpectations {
  private readonly records = new Map<string, Record>();
  /** Per key, the pods expected to disappear, by namespace then name (no key strings built per observed event). */
  private readonly deleting = new Map<string, Map<string | undefined, Set<string>>>();

  constructor(private readonly now: () => number) {}

  /** SatisfiedExpectations: no record, fulfilled, or expired. */
  satisfied(key: string): boolean {
    const r = this.records.get(key);
    if (!r) return true;
    if (r.add <= 0 && r.del <= 0) return true;
    return this.now() - r.timestampMs > EXPECTATIONS_TIMEOUT_MS;
  }

  expectCreations(key: string, n: number): void {
    this.records.set(key, { add: n, del: 0, timestampMs: this.now() });
  }

  expectDeletions(key: string, pods: readonly PodRef[]): void {
    const byNamespace = new Map<string | undefined, Set<string>>();
    let size = 0;
    for (let i = 0; i < pods.length; i++) {
      const m = pods[i]!.metadata;
      let names = byNamespace.get(m.namespace);
      if (names === undefined) byNamespace.set(m.namespace, (names = new Set()));
      if (!names.has(m.name)) { names.add(m.name); size++; }
    }
    this.deleting.set(key, byNamespace);
    this.records.set(key, { add: 0, del: size, timestampMs: this.now() });
  }

  creationObserved(key: string): void {
    const r = this.records.get(key);
    if (r) r.add--;
  }

  /** Counts only pods this key was expecting to delete, once each. */
  deletionObserved(key: string, pod: PodRef): void {
    const names = this.deleting.get(key)?.get(pod.metadata.namespace);
    if (names === undefined || !names.delete(pod.metadata.name)) return;
    const r = this.records.get(key);
    if (r) r.del--;
  }

  deleteExpectations(key: string): void {
    this.records.delete(key);
    this.deleting.delete(key);
  }

  /** For diagnostics: what a key is still waiting for. */
  pending(key: string): { add: number; del: number } | undefined {
    const r = this.records.get(key);
    return r ? { add: r.add, del: r.del } : undefined;
  }
}
