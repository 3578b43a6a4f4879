import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Hit } from 'meilisearch';
import type { SearchDocument } from '@/lib/index/document';
import { MARK_END, MARK_START } from './highlight';
import { DEFAULT_QUERY, type SearchQuery } from './query-schema';
import { activeFilters, FACET_VALUES_LISTED, matchedWords, toFacetsView, toHitView } from './view';

/** An engine hit as Meilisearch returns it: `_matchesPosition` in UTF-8 bytes. */
function hit(text: string, formatted: string, matches: Hit<SearchDocument>['_matchesPosition'], extra: Partial<SearchDocument> = {}): Hit<SearchDocument> {
  return {
    id: 'r__part-1-2',
    kind: 'section',
    reportId: 'r',
    title: '2020年下城区政府信息公开工作年度报告',
    year: 2020,
    province: '浙江省',
    city: '杭州市',
    district: '下城区',
    issuer: '杭州市下城区人民政府',
    level: '区县级',
    layout: '2019',
    category: '依申请公开',
    headingPath: ['一、总体情况', '（二）依申请公开情况'],
    heading: '（二）依申请公开情况',
    content: 1,
    anchor: 'part-1-2',
    order: 2,
    text,
    terms: '经 审查 经审查',
    dedupKey: 'k',
    ...extra,
    _formatted: { text: formatted },
    _matchesPosition: matches,
  };
}

const bytes = (text: string) => Buffer.byteLength(text);

test('matched words are cut out of their attribute by UTF-8 byte offsets', () => {
  const text = '申请人经审查后';
  const matches = {
    text: [{ start: bytes('申请人经'), length: bytes('审查') }],
    headingPath: [{ start: bytes('（二）'), length: bytes('依申请'), indices: [1] }],
  };
  assert.deepEqual(matchedWords(hit(text, text, matches)).sort(), ['审查', '依申请'].sort());
});

test('a hit view: engine marks merged, link to the passage with the query, no hidden fields', () => {
  const text = '本年度共收到政府信息公开申请120件。';
  const view = toHitView(hit(text, `本年度共收到${MARK_START}政府${MARK_END}${MARK_START}信息公开${MARK_END}申请120件。`, {}), '政府信息公开');
  assert.deepEqual(view.snippet, [
    { text: '本年度共收到', highlighted: false },
    { text: '政府信息公开', highlighted: true },
    { text: '申请120件。', highlighted: false },
  ]);
  assert.equal(view.url, '/reports/r?q=%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80#part-1-2');
  assert.equal('terms' in view, false);
  assert.equal('dedupKey' in view, false);
  assert.equal(view.values, undefined);
});

test('a word found only through the hidden terms is still marked, in a window around it', () => {
  const text = `${'情况说明。'.repeat(40)}经审查，依法予以答复。`;
  const crop = `${'情况说明。'.repeat(12)}…`;
  const view = toHitView(hit(text, crop, { terms: [{ start: bytes('经 '), length: bytes('审查') }] }), '审查');
  assert.ok(view.snippet.some((segment) => segment.highlighted && segment.text === '审查'));
  assert.ok(
    view.snippet
      .map((segment) => segment.text)
      .join('')
      .includes('经审查'),
  );
});

test('a row hit lists its figures with units, in column order', () => {
  const row = hit(
    '政府集中采购：采购项目数量 588项，采购总金额 202529227.9元',
    '政府集中采购…',
    {},
    {
      kind: 'row',
      table: '二',
      status: 'read',
      values: { 采购项目数量: 588, 采购总金额: 202529227.9 },
      units: { 采购项目数量: '项', 采购总金额: '元' },
    },
  );
  assert.deepEqual(toHitView(row, '').values, [
    { column: '采购项目数量', value: 588, unit: '项' },
    { column: '采购总金额', value: 202529227.9, unit: '元' },
  ]);
});

test('facet values: counts, selection, toggle links; a selected value with no documents stays listed', () => {
  const query: SearchQuery = { ...DEFAULT_QUERY, q: '复议', filters: { ...DEFAULT_QUERY.filters, year: ['2019'] } };
  const { facets, unlisted } = toFacetsView(query, { year: { '2020': 5, '2021': 2 }, kind: { section: 3, row: 4 } });
  assert.deepEqual(
    facets.year!.map((value) => [value.value, value.label, value.count, value.selected]),
    [
      ['2021', '2021年', 2, false],
      ['2020', '2020年', 5, false],
      ['2019', '2019年', 0, true],
    ],
  );
  assert.equal(facets.year![0]!.href, '/search?q=%E5%A4%8D%E8%AE%AE&year=2019&year=2021');
  assert.equal(facets.year![2]!.href, '/search?q=%E5%A4%8D%E8%AE%AE');
  assert.deepEqual(
    facets.kind!.map((value) => [value.label, value.count]),
    [
      ['表格行', 4],
      ['正文段落', 3],
    ],
  );
  assert.equal(facets.province, undefined, 'a facet the search did not count is absent, not empty');
  assert.equal(unlisted.year, 0);
});

test('a facet with thousands of values lists the most frequent, and every selected one', () => {
  const issuers = Object.fromEntries(Array.from({ length: 500 }, (_, index) => [`机关${index}`, 1000 - index]));
  const query: SearchQuery = { ...DEFAULT_QUERY, filters: { ...DEFAULT_QUERY.filters, issuer: ['机关499'] } };
  const { facets, unlisted } = toFacetsView(query, { issuer: issuers });
  assert.equal(facets.issuer!.length, FACET_VALUES_LISTED + 1);
  assert.deepEqual(
    facets.issuer!.slice(0, 2).map((value) => value.value),
    ['机关0', '机关1'],
  );
  assert.equal(facets.issuer!.at(-1)!.value, '机关499');
  assert.ok(facets.issuer!.at(-1)!.selected);
  assert.equal(unlisted.issuer, 500 - FACET_VALUES_LISTED - 1);
});

test('active filters in words, each with its remove link', () => {
  const query: SearchQuery = { ...DEFAULT_QUERY, filters: { ...DEFAULT_QUERY.filters, year: ['2020'], kind: ['row'] } };
  assert.deepEqual(
    activeFilters(query).map((filter) => [filter.facetLabel, filter.label, filter.removeHref]),
    [
      ['年度', '2020年', '/search?kind=row'],
      ['内容类型', '表格行', '/search?year=2020'],
    ],
  );
});
