/**
 * The query side against a real Meilisearch: documents built by the real indexer from the real
 * text of data/2020-hangzhou-xiacheng-qu.txt (test/support/sample-report.ts), published as
 * five reports under other places, years and issuers. Expected counts are counted here from
 * the documents themselves, independently of the engine.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fetchDefaultKeys } from '@/lib/engine/keys';
import type { RunningEngine } from '@/lib/engine/meilisearch-process';
import { startTestEngine } from '@/test/support/test-engine';
import { ParsedReport } from '@/lib/report/schema';
import type { SearchDocument } from '@/lib/index/document';
import { SearchUnavailableError } from './errors';
import type { FacetName } from '@/lib/index/facets';
import { buildReportDocument, buildSearchDocuments } from '@/lib/index/documents';
import { adminClient } from '@/lib/index/engine';
import { sampleReport } from '@/test/support/sample-report';
import { rebuildIndexes } from '@/lib/index/reindex';
import { fingerprint, indexerConfigurationHash, STATE_DOCUMENT_ID, type IndexState } from '@/lib/index/state';
import { getIndexSummary, getReport, reportWordsToMark, searchDocuments } from './query';
import { reportsHitsQuery } from './engine-queries';
import { GROUP_HITS } from './groups';
import { createSearchEngine, type SearchEngine } from './query-engine';
import { DEFAULT_QUERY, type FacetFilters, type SearchQuery } from './query-schema';

const PREFIX = 'query_test';

function variant(id: string, meta: Partial<ParsedReport['report']>): ParsedReport {
  const base = sampleReport({ id });
  return ParsedReport.parse({ ...base, report: { ...base.report, ...meta } });
}

const REPORTS = [
  variant('xiacheng-2020', {}),
  variant('xiacheng-2019', { year: 2019 }),
  variant('gongshu-2021', { year: 2021, district: '拱墅区', issuer: '杭州市拱墅区人民政府' }),
  variant('pingtan-2020', { province: '福建省', city: '福州市', district: '平潭综合实验区', issuer: '平潭综合实验区管委会' }),
  // An issuer that a filter must quote and escape.
  variant('odd.issuer-2021', { year: 2021, province: '福建省', city: '福州市', district: null, issuer: '某"机关\\办公室', level: '部门' }),
];

let engine: RunningEngine;
let search: SearchEngine;
let documents: SearchDocument[];

before(async () => {
  engine = await startTestEngine();
  const content = { reports: REPORTS.map(buildReportDocument), documents: REPORTS.flatMap(buildSearchDocuments) };
  documents = content.documents;
  const state: IndexState = {
    id: STATE_DOCUMENT_ID,
    fingerprint: await fingerprint({}),
    configuration: await indexerConfigurationHash(),
    indexedAt: new Date().toISOString(),
    reports: content.reports.length,
    documents: content.documents.length,
    files: {},
    failures: [],
  };
  await rebuildIndexes(adminClient({ url: engine.url, apiKey: engine.masterKey }), PREFIX, content, state);
  // The portal searches with the engine's search-only key, as in production.
  const { searchKey } = await fetchDefaultKeys(engine.url, engine.masterKey);
  search = createSearchEngine({ host: engine.url, apiKey: searchKey, prefix: PREFIX });
});
after(() => engine?.stop());

function query(selection: Partial<FacetFilters> = {}, change: Partial<SearchQuery> = {}): SearchQuery {
  return { ...DEFAULT_QUERY, ...change, filters: { ...DEFAULT_QUERY.filters, ...selection } };
}

/** What the engine should count: documents matching every facet's selection (OR within one). */
function matching(selection: Partial<FacetFilters>, except?: FacetName): SearchDocument[] {
  return documents.filter((document) =>
    Object.entries(selection).every(([facet, values]) => facet === except || values.length === 0 || values.includes(String(document[facet as FacetName]))),
  );
}

function countsBy(facet: FacetName, from: SearchDocument[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const document of from) {
    const value = document[facet];
    if (value !== null && value !== undefined) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
  }
  return counts;
}

