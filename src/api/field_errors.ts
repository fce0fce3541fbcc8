// Field errors as apimachinery's pkg/util/validation/field (v0.32) writes them: "<path>: <type>: <value>: <detail>",
// with the bad value printed the way ErrorBody does: %v for int32/int64/float/bool, %q for strings, String()
// for Stringers, %#v otherwise (map[string]string{"app":"x"}, v1.LabelSelector{…}). Pointers are dereferenced
// first; Go pointer addresses inside structs cannot be reproduced and are printed as (*T)(nil) or (*T)(0xc000000000).

export interface FieldErrorType { text: string; reason: string; showsValue: boolean }

export const ErrorType = {
  NotFound: { text: 'Not found', reason: 'FieldValueNotFound', showsValue: true },
  Required: { text: 'Required value', reason: 'FieldValueRequired', showsValue: false },
  Duplicate: { text: 'Duplicate value', reason: 'FieldValueDuplicate', showsValue: true },
  Invalid: { text: 'Invalid value', reason: 'FieldValueInvalid', showsValue: true },
  NotSupported: { text: 'Unsupported value', reason: 'FieldValueNotSupported', showsValue: true },
  Forbidden: { text: 'Forbidden', reason: 'FieldValueForbidden', showsValue: false },
  TooLong: { text: 'Too long', reason: 'FieldValueTooLong', showsValue: false },
  TooMany: { text: 'Too many', reason: 'FieldValueTooMany', showsValue: true },
  Internal: { text: 'Internal error', reason: 'InternalError', showsValue: false },
} as const satisfies Record<string, FieldErrorType>;

/** A Go value for rendering: plain JS values, or a GoRendered value already printed the way Go prints its type. */
export type GoValue = unknown;

/** A value whose Go rendering was computed by the caller (a typed struct such as v1.LabelSelector). */
export class GoRendered {
  constructor(readonly text: string) {}
}

/** Go's strconv.Quote (what %q prints): printable runes kept, the rest escaped the way Go escapes them. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c === 11) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if ((c >= 0x80 && c < 0xa0) || c === 0x2028 || c === 0x2029 || c === 0xfeff) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** %#v of a map[string]string (keys sorted, as fmt sorts maps); undefined is the nil map. */
export function goStringMap(m: Record<string, string> | undefined | null): GoRendered {
  if (m === undefined || m === null) return new GoRendered('map[string]string(nil)');
  const entries = Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new GoRendered(`map[string]string{${entries.map(([k, v]) => `${goQuote(k)}:${goQuote(String(v))}`).join(', ')}}`);
}

/** %#v of a []string; undefined is the nil slice. */
export function goStringSlice(xs: readonly string[] | undefined | null): GoRendered {
  if (xs === undefined || xs === null) return new GoRendered('[]string(nil)');
  return new GoRendered(`[]string{${xs.map(goQuote).join(', ')}}`);
}

/** %#v of a metav1.LabelSelector (after ErrorBody dereferences the *LabelSelector the internal types hold). */
export function goLabelSelector(sel: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined | null): GoRendered {
  if (!sel) return new GoRendered('null');
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions.map(e => `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${goStringSlice(e.values).text}}`).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return new GoRendered(`v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels).text}, MatchExpressions:${exprs}}`);
}

/** %#v of an internal intstr.IntOrString value (Type 0 = Int, 1 = String). */
export function goIntOrString(v: number | string | undefined | null): GoRendered {
  if (typeof v === 'string') return new GoRendered(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`);
  return new GoRendered(`intstr.IntOrString{Type:0, IntVal:${typeof v === 'number' ? v : 0}, StrVal:""}`);
}

/** %#v of a nil or non-nil typed pointer inside a struct (addresses are not reproducible). */
export const goPointer = (type: string, present: boolean): string => `(*${type})(${present ? '0xc000000000' : 'nil'})`;

export interface FieldError {
  type: FieldErrorType;
  field: string;
  value?: GoValue;
  detail?: string;
}

export const required = (field: string, detail = ''): FieldError => ({ type: ErrorType.Required, field, detail });
export const forbiddenField = (field: string, detail: string): FieldError => ({ type: ErrorType.Forbidden, field, detail });
export const invalidField = (field: string, value: GoValue, detail: string): FieldError => ({ type: ErrorType.Invalid, field, value, detail });
/**
 * One invalid-field error per message, in order. An indexed loop: for-of over the message lists (most
 * of them the shared empty one) would allocate an iterator on every write.
 */
export function pushInvalid(errs: FieldError[], path: string, value: GoValue, msgs: readonly string[]): void {
  for (let i = 0; i < msgs.length; i++) errs.push(invalidField(path, value, msgs[i]!));
}
export const duplicate = (field: string, value: GoValue): FieldError => ({ type: ErrorType.Duplicate, field, value });
export const notFoundField = (field: string, value: GoValue): FieldError => ({ type: ErrorType.NotFound, field, value });
/** field.TooLong: the value is never shown; the detail names the byte limit. */
export const tooLong = (field: string, maxLength: number): FieldError =>
  ({ type: ErrorType.TooLong, field, detail: maxLength >= 0 ? `may not be more than ${maxLength} bytes` : 'value is too long' });
export const internalFieldError = (field: string, message: string): FieldError => ({ type: ErrorType.Internal, field, detail: message });

/** field.NotSupported: the supported values strconv.Quote'd in the order given. */
export function notSupported(field: string, value: GoValue, supported: readonly string[]): FieldError {
  const detail = supported.length ? `supported values: ${supported.map(goQuote).join(', ')}` : '';
  return { type: ErrorType.NotSupported, field, value, detail };
}

/** fmt's %#v for the shapes validation reports: maps of strings, string slices, plain scalars. */
export function goSyntax(value: GoValue): string {
  if (value instanceof GoRendered) return value.text;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.every(v => typeof v === 'string')) return goStringSlice(value as string[]).text;
    return `[]interface {}{${value.map(goSyntax).join(', ')}}`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.every(([, v]) => typeof v === 'string')) return goStringMap(value as Record<string, string>).text;
    return `map[string]interface {}{${entries.map(([k, v]) => `${goQuote(k)}:${goSyntax(v)}`).join(', ')}}`;
  }
  return String(value);
}

/** ErrorBody(): what follows the field path. */
export function errorBody(e: FieldError): string {
  let s = e.type.text;
  if (e.type.showsValue) {
    const v = e.value;
    if (v instanceof GoRendered) s += `: ${v.text}`;
    else if (v === null || v === undefined) s += ': null';
    else if (typeof v === 'string') s += `: ${goQuote(v)}`;
    else if (typeof v === 'number' || typeof v === 'boolean') s += `: ${v}`;
    else s += `: ${goSyntax(v)}`;
  }
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}
