// JSON bytes as Go's encoding/json writes a map[string]interface{}: object keys sorted, no spaces,
// and the HTML-safe escaping Go applies by default (<, >, & as \u003c, \u003e, \u0026; U+2028 and
// U+2029 escaped; control characters other than \n, \r, \t as \u00XX). kubectl's
// last-applied-configuration annotation and the patches it prints are these bytes.

function goString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

/** json.Marshal of a decoded JSON value (maps sorted by key). */
export function goJsonMarshal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(goJsonMarshal).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter(k => obj[k] !== undefined).sort();
  return `{${keys.map(k => `${goString(k)}:${goJsonMarshal(obj[k])}`).join(',')}}`;
}

/** fmt's %v of a JSON scalar, as strategic merge patch compares merge keys and scalars. */
export function goSprintV(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    // Go's %v of float64 is %g: 1e+21 and 1e-07 switch to exponent form, like JavaScript's.
    return String(value).replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(value);
}
