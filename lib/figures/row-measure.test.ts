import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareRowHref, measureOfRow } from './row-measure';

test('a row stands for the measure readers compare it by', () => {
  assert.equal(measureOfRow({ table: '三', anchor: 't3-3-3-2', path: [] })?.id, 't3-3-3-2.total');
  assert.equal(measureOfRow({ table: '四', anchor: 't4', path: [] })?.id, 't4.review.total');
  assert.equal(measureOfRow({ table: '二', anchor: 't2-5-1', path: [] })?.id, 't2-5-1.decisions');
  assert.equal(measureOfRow({ table: '统计表', anchor: 'ts-14', path: ['行政复议数'] })?.id, 't4.review.total');
  assert.equal(measureOfRow({ table: '统计表', anchor: 'ts-16', path: ['行政诉讼数'] })?.id, 'suits.total');
  assert.equal(measureOfRow({ table: '统计表', anchor: 'ts-1', path: ['主动公开文件数'] }), undefined);
  assert.equal(measureOfRow({ table: null, anchor: 'part-1', path: [] }), undefined);
});

test('the link compares the row for the report’s own issuer', () => {
  assert.equal(
    compareRowHref({ table: '统计表', anchor: 'ts-14', path: ['行政复议数'] }, { issuer: '平潭综合实验区管委会', province: '福建省' }),
    `/compare?measure=t4.review.total&province=${encodeURIComponent('福建省')}&issuer=${encodeURIComponent('平潭综合实验区管委会')}`,
  );
  assert.equal(compareRowHref({ table: '统计表', anchor: 'ts-1', path: ['主动公开文件数'] }, { issuer: null, province: null }), null);
});
