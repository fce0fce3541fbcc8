// Computing strategic merge patches (apimachinery pkg/util/strategicpatch/patch.go diffMaps,
// diffLists, CreateTwoWayMergePatch, CreateThreeWayMergePatch): what kubectl apply, set image and
// the rollout commands send. The three-way patch is the change from live to the new manifest
// (no deletions) merged with the deletions from the last-applied manifest to the new one.
import { goSprintV } from '../go_json';
import { elemType, lookupPatchMeta, splitStrategies, type PatchType } from './patch_meta';
import { clone, deduplicateScalars, deepEqual, goKind, isMap, sliceElementKind, sortScalars, type JsonMap } from './json_values';
import { mergeMap, normalizeSliceOrder } from './strategic_merge';

interface DiffOptions {
  setElementOrder?: boolean;
  ignoreChangesAndAdditions?: boolean;
  ignoreDeletions?: boolean;
  buildRetainKeysDirective?: boolean;
}

function diffMaps(original: JsonMap, modified: JsonMap, t: PatchType, options: DiffOptions): JsonMap {
  const patch: JsonMap = {};
  const retainKeys: string[] = [];
  for (const [key, modifiedValue] of Object.entries(modified)) {
    if (options.buildRetainKeysDirective && modifiedValue !== null) retainKeys.push(key);
    if (!(key in original)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    const originalValue = original[key];
    if (key === '$patch') {
      if (modifiedValue !== originalValue) patch[key] = modifiedValue;
      continue;
    }
    if (goKind(originalValue) !== goKind(modifiedValue)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    if (goKind(originalValue) === 'map') handleMapDiff(key, originalValue as JsonMap, modifiedValue as JsonMap, patch, t, options);
    else if (goKind(originalValue) === 'slice') handleSliceDiff(key, originalValue as unknown[], modifiedValue as unknown[], patch, t, options);
    else replaceIfNotEqual(key, originalValue, modifiedValue, patch, options);
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  }
  const hasAdditionalField = Object.entries(original).some(([k, v]) => v !== null && !(k in modified));
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalField)) patch.$retainKeys = sortScalars(retainKeys);
  return patch;
}

function replaceIfNotEqual(key: string, original: unknown, modified: unknown, patch: JsonMap, options: DiffOptions): void {
  if (options.ignoreChangesAndAdditions || deepEqual(original, modified)) return;
  patch[key] = modified;
}

function handleMapDiff(key: string, original: JsonMap, modified: JsonMap, patch: JsonMap, t: PatchType, options: DiffOptions): void {
  const meta = lookupPatchMeta(t, key);
  const { retainKeys, strategy } = splitStrategies(meta.strategies);
  if (strategy === 'replace') {
    if (!options.ignoreChangesAndAdditions) patch[key] = modified;
    return;
  }
  const value = diffMaps(original, modified, meta.type, { ...options, buildRetainKeysDirective: retainKeys });
  if (Object.keys(value).length > 0) patch[key] = value;
}

function handleSliceDiff(key: string, original: unknown[], modified: unknown[], patch: JsonMap, t: PatchType, options: DiffOptions): void {
  const meta = lookupPatchMeta(t, key);
  const { retainKeys, strategy } = splitStrategies(meta.strategies);
  if (strategy !== 'merge') return replaceIfNotEqual(key, original, modified, patch, options);
  const [add, del, order] = diffLists(original, modified, elemType(meta.type), meta.mergeKey, { ...options, buildRetainKeysDirective: retainKeys });
  if (add.length > 0) patch[key] = add;
  if (del.length > 0) patch[`$deleteFromPrimitiveList/${key}`] = del;
  if (order.length > 0) patch[`$setElementOrder/${key}`] = order;
}

