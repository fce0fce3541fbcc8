// A Lease's renewTime as milliseconds, read cheaply when it follows one already parsed: the node
// lifecycle controller values every node's renewal every 5 s, and consecutive renewals of one Lease
// mostly share their date and hour.
import { parseRfc3339 } from '../sim/time';

/** Length of "YYYY-MM-DDTHH:", the fixed-width head of an RFC 3339 time before its minutes. */
const HOUR_HEAD = 14;

/**
 * The minutes, seconds, fraction and zone "Z" of an RFC 3339 time from index HOUR_HEAD on, in
 * milliseconds exactly as parseRfc3339 adds them up; undefined for any other tail (an offset zone included).
 */
function minuteTailMs(text: string): number | undefined {
  const n = text.length, at = HOUR_HEAD;
  const zone = text.charCodeAt(n - 1);
  if (n < at + 6 || (zone !== 90 && zone !== 122) || text.charCodeAt(at + 2) !== 58) return undefined;
  if (!isDigit(text, at) || !isDigit(text, at + 1) || !isDigit(text, at + 3) || !isDigit(text, at + 4)) return undefined;
  const ms = twoDigits(text, at) * 60_000 + twoDigits(text, at + 3) * 1000;
  if (n === at + 6) return ms;
  const fracFrom = at + 6;
  if (text.charCodeAt(at + 5) !== 46 || n - 1 - fracFrom < 1 || n - 1 - fracFrom > 9) return undefined;
  for (let i = fracFrom; i < n - 1; i++) if (!isDigit(text, i)) return undefined;
  // A kubelet's renewTime (metav1.MicroTime of a millisecond instant) has six digits, the last three zero.
  if (n - 1 - fracFrom === 6 && text.charCodeAt(fracFrom + 3) === 48 && text.charCodeAt(fracFrom + 4) === 48 && text.charCodeAt(fracFrom + 5) === 48) {
    return ms + MILLI_FRACTION_MS[twoDigits(text, fracFrom) * 10 + text.charCodeAt(fracFrom + 2) - 48]!;
  }
  return ms + Math.floor(+`0.${text.slice(fracFrom, n - 1)}` * 1000);
}

/** The milliseconds of a fraction "ddd000", by the very formula above (and parseRfc3339's), so equal by construction. */
const MILLI_FRACTION_MS: number[] = Array.from({ length: 1000 }, (_, i) => Math.floor(+`0.${String(i).padStart(3, '0')}000` * 1000));

/** renew.startsWith(seen.slice(0, HOUR_HEAD)) with seen at least that long, without the slice. */
function sameHourHead(renew: string, seen: string): boolean {
  if (seen.length < HOUR_HEAD || renew.length < HOUR_HEAD) return false;
  for (let i = 0; i < HOUR_HEAD; i++) if (renew.charCodeAt(i) !== seen.charCodeAt(i)) return false;
  return true;
}

const twoDigits = (text: string, i: number): number => (text.charCodeAt(i) - 48) * 10 + text.charCodeAt(i + 1) - 48;
const isDigit = (text: string, i: number): boolean => { const c = text.charCodeAt(i); return c >= 48 && c <= 57; };

/**
 * parseRfc3339(renew), given a renewal time seen before and its value: a kubelet renews every
 * 10 s, so the two mostly share their date and hour, and only the differing tails are read.
 * Exact: parseRfc3339 matches fixed-width fields and sums them as integers, so equal heads add the
 * same amount and the values differ by the tails' difference.
 */
export function renewTimeMs(renew: string, seen: string, seenMs: number | undefined): number | undefined {
  if (seenMs !== undefined && sameHourHead(renew, seen)) {
    const a = minuteTailMs(renew), b = minuteTailMs(seen);
    if (a !== undefined && b !== undefined) return seenMs - b + a;
  }
  return parseRfc3339(renew);
}
