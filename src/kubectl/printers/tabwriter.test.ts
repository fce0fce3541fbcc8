import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESCRIBE_WRITER, tabulate, TabWriter, TABLE_WRITER } from './tabwriter';

test('table layout: columns as wide as the widest cell plus 3, at least 6, last column unpadded', () => {
  const out = tabulate('NAME\tDESIRED\tAGE\nreplicaset-demo\t2\t95m\nx\t10\t5s\n', TABLE_WRITER);
  assert.equal(out, 'NAME              DESIRED   AGE\nreplicaset-demo   2         95m\nx                 10        5s\n');
  assert.equal(tabulate('A\tB\na\tb\n', TABLE_WRITER), 'A     B\na     b\n');
});

test('a line without tabs ends the alignment block above it', () => {
  const out = tabulate('Name:\tx\nAnnotations:\t<none>\nPod Template:\n  Labels:\ta=b\n\tc=d\n', DESCRIBE_WRITER);
  assert.equal(out, 'Name:         x\nAnnotations:  <none>\nPod Template:\n  Labels:  a=b\n           c=d\n');
});

test('column blocks are per run of lines that have the column', () => {
  // The second column's block ends at the line with only one tab-terminated cell.
  const out = tabulate('a\tb\tc\nlonger\td\nx\tyyyyyy\tz\n', DESCRIBE_WRITER);
  assert.equal(out, 'a       b  c\nlonger  d\nx       yyyyyy  z\n');
});

test('widths count code points and empty cells are padded', () => {
  assert.equal(tabulate('é\tx\n\ty\n', DESCRIBE_WRITER), 'é  x\n   y\n');
});

test('RememberWidths keeps column widths across flushes; resetting forgets them', () => {
  const w = new TabWriter(TABLE_WRITER);
  w.write('NAME\tAGE\nlong-name-here\t1s\n');
  const first = w.flush();
  w.write('NAME\tAGE\nb\t2s\n');
  assert.equal(first, 'NAME             AGE\nlong-name-here   1s\n');
  assert.equal(w.flush(), 'NAME             AGE\nb                2s\n');
  w.resetRememberedWidths();
  w.write('NAME\tAGE\nb\t2s\n');
  assert.equal(w.flush(), 'NAME   AGE\nb      2s\n');
});
