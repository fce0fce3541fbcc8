// resource.Quantity's canonical String() (apimachinery pkg/api/resource/quantity.go
// CanonicalizeBytes): what the API server stores and kubectl prints for cpu, memory and storage
// ("0.5" → "500m", "1024Mi" → "1Gi", "1.5Gi" → "1536Mi", "2000" → "2k", "1e3" → "1e3"). Values
// are exact (BigInt nano-units); sub-nano precision rounds up, as ParseQuantity does.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity { nanos: bigint; format: QuantityFormat }

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const QUANTITY = /^([+-]?)(\d+\.?\d*|\.\d+)([a-zA-Z]*[-+]?\d*)$/;

const pow10 = (n: number): bigint => 10n ** BigInt(n);
const NANO = pow10(9);

/** ParseQuantity; undefined for text Kubernetes would reject. */
export function parseQuantityExact(text: string | number): Quantity | undefined {
  const m = QUANTITY.exec(String(text).trim());
  if (!m) return undefined;
  const [, sign, num, suffix] = m as unknown as [string, string, string, string];
  const [intPart, fracPart = ''] = num.split('.') as [string, string?];
  // value = digits * 10^-(fraction length), in nanos: digits * 10^(9 - frac) (ceil when negative power).
  let digits = BigInt((intPart || '0') + fracPart);
  let exp10 = -fracPart.length;
  let format: QuantityFormat = 'DecimalSI';
  let binShift = 0;
  if (suffix in DECIMAL) exp10 += DECIMAL[suffix]!;
  else if (suffix in BINARY) { binShift = BINARY[suffix]!; format = 'BinarySI'; }
  else if (/^[eE][-+]?\d+$/.test(suffix)) { exp10 += Number(suffix.slice(1)); format = 'DecimalExponent'; }
  else return undefined;
  digits <<= BigInt(binShift);
  const shift = exp10 + 9;
  let nanos = shift >= 0 ? digits * pow10(shift) : (digits + pow10(-shift) - 1n) / pow10(-shift);
  if (sign === '-') nanos = -nanos;
  return { nanos, format };
}

function decimalString(nanos: bigint, format: QuantityFormat): string {
  const negative = nanos < 0n;
  let mantissa = negative ? -nanos : nanos;
  let exponent = -9;
  while (mantissa % 10n === 0n) { mantissa /= 10n; exponent++; }
  const r = ((exponent % 3) + 3) % 3;
  mantissa *= pow10(r);
  exponent -= r;
  let suffix: string;
  if (format === 'DecimalSI') {
    const found = Object.entries(DECIMAL).find(([, e]) => e === exponent);
    suffix = found ? found[0] : `e${exponent}`;
  } else suffix = exponent === 0 ? '' : `e${exponent}`;
  return `${negative ? '-' : ''}${mantissa}${suffix}`;
}

/** Quantity.String(): the canonical form. */
export function quantityString(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const small = q.nanos > -1024n * NANO && q.nanos < 1024n * NANO;
    if (small || q.nanos % NANO !== 0n) format = 'DecimalSI';
  }
  if (format !== 'BinarySI') return decimalString(q.nanos, format);
  const negative = q.nanos < 0n;
  let units = (negative ? -q.nanos : q.nanos) / NANO;
  let e = 0;
  while (units % 1024n === 0n && e < 6) { units /= 1024n; e++; }
  return `${negative ? '-' : ''}${units}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][e]}`;
}

/** The canonical form of a quantity string (unparseable text comes back unchanged). */
export function canonicalQuantity(text: string | number): string {
  const q = parseQuantityExact(text);
  return q ? quantityString(q) : String(text);
}

/** Quantity.Add: the sum keeps the first operand's format. */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.format };
}

export const ZERO_QUANTITY: Quantity = { nanos: 0n, format: 'DecimalSI' };

/** MilliValue / Value (rounded up), for the percentages kubectl describe computes. */
export const milliOf = (q: Quantity): bigint => ceilDiv(q.nanos, 1_000_000n);
export const valueOf = (q: Quantity): bigint => ceilDiv(q.nanos, NANO);

function ceilDiv(a: bigint, b: bigint): bigint {
  const d = a / b;
  return a % b !== 0n && a > 0n ? d + 1n : d;
}
