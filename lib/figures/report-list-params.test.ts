import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidParameterError } from '@/lib/search/errors';
import { parseReportListParams, reportListHref } from './report-list-params';

const parse = (query: string) => parseReportListParams(new URLSearchParams(query));

test('filters and the page, 未标明 for what a report does not state; unknown parameters ignored', () => {
  assert.deepEqual(parse('province=福建省&year=2023&level=区县级&page=2&q=x'), { filters: { province: '福建省', year: '2023', level: '区县级' }, page: 2 });
  assert.deepEqual(parse('year=未标明&level=未标明&city=&province='), { filters: { year: '未标明', level: '未标明' }, page: 1 });
  assert.equal(reportListHref(parse('year=2023&province=福建省&page=3')), `/reports?province=${encodeURIComponent('福建省')}&year=2023&page=3`);
  assert.equal(reportListHref(parse('')), '/reports');
});

test('a bad value is an error naming the parameter (a 400)', () => {
  for (const [query, parameter] of [
    ['year=23', 'year'],
    ['year=2023 OR 1=1', 'year'],
    ['year=2023&year=2024', 'year'],
    ['level=国家级', 'level'],
    ['page=0', 'page'],
    ['page=1001', 'page'],
    ['province=' + 'a'.repeat(101), 'province'],
    ['city=%01', 'city'],
  ] as const) {
    assert.throws(
      () => parse(query),
      (error: unknown) => error instanceof InvalidParameterError && error.parameter === parameter,
      query,
    );
  }
});
