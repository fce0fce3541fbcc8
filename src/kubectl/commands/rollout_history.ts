// kubectl rollout history (with --revision=N, one revision's pod template) and rollout undo for
// Deployments (kubectl pkg/polymorphichelpers/history.go DeploymentHistoryViewer, rollback.go
// DeploymentRollbacker): revisions come from the ReplicaSets the Deployment controls; undo copies a
// revision's pod template (pod-template-hash dropped) and its annotations back into the Deployment.
// DaemonSet and StatefulSet histories live in ControllerRevisions, which kukumber does not model yet.
import type { CommandSpec, Invocation } from '../types';
import { KubectlError } from '../types';
import type { Target } from '../builder';
import { dryRunOf, DRY_RUN, FILENAME, int, list, OUTPUT, RECURSIVE, SELECTOR } from '../flag_values';
import { nameLine } from '../name_printer';
import { allReplicaSets, CHANGE_CAUSE_ANNOTATION, equalIgnoreHash, revision, REVISION_ANNOTATION, withoutHash } from '../rollout/deployment_util';
import { groupKindString, rolloutTargets } from './rollout_targets';
import { PrefixWriter } from '../describe/writer';
import { describePodTemplate } from '../describe/pod';
import type { PodTemplateSpec } from '../../api/objects';
import { checkOutput } from './apply';

function requireResource(inv: Invocation): void {
  if (inv.args.length === 0 && list(inv.flags, 'filename').length === 0) throw new KubectlError('required resource not specified');
}

function unsupported(t: Target, what: 'history viewer' | 'rollbacker', verb: string): never {
  if (t.info.kind === 'DaemonSet' || t.info.kind === 'StatefulSet') {
    throw new KubectlError(`kukumber does not support "kubectl rollout ${verb}" for ${t.info.plural} yet`);
  }
  throw new KubectlError(`no ${what} has been implemented for ${JSON.stringify(groupKindString(t.info))}`);
}

/**
 * ViewHistory: "REVISION  CHANGE-CAUSE" in tabwriter columns (padding 2), revisions ascending; with
 * a revision, that ReplicaSet's pod template as printTemplate writes it — DescribePodTemplate on a
 * PrefixWriter without a tabwriter, so its tabs reach the terminal as tabs, with the revision's
 * change-cause added to the template's annotations (polymorphichelpers/history.go).
 */
function viewHistory(inv: Invocation, t: Target, wanted: number): string {
  const { old, current } = allReplicaSets(inv.ctx.cluster.api, t.object!);
  const causes = new Map<number, string>();
  const templates = new Map<number, PodTemplateSpec>();
  for (const rs of current ? [...old, current] : old) {
    const v = revision(rs);
    if (Number.isNaN(v)) continue; // kubectl logs a warning and skips it
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? '';
    causes.set(v, cause);
    const template = (rs.spec?.template ?? {}) as PodTemplateSpec;
    const annotations = { ...template.metadata?.annotations, ...(cause ? { [CHANGE_CAUSE_ANNOTATION]: cause } : {}) };
    templates.set(v, { ...template, metadata: { ...template.metadata, annotations } });
  }
  if (causes.size === 0) return 'No rollout history found.';
  if (wanted > 0) {
    const template = templates.get(wanted);
    if (!template) throw new KubectlError('unable to find the specified revision');
    const w = new PrefixWriter(true);
    describePodTemplate(template, w);
    return w.text();
  }
  const rows = [['REVISION', 'CHANGE-CAUSE'], ...[...causes].sort((a, b) => a[0] - b[0]).map(([r, c]) => [String(r), c || '<none>'])];
  const width = Math.max(...rows.map(r => r[0]!.length)) + 2;
  return rows.map(([r, c]) => `${r!.padEnd(width)}${c}\n`).join('');
}

