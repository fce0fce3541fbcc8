// Virtual time: integer milliseconds since the simulation epoch 2025-01-01T00:00:00Z, RFC 3339
// rendering and parsing, and Go-style durations. Pure arithmetic: no Date object is ever built, so
// nothing here can read the host clock.

/** The simulation epoch, 2025-01-01T00:00:00Z, in Unix milliseconds. */
export const EPOCH_UNIX_MS = 1_735_689_600_000;
export const EPOCH_RFC3339 = '2025-01-01T00:00:00Z';

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60 * MS_PER_SECOND;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const MS_PER_DAY = 24 * MS_PER_HOUR;

export const seconds = (s: number): number => Math.round(s * MS_PER_SECOND);

// Howard Hinnant's days_from_civil / civil_from_days, proleptic Gregorian calendar.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export interface CivilTime {
  year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number;
  /** 0 = Sunday */ weekday: number;
}

/** Breaks a simulation instant into UTC calendar fields. */
export function civil(simMs: number): CivilTime {
  const unixMs = EPOCH_UNIX_MS + simMs;
  const days = Math.floor(unixMs / MS_PER_DAY);
  const rem = unixMs - days * MS_PER_DAY;
  const [year, month, day] = civilFromDays(days);
  return {
    year, month, day,
    hour: Math.floor(rem / MS_PER_HOUR),
    minute: Math.floor((rem % MS_PER_HOUR) / MS_PER_MINUTE),
    second: Math.floor((rem % MS_PER_MINUTE) / MS_PER_SECOND),
    ms: rem % MS_PER_SECOND,
    weekday: (((days + 4) % 7) + 7) % 7,
  };
}

/**
 * RFC 3339 with whole seconds, as metav1.Time serialises: the sub-second part is truncated, which
 * matters (a Ready condition's lastTransitionTime is compared at second precision upstream).
 */
export function toRfc3339(simMs: number): string {
  const second = Math.floor(simMs / MS_PER_SECOND);
  // Recent seconds are remembered (a direct-mapped cache): a simulation formats "now" and a few
  // recent instants (container start times) over and over.
  const slot = second & (SECOND_CACHE_SIZE - 1);
  if (secondKeys[slot] === second) return secondTexts[slot]!;
  const c = civil(simMs);
  // join builds one flat string; a template literal would keep a tree of pieces alive in every stored timestamp.
  const text = [pad(c.year, 4), '-', pad(c.month), '-', pad(c.day), 'T', pad(c.hour), ':', pad(c.minute), ':', pad(c.second), 'Z'].join('');
  if (Number.isSafeInteger(second)) { secondKeys[slot] = second; secondTexts[slot] = text; }
  return text;
}

const SECOND_CACHE_SIZE = 1024;
const secondKeys = new Float64Array(SECOND_CACHE_SIZE).fill(NaN);
const secondTexts = new Array<string>(SECOND_CACHE_SIZE);
let lastMicroMs = NaN;
let lastMicroText = '';
/** Per second (direct-mapped as toRfc3339's): its text up to the fraction, "YYYY-MM-DDTHH:MM:SS.". */
const microHeadKeys = new Float64Array(SECOND_CACHE_SIZE).fill(NaN);
const microHeadTexts = new Array<string>(SECOND_CACHE_SIZE);
/** Written with a character of each new text, which makes the runtime flatten it (see toRfc3339Micro). */
let flattenProbe = 0;

/** RFC 3339 with microseconds, as metav1.MicroTime serialises (Lease renewTime, Event eventTime). */
export function toRfc3339Micro(simMs: number): string {
  if (simMs === lastMicroMs) return lastMicroText;
  const second = Math.floor(simMs / MS_PER_SECOND);
  const slot = second & (SECOND_CACHE_SIZE - 1);
  let head = microHeadTexts[slot];
  if (microHeadKeys[slot] !== second || head === undefined) {
    // The whole-second part is toRfc3339's without its "Z".
    head = [toRfc3339(simMs).slice(0, -1), '.'].join('');
    if (Number.isSafeInteger(second)) { microHeadKeys[slot] = second; microHeadTexts[slot] = head; }
  }
  const ms = simMs - second * MS_PER_SECOND;
  // Two pieces, then one character read: reading a character of a concatenation makes V8 flatten it
  // into one string (the garbage collector then drops the pair), as a join would, at half its cost.
  const text = head + (MS_TAIL[ms] ?? `${pad(civil(simMs).ms, 3)}000Z`);
  flattenProbe = text.charCodeAt(0);
  lastMicroText = text;
  lastMicroMs = simMs;
  return text;
}

/** "000000Z" … "999000Z": the milliseconds as microseconds, and the zone. */
const MS_TAIL: string[] = Array.from({ length: 1000 }, (_, i) => `${pad(i, 3)}000Z`);

/** Unix milliseconds of a simulation instant (used where upstream formats Unix seconds or nanoseconds). */
export const toUnixMs = (simMs: number): number => EPOCH_UNIX_MS + simMs;

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|z|[+-]\d{2}:\d{2})$/;

/** Recently parsed timestamps: controllers sort thousands of pods by a handful of distinct seconds. */
const PARSED = new Map<string, number | undefined>();
const PARSED_MAX = 4096;

/** Parses an RFC 3339 timestamp into simulation milliseconds; undefined when malformed. */
export function parseRfc3339(text: string): number | undefined {
  let v = PARSED.get(text);
  if (v !== undefined || PARSED.has(text)) return v;
  v = parseRfc3339Uncached(text);
  if (PARSED.size >= PARSED_MAX) PARSED.clear();
  PARSED.set(text, v);
  return v;
}

function parseRfc3339Uncached(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  let unixMs = daysFromCivil(+y!, +mo!, +d!) * MS_PER_DAY + +h! * MS_PER_HOUR + +mi! * MS_PER_MINUTE + +s! * MS_PER_SECOND;
  if (frac) unixMs += Math.floor(+`0.${frac}` * 1000);
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone![0] === '-' ? -1 : 1;
    unixMs -= sign * (+zone!.slice(1, 3) * MS_PER_HOUR + +zone!.slice(4, 6) * MS_PER_MINUTE);
  }
  return unixMs - EPOCH_UNIX_MS;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: MS_PER_SECOND, m: MS_PER_MINUTE, h: MS_PER_HOUR };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;

/**
 * Parses a duration as Go's time.ParseDuration writes them (`90s`, `2m`, `1h30m`, `200ms`); a bare
 * number is seconds (`30`, as `sleep 30`). Returns undefined for anything else.
 */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+(?:\.\d+)?$/.test(t)) return Math.round(+t * MS_PER_SECOND);
  if (!DURATION.test(t)) return undefined;
  let total = 0;
  for (const [, num, unit] of t.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += +num! * UNIT_MS[unit!]!;
  return Math.round(total);
}

/** Formats milliseconds as Go's time.Duration.String() does (`1m30s`, `500ms`, `0s`, `2h0m0s`). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const neg = ms < 0;
  let rest = Math.abs(ms);
  if (rest < MS_PER_SECOND) return `${neg ? '-' : ''}${rest}ms`;
  const h = Math.floor(rest / MS_PER_HOUR);
  rest -= h * MS_PER_HOUR;
  const m = Math.floor(rest / MS_PER_MINUTE);
  rest -= m * MS_PER_MINUTE;
  const s = rest / MS_PER_SECOND;
  const secText = `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')}s`;
  const text = h > 0 ? `${h}h${m}m${secText}` : m > 0 ? `${m}m${secText}` : secText;
  return neg ? `-${text}` : text;
}
