import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quoteFilterValue } from './filter-value';

test('string values are quoted with quotes and backslashes escaped', () => {
  assert.equal(quoteFilterValue('浙江省'), '"浙江省"');
  assert.equal(quoteFilterValue('a"b'), '"a\\"b"');
  assert.equal(quoteFilterValue('x\\'), '"x\\\\"');
  assert.equal(quoteFilterValue('" OR year = 1 OR "'), '"\\" OR year = 1 OR \\""');
});
