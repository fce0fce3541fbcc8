// helper.DefaultSelector (pkg/scheduler/framework/plugins/helper/spread.go): the label selector of the
// Services selecting a pod, narrowed by its controlling ReplicationController, ReplicaSet or
// StatefulSet. PodTopologySpread's system default constraints spread pods matching it.
import type { LabelSelector, Pod, Stored } from '../api/objects';
import type { InformerFactory } from '../controllers/informer';
import { labelSelectorAsSelector, matches, selectorFromSet, type Requirement, type Selector } from '../api/selectors';

/**
 * The selector of a pod no Service selects (the "kubernetes" Service has no selector), by its owner's (frozen, so unchanging) selector object:
 * pods of one controller share it, and it survives the owner's status writes. null = no selector.
 */
const byReplicaSetSelector = new WeakMap<object, Selector | null>();
const byControllerSelector = new WeakMap<object, Selector | null>();

export function defaultSelector(pod: Stored<Pod>, informers: InformerFactory): Selector | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  const labelSet: Record<string, string> = {};
  let selectedByService = false;
  for (const svc of informers.informer('Service').byIndex('namespace', ns)) {
    const sel = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector;
    if (sel && Object.keys(sel).length && matches(selectorFromSet(sel), pod.metadata.labels)) { Object.assign(labelSet, sel); selectedByService = true; }
  }
  const owner = controllerOf(pod);
  const kind = owner === undefined ? undefined : owner.kind === 'ReplicationController' ? 'ReplicationController'
    : owner.kind === 'ReplicaSet' ? 'ReplicaSet' : owner.kind === 'StatefulSet' ? 'StatefulSet' : undefined;
  const obj = kind ? informers.informer(kind).get(ns, owner!.name) : undefined;
  if (!selectedByService) {
    if (!obj) return undefined;
    const ownerSelector = (obj.spec as { selector?: object } | undefined)?.selector;
    if (ownerSelector !== undefined && ownerSelector !== null) {
      const memo = kind === 'ReplicationController' ? byControllerSelector : byReplicaSetSelector;
      let s = memo.get(ownerSelector);
      if (s === undefined) {
        s = selectorOf(kind!, obj, labelSet, []) ?? null;
        memo.set(ownerSelector, s);
      }
      return s ?? undefined;
    }
  }
  return selectorOf(kind, obj, labelSet, selectorFromSet(labelSet).requirements);
}

/** The first controller reference (an indexed loop: this runs for every pod scheduled). */
function controllerOf(pod: Pod): { kind: string; name: string } | undefined {
  const refs = pod.metadata.ownerReferences;
  if (refs) for (let i = 0; i < refs.length; i++) if (refs[i]!.controller) return refs[i];
  return undefined;
}

/** The services' requirements narrowed by the owner's selector. */
function selectorOf(kind: string | undefined, obj: Stored | undefined, labelSet: Record<string, string>, fromServices: Requirement[]): Selector | undefined {
  let requirements: Requirement[] = [...fromServices];
  if (obj && kind === 'ReplicationController') {
    Object.assign(labelSet, (obj.spec as { selector?: Record<string, string> }).selector ?? {});
    requirements = [...selectorFromSet(labelSet).requirements];
  } else if (obj) {
    try {
      requirements = [...requirements, ...labelSelectorAsSelector((obj.spec as { selector?: LabelSelector }).selector).requirements];
    } catch { /* an invalid selector adds nothing */ }
  }
  return requirements.length ? { requirements } : undefined;
}
