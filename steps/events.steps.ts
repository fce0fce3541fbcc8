// Event checks: Events about an object by reason and message, and how many, with every qualifier;
// and the whole sequence an object got, in order, read from the history.
import type { DataTable } from '@cucumber/cucumber';
import { defineStateCheck, defineStep } from './support/catalog';
import type { KukumberWorld } from './support/world';
import { checkEventSequence, type ExpectedEvent } from '../src/check/event_history';
import { parseDuration } from '../src/sim/time';
import type { ObjectRef } from '../src/check/refs';
import type { Amount } from '../src/check/amount';
import { eventCount, hasEvent } from '../src/check/checks/events';

defineStateCheck({
  domain: 'events', phrase: '{ref} has an event {string}', example: 'replicaset "web" has an event "SuccessfulCreate"',
  doc: 'An Event about the object (matched by kind, namespace and name) has this reason.',
  build: (ref: ObjectRef, reason: string) => hasEvent(ref, reason),
});

defineStateCheck({
  domain: 'events', phrase: '{ref} has an event {string} with message {string}',
  example: 'replicaset "web" has an event "SuccessfulCreate" with message "Created pod: web-x7k2p"',
  doc: 'An Event about the object has this reason and exactly this message.',
  build: (ref: ObjectRef, reason: string, message: string) => hasEvent(ref, reason, { how: 'equal to', text: message }),
});

defineStateCheck({
  domain: 'events', phrase: '{ref} has an event {string} with message containing {string}',
  example: 'pod "web" has an event "FailedScheduling" with message containing "Insufficient cpu"',
  doc: 'An Event about the object has this reason and a message containing the text.',
  build: (ref: ObjectRef, reason: string, text: string) => hasEvent(ref, reason, { how: 'containing', text }),
});

defineStateCheck({
  domain: 'events', phrase: '{ref} has {amount} {string} event(s)', example: 'replicaset "web" has 3 "SuccessfulCreate" events',
  doc: 'Events about the object with this reason, counting repeats the recorder folded into one Event (its count).',
  build: (ref: ObjectRef, amount: Amount, reason: string) => eventCount(ref, amount, reason),
});

/** Rows of `| at | message |` (the at column optional) as expected events. */
function expectedEvents(table: DataTable): ExpectedEvent[] {
  return table.hashes().map((row, i) => {
    if (row.message === undefined) throw new Error('the table needs a "message" column (and optionally "at")');
    if (row.at === undefined || row.at === '') return { message: row.message };
    const atMs = parseDuration(row.at);
    if (atMs === undefined) throw new Error(`row ${i + 1}: "${row.at}" is not a duration (write 1m, 61s, 1m1.5s)`);
    return { atMs, message: row.message };
  });
}

defineStep('Then', '{ref} got these {string} events:', {
  domain: 'events', example: 'deployment "web" got these "ScalingReplicaSet" events:', block: 'data table',
  doc: 'Every Event with this reason about the object since the scenario started, in the order recorded (a repeat folded into an Event counts again), is the table\'s: a `message` column ("..." matches any text) and optionally an `at` column (the virtual instant).',
}, function (this: KukumberWorld, ref: ObjectRef, reason: string, table: DataTable) {
  const expected = expectedEvents(table);
  this.check(c => checkEventSequence(c, ref, reason, expected, this.since(c)));
});

defineStep('Then', 'since {string}, {ref} got these {string} events:', {
  domain: 'events', example: 'since "rollout-start", deployment "web" got these "ScalingReplicaSet" events:', block: 'data table',
  doc: 'As above, for the events recorded since the mark.',
}, function (this: KukumberWorld, mark: string, ref: ObjectRef, reason: string, table: DataTable) {
  const expected = expectedEvents(table);
  this.check(c => checkEventSequence(c, ref, reason, expected, this.since(c, mark)));
});
