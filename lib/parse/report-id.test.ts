import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportId } from './parse';

test('a URL-safe file name is the report id', () => {
  assert.equal(reportId('data/2020-hangzhou-xiacheng-qu.txt'), '2020-hangzhou-xiacheng-qu');
});

test('a Chinese file name gets a stable ASCII id that keeps the year', () => {
  const id = reportId('/tmp/洪泽区2023年政府信息公开工作年度报告.pdf');
  assert.match(id, /^2023-r[0-9a-f]{12}$/);
  assert.equal(reportId('/other/dir/洪泽区2023年政府信息公开工作年度报告.pdf'), id);
  assert.notEqual(reportId('/tmp/洪泽区2024年政府信息公开工作年度报告.pdf'), id);
});
