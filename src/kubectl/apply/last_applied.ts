// Client-side apply (kubectl pkg/util/apply.go GetModifiedConfiguration / GetOriginalConfiguration,
// pkg/cmd/apply/patcher.go patchSimple): the manifest is recorded in the
// kubectl.kubernetes.io/last-applied-configuration annotation, and an update is the three-way
// strategic merge patch of (last applied, new manifest, live object), applied as the API server does.
import type { KubeObject, Stored } from '../../api/objects';
import { goJsonMarshal } from '../go_json';
import { clone, type JsonMap } from '../patch/json_values';
import { rootType } from '../patch/patch_meta';
import { createThreeWayMergePatch } from '../patch/strategic_diff';
import { strategicMergePatch } from '../patch/strategic_merge';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The annotation's value for a manifest: its JSON without the annotation, "annotations":{} kept, newline-terminated. */
export function lastAppliedValue(manifest: KubeObject): string {
  const obj = clone(manifest) as KubeObject;
  obj.metadata ??= {};
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  obj.metadata.annotations = annotations;
  return `${goJsonMarshal(obj)}\n`;
}

/** The manifest as kubectl sends it: with the annotation set to lastAppliedValue (CreateApplyAnnotation). */
export function withLastApplied(manifest: KubeObject): KubeObject {
  const value = lastAppliedValue(manifest);
  const obj = clone(manifest) as KubeObject;
  obj.metadata ??= {};
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: value };
  return obj;
}

export interface ApplyPlan {
  /** The patch kubectl sends ({} = nothing to do: "unchanged"). */
  patch: JsonMap;
  /** The live object with the patch applied, as the API server computes it before the update. */
  patched: KubeObject;
  /** The live object had no last-applied annotation (kubectl warns, then patches it in). */
  missingAnnotation: boolean;
}

/** The three-way apply of `manifest` onto `live`. Throws the patch library's errors as kubectl would. */
export function planApply(manifest: KubeObject, live: Stored): ApplyPlan {
  const modified = withLastApplied(manifest) as unknown as JsonMap;
  const annotation = live.metadata.annotations?.[LAST_APPLIED];
  const original = annotation ? JSON.parse(annotation) as JsonMap : {};
  const t = rootType(live.kind);
  const current = live as unknown as JsonMap;
  const patch = createThreeWayMergePatch(original, modified, current, t);
  const patched = Object.keys(patch).length === 0 ? clone(live) as KubeObject : strategicMergePatch(current, patch, t) as unknown as KubeObject;
  return { patch, patched, missingAnnotation: annotation === undefined };
}
