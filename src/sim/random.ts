// Seeded randomness with independent named streams. Each component forks its own stream from the
// scenario seed and its name, so adding a component (or drawing more numbers in one) never
// reshuffles the draws of another. Generator: pure-rand's xoroshiro128+.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** 32-bit FNV-1a over a string's UTF-16 code units; stable across runs and platforms. */
export function fnv1a32(text: string, hash = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export class RandomStream {
  private readonly rng: RandomGenerator;

  constructor(readonly seed: number, readonly name: string) {
    this.rng = xoroshiro128plus(fnv1a32(`${seed}\u0000${name}`) | 0);
  }

  /** Integer in [from, to], both included. */
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }

  /** Unsigned 32-bit integer: the draw float() scales down (float() === uint32() / 2^32, the same draw). */
  uint32(): number {
    return this.rng.next() >>> 0;
  }

  /** Float in [0, 1) with 32 bits of resolution. */
  float(): number {
    return (this.rng.next() >>> 0) / 0x1_0000_0000;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error(`random stream ${this.name}: pick from an empty list`);
    return items[this.int(0, items.length - 1)]!;
  }

  /** n characters drawn uniformly from alphabet. */
  string(n: number, alphabet: string): string {
    const chars = this.chars(n, alphabet);
    return chars.length === 1 ? chars[0]! : chars.join('');
  }

  /** The characters string(n, alphabet) would return, one per array element (the same draws). */
  chars(n: number, alphabet: string): string[] {
    const out = new Array<string>(n);
    const size = alphabet.length;
    if (size > 0 && (size & (size - 1)) === 0) {
      // uniformInt over a power-of-two range takes one draw and keeps its low bits (no rejection).
      const mask = size - 1;
      for (let i = 0; i < n; i++) out[i] = alphabet[this.rng.next() & mask]!;
    } else {
      for (let i = 0; i < n; i++) out[i] = alphabet[this.int(0, size - 1)]!;
    }
    return out;
  }
}

/** The scenario's source of chance: one seed, one stream per name, created on first use. */
export class RandomSource {
  private readonly streams = new Map<string, RandomStream>();

  constructor(readonly seed: number) {}

  stream(name: string): RandomStream {
    let s = this.streams.get(name);
    if (!s) this.streams.set(name, (s = new RandomStream(this.seed, name)));
    return s;
  }
}

/** Two lowercase hex digits per byte value. */
const BYTE_HEX: string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** A byte as two lowercase hex digits. */
export const hex2 = (b: number): string => BYTE_HEX[b & 255]!;

/** A 32-bit unsigned value as 8 lowercase hex digits (what toString(16).padStart(8, '0') gives). */
export function hex8(v: number): string {
  return BYTE_HEX[v >>> 24]! + BYTE_HEX[(v >>> 16) & 255]! + BYTE_HEX[(v >>> 8) & 255]! + BYTE_HEX[v & 255]!;
}
