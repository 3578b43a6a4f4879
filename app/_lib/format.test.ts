import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPlace, formatYear } from './format';

test('a place line names each level once; a year not stated says so', () => {
  assert.equal(formatPlace({ province: '上海市', city: '上海市', district: null }), '上海市');
  assert.equal(formatPlace({ province: '江苏省', city: '淮安市', district: '洪泽区' }), '江苏省 淮安市 洪泽区');
  assert.equal(formatYear(2023), '2023年');
  assert.equal(formatYear(null), '年度未标明');
});
