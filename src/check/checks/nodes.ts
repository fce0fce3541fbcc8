// State checks about nodes' taints (the ones a scenario gives and the ones the node lifecycle
// controller adds), written as `kubectl taint` writes them: `key=value:Effect` or `key:Effect`.
import type { Node, Stored, Taint } from '../../api/objects';
import type { StateCheck } from '../state';
import { describeRef, type ObjectRef } from '../refs';
import { formatTaint, parseTaint } from '../../cluster/node_table';

const sameTaint = (a: Taint, b: Taint): boolean => a.key === b.key && (a.value ?? '') === (b.value ?? '') && a.effect === b.effect;

/** `node "node02" has taint "node.kubernetes.io/unreachable:NoExecute"`, or `has no taint "…"`. */
export function nodeTaint(ref: ObjectRef, spec: string, present: boolean): StateCheck {
  if (ref.kind !== 'Node') throw new Error(`${describeRef(ref)}: only nodes have taints (write node "name")`);
  const wanted = parseTaint(spec);
  return {
    description: `${describeRef(ref)} has ${present ? '' : 'no '}taint ${JSON.stringify(spec)}`,
    evaluate: view => {
      const node = view.get('Node', '', ref.name) as Stored<Node> | undefined;
      if (!node) return { ok: false, observed: `${describeRef(ref)} not found` };
      const taints = node.spec?.taints ?? [];
      const has = taints.some(t => sameTaint(t, wanted));
      return { ok: has === present, observed: taints.length ? `taints: ${taints.map(formatTaint).join(', ')}` : 'no taints' };
    },
  };
}
