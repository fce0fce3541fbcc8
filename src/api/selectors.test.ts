import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertSelectorToLabelsMap, formatLabelSelector, labelSelectorAsSelector, matches, parseFieldSelector, parseSelector, selectorString } from './selectors';

test('the string form parses equality, set and existence requirements', () => {
  const s = parseSelector('a=b,c!=d,e in (x,y),!f,g notin (z),h==i,j');
  assert.equal(selectorString(s), 'a=b,c!=d,e in (x,y),!f,g notin (z),h==i,j');
  assert.equal(matches(s, { a: 'b', e: 'x', h: 'i', j: '' }), true);
  assert.equal(matches(s, { a: 'b', e: 'x', h: 'i', j: '', f: '1' }), false);
  assert.equal(matches(s, { a: 'b', c: 'd', e: 'x', h: 'i', j: '' }), false);
  assert.equal(matches(s, { a: 'b', e: 'w', h: 'i', j: '' }), false);
  assert.equal(matches(s, { a: 'b', e: 'y', g: 'z', h: 'i', j: '' }), false);
});

test('requirements are sorted by key and set values printed sorted', () => {
  assert.equal(selectorString(parseSelector('z=1, a in (c,b)')), 'a in (b,c),z=1');
});

test('parse errors carry labels.Parse texts', () => {
  assert.throws(() => parseSelector('a b'), { message: "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt" });
  assert.throws(() => parseSelector('a=b,'), { message: "found '', expected: identifier after ','" });
  assert.throws(() => parseSelector('a in b'), { message: "unable to parse requirement: found 'b' expected: '('" });
  assert.throws(() => parseSelector('a=b c'), { message: "found 'c', expected: ',' or 'end of string'" });
  assert.throws(() => parseSelector(',a'), { message: "found ',', expected: !, identifier, or 'end of string'" });
  assert.throws(() => parseSelector('a=b@'), {
    message: "unable to parse requirement: values[0][a]: Invalid value: \"b@\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
  });
  assert.throws(() => parseSelector('-a=b'), {
    message: "unable to parse requirement: <nil>: Invalid value: \"-a\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
  });
});

test('empty values: "a=" and "a in ()" select the empty string', () => {
  assert.equal(matches(parseSelector('a='), { a: '' }), true);
  assert.equal(matches(parseSelector('a in ()'), { a: '' }), true);
  assert.equal(matches(parseSelector(''), {}), true);
});

test('structured selectors: nil selects nothing, {} everything, expressions combine with labels', () => {
  assert.equal(matches(labelSelectorAsSelector(undefined), { a: 'b' }), false);
  assert.equal(matches(labelSelectorAsSelector({}), { a: 'b' }), true);
  const sel = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }, { key: 'legacy', operator: 'DoesNotExist' }] };
  assert.equal(matches(labelSelectorAsSelector(sel), { app: 'web', tier: 'a' }), true);
  assert.equal(matches(labelSelectorAsSelector(sel), { app: 'web', tier: 'a', legacy: 'x' }), false);
  assert.equal(formatLabelSelector(sel), 'app=web,!legacy,tier in (a,b)');
  assert.equal(formatLabelSelector({}), '<none>');
  assert.equal(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Foo' }] }), '<error>');
});

test('field selectors parse =, == and !=', () => {
  assert.deepEqual(parseFieldSelector('spec.nodeName=node01,status.phase!=Running'), [
    { field: 'spec.nodeName', operator: '=', value: 'node01' },
    { field: 'status.phase', operator: '!=', value: 'Running' },
  ]);
  assert.throws(() => parseFieldSelector('foo'), { message: "invalid selector: 'foo'; can't understand 'foo'" });
});

test('ConvertSelectorToLabelsMap: key=value pairs only', () => {
  assert.deepEqual(convertSelectorToLabelsMap('app=web-x,tier==front'), { app: 'web-x', tier: 'front' });
  assert.throws(() => convertSelectorToLabelsMap('app!=web'), /only key=value pairs make labels/);
});

test('a key named like an inherited member of plain objects is no label unless the object has it', () => {
  // labels.Parse (apimachinery pkg/labels/selector.go) treats any such word as an identifier; a label
  // exists only if the object has it.
  assert.equal(matches(parseSelector('constructor=x'), {}), false);
  assert.equal(matches(parseSelector('constructor in (x,y)'), {}), false);
  assert.equal(matches(parseSelector('constructor!=x'), {}), true);
  assert.equal(matches(parseSelector('toString notin (x)'), {}), true);
  assert.equal(matches(parseSelector('hasOwnProperty'), {}), false);
  assert.equal(matches(parseSelector('!valueOf'), {}), true);
  assert.equal(matches(parseSelector('constructor=x'), { constructor: 'x' }), true);
  assert.equal(matches(parseSelector('constructor!=x'), { constructor: 'x' }), false);
  assert.equal(matches(parseSelector('app in (a,b),tier=web'), { app: 'b', tier: 'web' }), true);
  assert.equal(matches(parseSelector('app in (a,b),tier=web'), { app: 'c', tier: 'web' }), false);
});

test('a structured selector with an operator named like an inherited member is rejected in upstream words', () => {
  // LabelSelectorAsSelector (apimachinery pkg/apis/meta/v1/helpers.go): `%q is not a valid label selector operator`.
  assert.throws(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'app', operator: 'constructor' as 'In' }] }),
    /^SelectorParseError: "constructor" is not a valid label selector operator$/);
});
