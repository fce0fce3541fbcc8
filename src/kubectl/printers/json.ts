// encoding/json as kubectl uses it: `-o json` is json.MarshalIndent(obj, "", "    ") plus a newline,
// jsonpath prints maps and lists with json.Marshal. Keys sorted, HTML-safe escaping (<, >, & as
// \u003c…), U+2028/U+2029 escaped, control characters as \uXXXX (\b \f \n \r \t by name).
import { sortedKeys, type JsonValue } from './go_format';

const HEX = '0123456789abcdef';

export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      default:
    }
    if (cp < 0x20 || ch === '<' || ch === '>' || ch === '&') out += `\\u00${HEX[cp >> 4]}${HEX[cp & 0xf]}`;
    else if (cp === 0x2028 || cp === 0x2029) out += `\\u${cp.toString(16)}`;
    else out += ch;
  }
  return `${out}"`;
}

function numberJson(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${n}`);
  // Go picks %f below 1e21 and %e above, like JavaScript, and strips the exponent's leading zero.
  return String(n);
}

/** json.Marshal (compact). */
export function marshalJson(v: JsonValue | undefined): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number') return numberJson(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(marshalJson).join(',')}]`;
  return `{${sortedKeys(v).filter(k => v[k] !== undefined).map(k => `${goJsonString(k)}:${marshalJson(v[k])}`).join(',')}}`;
}

/** json.MarshalIndent(v, "", indent). */
export function marshalJsonIndent(v: JsonValue | undefined, indent = '    ', level = 0): string {
  if (v === null || v === undefined || typeof v !== 'object') return marshalJson(v);
  const inner = indent.repeat(level + 1);
  const close = indent.repeat(level);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map(x => inner + marshalJsonIndent(x, indent, level + 1)).join(',\n')}\n${close}]`;
  }
  const keys = sortedKeys(v).filter(k => v[k] !== undefined);
  if (keys.length === 0) return '{}';
  return `{\n${keys.map(k => `${inner}${goJsonString(k)}: ${marshalJsonIndent(v[k], indent, level + 1)}`).join(',\n')}\n${close}}`;
}
