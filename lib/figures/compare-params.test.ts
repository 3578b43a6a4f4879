import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidParameterError } from '@/lib/search/errors';
import { DEFAULT_MEASURE_ID } from './catalogue';
import { compareExportHref, compareHref, parseApiCompareParams, parsePageCompareParams } from './compare-params';

test('the API reads the measure, the format and the place/year facets', () => {
  const query = parseApiCompareParams(new URLSearchParams('measure=disclosure-rate&format=csv&year=2024&year=2023&province=江苏省&q=ignored'));
  assert.equal(query.measure.id, 'disclosure-rate');
  assert.equal(query.format, 'csv');
  assert.deepEqual(query.filters.year, ['2024', '2023']);
  assert.deepEqual(query.filters.province, ['江苏省']);
  assert.deepEqual([query.filters.kind, query.filters.category], [[], []]);
});

test('defaults: the default measure, JSON', () => {
  const query = parseApiCompareParams(new URLSearchParams(''));
  assert.equal(query.measure.id, DEFAULT_MEASURE_ID);
  assert.equal(query.format, 'json');
});

test('the API refuses a measure outside the catalogue, a bad format, a bad facet value, a repeated measure', () => {
  const refused = (params: string) => {
    try {
      parseApiCompareParams(new URLSearchParams(params));
    } catch (error) {
      assert.ok(error instanceof InvalidParameterError);
      return error.parameter;
    }
    assert.fail(`accepted ${params}`);
  };
  assert.equal(refused('measure=t9-1.total'), 'measure');
  assert.equal(refused('measure=t3-1.total&measure=t3-2.total'), 'measure');
  assert.equal(refused('format=xlsx'), 'format');
  assert.equal(refused('year=2020%20OR%201%3D1'), 'year');
  assert.equal(refused('level=国家级'), 'level');
});

test('the page falls back to the default measure and says so; bad facet values are dropped', () => {
  const { query, notices } = parsePageCompareParams({ measure: 'nope', year: ['2020', 'x'] });
  assert.equal(query.measure.id, DEFAULT_MEASURE_ID);
  assert.deepEqual(query.filters.year, ['2020']);
  assert.equal(notices.length, 2);
});

test('links round-trip through the parser', () => {
  const { query } = parsePageCompareParams({ measure: 't4.review.corrected', issuer: '淮安市人民政府', year: '2024' });
  const href = compareHref(query);
  assert.match(href, /^\/compare\?measure=t4\.review\.corrected&year=2024&issuer=/);
  const again = parsePageCompareParams(Object.fromEntries(new URL(href, 'http://x').searchParams)).query;
  assert.deepEqual(again, query);
  assert.match(compareExportHref(query, 'csv'), /^\/api\/compare\?.*format=csv$/);
});

test('the picker’s words choose a measure: an id, a label, or words a label holds (the common measures first)', () => {
  assert.equal(parsePageCompareParams({ measure: 't4.review.total' }).query.measure.id, 't4.review.total');
  assert.equal(parsePageCompareParams({ measure: '行政复议 · 总计' }).query.measure.id, 't4.review.total');
  const typed = parsePageCompareParams({ measure: '不予公开' });
  assert.equal(typed.query.measure.id, 't3-3-3.total');
  assert.deepEqual(typed.notices, ['按“不予公开”选了指标：（三）不予公开 · 总计。']);
  assert.equal(parsePageCompareParams({ measure: '诉讼纠错率' }).query.measure.id, 'suits-correction-rate');
  assert.equal(parsePageCompareParams({ measure: '没有的指标' }).query.measure.id, DEFAULT_MEASURE_ID);
  assert.equal(parsePageCompareParams({ sort: 'value-asc' }).query.sort, 'value-asc');
  assert.deepEqual(parsePageCompareParams({ sort: 'biggest' }).notices, ['排序方式无效，已按地区排列。']);
});
