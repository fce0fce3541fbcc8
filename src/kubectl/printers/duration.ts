// Durations as kubectl shows them: apimachinery's pkg/util/duration HumanDuration (AGE, RESTARTS
// "(5m ago)", describe event ages) and ShortHumanDuration, computed on virtual time. Timestamps are
// RFC 3339 with whole seconds while "now" has milliseconds, exactly as a real server's clock does.
import { parseRfc3339 } from '../../sim/time';

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

/** Go's int(d.Seconds()): truncation toward zero. */
const truncSeconds = (ms: number): number => Math.trunc(ms / SECOND_MS);

/** duration.HumanDuration: ~2-3 significant figures (`95s`, `7m3s`, `45m`, `5h12m`, `30h`, `3d4h`, `400d`, `3y20d`). */
export function humanDuration(ms: number): string {
  const seconds = truncSeconds(ms);
  // Up to 2 s in the future is tolerated as clock skew ("0s"); more is "<invalid>".
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE_MS);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR_MS);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  const years = Math.trunc(hours / 24 / 365);
  if (hours < 24 * 365 * 8) {
    const days = Math.trunc(hours / 24) % 365;
    return days === 0 ? `${years}y` : `${years}y${days}d`;
  }
  return `${years}y`;
}

/** duration.ShortHumanDuration: one unit only (`59s`, `59m`, `23h`, `364d`, `2y`). */
export function shortHumanDuration(ms: number): string {
  const seconds = truncSeconds(ms);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE_MS);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR_MS);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/**
 * translateTimestampSince (printers.go / describe.go): `<unknown>` for a missing (zero) timestamp,
 * else HumanDuration(now - t).
 */
export function translateTimestampSince(timestamp: string | null | undefined, nowMs: number): string {
  if (!timestamp) return '<unknown>';
  const t = parseRfc3339(timestamp);
  if (t === undefined) return '<unknown>';
  return humanDuration(nowMs - t);
}
