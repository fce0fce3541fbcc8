// Manifest steps: apply YAML from a doc string or a fixture file — now or at a later virtual
// instant — or expect it to be rejected.
import { expect } from 'chai';
import { defineStep } from './support/catalog';
import type { KukumberWorld } from './support/world';
import { scheduleAt } from './support/scheduling';
import { applyManifest, ManifestRejected } from '../src/cluster/apply';
import { resolveFixture } from '../src/cluster/fixtures';
import { durationText } from '../src/check/durations';
import { formatManifestError, loadManifestText } from '../src/api/manifests';

defineStep('When', 'I apply the manifest:', {
  domain: 'manifests', example: 'I apply the manifest:', block: 'doc string',
  doc: 'Applies every document in the doc string, all or nothing (as `kubectl apply -f`).',
}, function (this: KukumberWorld, yaml: string) {
  this.perform(c => applyManifest(c, yaml, 'manifest'));
});

defineStep('When', 'I apply the fixture {string}', {
  domain: 'manifests', example: 'I apply the fixture "replicaset.yaml"',
  doc: 'Applies a YAML file: a path from the working directory, else under fixtures/.',
}, function (this: KukumberWorld, path: string) {
  const file = resolveFixture(path);
  this.perform(c => applyManifest(c, undefined, file));
});

defineStep('Given', 'I apply the manifest at {duration}:', {
  domain: 'manifests', example: 'I apply the manifest at 30s:', block: 'doc string',
  doc: 'Parses the manifest now and applies it when the clock reaches that instant (counted from the scenario start), while later steps run the cluster.',
}, function (this: KukumberWorld, atMs: number, yaml: string) {
  this.perform(c => {
    const load = loadManifestText(yaml, 'manifest');
    if (load.errors.length) throw new ManifestRejected(formatManifestError(load.errors[0]!));
    scheduleAt(c, atMs, `I apply the manifest at ${durationText(atMs)}`, () => { applyManifest(c, yaml, 'manifest'); });
  });
});

defineStep('When', 'I try to apply the manifest:', {
  domain: 'manifests', example: 'I try to apply the manifest:', block: 'doc string',
  doc: 'Applies the manifest, keeping a rejection for the next step instead of failing.',
}, function (this: KukumberWorld, yaml: string) {
  this.lastError = this.perform(c => {
    try {
      applyManifest(c, yaml, 'manifest');
      return undefined;
    } catch (e) {
      if (!(e instanceof ManifestRejected)) throw e;
      return e.message;
    }
  });
});

defineStep('Then', 'it is rejected with:', {
  domain: 'manifests', example: 'it is rejected with:', block: 'doc string',
  doc: 'The last tried manifest was rejected with exactly this message (file:line: then kubectl\'s words).',
}, function (this: KukumberWorld, expected: string) {
  expect(this.lastError, 'the manifest was accepted').to.not.equal(undefined);
  expect(this.lastError).to.equal(expected.trim());
});