function engineCounts(results: Awaited<ReturnType<typeof searchDocuments>>, facet: FacetName): Record<string, number> {
  return Object.fromEntries((results.facets[facet] ?? []).filter((value) => value.count > 0).map((value) => [value.value, value.count]));
}

test('browsing without words: every document, facet counts as counted from the documents', async () => {
  const results = await searchDocuments(search, query());
  assert.equal(results.total, documents.length);
  for (const facet of ['year', 'province', 'level', 'category', 'kind'] as const) {
    assert.deepEqual(engineCounts(results, facet), countsBy(facet, documents), facet);
  }
  // Cities, districts and issuers are counted under a chosen place only.
  assert.deepEqual([results.facets.city, results.facets.district, results.facets.issuer], [undefined, undefined, undefined]);
  // Newest first, then reading order.
  const years = results.hits.map((hit) => hit.year);
  assert.deepEqual(
    years,
    [...years].sort((a, b) => (b ?? 0) - (a ?? 0)),
  );
});

test('a chosen place counts the places under it and its issuers, as counted from the documents', async () => {
  const inProvince = await searchDocuments(search, query({ province: ['福建省'] }));
  assert.deepEqual(engineCounts(inProvince, 'city'), countsBy('city', matching({ province: ['福建省'] })));
  assert.deepEqual(engineCounts(inProvince, 'issuer'), countsBy('issuer', matching({ province: ['福建省'] })));
  assert.equal(inProvince.facets.district, undefined, 'districts wait for a city');
  const inCity = await searchDocuments(search, query({ province: ['福建省'], city: ['福州市'] }));
  const selection = { province: ['福建省'], city: ['福州市'] };
  assert.deepEqual(engineCounts(inCity, 'district'), countsBy('district', matching(selection)));
  // The city's own counts ignore the city's selection (disjunctive), not the province's.
  assert.deepEqual(engineCounts(inCity, 'city'), countsBy('city', matching(selection, 'city')));
});

test('several values of one facet are OR-ed; facets are AND-ed', async () => {
  const either = { year: ['2019', '2021'] };
  assert.equal((await searchDocuments(search, query(either))).total, matching(either).length);
  const both = { year: ['2020', '2021'], province: ['福建省'] };
  assert.equal((await searchDocuments(search, query(both))).total, matching(both).length);
  assert.ok(matching(both).length < matching({ year: both.year }).length);
});

test("disjunctive facets: a facet's counts ignore its own selection, not the others'", async () => {
  const selection = { year: ['2020'], province: ['浙江省'] };
  const results = await searchDocuments(search, query(selection));
  assert.equal(results.total, matching(selection).length);
  assert.deepEqual(engineCounts(results, 'year'), countsBy('year', matching(selection, 'year')));
  assert.deepEqual(engineCounts(results, 'province'), countsBy('province', matching(selection, 'province')));
  assert.deepEqual(engineCounts(results, 'issuer'), countsBy('issuer', matching(selection)));
  const selected = results.facets.year!.filter((value) => value.selected).map((value) => value.value);
  assert.deepEqual(selected, ['2020']);
  assert.ok(
    results.facets.year!.some((value) => !value.selected && value.count > 0),
    'other years stay selectable',
  );
});

test('a value with quotes and backslashes filters exactly (escaped, not injected)', async () => {
  const selection = { issuer: ['某"机关\\办公室'] };
  const results = await searchDocuments(search, query(selection));
  assert.equal(results.total, matching(selection).length);
  assert.ok(results.hits.every((hit) => hit.reportId === 'odd.issuer-2021'));
  const injection = await searchDocuments(search, query({ issuer: ['x" OR year = 2020 OR issuer = "y'] }));
  assert.equal(injection.total, 0);
});

