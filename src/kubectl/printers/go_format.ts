// Go's fmt and strconv renderings of decoded JSON values, where kubectl prints them with %v, %#v
// or %q: custom-columns cells (`map[app:web]`), jsonpath debugging output, describe fields.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Code-point order (UTF-8 byte order), the order Go's fmt and encoding/json sort map keys in. */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

export const sortedKeys = (o: object): string[] => Object.keys(o).sort(compareCodePoints);

/** strconv.FormatFloat(f, 'g', -1, 64), which fmt's %v uses for float64. */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(f)));
  // %v on float64 switches to %e when the exponent is < -4 or >= 21 (fmt's shortest-format rule).
  if (exp < -4 || exp >= 21) {
    const [mant, e] = f.toExponential().split('e') as [string, string];
    const n = Number(e);
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(f);
}

/** A JSON number as Go holds it after decoding into interface{}: int64 when integral, else float64. */
export const formatGoNumber = (n: number): string => (Number.isInteger(n) && Math.abs(n) < 2 ** 63 ? String(n) : formatGoFloat(n));

/** fmt's %v of a decoded JSON value: `map[a:1 b:x]`, `[a b]`, `<nil>`. */
export function goSprint(v: JsonValue | undefined): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatGoNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  return `map[${sortedKeys(v).map(k => `${k}:${goSprint(v[k])}`).join(' ')}]`;
}

const NAMED_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };

/** strconv.Quote (%q): Go-escaped, double-quoted. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (NAMED_ESCAPES[ch]) out += NAMED_ESCAPES[ch];
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if ((cp >= 0x80 && cp < 0xa0) || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** fmt's %#v of a decoded JSON value (jsonpath's debugging dump of the object it was given). */
export function goSharpV(v: JsonValue | undefined): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return formatGoNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  return `map[string]interface {}{${sortedKeys(v).map(k => `${goQuote(k)}:${goSharpV(v[k])}`).join(', ')}}`;
}

/** The Go type name fmt prints for a decoded JSON value (`map[string]interface {}`, `int64`, …). */
export function goTypeName(v: JsonValue | undefined): string {
  if (v === null || v === undefined) return 'interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}
