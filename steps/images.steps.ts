// Image profiles for a scenario: how images behave (pull time, probes that answer, crashes, memory,
// SIGTERM), inline or from a file in the format of fixtures/images.yaml. Read before the cluster is
// built; a bad entry fails at once with the line and field.
import { defineStep } from './support/catalog';
import type { KukumberWorld } from './support/world';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseCatalogue } from '../src/kubelet/image_catalogue';
import { resolveFixture } from '../src/cluster/fixtures';

function beforeCluster(world: KukumberWorld, step: string): void {
  if (world.hasCluster) throw new Error(`${step}: the cluster is already built; give image profiles before any step that uses it`);
}

defineStep('Given', 'the image profiles:', {
  domain: 'images', example: 'the image profiles:', block: 'doc string',
  doc: 'Adds image profiles (YAML with an `images:` list, fields as fixtures/images.yaml documents them); they win over the catalogue\'s entries for the same image.',
}, function (this: KukumberWorld, yaml: string) {
  beforeCluster(this, 'the image profiles');
  parseCatalogue(yaml, 'image profiles'); // fails here, naming line and field
  const entries = (parse(yaml) as { images?: Record<string, unknown>[] } | null)?.images ?? [];
  (this.clusterOptions.images ??= []).push(...entries);
});

defineStep('Given', 'the image profiles in {string}', {
  domain: 'images', example: 'the image profiles in "fixtures/my-images.yaml"',
  doc: 'As above, from a file (a path from the working directory, else under fixtures/).',
}, function (this: KukumberWorld, path: string) {
  beforeCluster(this, 'the image profiles in');
  const file = resolveFixture(path);
  parseCatalogue(readFileSync(file, 'utf8'), path); // fails here, naming line and field
  (this.clusterOptions.images ??= []).push(file);
});
