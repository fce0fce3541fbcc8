// shareUnchanged's "certainly different" answer must never contradict deepEqual: the API server
// skips deepEqual on it to decide whether an update writes anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deepEqual, deepFreeze, hasUndefined, hasUndefinedOutsideFrozen, shareFoundDifference, shareUnchanged } from './freeze';

const cases: [string, unknown, unknown, boolean][] = [
  // [what, draft, base, deepEqual]
  ['a primitive changed', { spec: { renewTime: 'b' } }, { spec: { renewTime: 'a' } }, false],
  ['same values, other key order', { b: 1, a: 2 }, { a: 2, b: 1 }, true],
  ['an undefined key the base lacks', { a: 1, b: undefined }, { a: 1 }, true],
  ['a key only the base has', { a: 1 }, { a: 1, b: 2 }, false],
  ['an undefined key against a defined one', { a: undefined }, { a: 1 }, false],
  ['an object against a primitive', { a: { x: 1 } }, { a: 1 }, false],
  ['an array against an object', { a: [] }, { a: {} }, false],
  ['a longer array', { a: [1, 2] }, { a: [1] }, false],
  ['equal nested arrays', { a: [{ x: 1 }] }, { a: [{ x: 1 }] }, true],
  ['null against an object', { a: null }, { a: {} }, false],
];

test('shareUnchanged reports a certain difference only where deepEqual finds the versions unequal', () => {
  for (const [what, draft, base, equal] of cases) {
    assert.equal(deepEqual(draft, base), equal, what);
    const frozenBase = deepFreeze(structuredClone(base));
    shareUnchanged(structuredClone(draft), frozenBase);
    if (shareFoundDifference()) assert.equal(equal, false, what);
  }
  // The flag is set by real value changes (so the skip is taken) and reset by the next comparison.
  shareUnchanged({ a: 2 }, deepFreeze({ a: 1 }));
  assert.equal(shareFoundDifference(), true);
  shareUnchanged({ b: 1, a: 2 }, deepFreeze({ a: 2, b: 1 }));
  assert.equal(shareFoundDifference(), false);
});

/** Every object reachable from value, with its path. */
function parts(value: unknown, path = '', out: [string, object][] = []): [string, object][] {
  if (value === null || typeof value !== 'object') return out;
  out.push([path, value]);
  for (const [k, v] of Object.entries(value)) parts(v, `${path}.${k}`, out);
  return out;
}

test('shareUnchanged with freezeKept freezes what the draft keeps, all but the draft and its metadata', () => {
  const base = deepFreeze({ metadata: { name: 'a', labels: { x: '1' } }, spec: { keep: { a: 1 }, list: [{ b: 1 }] }, status: { c: 1 } });
  const draft = {
    metadata: { name: 'a', labels: { x: '2' } },
    spec: { keep: { a: 1 }, list: [{ b: 1 }, { b: 2, deep: { d: [1] } }] },
    status: { c: [{ e: 1 }] },
  };
  assert.equal(shareUnchanged(draft, base, undefined, true), false);
  assert.equal(draft.spec.keep, base.spec.keep, 'an equal part is the base\'s');
  assert.equal(draft.spec.list[0], base.spec.list[0]);
  assert.ok(!Object.isFrozen(draft) && !Object.isFrozen(draft.metadata));
  for (const [path, part] of parts(draft)) if (path !== '' && path !== '.metadata') assert.ok(Object.isFrozen(part), path);
  // What the store's deepFreeze then leaves is the same as freezing the whole draft.
  deepFreeze(draft);
  for (const [path, part] of parts(draft)) assert.ok(Object.isFrozen(part), path);
  // Without the flag nothing is frozen.
  const plain = { metadata: { name: 'b' }, spec: { n: [{ x: 1 }] } };
  shareUnchanged(plain, base, undefined);
  assert.equal(parts(plain).some(([, p]) => Object.isFrozen(p) && !(Object.values(base) as object[]).includes(p)), false);
});

test('hasUndefinedOutsideFrozen looks for undefined values in unfrozen parts only', () => {
  const stored = deepFreeze({ a: 1, list: [{ b: 'x' }] });
  assert.equal(hasUndefinedOutsideFrozen({ spec: stored, status: { phase: 'Running' } }), false);
  assert.equal(hasUndefinedOutsideFrozen({ spec: stored, status: { phase: undefined } }), true);
  assert.equal(hasUndefinedOutsideFrozen({ items: [stored, { c: [1, undefined] }] }), true);
  assert.equal(hasUndefinedOutsideFrozen({ items: [stored, undefined] }), true);
  // A frozen part is taken on trust (owned writes hand over only stored parts and shared constants).
  assert.equal(hasUndefinedOutsideFrozen({ spec: Object.freeze({ a: undefined }) }), false);
  assert.equal(hasUndefined({ spec: Object.freeze({ a: undefined }) }), true);
});