function runHistory(inv: Invocation): number {
  requireResource(inv);
  const short = checkOutput(inv);
  if (int(inv.flags, 'revision') < 0) throw new KubectlError(`revision must be a positive integer: ${int(inv.flags, 'revision')}`);
  const wanted = int(inv.flags, 'revision');
  for (const t of rolloutTargets(inv, false)) {
    if (t.info.kind !== 'Deployment') unsupported(t, 'history viewer', 'history');
    // rollout_history.go: the name printer's operation is "with revision #N" (or "") and the view.
    const withRevision = wanted > 0 ? `with revision #${wanted}` : '';
    inv.out(nameLine(t.info, t.name, `${withRevision}\n${viewHistory(inv, t, wanted)}`, short));
  }
  return 0;
}

/** Annotations a rollback keeps from the Deployment itself (rollback.go annotationsToSkip). */
const ANNOTATIONS_TO_SKIP = ['kubectl.kubernetes.io/last-applied-configuration', REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history', 'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas', 'deprecated.deployment.rollback.to'];

/** DeploymentRollbacker.Rollback: the operation printed after the name. */
function rollback(inv: Invocation, t: Target, toRevision: number): string {
  const api = inv.ctx.cluster.api;
  const deployment = t.object!;
  const { old, current } = allReplicaSets(api, deployment);
  let latest: { rs?: typeof current; v: number } = { v: -1 };
  let previous: { rs?: typeof current; v: number } = { v: -1 };
  let target: typeof current;
  for (const rs of current ? [...old, current] : old) {
    const v = revision(rs);
    if (Number.isNaN(v)) continue;
    if (toRevision === 0) {
      if (latest.v < v) { previous = latest; latest = { rs, v }; }
      else if (previous.v < v) previous = { rs, v };
    } else if (toRevision === v) { target = rs; break; }
  }
  if (toRevision > 0 && !target) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
  if (toRevision === 0) {
    if (!previous.rs) throw new KubectlError(`no rollout history found for deployment ${JSON.stringify(deployment.metadata.name)}`);
    target = previous.rs;
  }
  if (deployment.spec?.paused) throw new KubectlError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  if (equalIgnoreHash(target!.spec?.template, deployment.spec?.template)) {
    return `skipped rollback (current template already matches revision ${toRevision})`;
  }
  const annotations: Record<string, string> = {};
  for (const k of ANNOTATIONS_TO_SKIP) if (deployment.metadata.annotations?.[k] !== undefined) annotations[k] = deployment.metadata.annotations[k]!;
  for (const [k, v] of Object.entries(target!.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.includes(k)) annotations[k] = v;
  // The JSON patch replaces /spec/template and /metadata/annotations.
  const dryRun = dryRunOf(inv.flags);
  api.update({ ...deployment, metadata: { ...deployment.metadata, annotations }, spec: { ...deployment.spec, template: withoutHash(target!.spec?.template) } },
    { actor: 'kubectl-rollout', dryRun: dryRun === 'server' });
  return 'rolled back';
}

function runUndo(inv: Invocation): number {
  requireResource(inv);
  const short = checkOutput(inv);
  if (dryRunOf(inv.flags) === 'client') throw new KubectlError('kukumber does not support "kubectl rollout undo --dry-run=client" yet');
  for (const t of rolloutTargets(inv, false)) {
    if (t.info.kind !== 'Deployment') unsupported(t, 'rollbacker', 'undo');
    inv.out(nameLine(t.info, t.name, rollback(inv, t, int(inv.flags, 'to-revision')), short));
  }
  return 0;
}

export const rolloutHistoryCommand: CommandSpec = {
  name: 'rollout history',
  flags: [FILENAME, RECURSIVE, SELECTOR, OUTPUT, { name: 'revision', type: 'int', default: 0 }],
  run: runHistory,
};

export const rolloutUndoCommand: CommandSpec = {
  name: 'rollout undo',
  flags: [FILENAME, RECURSIVE, SELECTOR, OUTPUT, DRY_RUN, { name: 'to-revision', type: 'int', default: 0 }],
  run: runUndo,
};
