// What a scenario does to a workload's pods when it does not know their generated names: delete some
// of them, as `kubectl delete pod <name>…` would (default grace period), picked in name order among
// the pods not already being deleted, optionally only those on one image.
import type { Cluster } from './cluster';
import type { Pod, Stored } from '../api/objects';
import { LiveView } from '../check/view';
import { podsOf } from '../check/checks/workloads';
import { describeRef, type ObjectRef } from '../check/refs';

/** Deletes `count` of the workload's pods; returns their names. Fails, deleting nothing, when there are fewer. */
export function deletePodsOf(c: Cluster, ref: ObjectRef, count: number, image?: string): string[] {
  const owner = c.store.get(ref.kind, ref.namespace, ref.name);
  if (!owner) throw new Error(`${describeRef(ref)} not found`);
  const candidates = podsOf(new LiveView(c.sim, c.store), owner)
    .filter((p: Stored<Pod>) => !p.metadata.deletionTimestamp && (image === undefined || p.spec.containers.some(x => x.image === image)));
  if (candidates.length < count) {
    const which = image === undefined ? '' : ` with image ${JSON.stringify(image)}`;
    throw new Error(`${describeRef(ref)} has ${candidates.length} pods${which} not being deleted; cannot delete ${count}`);
  }
  const names = candidates.slice(0, count).map(p => p.metadata.name);
  const client = c.client('kubectl');
  for (const name of names) client.delete('Pod', ref.namespace, name);
  return names;
}
