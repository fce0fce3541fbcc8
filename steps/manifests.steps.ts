// Manifest steps: apply YAML from a doc string or a fixture file, or expect it to be rejected.
import { Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { KukumberWorld } from './support/world';
import { applyManifest, ManifestRejected } from '../src/cluster/apply';
import { resolveFixture } from '../src/cluster/fixtures';

When('I apply the manifest:', function (this: KukumberWorld, yaml: string) {
  applyManifest(this.cluster, yaml, 'manifest');
});

When('I apply the fixture {string}', function (this: KukumberWorld, path: string) {
  applyManifest(this.cluster, undefined, resolveFixture(path));
});

When('I try to apply the manifest:', function (this: KukumberWorld, yaml: string) {
  try {
    applyManifest(this.cluster, yaml, 'manifest');
    this.lastError = undefined;
  } catch (e) {
    if (!(e instanceof ManifestRejected)) throw e;
    this.lastError = (e as ManifestRejected).message;
  }
});

Then('it is rejected with:', function (this: KukumberWorld, expected: string) {
  expect(this.lastError, 'the manifest was accepted').to.not.equal(undefined);
  expect(this.lastError).to.equal(expected.trim());
});
