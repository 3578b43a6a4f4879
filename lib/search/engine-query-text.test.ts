import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineQueryText } from './engine-query-text';

test('a number glued to Chinese becomes a word of its own', () => {
  assert.equal(engineQueryText('主动撤回157件'), '主动撤回 157 件');
  assert.equal(engineQueryText('4900人次'), '4900 人次');
  assert.equal(engineQueryText('2020年 第3季度'), '2020 年 第 3 季度');
});

test('numbers with their own punctuation, Latin words and spaced text are left alone', () => {
  assert.equal(engineQueryText('17.46% 12345 便民服务平台'), '17.46% 12345 便民服务平台');
  assert.equal(engineQueryText('GB2312 编码'), 'GB2312 编码');
  assert.equal(engineQueryText('“依申请公开”'), '“依申请公开”');
  assert.equal(engineQueryText(''), '');
});
