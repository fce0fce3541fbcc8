// Applying a strategic merge patch (apimachinery pkg/util/strategicpatch/patch.go mergeMap and
// friends): maps merge recursively, null deletes, lists with a merge key merge by that key, other
// lists are replaced; directives $patch (delete/replace), $retainKeys, $setElementOrder/<list> and
// $deleteFromPrimitiveList/<list>. The same mergeMap combines the two halves of a three-way patch
// (mergeParallelList=false keeps the directives in the result).
import { elemType, lookupPatchMeta, splitStrategies, type PatchType } from './patch_meta';
import { clone, deduplicateScalars, deepEqual, findByKey, goKind, indexOf, insertionSort, isMap, sliceElementKind, type JsonMap } from './json_values';

export interface MergeOptions { mergeParallelList: boolean; ignoreUnmatchedNulls: boolean }

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';
const SET_ELEMENT_ORDER = '$setElementOrder';

/** StrategicMergeMapPatch: the live object with the patch applied (inputs untouched). */
export function strategicMergePatch(original: JsonMap, patch: JsonMap, t: PatchType): JsonMap {
  return mergeMap(clone(original), clone(patch), t, { mergeParallelList: true, ignoreUnmatchedNulls: true });
}

function extractKey(s: string, prefix: string): string {
  const i = s.indexOf('/');
  if (i < 0 || s.slice(0, i) !== prefix) throw new Error(`invalid patch: unable to find prefix ${prefix} in ${s}`);
  return s.slice(i + 1);
}

export function mergeMap(original: JsonMap | null, patch: JsonMap, t: PatchType, options: MergeOptions): JsonMap {
  if (DIRECTIVE in patch) {
    const directive = patch[DIRECTIVE];
    if (directive === 'replace') { delete patch[DIRECTIVE]; return patch; }
    if (directive === 'delete') return {};
    throw new Error(`Unknown patch type: ${String(directive)} in map: ${JSON.stringify(patch)}`);
  }
  const out: JsonMap = original ?? {};
  applyRetainKeysDirective(out, patch, options);
  mergePatchIntoOriginal(out, patch, t, options);
  for (let k of Object.keys(patch)) {
    const patchV = patch[k];
    let isDeleteList = false;
    if (k.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      if (!options.mergeParallelList) { out[k] = patchV; continue; }
      k = extractKey(k, DELETE_FROM_PRIMITIVE_LIST);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete out[k];
      if (options.ignoreUnmatchedNulls) continue;
    }
    if (!(k in out) || goKind(out[k]) !== goKind(patchV)) { out[k] = patchV; continue; }
    const meta = lookupPatchMeta(t, k);
    const { strategy } = splitStrategies(meta.strategies);
    if (goKind(out[k]) === 'map') {
      out[k] = strategy === 'replace' ? patchV : mergeMap(out[k] as JsonMap, patchV as JsonMap, meta.type, options);
    } else if (goKind(out[k]) === 'slice') {
      out[k] = mergeSliceHandler(out[k] as unknown[], patchV as unknown[], meta.type, strategy, meta.mergeKey, isDeleteList, options);
    } else out[k] = patchV;
  }
  return out;
}

function applyRetainKeysDirective(original: JsonMap, patch: JsonMap, options: MergeOptions): void {
  if (!(RETAIN_KEYS in patch)) return;
  const retain = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!options.mergeParallelList) {
    if (RETAIN_KEYS in original && !deepEqual(original[RETAIN_KEYS], retain)) {
      throw new Error(`${JSON.stringify(original[RETAIN_KEYS])} and ${JSON.stringify(retain)} are not deep equal: this may happen when calculating the 3-way diff patch`);
    }
    original[RETAIN_KEYS] = retain;
    return;
  }
  if (!Array.isArray(retain)) throw new Error('invalid patch: the value of $retainKeys must be a list');
  const keep = new Set(retain);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!keep.has(k)) throw new Error('invalid patch: all fields in the patch must be present in $retainKeys');
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

/** $setElementOrder/<list>: merge the list, then order it ($setElementOrder > patch order > live order). */
function mergePatchIntoOriginal(original: JsonMap, patch: JsonMap, t: PatchType, options: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const order = patch[key];
    if (!options.mergeParallelList) {
      if (key in original && !deepEqual(original[key], order)) throw new Error('invalid patch: $setElementOrder lists differ');
      original[key] = order;
    }
    delete patch[key];
    if (!Array.isArray(order)) throw new Error('invalid patch: $setElementOrder must be a list');
    const field = extractKey(key, SET_ELEMENT_ORDER);
    const originalList = field in original ? original[field] as unknown[] : undefined;
    const patchList = field in patch ? patch[field] as unknown[] : undefined;
    const meta = lookupPatchMeta(t, field);
    const { strategy } = splitStrategies(meta.strategies);
    let merged: unknown[];
    if (originalList && !patchList) merged = originalList;
    else if (!originalList && patchList) merged = patchList;
    else if (originalList && patchList) merged = mergeSliceHandler(originalList, patchList, meta.type, strategy, meta.mergeKey, false, options);
    else continue;
    const [patchItems, serverOnly] = partition(merged, order, meta.mergeKey);
    const kind = sliceElementKind(originalList, patchList);
    original[field] = normalizeElementOrder(patchItems, serverOnly, order, originalList ?? [], meta.mergeKey, kind);
    delete patch[field];
  }
}

