// Object steps: delete an object (now or later), and state checks about any object — present,
// gone, or a field by JSONPath — each with every temporal qualifier.
import { defineStateCheck, defineStep } from './support/catalog';
import type { KukumberWorld } from './support/world';
import { scheduleAt } from './support/scheduling';
import type { Cluster } from '../src/cluster/cluster';
import type { ObjectRef } from '../src/check/refs';
import { describeRef } from '../src/check/refs';
import { fieldAbsent, fieldMatches, objectExists, objectGone } from '../src/check/checks/objects';
import { isApiError } from '../src/api/errors';
import { durationText } from '../src/check/durations';

/** DELETE as kubectl sends it (default propagation and grace); NotFound in kubectl's words. */
function deleteObject(c: Cluster, ref: ObjectRef): void {
  try {
    c.client('kubectl').delete(ref.kind, ref.namespace, ref.name);
  } catch (e) {
    if (isApiError(e)) throw new Error(`Error from server (${e.reason}): ${e.message}`);
    throw e;
  }
}

defineStep('When', 'I delete {ref}', {
  domain: 'objects', example: 'I delete configmap "settings"',
  doc: 'Deletes the object through the API server, as `kubectl delete` does (default grace period and propagation).',
}, function (this: KukumberWorld, ref: ObjectRef) {
  this.perform(c => deleteObject(c, ref));
});

defineStep('Given', 'I delete {ref} at {duration}', {
  domain: 'objects', example: 'I delete configmap "settings" at 30s',
  doc: 'Deletes the object when the clock reaches that instant (counted from the scenario start), while later steps run the cluster.',
}, function (this: KukumberWorld, ref: ObjectRef, atMs: number) {
  this.perform(c => scheduleAt(c, atMs, `I delete ${describeRef(ref)} at ${durationText(atMs)}`, () => deleteObject(c, ref)));
});

defineStateCheck({
  domain: 'objects', phrase: '{ref} exists', example: 'configmap "settings" exists',
  doc: 'The API server has the object (one being deleted, held by a finalizer or grace period, still exists).',
  build: (ref: ObjectRef) => objectExists(ref),
});

defineStateCheck({
  domain: 'objects', phrase: '{ref} is gone', example: 'pod "web-0" is gone',
  doc: 'The API server no longer has the object.',
  build: (ref: ObjectRef) => objectGone(ref),
});

defineStateCheck({
  domain: 'objects', phrase: '{ref} has {jsonpath} equal to {string}', example: 'configmap "settings" has .data.mode equal to "fast"',
  doc: 'The field, printed as `kubectl get -o jsonpath` prints it, is exactly the text.',
  build: (ref: ObjectRef, path: string, text: string) => fieldMatches(ref, path, 'equal to', text),
});

defineStateCheck({
  domain: 'objects', phrase: '{ref} has {jsonpath} containing {string}', example: 'pod "web" has .spec.containers[0].image containing "nginx"',
  doc: 'The field, printed as `kubectl get -o jsonpath` prints it, contains the text.',
  build: (ref: ObjectRef, path: string, text: string) => fieldMatches(ref, path, 'containing', text),
});

defineStateCheck({
  domain: 'objects', phrase: '{ref} has no {jsonpath}', example: 'configmap "settings" has no .data.debug',
  doc: 'The object exists and the path selects nothing.',
  build: (ref: ObjectRef, path: string) => fieldAbsent(ref, path),
});
