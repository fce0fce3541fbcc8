// State checks about Events: by the object they involve, their reason and message. Counts add up
// each Event's `count`, since the recorder folds repeats into one Event with a growing count.
import type { Event, Stored } from '../../api/objects';
import type { StateCheck } from '../state';
import { describeRef, type ObjectRef } from '../refs';
import { amountHolds, countNoun, describeAmount, type Amount } from '../amount';
import type { ClusterView } from '../view';

/** Events about an object, matched by kind, namespace and name (as `kubectl describe` matches them, less the uid). */
export function eventsAbout(view: ClusterView, ref: ObjectRef): Stored<Event>[] {
  const ns = ref.namespace || 'default';
  return (view.list('Event', ns) as Stored<Event>[]).filter(e => {
    const io = e.involvedObject;
    return io?.kind === ref.kind && io.name === ref.name && (io.namespace ?? '') === ref.namespace;
  });
}

export interface MessageMatch { how: 'equal to' | 'containing'; text: string }

const matchesMessage = (e: Event, m: MessageMatch | undefined): boolean =>
  !m || (m.how === 'equal to' ? e.message === m.text : (e.message ?? '').includes(m.text));

/** `Normal SuccessfulCreate: Created pod: web-x (x2)` */
export function formatEvent(e: Event): string {
  const times = (e.count ?? 1) > 1 ? ` (x${e.count})` : '';
  return `${e.type} ${e.reason}: ${e.message}${times}`;
}

function seen(events: Event[], ref: ObjectRef): string {
  if (events.length === 0) return `no events about ${describeRef(ref)}`;
  const shown = events.slice(-5).map(formatEvent).join('; ');
  return `events about ${describeRef(ref)}: ${events.length > 5 ? `… ${events.length - 5} more; ` : ''}${shown}`;
}

const messageWords = (m: MessageMatch | undefined): string => (m ? ` with message ${m.how === 'containing' ? 'containing ' : ''}${JSON.stringify(m.text)}` : '');

export function hasEvent(ref: ObjectRef, reason: string, message?: MessageMatch): StateCheck {
  return {
    description: `${describeRef(ref)} has an event ${JSON.stringify(reason)}${messageWords(message)}`,
    namespace: ref.namespace || undefined,
    related: ['Event'],
    evaluate: view => {
      const events = eventsAbout(view, ref);
      const hit = events.find(e => e.reason === reason && matchesMessage(e, message));
      return hit ? { ok: true, observed: formatEvent(hit) } : { ok: false, observed: seen(events, ref) };
    },
  };
}

export function eventCount(ref: ObjectRef, amount: Amount, reason: string): StateCheck {
  return {
    description: `${describeRef(ref)} has ${describeAmount(amount)} ${JSON.stringify(reason)} event${amount.n === 1 && amount.op === '=' ? '' : 's'}`,
    namespace: ref.namespace || undefined,
    related: ['Event'],
    evaluate: view => {
      const matching = eventsAbout(view, ref).filter(e => e.reason === reason);
      const n = matching.reduce((sum, e) => sum + (e.count ?? 1), 0);
      return { ok: amountHolds(amount, n), observed: `${countNoun(n, `${JSON.stringify(reason)} event`)}` };
    },
  };
}
