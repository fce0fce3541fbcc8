// Event checks: Events about an object by reason and message, and how many, with every qualifier.
import { defineStateCheck } from './support/catalog';
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
