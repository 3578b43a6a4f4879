import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corrections, createVocabulary } from './did-you-mean';

const VOCABULARY = createVocabulary(['行政复议', '行政诉讼', '不予公开', '依申请公开', '平潭综合实验区', '洪泽区']);

test('a homophone typo of a term is corrected to the term', () => {
  assert.deepEqual(corrections('行政复意', VOCABULARY), ['行政复议']);
  assert.deepEqual(corrections('行政复意案件', VOCABULARY), ['行政复议案件']);
  assert.deepEqual(corrections('2023 不与公开', VOCABULARY), ['2023 不予公开']);
});

test('one character off a term of three characters or more', () => {
  assert.deepEqual(corrections('依申情公开', VOCABULARY), ['依申请公开']);
  assert.deepEqual(corrections('洪择区', VOCABULARY), ['洪泽区']);
});

test('the terms themselves, unrelated words and Latin text are left alone', () => {
  assert.deepEqual(corrections('行政复议', VOCABULARY), []);
  assert.deepEqual(corrections('数字驾驶舱', VOCABULARY), []);
  assert.deepEqual(corrections('abc', VOCABULARY), []);
});
