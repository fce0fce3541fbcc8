// The JSONPath that `kubectl wait --for=jsonpath=…` evaluates (client-go util/jsonpath with
// AllowMissingKeys, after get's RelaxedJSONPathExpression): "{.status.phase}" or ".status.phase",
// evaluated with jsonpath-plus. Only single-expression templates are accepted here; the full
// template language (ranges, literals) belongs to the -o jsonpath printer.
import { JSONPath } from 'jsonpath-plus';

export class JsonPathError extends Error {
  override name = 'JsonPathError';
}

/** RelaxedJSONPathExpression: "{.a.b}", ".a.b" and "a.b" all mean "{.a.b}"; returns the inner path. */
export function relaxedJsonPath(expr: string): string {
  const m = /^\{(.*)\}$/.exec(expr.trim());
  let inner = m ? m[1]! : expr.trim();
  if (inner.length === 0) throw new JsonPathError('jsonpath expression cannot be empty');
  if (!inner.startsWith('.') && !inner.startsWith('[')) inner = `.${inner}`;
  if (/[{}]/.test(inner)) throw new JsonPathError(`unrecognized JSONPath template for wait: {${inner}}`);
  return inner;
}

/** The values the expression selects in obj (missing keys select nothing). */
export function jsonPathValues(inner: string, obj: unknown): unknown[] {
  // client-go's filter syntax (== with double-quoted strings) is also valid JavaScript for jsonpath-plus.
  const path = `$${inner}`;
  return JSONPath({ path, json: obj as object, wrap: true }) as unknown[];
}
