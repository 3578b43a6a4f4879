import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_QUERY, parseApiSearchParams, type SearchQuery } from './query-schema';
import { reportHref, searchHref, searchParamsOf, toggleFacetValue, withPage } from './url';

const query = (change: Partial<SearchQuery> = {}): SearchQuery => ({ ...DEFAULT_QUERY, ...change });

test('the default query is the bare /search; defaults are left out of URLs', () => {
  assert.equal(searchHref(DEFAULT_QUERY), '/search');
  assert.equal(searchHref(query({ q: '复议', page: 2, sort: 'year-asc' })), '/search?q=%E5%A4%8D%E8%AE%AE&sort=year-asc&page=2');
});

test('a URL and its query round-trip through the schema', () => {
  const original = parseApiSearchParams(new URLSearchParams('q=a b&year=2021&year=2020&issuer=x"y&match=any&literal=1&group=none&per_page=5&page=3'));
  assert.deepEqual(parseApiSearchParams(searchParamsOf(original)), original);
});

test('toggling a facet value adds or removes it and goes back to page 1', () => {
  const base = query({ page: 4, filters: { ...DEFAULT_QUERY.filters, year: ['2020'] } });
  assert.deepEqual(toggleFacetValue(base, 'year', '2021').filters.year, ['2020', '2021']);
  assert.deepEqual(toggleFacetValue(base, 'year', '2020').filters.year, []);
  assert.equal(toggleFacetValue(base, 'year', '2021').page, 1);
  assert.equal(withPage(base, 7).page, 7);
});

test('report links carry the query to highlight and the passage', () => {
  assert.equal(reportHref('2020-hangzhou-xiacheng-qu'), '/reports/2020-hangzhou-xiacheng-qu');
  assert.equal(reportHref('r.1', { q: '依申请 公开', anchor: 't3-r1' }), '/reports/r.1?q=%E4%BE%9D%E7%94%B3%E8%AF%B7+%E5%85%AC%E5%BC%80#t3-r1');
  // The search it came from, whole: the way back keeps its filters and page.
  const from = { ...DEFAULT_QUERY, q: '复议', filters: { ...DEFAULT_QUERY.filters, year: ['2023'], province: ['福建省'] }, page: 2 };
  assert.equal(reportHref('r', { from, anchor: 't4' }), `/reports/r?${searchParamsOf(from)}#t4`);
  assert.equal(reportHref('r', { from: DEFAULT_QUERY }), '/reports/r');
});