test('a word: hits marked in the snippet, linked to the passage with the query, hidden fields left out', async () => {
  const word = '一件事';
  const results = await searchDocuments(search, query({}, { q: word }));
  const expected = documents.filter((document) => document.text.includes(word));
  assert.equal(results.total, expected.length);
  for (const hit of results.hits) {
    assert.ok(
      hit.snippet.some((segment) => segment.highlighted && segment.text.includes(word)),
      hit.id,
    );
    assert.equal(hit.url, `/reports/${hit.reportId}?q=${encodeURIComponent(word)}#${hit.anchor}`);
    assert.equal('terms' in hit, false);
  }
});

test('a table row hit carries its figures', async () => {
  const results = await searchDocuments(search, query({ kind: ['row'] }, { q: '政府集中采购' }));
  assert.ok(results.total > 0);
  for (const hit of results.hits) {
    assert.equal(hit.kind, 'row');
    assert.deepEqual(hit.values, [
      { column: '采购项目数量', value: 588, unit: '项' },
      { column: '采购总金额', value: 202529227.9, unit: '元' },
    ]);
  }
});

test('sorting by year and paging', async () => {
  const ascending = await searchDocuments(search, query({}, { sort: 'year-asc', perPage: 3 }));
  assert.equal(ascending.hits[0]?.year, 2019);
  assert.equal(ascending.totalPages, Math.ceil(documents.length / 3));
  const last = await searchDocuments(search, query({}, { sort: 'year-asc', perPage: 3, page: ascending.totalPages }));
  assert.equal(last.hits.length, documents.length - 3 * (ascending.totalPages - 1));
  assert.equal(last.hits.at(-1)?.year, 2021);
});

test('no results: what removing each filter, or matching any word, would find', async () => {
  const selection = { year: ['2019'], province: ['福建省'] };
  const results = await searchDocuments(search, query(selection, { q: '一件事' }));
  assert.equal(results.total, 0);
  const help = results.help!;
  const withoutYear = help.withoutFilter.find((item) => item.facet === 'year')!;
  assert.equal(withoutYear.count, matching({ province: ['福建省'] }).filter((document) => document.text.includes('一件事')).length);
  assert.ok(withoutYear.count > 0);
  assert.equal(withoutYear.href, '/search?q=%E4%B8%80%E4%BB%B6%E4%BA%8B&province=%E7%A6%8F%E5%BB%BA%E7%9C%81');

  const words = await searchDocuments(search, query({}, { q: '一件事 不存在的词语组合' }));
  assert.equal(words.total, 0);
  assert.ok(words.help?.anyWord && words.help.anyWord.count > 0);
  assert.match(words.help.anyWord.href, /match=any/);
});

test('getReport returns the report as parsed; an unknown id is null', async () => {
  assert.deepEqual(await getReport(search, 'odd.issuer-2021'), REPORTS[4]);
  assert.equal(await getReport(search, 'odd_issuer-2021'), null, 'engine ids fold . into _: the own id must match');
  assert.equal(await getReport(search, 'missing'), null);
});

test('report words to mark: the query words and what the engine matched in that report', async () => {
  const words = await reportWordsToMark(search, 'xiacheng-2020', '一件事 公开');
  assert.ok(words.includes('一件事') && words.includes('公开'));
  assert.deepEqual(await reportWordsToMark(search, 'xiacheng-2020', ''), []);
  // The report says 政务公开 seven times and 公开 eighty-three: the pieces are not marked on their own.
  assert.deepEqual(await reportWordsToMark(search, 'xiacheng-2020', '政务公开'), ['政务公开']);
});

test('the index summary counts reports, passages and rows', async () => {
  const summary = await getIndexSummary(search);
  assert.equal(summary.reports, REPORTS.length);
  assert.equal(summary.sections, documents.filter((document) => document.kind === 'section').length);
  assert.equal(summary.rows, documents.filter((document) => document.kind === 'row').length);
  assert.deepEqual(
    summary.years.map((year) => year.value),
    ['2021', '2020', '2019'],
  );
  assert.deepEqual(Object.fromEntries(summary.provinces.map((p) => [p.value, p.count])), { 浙江省: 3, 福建省: 2 });
  assert.equal(summary.latest[0]?.year, 2021);
});

