// helper.DefaultSelector (pkg/scheduler/framework/plugins/helper/spread.go): the label selector of the
// Services selecting a pod, narrowed by its controlling ReplicationController, ReplicaSet or
// StatefulSet. PodTopologySpread's system default constraints spread pods matching it.
import type { LabelSelector, Pod, Stored } from '../api/objects';
import type { InformerFactory } from '../controllers/informer';
import { labelSelectorAsSelector, matches, selectorFromSet, type Requirement, type Selector } from '../api/selectors';

export function defaultSelector(pod: Stored<Pod>, informers: InformerFactory): Selector | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  const labelSet: Record<string, string> = {};
  for (const svc of informers.informer('Service').byIndex('namespace', ns)) {
    const sel = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector;
    if (sel && Object.keys(sel).length && matches(selectorFromSet(sel), pod.metadata.labels)) Object.assign(labelSet, sel);
  }
  let requirements: Requirement[] = [...selectorFromSet(labelSet).requirements];
  const owner = pod.metadata.ownerReferences?.find(r => r.controller);
  if (owner) {
    const kind = owner.kind === 'ReplicationController' ? 'ReplicationController' : owner.kind === 'ReplicaSet' ? 'ReplicaSet'
      : owner.kind === 'StatefulSet' ? 'StatefulSet' : undefined;
    const obj = kind ? informers.informer(kind).get(ns, owner.name) : undefined;
    if (obj && kind === 'ReplicationController') {
      Object.assign(labelSet, (obj.spec as { selector?: Record<string, string> }).selector ?? {});
      requirements = [...selectorFromSet(labelSet).requirements];
    } else if (obj) {
      try {
        requirements = [...requirements, ...labelSelectorAsSelector((obj.spec as { selector?: LabelSelector }).selector).requirements];
      } catch { /* an invalid selector adds nothing */ }
    }
  }
  return requirements.length ? { requirements } : undefined;
}
