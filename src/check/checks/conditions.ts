// State checks about status conditions (`status.conditions[type=…]`), for any kind that has them.
import type { Condition } from '../../api/objects';
import type { StateCheck } from '../state';
import { describeRef, type ObjectRef } from '../refs';

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export function formatCondition(c: Condition): string {
  const why = [c.reason && `reason ${c.reason}`, c.message && `message ${JSON.stringify(c.message)}`].filter(Boolean).join(', ');
  return `${c.type}=${c.status}${why ? ` (${why})` : ''}`;
}

/** `pod "web" has condition Ready=True`, optionally `with reason "…"`. */
export function hasCondition(ref: ObjectRef, type: string, status: ConditionStatus, reason?: string): StateCheck {
  return {
    description: `${describeRef(ref)} has condition ${type}=${status}${reason ? ` with reason ${JSON.stringify(reason)}` : ''}`,
    namespace: ref.namespace || undefined,
    evaluate: view => {
      const obj = view.get(ref.kind, ref.namespace, ref.name);
      if (!obj) return { ok: false, observed: `${describeRef(ref)} not found` };
      const conditions = (obj.status?.conditions ?? []) as Condition[];
      const c = conditions.find(x => x.type === type);
      if (!c) {
        const others = conditions.map(formatCondition).join(', ');
        return { ok: false, observed: `no ${type} condition${others ? ` (conditions: ${others})` : ' (no conditions)'}` };
      }
      return { ok: c.status === status && (reason === undefined || c.reason === reason), observed: formatCondition(c) };
    },
  };
}
