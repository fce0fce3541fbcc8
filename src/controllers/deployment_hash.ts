// The pod-template-hash: ComputeHash (pkg/controller/controller_utils.go) — FNV-32a over the pod
// template, then over 8 bytes holding collisionCount little-endian when it is set, and the uint32's
// decimal digits mapped through SafeEncodeString's alphabet. Upstream feeds the hash a go-spew dump
// of the Go struct, which cannot be reproduced byte for byte here; kukumber hashes a canonical JSON
// serialisation (keys sorted), so values differ from a real cluster's while keeping their shape
// (1–10 characters from {4,5,6,7,8,9,b,c,d,f}) and their behaviour (same template, same hash).

/** rand.SafeEncodeString's alphabet (apimachinery pkg/util/rand): no vowels, no look-alikes. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** SafeEncodeString: each byte b becomes alphanums[b % 27]. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

/** hash/fnv New32a over bytes, continuing from `hash`. */
export function fnv32a(bytes: Uint8Array, hash = FNV32_OFFSET): number {
  let h = hash >>> 0;
  for (const b of bytes) h = Math.imul(h ^ b, FNV32_PRIME) >>> 0;
  return h >>> 0;
}

/** JSON with object keys sorted at every level, undefined members dropped: a stable rendering of a template. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const rec = value as Record<string, unknown>;
  const keys = Object.keys(rec).filter(k => rec[k] !== undefined).sort();
  return `{${keys.map(k => `${JSON.stringify(k)}:${canonicalJson(rec[k])}`).join(',')}}`;
}

/** ComputeHash(template, collisionCount). */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(canonicalJson(template)));
  if (collisionCount !== undefined && collisionCount !== null) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(bytes, h);
  }
  return safeEncodeString(String(h));
}
