import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryWords } from './query-words';

test('domain terms stay whole; the rest is cut into words; each word once', () => {
  assert.deepEqual(queryWords('行政复议案件 xyz'), ['行政复议', '案件', 'xyz']);
  assert.deepEqual(queryWords('不予公开 火星'), ['不予公开', '火星']);
  assert.deepEqual(queryWords('收到申请'), ['收到', '申请']);
  assert.deepEqual(queryWords('公开 公开'), ['公开']);
});
