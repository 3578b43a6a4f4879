import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidParameterError } from './errors';
import { DEFAULT_QUERY, parseApiSearchParams, parsePageSearchParams, QUERY_LIMITS } from './query-schema';

const params = (query: string) => new URLSearchParams(query);

function apiError(query: string): InvalidParameterError {
  try {
    parseApiSearchParams(params(query));
  } catch (error) {
    assert.ok(error instanceof InvalidParameterError, `expected InvalidParameterError, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${query} to be refused`);
}

test('no parameters is the default query', () => {
  assert.deepEqual(parseApiSearchParams(params('')), DEFAULT_QUERY);
  assert.deepEqual(parsePageSearchParams(params('')), { query: DEFAULT_QUERY, notices: [] });
  assert.equal(DEFAULT_QUERY.sort, 'relevance');
  assert.equal(DEFAULT_QUERY.match, 'all');
  assert.equal(DEFAULT_QUERY.page, 1);
  assert.equal(DEFAULT_QUERY.perPage, QUERY_LIMITS.perPageDefault);
});

test('a full query is typed: multi-valued facets, numbers, enums', () => {
  const query = parseApiSearchParams(
    params('q=依申请公开&year=2020&year=2021&province=浙江省&level=区县级&kind=row&sort=year-desc&match=any&page=3&per_page=10'),
  );
  assert.equal(query.q, '依申请公开');
  assert.deepEqual(query.filters.year, ['2020', '2021']);
  assert.deepEqual(query.filters.province, ['浙江省']);
  assert.deepEqual(query.filters.level, ['区县级']);
  assert.deepEqual(query.filters.kind, ['row']);
  assert.deepEqual(query.filters.city, []);
  assert.equal(query.sort, 'year-desc');
  assert.equal(query.match, 'any');
  assert.equal(query.page, 3);
  assert.equal(query.perPage, 10);
});

test("Next's searchParams object reads the same as a URLSearchParams", () => {
  const fromObject = parsePageSearchParams({ q: '复议', year: ['2020', '2019'], page: '2', unknown: 'x' });
  const fromUrl = parsePageSearchParams(params('q=复议&year=2020&year=2019&page=2&unknown=x'));
  assert.deepEqual(fromObject, fromUrl);
});

test('unknown and empty parameters are ignored', () => {
  assert.deepEqual(parseApiSearchParams(params('utm_source=x&year=&q=&foo=1')), DEFAULT_QUERY);
  assert.deepEqual(parsePageSearchParams(params('utm_source=x&year=')).notices, []);
});

test('whitespace in q is collapsed and trimmed', () => {
  assert.equal(parseApiSearchParams(params('q=%20%20行政%0A%20复议%20')).q, '行政 复议');
});

test('a filter injection in a number facet: 400 naming it (API), dropped with a notice (page)', () => {
  assert.equal(apiError('year=2020%20OR%201%3D1').parameter, 'year');
  const page = parsePageSearchParams(params('year=2020%20OR%201%3D1&year=2021'));
  assert.deepEqual(page.query.filters.year, ['2021']);
  assert.match(page.notices.join(), /year/);
});

test('numbers must be canonical integers', () => {
  for (const bad of ['2020.0', '2e3', '-2020', '0x7E4', '20 20', 'abc']) {
    assert.equal(apiError(`year=${encodeURIComponent(bad)}`).parameter, 'year', bad);
  }
  assert.deepEqual(parseApiSearchParams(params('year=02020')).filters.year, ['2020']);
});

test('closed facets only take their listed values', () => {
  assert.equal(apiError('level=国家级').parameter, 'level');
  assert.equal(apiError('kind=table').parameter, 'kind');
  assert.equal(apiError('category=机密').parameter, 'category');
  assert.deepEqual(parsePageSearchParams(params('level=国家级&level=市级')).query.filters.level, ['市级']);
});

test('string facets keep quotes and backslashes as data (escaped later, never refused)', () => {
  assert.deepEqual(parseApiSearchParams(params('issuer=%22%20OR%20%5C')).filters.issuer, ['" OR \\']);
  assert.equal(apiError(`province=${'省'.repeat(QUERY_LIMITS.facetValueMaxLength + 1)}`).parameter, 'province');
  assert.equal(apiError('province=%E6%B5%99%00').parameter, 'province');
});

test('q=<script> is kept as text: it is data, rendered escaped', () => {
  assert.equal(parseApiSearchParams(params('q=%3Cscript%3Ealert(1)%3C%2Fscript%3E')).q, '<script>alert(1)</script>');
});

test('a 5,000-character q: 400 with a message (API), truncated with a notice (page)', () => {
  const long = '公'.repeat(5000);
  const error = apiError(`q=${long}`);
  assert.equal(error.parameter, 'q');
  assert.match(error.detail, new RegExp(String(QUERY_LIMITS.qMaxLength)));
  const page = parsePageSearchParams(params(`q=${long}`));
  assert.equal(page.query.q.length, QUERY_LIMITS.qMaxLength);
  assert.match(page.notices.join(), /查询词过长/);
});

test('page and per_page: out of range is 400 (API), the default (page)', () => {
  for (const bad of ['page=-1', 'page=0', 'page=1.5', `page=${QUERY_LIMITS.pageMax + 1}`, 'page=abc']) {
    assert.equal(apiError(bad).parameter, 'page', bad);
    assert.equal(parsePageSearchParams(params(bad)).query.page, 1, bad);
  }
  for (const bad of ['per_page=0', `per_page=${QUERY_LIMITS.perPageMax + 1}`, 'per_page=1e9']) {
    assert.equal(apiError(bad).parameter, 'per_page', bad);
    assert.equal(parsePageSearchParams(params(bad)).query.perPage, QUERY_LIMITS.perPageDefault, bad);
  }
  assert.equal(parseApiSearchParams(params(`per_page=${QUERY_LIMITS.perPageMax}`)).perPage, QUERY_LIMITS.perPageMax);
});

test('bad enums: 400 (API), the default (page)', () => {
  assert.equal(apiError('sort=random').parameter, 'sort');
  assert.equal(apiError('match=some').parameter, 'match');
  assert.equal(parsePageSearchParams(params('sort=random')).query.sort, 'relevance');
});

test('literal=1 searches q as typed; group picks report groups or the flat list; anything else is 400 (API), the default (page)', () => {
  const query = parseApiSearchParams(params('q=2023 不予公开&literal=1&group=report'));
  assert.equal(query.literal, true);
  assert.equal(query.group, 'report');
  assert.equal(parseApiSearchParams(params('group=none')).group, 'none');
  assert.equal(DEFAULT_QUERY.literal, false);
  assert.equal(DEFAULT_QUERY.group, undefined);
  assert.equal(apiError('literal=yes').parameter, 'literal');
  assert.equal(apiError('group=issuer').parameter, 'group');
  const page = parsePageSearchParams(params('literal=0&group=issuer'));
  assert.deepEqual([page.query.literal, page.query.group], [false, undefined]);
  assert.equal(page.notices.length, 1);
});

test('a scalar given twice: 400 (API), the first value (page)', () => {
  assert.equal(apiError('q=a&q=b').parameter, 'q');
  assert.equal(apiError('page=1&page=2').parameter, 'page');
  assert.equal(parsePageSearchParams(params('q=a&q=b')).query.q, 'a');
});

test('1,000 repeated parameters are handled, never an exception', () => {
  const same = Array.from({ length: 1000 }, () => 'year=2020').join('&');
  assert.deepEqual(parseApiSearchParams(params(same)).filters.year, ['2020']);
  assert.deepEqual(parsePageSearchParams(params(same)).query.filters.year, ['2020']);

  const distinct = Array.from({ length: 1000 }, (_, index) => `year=${1000 + index}`).join('&');
  assert.equal(apiError(distinct).parameter, 'year');
  const page = parsePageSearchParams(params(distinct));
  assert.equal(page.query.filters.year.length, QUERY_LIMITS.valuesPerFacetMax);
  assert.ok(page.notices.length > 0);

  const junk = Array.from({ length: 1000 }, (_, index) => `x${index}=1`).join('&');
  assert.deepEqual(parseApiSearchParams(params(junk)), DEFAULT_QUERY);
  const manyQ = Array.from({ length: 1000 }, () => 'q=a').join('&');
  assert.equal(apiError(manyQ).parameter, 'q');
  assert.equal(parsePageSearchParams(params(manyQ)).query.q, 'a');
});
