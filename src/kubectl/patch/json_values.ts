// Helpers over decoded JSON shared by the patch code: Go's reflect kinds, deep equality and the
// ordering primitives of apimachinery's strategicpatch (index, sortScalars, deduplicateScalars).
import { goSprintV } from '../go_json';

export type JsonMap = Record<string, unknown>;
export type GoKind = 'map' | 'slice' | 'string' | 'number' | 'bool' | 'nil';

export function goKind(v: unknown): GoKind {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'object') return 'map';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  return 'bool';
}

export const isMap = (v: unknown): v is JsonMap => goKind(v) === 'map';

/** reflect.DeepEqual on decoded JSON. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ka = goKind(a);
  if (ka !== goKind(b)) return false;
  if (ka === 'slice') {
    const x = a as unknown[], y = b as unknown[];
    return x.length === y.length && x.every((v, i) => deepEqual(v, y[i]));
  }
  if (ka === 'map') {
    const x = a as JsonMap, y = b as JsonMap;
    const kx = Object.keys(x), ky = Object.keys(y);
    return kx.length === ky.length && kx.every(k => k in y && deepEqual(x[k], y[k]));
  }
  return false;
}

export const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)) as T);

/** sort.SliceStable for short lists (Go's insertion sort), tolerant of inconsistent comparators as Go is. */
export function insertionSort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  const s = items.slice();
  for (let i = 1; i < s.length; i++) {
    for (let j = i; j > 0 && less(s[j]!, s[j - 1]!); j--) [s[j], s[j - 1]] = [s[j - 1]!, s[j]!];
  }
  return s;
}

/** sortScalars: by fmt's %v text. */
export function sortScalars(s: unknown[]): unknown[] {
  return insertionSort(s, (a, b) => goSprintV(a) < goSprintV(b));
}

/** deduplicateScalars, with Go's swap-with-last order. */
export function deduplicateScalars(input: unknown[]): unknown[] {
  const s = input.slice();
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

/** index: position of an item in a list, by merge key for maps. */
export function indexOf(list: unknown[], item: unknown, mergeKey: string, kind: 'map' | 'scalar'): number {
  const val = (v: unknown): unknown => (kind === 'map' ? (isMap(v) ? v[mergeKey] : undefined) : v);
  const want = val(item);
  return list.findIndex(v => val(v) === want);
}

/** sliceElementType: the kind of the lists' elements ("map" or "scalar"); throws when there are none. */
export function sliceElementKind(...slices: (unknown[] | undefined)[]): 'map' | 'scalar' {
  let prev: GoKind | undefined;
  for (const s of slices) {
    for (const v of s ?? []) {
      const k = goKind(v);
      if (prev === undefined) {
        if (k === 'slice') throw new Error('lists of lists are not supported');
        prev = k;
      } else if (prev !== k) throw new Error(`list element types are not identical: ${JSON.stringify(slices)}`);
    }
  }
  if (prev === undefined) throw new Error('no elements in any of the given slices');
  return prev === 'map' ? 'map' : 'scalar';
}

/** findMapInSliceBasedOnKeyValue. */
export function findByKey(list: unknown[], key: string, value: unknown): number {
  return list.findIndex(v => {
    if (!isMap(v)) throw new Error('value for key is not a map.');
    return key in v && v[key] === value;
  });
}
