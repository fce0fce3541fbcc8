// How go-yaml v2 (sigs.k8s.io/yaml, which `kubectl -o yaml` uses) decides a string must be quoted
// because a plain scalar would read back as something else (resolve.go): YAML 1.1 booleans (yes, on,
// y…), nulls, ints (octal 0777, hex, 1_000), floats, timestamps and base-60 numbers.

const MAP_WORDS = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** strconv.ParseInt(s, 0, 64) / ParseUint succeed (base prefixes 0x 0o 0b, leading-0 octal). */
function parsesAsGoInt(s: string): boolean {
  const m = /^([+-]?)(.*)$/.exec(s)!;
  const body = m[2]!;
  let digits: string;
  let radix: number;
  if (/^0[xX]/.test(body)) { digits = body.slice(2); radix = 16; }
  else if (/^0[bB]/.test(body)) { digits = body.slice(2); radix = 2; }
  else if (/^0[oO]/.test(body)) { digits = body.slice(2); radix = 8; }
  else if (body.length > 1 && body[0] === '0') { digits = body.slice(1); radix = 8; }
  else { digits = body; radix = 10; }
  if (digits === '') return false;
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[radix]!;
  if (!valid.test(digits)) return false;
  const value = BigInt(radix === 10 ? digits : `0${radix === 16 ? 'x' : radix === 8 ? 'o' : 'b'}${digits}`);
  return m[1] === '-' ? value <= 2n ** 63n : value <= 2n ** 64n - 1n;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** parseTimestamp: "2006-1-2", "2006-1-2T15:4:5.999999999Z07:00" (t too), "2006-1-2 15:4:5.999999999". */
function isTimestamp(s: string): boolean {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(s);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return false;
  if (m[4] === undefined) return true;
  if (Number(m[5]) > 23 || Number(m[6]) > 59 || Number(m[7]) > 59) return false;
  // The space-separated form carries no zone; the T forms require one.
  return m[4] === ' ' ? m[9] === undefined : m[9] !== undefined;
}

/** True when the string, written plain, would not read back as the same string. */
export function resolvesToNonString(s: string): boolean {
  if (s === '') return true;
  const first = s[0]!;
  const hint = /[+-]/.test(first) ? 'S' : /[0-9]/.test(first) ? 'D' : 'yYnNtTfFoO~'.includes(first) ? 'M' : first === '.' ? '.' : '';
  if (hint === '') return false;
  if (MAP_WORDS.has(s)) return true;
  if (hint === '.') return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s); // strconv.ParseFloat
  if (hint === 'D' || hint === 'S') {
    if (isTimestamp(s)) return true;
    const plain = s.replaceAll('_', '');
    if (parsesAsGoInt(plain)) return true;
    if (YAML_STYLE_FLOAT.test(plain)) return true;
    if (/^-?0b[01]+$/.test(plain)) return true;
  }
  return false;
}

/** encode.go stringv: strings that resolve to another type, and base-60 look-alikes, are double-quoted. */
export const mustDoubleQuote = (s: string): boolean => resolvesToNonString(s) || BASE60_FLOAT.test(s);