function mergeSliceHandler(original: unknown[], patch: unknown[], t: PatchType, strategy: string, mergeKey: string,
  isDeleteList: boolean, options: MergeOptions): unknown[] {
  if (strategy !== 'merge') return patch;
  return mergeSlice(original, patch, elemType(t), mergeKey, options, isDeleteList);
}

function mergeSlice(originalIn: unknown[], patchIn: unknown[], t: PatchType, mergeKey: string, options: MergeOptions, isDeleteList: boolean): unknown[] {
  if (originalIn.length === 0 && patchIn.length === 0) return originalIn;
  const kind = sliceElementKind(originalIn, patchIn);
  let original = originalIn;
  let patch = patchIn;
  let merged: unknown[];
  if (kind !== 'map') {
    if (options.mergeParallelList && isDeleteList) return original.filter(v => !patch.includes(v));
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (mergeKey === '') throw new Error('cannot merge lists without merge key for type map');
    [original, patch] = mergeSliceWithSpecialElements(original, patch, mergeKey);
    merged = original.slice();
    for (const v of patch) {
      const m = v as JsonMap;
      if (!(mergeKey in m)) throw new Error(`map: ${JSON.stringify(m)} does not contain declared merge key: ${mergeKey}`);
      const i = findByKey(merged, mergeKey, m[mergeKey]);
      if (i >= 0) merged[i] = mergeMap(merged[i] as JsonMap, m, t, options);
      else merged.push(v);
    }
  }
  const [patchItems, serverOnly] = partition(merged, patch, kind === 'map' ? mergeKey : '');
  return normalizeElementOrder(patchItems, serverOnly, patch, original, mergeKey, kind);
}

function mergeSliceWithSpecialElements(original: unknown[], patch: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const plain: unknown[] = [];
  let replace = false;
  let out = original;
  for (const v of patch) {
    const m = v as JsonMap;
    if (!(DIRECTIVE in m)) { plain.push(v); continue; }
    switch (m[DIRECTIVE]) {
      case 'delete':
        if (!(mergeKey in m)) throw new Error(`map: ${JSON.stringify(m)} does not contain declared merge key: ${mergeKey}`);
        out = out.filter(o => !(isMap(o) && mergeKey in o && o[mergeKey] === m[mergeKey]));
        break;
      case 'replace': replace = true; break;
      case 'merge': throw new Error('merging lists cannot yet be specified in the patch');
      default: throw new Error(`Unknown patch type: ${String(m[DIRECTIVE])} in map: ${JSON.stringify(m)}`);
    }
  }
  return replace ? [plain, []] : [out, plain];
}

/** partitionMapsByPresentInList / partitionPrimitivesByPresentInList. */
function partition(items: unknown[], by: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const inPatch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const v of items) {
    let found: boolean;
    if (mergeKey === '') found = by.includes(v);
    else {
      if (!isMap(v) || !(mergeKey in v)) throw new Error(`map: ${JSON.stringify(v)} does not contain declared merge key: ${mergeKey}`);
      found = findByKey(by, mergeKey, v[mergeKey]) >= 0;
    }
    (found ? inPatch : serverOnly).push(v);
  }
  return [inPatch, serverOnly];
}

/** normalizeSliceOrder: sort by `order`, $patch: delete items last. */
export function normalizeSliceOrder(toSort: unknown[], order: unknown[], mergeKey: string, kind: 'map' | 'scalar'): unknown[] {
  let keep = toSort;
  let toDelete: unknown[] = [];
  if (kind === 'map') {
    for (const v of [...toSort, ...order]) {
      if (!isMap(v) || !(mergeKey in v)) throw new Error(`map: ${JSON.stringify(v)} does not contain declared merge key: ${mergeKey}`);
    }
    keep = toSort.filter(v => (v as JsonMap)[DIRECTIVE] !== 'delete');
    toDelete = toSort.filter(v => (v as JsonMap)[DIRECTIVE] === 'delete');
  }
  const sorted = insertionSort(keep, (a, b) => {
    const ia = indexOf(order, a, mergeKey, kind);
    const ib = ia >= 0 ? indexOf(order, b, mergeKey, kind) : -1;
    return ia >= 0 && ib >= 0 ? ia < ib : true;
  });
  return [...sorted, ...toDelete];
}

function normalizeElementOrder(patch: unknown[], serverOnly: unknown[], patchOrder: unknown[], serverOrder: unknown[],
  mergeKey: string, kind: 'map' | 'scalar'): unknown[] {
  const right = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const left = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  // mergeSortedSlice: interleave server-only items into the patch items by their live positions.
  const out: unknown[] = [];
  let i = 0, j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexOf(serverOrder, left[i], mergeKey, kind);
      const ri = indexOf(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}
