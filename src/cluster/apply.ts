// Applying manifests from a scenario: all documents are checked first (YAML, kinds, strict
// decoding, then a dry-run through admission and validation), and only if every one passes are
// they created or updated — bad input changes nothing and is reported in one line. Creates and
// updates are kubectl apply's: the last-applied annotation and a three-way strategic merge.
import { relative } from 'node:path';
import type { Cluster } from './cluster';
import type { KubeObject, Stored } from '../api/objects';
import { formatManifestError, loadManifestFile, loadManifestText, type ManifestObject } from '../api/manifests';
import { ApiError, isApiError } from '../api/errors';
import { resourceForKind } from '../api/resources';
import { planApply, withLastApplied } from '../kubectl/apply/last_applied';

export class ManifestRejected extends Error {
  override name = 'ManifestRejected';
}

/** kubectl's rendering of an API error on create/apply of a file. */
export function kubectlApplyError(e: ApiError, file: string, obj: KubeObject): string {
  const s = e.status;
  if (s.reason === 'Invalid' && s.details?.causes?.length === 1) {
    const c = s.details.causes[0]!;
    return `The ${obj.kind} ${JSON.stringify(s.details.name ?? obj.metadata.name)} is invalid: ${c.field}: ${c.message}`;
  }
  const reason = s.reason ? ` (${s.reason})` : '';
  return `Error from server${reason}: error when creating ${JSON.stringify(file)}: ${s.message}`;
}

const displayPath = (file: string): string => {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
};

/** Applies YAML text (or the file at `file` when text is undefined); returns the stored objects. */
export function applyManifest(cluster: Cluster, text: string | undefined, file: string, actor = 'kubectl'): Stored[] {
  const shown = text === undefined ? displayPath(file) : file;
  const load = text === undefined ? loadManifestFile(file, shown) : loadManifestText(text, shown);
  if (load.errors.length) throw new ManifestRejected(formatManifestError(load.errors[0]!));
  if (load.objects.length === 0) throw new ManifestRejected(`${shown}: error: no objects passed to apply`);
  for (const m of load.objects) {
    try {
      applyOne(cluster, m, actor, true);
    } catch (e) {
      if (isApiError(e)) throw new ManifestRejected(`${m.file}:${m.line}: ${kubectlApplyError(e, m.file, m.object)}`);
      throw e;
    }
  }
  return load.objects.map(m => applyOne(cluster, m, actor, false));
}

function applyOne(cluster: Cluster, m: ManifestObject, actor: string, dryRun: boolean): Stored {
  const obj = m.object;
  const info = resourceForKind(obj.kind)!;
  const namespace = info.namespaced ? obj.metadata?.namespace || 'default' : '';
  const manifest = { ...obj, metadata: { ...obj.metadata, ...(info.namespaced ? { namespace } : {}) } } as KubeObject;
  const existing = cluster.store.get(obj.kind, namespace, obj.metadata?.name ?? '');
  if (!existing) return cluster.api.create(withLastApplied(manifest), { actor, dryRun });
  const plan = planApply(manifest, existing);
  if (Object.keys(plan.patch).length === 0) return existing;
  const next = { ...plan.patched, metadata: { ...plan.patched.metadata, resourceVersion: existing.metadata.resourceVersion } } as KubeObject;
  return cluster.api.update(next, { actor, dryRun });
}
