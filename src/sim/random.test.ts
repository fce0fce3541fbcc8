import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RandomSource } from './random';

const draw = (src: RandomSource, name: string, n: number): number[] => Array.from({ length: n }, () => src.stream(name).int(0, 1_000_000));

test('the same seed gives the same draws', () => {
  assert.deepEqual(draw(new RandomSource(42), 'scheduler', 10), draw(new RandomSource(42), 'scheduler', 10));
});

test('different seeds and different names give different draws', () => {
  assert.notDeepEqual(draw(new RandomSource(42), 'scheduler', 10), draw(new RandomSource(43), 'scheduler', 10));
  assert.notDeepEqual(draw(new RandomSource(42), 'scheduler', 10), draw(new RandomSource(42), 'kubelet', 10));
});

test('drawing from one stream does not shift another', () => {
  const a = new RandomSource(7);
  draw(a, 'noise', 1000);
  const b = new RandomSource(7);
  assert.deepEqual(draw(a, 'scheduler', 20), draw(b, 'scheduler', 20));
});

test('string draws use only the given alphabet', () => {
  const s = new RandomSource(1).stream('names').string(200, 'bcdfghjklmnpqrstvwxz2456789');
  assert.match(s, /^[bcdfghjklmnpqrstvwxz2456789]{200}$/);
});
