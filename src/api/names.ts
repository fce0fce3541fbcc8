// Server-generated names and uids: generateName + 5 characters from apimachinery's rand alphabet
// (no vowels, no look-alikes), and RFC 4122 version-4 uids, all drawn from seeded streams.
import type { RandomStream } from '../sim/random';

export const GENERATE_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_GENERATED_NAME_LENGTH = 63 - 5;

export function generateName(prefix: string, stream: RandomStream): string {
  return prefix.slice(0, MAX_GENERATED_NAME_LENGTH) + stream.string(5, GENERATE_NAME_ALPHABET);
}

export function generateUid(stream: RandomStream): string {
  const hex = stream.chars(32, '0123456789abcdef');
  hex[12] = '4';
  hex[16] = '89ab'[stream.int(0, 3)]!;
  hex[7] += '-';
  hex[11] += '-';
  hex[15] += '-';
  hex[19] += '-';
  return hex.join('');
}