function diffLists(original: unknown[], modified: unknown[], t: PatchType, mergeKey: string, options: DiffOptions): [unknown[], unknown[], unknown[]] {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) return [[], [], []];
    return [modified, [], []];
  }
  const kind = sliceElementKind(original, modified);
  let order: unknown[] = [];
  if (kind === 'map') {
    const [changes, deletions] = diffListsOfMaps(original, modified, t, mergeKey, options);
    const sameOrder = original.length === modified.length &&
      modified.every((m, i) => (original[i] as JsonMap)[mergeKey] === (m as JsonMap)[mergeKey]);
    const patchList = [...normalizeSliceOrder(changes, modified, mergeKey, kind), ...deletions];
    if (options.setElementOrder && ((!options.ignoreChangesAndAdditions && (patchList.length > 0 || !sameOrder)) ||
      (!options.ignoreDeletions && patchList.length > 0))) {
      order = modified.map(v => ({ [mergeKey]: (v as JsonMap)[mergeKey] }));
    }
    return [patchList, [], order];
  }
  // diffListsOfScalars sorts `original` in place, so the order check below sees it sorted, as upstream does.
  const sortedOriginal = sortScalars(original);
  const [add, del] = diffListsOfScalars(sortedOriginal, sortScalars(modified), options);
  const patchList = normalizeSliceOrder(add, modified, mergeKey, kind);
  if (options.setElementOrder && ((!options.ignoreDeletions && del.length > 0) ||
    (!options.ignoreChangesAndAdditions && !deepEqual(sortedOriginal, modified)))) order = modified;
  return [patchList, del, order];
}

function diffListsOfScalars(original: unknown[], modified: unknown[], options: DiffOptions): [unknown[], unknown[]] {
  const add: unknown[] = [];
  const del: unknown[] = [];
  let oi = 0, mi = 0;
  while (oi < original.length || mi < modified.length) {
    const o = oi < original.length ? goSprintV(original[oi]) : undefined;
    const m = mi < modified.length ? goSprintV(modified[mi]) : undefined;
    if (o !== undefined && m !== undefined && o === m) { oi++; mi++; }
    else if (o === undefined || (m !== undefined && o > m)) {
      if (!options.ignoreChangesAndAdditions) add.push(modified[mi]);
      mi++;
    } else {
      if (!options.ignoreDeletions) del.push(original[oi]);
      oi++;
    }
  }
  return [add, deduplicateScalars(del)];
}

const byMergeKey = (list: unknown[], mergeKey: string): unknown[] => list.map((v, i) => {
  if (!isMap(v)) throw new Error(`invalid list element ${JSON.stringify(v)}: not a map`);
  if (!(mergeKey in v)) throw new Error(`map: ${JSON.stringify(v)} does not contain declared merge key: ${mergeKey}`);
  return [goSprintV(v[mergeKey]), i, v] as const;
}).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1])).map(x => x[2]);

function diffListsOfMaps(original: unknown[], modified: unknown[], t: PatchType, mergeKey: string, options: DiffOptions): [unknown[], unknown[]] {
  const patch: unknown[] = [];
  const deletions: unknown[] = [];
  const os = byMergeKey(original, mergeKey) as JsonMap[];
  const ms = byMergeKey(modified, mergeKey) as JsonMap[];
  let oi = 0, mi = 0;
  while (oi < os.length || mi < ms.length) {
    const o = oi < os.length ? goSprintV(os[oi]![mergeKey]) : undefined;
    const m = mi < ms.length ? goSprintV(ms[mi]![mergeKey]) : undefined;
    if (o !== undefined && m !== undefined && o === m) {
      const value = diffMaps(os[oi]!, ms[mi]!, t, options);
      if (Object.keys(value).length > 0) {
        value[mergeKey] = ms[mi]![mergeKey];
        patch.push(value);
      }
      oi++; mi++;
    } else if (o === undefined || (m !== undefined && o > m)) {
      if (!options.ignoreChangesAndAdditions) patch.push(ms[mi]);
      mi++;
    } else {
      if (!options.ignoreDeletions) deletions.push({ [mergeKey]: os[oi]![mergeKey], $patch: 'delete' });
      oi++;
    }
  }
  return [patch, deletions];
}

/** CreateTwoWayMergePatch: turns original into modified. */
export function createTwoWayMergePatch(original: JsonMap, modified: JsonMap, t: PatchType): JsonMap {
  return diffMaps(clone(original), clone(modified), t, { setElementOrder: true });
}

/** CreateThreeWayMergePatch with overwrite=true (kubectl apply's default). */
export function createThreeWayMergePatch(original: JsonMap, modified: JsonMap, current: JsonMap, t: PatchType): JsonMap {
  const delta = diffMaps(clone(current), clone(modified), t, { ignoreDeletions: true, setElementOrder: true });
  const deletions = diffMaps(clone(original), clone(modified), t, { setElementOrder: true, ignoreChangesAndAdditions: true });
  return mergeMap(deletions, delta, t, { mergeParallelList: false, ignoreUnmatchedNulls: false });
}
