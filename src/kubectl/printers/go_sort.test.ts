import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goSort } from './go_sort';

test('up to 12 elements Go insertion-sorts, so equal elements keep their order', () => {
  const items = [{ k: 2, n: 'a' }, { k: 1, n: 'b' }, { k: 2, n: 'c' }, { k: 1, n: 'd' }, { k: 0, n: 'e' }];
  assert.deepEqual(goSort(items, (a, b) => a.k < b.k).map(x => x.n), ['e', 'b', 'd', 'a', 'c']);
});

test('larger inputs sort correctly whatever their shape (pdqsort paths: sorted, reversed, many ties, random)', () => {
  let seed = 7;
  const rnd = (): number => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed; };
  const shapes: number[][] = [
    Array.from({ length: 200 }, (_, i) => i),
    Array.from({ length: 200 }, (_, i) => 200 - i),
    Array.from({ length: 300 }, () => rnd() % 3),
    Array.from({ length: 500 }, () => rnd() % 1000),
    Array.from({ length: 64 }, (_, i) => (i % 2 === 0 ? i : 64 - i)),
  ];
  for (const shape of shapes) {
    const sorted = goSort([...shape], (a, b) => a < b);
    assert.deepEqual(sorted, [...shape].sort((a, b) => a - b));
  }
});

test('pdqsort leaves a deterministic order among ties', () => {
  const items = Array.from({ length: 40 }, (_, i) => ({ k: i % 4, i }));
  const once = goSort([...items], (a, b) => a.k < b.k).map(x => x.i);
  const twice = goSort([...items], (a, b) => a.k < b.k).map(x => x.i);
  assert.deepEqual(once, twice);
  assert.deepEqual(once.map(i => i % 4), [...once.map(i => i % 4)].sort((a, b) => a - b));
});
