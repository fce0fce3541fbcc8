// resource.Quantity: parsing the strings Kubernetes uses for cpu, memory and counts ("100m",
// "1.5", "128Mi", "1G", "2e3") into numbers, and the canonical printing kubectl shows. Values are
// kept in milli-units for cpu-like resources and in plain units otherwise.

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

const SUFFIX: Record<string, number> = {
  '': 1, n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5, Ei: 1024 ** 6,
};

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** The quantity's value in base units (cores, bytes, pods); undefined when it does not parse. */
export function parseQuantity(text: string | number): number | undefined {
  if (typeof text === 'number') return text;
  const m = QUANTITY.exec(text.trim());
  if (!m) return undefined;
  const [, num, suffix] = m as unknown as [string, string, string];
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(num)) return undefined;
  let factor = SUFFIX[suffix];
  if (factor === undefined) {
    const exp = /^[eE]([-+]?\d+)$/.exec(suffix);
    if (!exp) return undefined;
    factor = 10 ** Number(exp[1]);
  }
  return Number(num) * factor;
}

/** Milli-units, rounded up as Quantity.MilliValue() does for cpu. */
export function milliValue(text: string | number | undefined): number {
  if (text === undefined) return 0;
  const v = parseQuantity(text);
  return v === undefined ? 0 : Math.ceil(Math.round(v * 1e9) / 1e6);
}

/** Whole units, rounded up as Quantity.Value() does. */
export function unitValue(text: string | number | undefined): number {
  if (text === undefined) return 0;
  const v = parseQuantity(text);
  return v === undefined ? 0 : Math.ceil(v - 1e-9);
}
