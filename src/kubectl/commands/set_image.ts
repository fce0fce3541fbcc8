// kubectl set image (kubectl pkg/cmd/set/set_image.go, polymorphichelpers/updatepodspec.go):
// sets container images in a pod or a pod template by container name ("*" = all containers,
// init and ephemeral ones included); prints "<kind>/<name> image updated" for every object that
// changed and nothing for one that already had the images. Unknown containers are reported at the end.
import { isApiError } from '../../api/errors';
import type { KubeObject } from '../../api/objects';
import type { CommandSpec, Invocation } from '../types';
import { buildTargets, partition } from '../builder';
import { aggregate, renderError } from '../errors';
import { ALL, dryRunOf, DRY_RUN, FIELD_MANAGER, FILENAME, list, OUTPUT, RECORD, RECURSIVE, SELECTOR, selection } from '../flag_values';
import { nameLine, withDryRun } from '../name_printer';
import { parsePairs, resourcesAndPairs } from '../pairs';
import { checkOutput } from './apply';
import { clone, deepEqual } from '../patch/json_values';

interface PodSpecLike { containers?: { name: string; image?: string }[]; initContainers?: { name: string; image?: string }[]; ephemeralContainers?: { name: string; image?: string }[] }

/** UpdatePodSpecForObject: where each kind keeps its pod spec. */
export function podSpecOf(obj: KubeObject): PodSpecLike | undefined {
  switch (obj.kind) {
    case 'Pod': return obj.spec;
    case 'ReplicationController': case 'Deployment': case 'DaemonSet': case 'ReplicaSet': case 'StatefulSet': case 'Job':
      return obj.spec?.template?.spec;
    case 'CronJob': return obj.spec?.jobTemplate?.spec?.template?.spec;
    default: return undefined;
  }
}

function setImages(spec: PodSpecLike, images: Map<string, string>, errs: Error[]): void {
  for (const [name, image] of images) {
    let found = false;
    for (const list of [spec.initContainers, spec.containers, spec.ephemeralContainers]) {
      for (const c of list ?? []) {
        if (name === '*' || c.name === name) { c.image = image; found = true; }
      }
    }
    if (!found) errs.push(new Error(`error: unable to find container named ${JSON.stringify(name)}`));
  }
}

function validate(resources: string[], filenames: string[], images: Map<string, string>, sel: { all: boolean; selector?: string }): Error[] {
  const errs: Error[] = [];
  if (sel.all && sel.selector) errs.push(new Error('cannot set --all and --selector at the same time'));
  if (resources.length < 1 && filenames.length === 0) errs.push(new Error('one or more resources must be specified as <resource> <name> or <resource>/<name>'));
  if (images.size < 1) errs.push(new Error('at least one image update is required'));
  else if (images.size > 1 && images.has('*')) errs.push(new Error('all containers are already specified by *, but saw more than one container_name=container_image pairs'));
  return errs;
}

function run(inv: Invocation): number {
  const short = checkOutput(inv);
  const dryRun = dryRunOf(inv.flags);
  const { resources, pairs } = resourcesAndPairs(inv.args, 'image');
  const images = parsePairs(pairs, 'image', false).set;
  const sel = selection(inv.flags, inv.changed);
  const filenames = list(inv.flags, 'filename');
  const invalid = aggregate(validate(resources, filenames, images, sel));
  if (invalid) throw invalid;
  const { targets, errors } = partition(buildTargets(inv, { args: resources, filenames, ...sel }));
  const infoErr = aggregate(errors);
  if (infoErr) throw infoErr;
  const allErrs: Error[] = [];
  for (const t of targets) {
    const live = t.object ?? inv.ctx.cluster.store.get(t.info.kind, t.namespace, t.name)!;
    const obj = clone(live) as KubeObject;
    const spec = podSpecOf(obj);
    if (!spec) {
      allErrs.push(new Error(`error: ${t.info.plural}/${t.name} the object is not a pod or does not have a pod template: *v1.${t.info.kind}\n`));
      continue;
    }
    setImages(spec, images, allErrs);
    if (deepEqual(obj, live)) continue; // an empty patch: nothing sent, nothing printed
    if (dryRun !== 'client') {
      try {
        inv.ctx.cluster.api.update(obj, { actor: 'kubectl-set', dryRun: dryRun === 'server' });
      } catch (e) {
        if (!isApiError(e)) throw e;
        allErrs.push(new Error(`failed to patch image update to pod template: ${e.message}`));
        continue;
      }
    }
    inv.out(nameLine(t.info, t.name, withDryRun('image updated', dryRun), short));
  }
  const err = aggregate(allErrs);
  if (!err) return 0;
  inv.err(renderError(err));
  return 1;
}

export const setImageCommand: CommandSpec = {
  name: 'set image',
  flags: [FILENAME, RECURSIVE, SELECTOR, ALL, OUTPUT, DRY_RUN, RECORD, FIELD_MANAGER,
    { name: 'local', type: 'bool', default: false },
    { name: 'show-managed-fields', type: 'bool', default: false },
  ],
  run,
};
