// Server-generated names and uids: generateName + 5 characters from apimachinery's rand alphabet
// (no vowels, no look-alikes), and RFC 4122 version-4 uids, all drawn from seeded streams.
import type { RandomStream } from '../sim/random';

export const GENERATE_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_GENERATED_NAME_LENGTH = 63 - 5;

export function generateName(prefix: string, stream: RandomStream): string {
  return prefix.slice(0, MAX_GENERATED_NAME_LENGTH) + stream.string(5, GENERATE_NAME_ALPHABET);
}

export function generateUid(stream: RandomStream): string {
  // 32 hex digits, one draw each (uniformInt over 16 keeps a draw's low 4 bits), digit 12 then set to
  // the version and digit 16 to the variant, drawn last — as stream.string(32, hex) and int(0, 3) would.
  const codes = UID_CODES;
  for (let i = 0; i < 32; i++) codes[UID_POSITIONS[i]!] = HEX_CODES[stream.uint32() & 15]!;
  codes[UID_POSITIONS[12]!] = HEX_CODES[4]!;
  codes[UID_POSITIONS[16]!] = HEX_CODES[8 + (stream.uint32() & 3)]!;
  // One flat string from character codes: no pieces to join, and a stored uid holds no rope of parts.
  return String.fromCharCode.apply(null, codes);
}

const HEX_CODES = Array.from('0123456789abcdef', ch => ch.charCodeAt(0));
/** Where hex digit i goes in the 8-4-4-4-12 form. */
const UID_POSITIONS = Array.from({ length: 32 }, (_, i) => i + (i >= 8 ? 1 : 0) + (i >= 12 ? 1 : 0) + (i >= 16 ? 1 : 0) + (i >= 20 ? 1 : 0));
const UID_CODES: number[] = Array.from({ length: 36 }, () => '-'.charCodeAt(0));
