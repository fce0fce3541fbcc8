// Field lookups by JSONPath, written as kubectl's `-o jsonpath` templates write a field:
// `.status.readyReplicas` or `{.status.readyReplicas}`, filters included
// (`.status.conditions[?(@.type=="Ready")].status`). Evaluation is jsonpath-plus's; results are
// rendered as kubectl prints them: strings bare, other values as JSON, several joined by a space.
import { JSONPath } from 'jsonpath-plus';

export class JsonPathError extends Error {
  override name = 'JsonPathError';
}

/** `.a.b`, `{.a.b}` or `$.a.b` → `$.a.b`. */
export function normalizeJsonPath(path: string): string {
  let p = path.trim();
  if (p.startsWith('{') && p.endsWith('}')) p = p.slice(1, -1).trim();
  if (p.startsWith('$')) return p;
  if (!p.startsWith('.') && !p.startsWith('[')) throw new JsonPathError(`error: error parsing jsonpath ${path}, unrecognized identifier ${p}`);
  return `$${p}`;
}

/**
 * Every value the path selects in obj (empty when the field is absent). A key holding undefined is
 * absent: the object kubectl receives is JSON, where such a key does not exist.
 */
export function jsonPathValues(obj: unknown, path: string): unknown[] {
  const expr = normalizeJsonPath(path);
  try {
    return (JSONPath({ path: expr, json: obj as object, wrap: true, eval: 'safe' }) as unknown[]).filter(v => v !== undefined);
  } catch (e) {
    throw new JsonPathError(`error: error executing jsonpath "${path}": ${(e as Error).message}`);
  }
}

/** One value as `kubectl get -o jsonpath` prints it. */
export function formatJsonValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null) return 'null';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The text kubectl would print for the path, or undefined when it selects nothing. */
export function jsonPathText(obj: unknown, path: string): string | undefined {
  const values = jsonPathValues(obj, path);
  return values.length === 0 ? undefined : values.map(formatJsonValue).join(' ');
}