test('an outage is a SearchUnavailableError, never an empty result', async () => {
  const { freePort } = await import('@/lib/engine/port');
  const nobody = createSearchEngine({ host: `http://127.0.0.1:${await freePort()}`, apiKey: 'x', prefix: PREFIX });
  await assert.rejects(searchDocuments(nobody, DEFAULT_QUERY), SearchUnavailableError);
  await assert.rejects(getReport(nobody, 'xiacheng-2020'), SearchUnavailableError);
  await assert.rejects(getIndexSummary(nobody), SearchUnavailableError);
  const wrongKey = createSearchEngine({ host: engine.url, apiKey: 'not-a-key', prefix: PREFIX });
  await assert.rejects(searchDocuments(wrongKey, DEFAULT_QUERY), SearchUnavailableError);
  const noIndex = createSearchEngine({ host: engine.url, apiKey: engine.masterKey, prefix: 'never_built' });
  await assert.rejects(searchDocuments(noIndex, DEFAULT_QUERY), SearchUnavailableError);
});

test('an engine that stops answering mid-request is an outage too (timeout)', async () => {
  const { createServer } = await import('node:net');
  const silent = createServer(() => {}).listen(0, '127.0.0.1');
  await new Promise((resolve) => silent.once('listening', resolve));
  const { port } = silent.address() as { port: number };
  const hung = createSearchEngine({ host: `http://127.0.0.1:${port}`, apiKey: 'x', prefix: PREFIX, timeoutMs: 200 });
  try {
    await assert.rejects(searchDocuments(hung, DEFAULT_QUERY), SearchUnavailableError);
  } finally {
    silent.close();
  }
});

test('a year and a place typed in the query are searched as the filters they name, and said so', async () => {
  const typed = await searchDocuments(search, query({}, { q: '2019 下城 依申请公开' }));
  const asFilters = await searchDocuments(search, query({ year: ['2019'], district: ['下城区'] }, { q: '依申请公开' }));
  assert.ok(asFilters.total > 0);
  assert.equal(typed.total, asFilters.total);
  assert.deepEqual(
    typed.hits.map((hit) => hit.id),
    asFilters.hits.map((hit) => hit.id),
  );
  assert.ok(typed.hits.every((hit) => hit.year === 2019 && hit.district === '下城区'));
  assert.equal(typed.query.q, '依申请公开');
  assert.deepEqual(
    typed.understood?.parts.map((part) => [part.written, part.facet, part.values]),
    [
      ['2019', 'year', ['2019']],
      ['下城', 'district', ['下城区']],
    ],
  );
  // The facet links start from the search as understood: the place stays chosen.
  assert.ok(typed.facets.district!.find((value) => value.value === '下城区')?.selected);
  // The plain-text search: nothing read as a filter.
  const literal = await searchDocuments(search, query({}, { q: '2019 下城 依申请公开', literal: true }));
  assert.equal(literal.understood, null);
  assert.equal(literal.relaxed?.typed ?? literal.query.q, '2019 下城 依申请公开');
  assert.match(typed.understood.literalHref, /literal=1/);
});

test('a place the index does not hold stays a word of the query', async () => {
  const results = await searchDocuments(search, query({}, { q: '朝阳区 依申请公开' }));
  assert.equal(results.understood, null);
});

test('grouped by report: one group per report, counted in reports; the groups’ counts add up to the matches', async () => {
  const flat = await searchDocuments(search, query({}, { q: '依申请公开', perPage: 50 }));
  const grouped = await searchDocuments(search, query({}, { q: '依申请公开', group: 'report', perPage: 50 }));
  const reports = new Set(flat.hits.map((hit) => hit.reportId));
  assert.ok(reports.size > 1);
  assert.equal(grouped.total, reports.size);
  assert.deepEqual(new Set(grouped.groups!.map((group) => group.reportId)), reports);
  assert.equal(grouped.matches, flat.total);
  assert.equal(
    grouped.groups!.reduce((sum, group) => sum + group.count, 0),
    flat.total,
  );
  for (const group of grouped.groups!) {
    assert.ok(group.hits.length > 0 && group.hits.length <= 3);
    assert.ok(group.hits.every((hit) => hit.reportId === group.reportId));
  }
  // Facets count reports.
  const years = Object.fromEntries(grouped.facets.year!.map((value) => [value.value, value.count]));
  assert.equal(years['2020'], new Set(flat.hits.filter((hit) => hit.year === 2020).map((hit) => hit.reportId)).size);
  // The page's default is the flat list unless asked.
  assert.equal(flat.groups, null);
  assert.equal((await searchDocuments(search, query({}, { q: '依申请公开' }), { group: 'report' })).groups?.length, reports.size);
});

