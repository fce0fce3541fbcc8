// Server-generated names and uids: generateName + 5 characters from apimachinery's rand alphabet
// (no vowels, no look-alikes), and RFC 4122 version-4 uids, all drawn from seeded streams.
import { hex2, type RandomStream } from '../sim/random';

export const GENERATE_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_GENERATED_NAME_LENGTH = 63 - 5;

export function generateName(prefix: string, stream: RandomStream): string {
  return prefix.slice(0, MAX_GENERATED_NAME_LENGTH) + stream.string(5, GENERATE_NAME_ALPHABET);
}

export function generateUid(stream: RandomStream): string {
  // 32 hex digits, one draw each (uniformInt over 16 keeps a draw's low 4 bits), digit 12 then set to
  // the version and digit 16 to the variant, drawn last — as stream.string(32, hex) and int(0, 3) would.
  const d = DIGITS;
  for (let i = 0; i < 32; i++) d[i] = stream.uint32() & 15;
  d[12] = 4;
  d[16] = 8 + (stream.uint32() & 3);
  return [pair(d, 0) + pair(d, 2) + pair(d, 4) + pair(d, 6), pair(d, 8) + pair(d, 10), pair(d, 12) + pair(d, 14), pair(d, 16) + pair(d, 18),
    pair(d, 20) + pair(d, 22) + pair(d, 24) + pair(d, 26) + pair(d, 28) + pair(d, 30)].join('-');
}

const DIGITS = new Uint8Array(32);
const pair = (d: Uint8Array, i: number): string => hex2((d[i]! << 4) | d[i + 1]!);
