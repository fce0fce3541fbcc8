// Field errors as apimachinery's pkg/util/validation/field writes them: "<path>: <type>: <value>: <detail>",
// with the bad value printed the way Go's fmt does (%v for numbers and booleans, %q for strings,
// %#v for maps and slices, e.g. map[string]string{"app":"x"}).

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
} as const satisfies Record<string, FieldErrorType>;

/** A Go value for rendering: plain JS values, or a GoRendered value already printed the way Go prints its type. */
export type GoValue = unknown;

/** A value whose Go rendering was computed by the caller (a typed struct such as v1.LabelSelector). */
export class GoRendered {
  constructor(readonly text: string) {}
}

/** %#v of a metav1.LabelSelector, as `field is immutable` errors print spec.selector. */
export function goLabelSelector(sel: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined | null): GoRendered {
  if (!sel) return new GoRendered('null');
  const labels = sel.matchLabels ? goSyntax(sel.matchLabels).replace('map[string]interface {}', 'map[string]string') : 'map[string]string(nil)';
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions.map(e => `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${e.values ? goSyntax(e.values) : '[]string(nil)'}}`).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return new GoRendered(`v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}`);
}

export interface FieldError {
  type: FieldErrorType;
  field: string;
  value?: GoValue;
  detail?: string;
}

export const required = (field: string, detail = ''): FieldError => ({ type: ErrorType.Required, field, detail });
export const forbiddenField = (field: string, detail: string): FieldError => ({ type: ErrorType.Forbidden, field, detail });
export const invalidField = (field: string, value: GoValue, detail: string): FieldError => ({ type: ErrorType.Invalid, field, value, detail });
export const duplicate = (field: string, value: GoValue): FieldError => ({ type: ErrorType.Duplicate, field, value });
export const notFoundField = (field: string, value: GoValue): FieldError => ({ type: ErrorType.NotFound, field, value });
export function notSupported(field: string, value: GoValue, supported: string[]): FieldError {
  const detail = supported.length ? `supported values: ${supported.map(s => JSON.stringify(s)).join(', ')}` : '';
  return { type: ErrorType.NotSupported, field, value, detail };
}

/** Go's %q for a string (close enough: JSON escaping matches for printable text). */
export const goQuote = (s: string): string => JSON.stringify(s);

/** fmt's %#v for the shapes validation reports: maps of strings, string slices, plain scalars. */
export function goSyntax(value: GoValue): string {
  if (value instanceof GoRendered) return value.text;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const elemType = value.every(v => typeof v === 'string') ? 'string' : 'interface {}';
    return `[]${elemType}{${value.map(goSyntax).join(', ')}}`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const allStrings = entries.every(([, v]) => typeof v === 'string');
    const type = allStrings ? 'map[string]string' : 'map[string]interface {}';
    return `${type}{${entries.map(([k, v]) => `${goQuote(k)}:${goSyntax(v)}`).join(', ')}}`;
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
