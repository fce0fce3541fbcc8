// State checks about single objects: present, gone, and any field by JSONPath.
import type { StateCheck } from '../state';
import { describeRef, type ObjectRef } from '../refs';
import { jsonPathText } from '../jsonpath';
import type { Stored } from '../../api/objects';
import type { ClusterView } from '../view';

const find = (view: ClusterView, ref: ObjectRef): Stored | undefined => view.get(ref.kind, ref.namespace, ref.name);

/** `configmap "x" exists`, with the deletionTimestamp of an object being deleted. */
function presence(obj: Stored): string {
  const deleting = obj.metadata.deletionTimestamp ? ` (deletionTimestamp ${obj.metadata.deletionTimestamp})` : '';
  return `${obj.kind.toLowerCase()} "${obj.metadata.name}" exists${deleting}`;
}

export function objectExists(ref: ObjectRef): StateCheck {
  return {
    description: `${describeRef(ref)} exists`,
    namespace: ref.namespace || undefined,
    evaluate: view => {
      const obj = find(view, ref);
      return obj ? { ok: true, observed: presence(obj) } : { ok: false, observed: `${describeRef(ref)} not found` };
    },
  };
}

/** Gone = not found. An object held by a finalizer or a grace period still exists. */
export function objectGone(ref: ObjectRef): StateCheck {
  return {
    description: `${describeRef(ref)} is gone`,
    namespace: ref.namespace || undefined,
    evaluate: view => {
      const obj = find(view, ref);
      if (!obj) return { ok: true, observed: `${describeRef(ref)} not found` };
      const held = obj.metadata.deletionTimestamp
        ? (obj.metadata.finalizers?.length ? `held by finalizers ${JSON.stringify(obj.metadata.finalizers)}` : 'deleted, waiting for its grace period')
        : undefined;
      return { ok: false, observed: presence(obj), pending: held };
    },
  };
}

export type FieldMatch = 'equal to' | 'containing';

/** `configmap "c" has .data.mode equal to "fast"` — the field as `kubectl get -o jsonpath` prints it. */
export function fieldMatches(ref: ObjectRef, path: string, match: FieldMatch, expected: string): StateCheck {
  return {
    description: `${describeRef(ref)} has ${path} ${match} ${JSON.stringify(expected)}`,
    namespace: ref.namespace || undefined,
    evaluate: view => {
      const obj = find(view, ref);
      if (!obj) return { ok: false, observed: `${describeRef(ref)} not found` };
      const text = jsonPathText(obj, path);
      if (text === undefined) return { ok: false, observed: `${path} is not set` };
      const ok = match === 'equal to' ? text === expected : text.includes(expected);
      return { ok, observed: `${path} is ${JSON.stringify(text)}` };
    },
  };
}

/** `configmap "c" has no .data.mode` — the path selects nothing (the object must exist). */
export function fieldAbsent(ref: ObjectRef, path: string): StateCheck {
  return {
    description: `${describeRef(ref)} has no ${path}`,
    namespace: ref.namespace || undefined,
    evaluate: view => {
      const obj = find(view, ref);
      if (!obj) return { ok: false, observed: `${describeRef(ref)} not found` };
      const text = jsonPathText(obj, path);
      return text === undefined ? { ok: true, observed: `${path} is not set` } : { ok: false, observed: `${path} is ${JSON.stringify(text)}` };
    },
  };
}