/** The engine, counting its multi-searches. */
function countingEngine(): { engine: SearchEngine; multiSearches: () => number } {
  let count = 0;
  const client = new Proxy(search.client, {
    get(target, property) {
      if (property === 'multiSearch') count++;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { engine: { ...search, client }, multiSearches: () => count };
}

/** A report's best `GROUP_HITS` for the query in reading order, and its count: the report searched alone, counted exactly. */
async function searchedAlone(asked: SearchQuery, reportId: string): Promise<{ ids: string[]; count: number | undefined }> {
  const { limit: _limit, ...alone } = reportsHitsQuery(search, asked, [reportId], GROUP_HITS);
  const {
    results: [answer],
  } = await search.client.multiSearch({ queries: [{ ...alone, page: 1, hitsPerPage: GROUP_HITS }] });
  const hits = (answer?.hits ?? []) as Array<{ id: string; order: number }>;
  return { ids: [...hits].sort((a, b) => a.order - b.order).map((hit) => hit.id), count: answer?.totalHits };
}

test('grouped: each report shows its own best hits and count, as the report searched alone, from one search over the page’s reports (or alone when crowded out)', async () => {
  for (const q of ['依申请公开', '公开', '申请 答复', '']) {
    const { engine, multiSearches } = countingEngine();
    const grouped = await searchDocuments(engine, query({}, { q, group: 'report', perPage: 50 }));
    assert.ok(grouped.groups && grouped.groups.length > 1, q);
    for (const group of grouped.groups) {
      const alone = await searchedAlone(grouped.query, group.reportId);
      assert.deepEqual({ ids: group.hits.map((hit) => hit.id), count: group.count }, alone, `“${q}”: ${group.reportId}`);
    }
    // Browsing (no words) ranks every passage of the newest reports first: the older reports
    // have fewer than their best three in the shared search, and are asked alone.
    const crowded = q === '';
    assert.equal(multiSearches(), crowded ? 3 : 2, `“${q}”: the page's search, then one over its reports${crowded ? ', then the crowded-out ones' : ''}`);
  }
});

test('no dead ends: a word no document has is dropped, and said so', async () => {
  const relaxed = await searchDocuments(search, query({}, { q: '依申请公开 火星' }));
  const plain = await searchDocuments(search, query({}, { q: '依申请公开' }));
  assert.deepEqual(relaxed.relaxed, { typed: '依申请公开 火星', text: '依申请公开', dropped: ['火星'] });
  assert.equal(relaxed.total, plain.total);
  // Nothing at all: zero, not a guess.
  const nothing = await searchDocuments(search, query({}, { q: '火星 木星' }));
  assert.equal(nothing.total, 0);
  assert.equal(nothing.relaxed, null);
  // Dropping most of the question is no answer to it: `1` is not what this asked for.
  const script = await searchDocuments(search, query({}, { q: '<script>alert(1)</script>' }));
  assert.equal(script.relaxed, null);
  assert.equal(script.total, 0);
});

test('did you mean: a mistyped term is offered corrected, with what it finds', async () => {
  const typo = await searchDocuments(search, query({}, { q: '依申情公开' }));
  const right = await searchDocuments(search, query({}, { q: '依申请公开' }));
  assert.equal(typo.suggestion?.q, '依申请公开');
  assert.equal(typo.suggestion?.count, right.total);
  assert.match(typo.suggestion.href, /^\/search\?q=/);
  assert.equal(right.suggestion, null);
});
