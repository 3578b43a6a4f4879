/**
 * The portal over three Meilisearch servers (data/ split by province: 福建省 on ms0, 江苏省 on
 * ms1, the rest on ms2) against one server holding all of data/, both written by the real
 * indexer: every answer of the query functions is compared — hits, their order, counts, facet
 * counts, pages, reports, the home-page summary, the comparison view — and stopping a server
 * gives answers and pages (through the portal itself) that name the missing regions. The one
 * server starts from the corpus database (test/support/corpus-engine.ts); the cluster is
 * indexed once for the whole file.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fetchDefaultKeys } from '@/lib/engine/keys';
import type { RunningEngine } from '@/lib/engine/meilisearch-process';
import { CORPUS_PREFIX, startCorpusEngine } from './support/corpus-engine';
import { cachedReportParser } from './support/cached-parser';
import { filterValues, loadQueries } from '@/tools/eval/queries';
import { loadComparison } from '@/lib/figures/compare-data';
import { loadCompareFacets } from '@/lib/figures/compare-facets';
import { parsePageCompareParams } from '@/lib/figures/compare-params';
import { SearchUnavailableError } from '@/lib/search/errors';
import { getIndexSummary, getReport, reportWordsToMark, searchDocuments, type SearchAnswer } from '@/lib/search/query';
import { createSearchEngine, type SearchEngine } from '@/lib/search/query-engine';
import { buildFilter, withoutCopies } from '@/lib/search/query-filter';
import { parseApiSearchParams, type SearchQuery } from '@/lib/search/query-schema';
import { ensureBuild, startPortal } from './support/portal';
import { startLocalCluster, type LocalCluster } from './support/local-cluster';
import { parseOnce } from '@/lib/index/index-cluster';
import { clusterSearchEngine } from '@/lib/search/cluster-engine';

const DATA = path.resolve('data');
const PREFIX = CORPUS_PREFIX;
const DEV_QUERIES = 'tools/eval/queries.dev.json';

let single: RunningEngine;
let cluster: LocalCluster;
let one: SearchEngine;
let many: SearchEngine;
let reportIds: string[];

before(async () => {
  const parser = parseOnce(await cachedReportParser(DATA));
  [single, cluster] = await Promise.all([startCorpusEngine(), startLocalCluster({ prefix: PREFIX, dataDir: DATA, provinces: ['福建省', '江苏省'], parser })]);
  const { searchKey } = await fetchDefaultKeys(single.url, single.masterKey);
  // Pages of 1,000 hits while the rest of the suite keeps the machine busy: this test compares
  // answers, not their time (a CI run lost one to the portal's 5 s limit).
  one = createSearchEngine({ host: single.url, apiKey: searchKey, prefix: PREFIX, timeoutMs: 30_000 });
  many = clusterSearchEngine(cluster.config, PREFIX);
  const { hits } = await one.client.index(one.indexes.reports).search('', { limit: 100, attributesToRetrieve: ['reportId'] });
  reportIds = hits.map((hit) => String(hit.reportId));
  assert.equal(reportIds.length, 23);
});
after(async () => {
  await Promise.all([single?.stop(), cluster?.stop()]);
});

function searchQuery(params: Record<string, string | string[]>): SearchQuery {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) for (const item of [value].flat()) search.append(name, item);
  return parseApiSearchParams(search);
}

async function devQueries(): Promise<Array<{ id: string; query: SearchQuery }>> {
  return (await loadQueries(DEV_QUERIES)).map((query) => ({ id: query.id, query: searchQuery({ q: query.q, per_page: '50', ...filterValues(query) }) }));
}

/**
 * What decides a hit's place on one server: its sort values and ranking score. Hits that tie
 * on all of them are in the engine's internal order, which a federation does not keep.
 */
async function rankKeys(query: SearchQuery): Promise<Map<string, string>> {
  const sort = query.sort === 'year-desc' ? ['year:desc'] : query.sort === 'year-asc' ? ['year:asc'] : query.q === '' ? ['year:desc', 'order:asc'] : undefined;
  const { hits } = await one.client.index(one.indexes.documents).search(query.q, {
    filter: withoutCopies(buildFilter(query.filters)),
    matchingStrategy: query.match === 'any' ? 'last' : 'all',
    locales: ['cmn'],
    sort,
    limit: 1000,
    showRankingScore: true,
    attributesToRetrieve: ['id', 'year', 'order'],
  });
  const sortValues = (hit: Record<string, unknown>) => (sort ?? []).map((rule) => hit[rule.split(':')[0]!]);
  return new Map(hits.map((hit) => [String(hit.id), JSON.stringify([sortValues(hit), hit._rankingScore!.toFixed(12)])]));
}

/** Hit ids with each run of tied hits put in id order: equal lists mean equal up to ties. */
function upToTies(ids: readonly string[], keys: ReadonlyMap<string, string>): string[] {
  const result: string[] = [];
  let run: string[] = [];
  ids.forEach((id, index) => {
    run.push(id);
    if (keys.get(id) !== keys.get(ids[index + 1]!)) {
      result.push(...run.sort());
      run = [];
    }
  });
  return result;
}

/** Everything but the hits' order, which `upToTies` compares. */
function withoutHits(answer: SearchAnswer) {
  const { hits: _hits, missing: _missing, ...rest } = answer;
  return rest;
}

test('dev queries: the same hits, counts and facet counts; the same order up to hits that tie', async (t) => {
  let exactOrder = 0;
  const queries = await devQueries();
  for (const { id, query } of queries) {
    const [expected, actual] = await Promise.all([searchDocuments(one, query), searchDocuments(many, query)]);
    assert.deepEqual(actual.missing, [], id);
    assert.deepEqual(withoutHits(actual), withoutHits(expected), `${id}: counts or facets differ`);
    const keys = await rankKeys(query);
    const [expectedIds, actualIds] = [expected.hits.map((hit) => hit.id), actual.hits.map((hit) => hit.id)];
    assert.deepEqual(upToTies(actualIds, keys), upToTies(expectedIds, keys), `${id}: hits differ beyond the order of ties`);
    assert.deepEqual(
      actual.hits,
      [...actual.hits].sort((a, b) => actualIds.indexOf(a.id) - actualIds.indexOf(b.id)),
    );
    if (JSON.stringify(actualIds) === JSON.stringify(expectedIds)) exactOrder += 1;
    else t.diagnostic(`${id}: tied hits in another order: ${expectedIds.join(' ')} → ${actualIds.join(' ')}`);
  }
  t.diagnostic(`${exactOrder} of ${queries.length} dev queries in exactly the one-server order`);
});

/** Every page of a search, `perPage` hits at a time, concatenated. */
async function allPages(engine: SearchEngine, query: SearchQuery, perPage: number): Promise<{ first: SearchAnswer; ids: string[] }> {
  const first = await searchDocuments(engine, { ...query, perPage });
  const ids = first.hits.map((hit) => hit.id);
  for (let page = 2; page <= first.totalPages; page += 1) {
    ids.push(...(await searchDocuments(engine, { ...query, perPage, page })).hits.map((hit) => hit.id));
  }
  return { first, ids };
}

const BROWSING: Array<Record<string, string | string[]>> = [
  {},
  { province: '福建省' },
  { province: ['福建省', '江苏省'], year: '2024' },
  { q: '公开', kind: 'row' },
  { q: '申请', year: '2020' },
  { q: '公开' },
  { q: '申请', sort: 'year-desc' },
];

/** The total and each facet value's count, by name. */
function countsOf(answer: SearchAnswer): Map<string, number> {
  const counts = new Map([['total', answer.total]]);
  for (const [facet, values] of Object.entries(answer.facets)) for (const value of values) counts.set(`${facet}=${value.value}`, value.count);
  return counts;
}

test('browsing and broad queries: every page and every count as on one server', async () => {
  for (const params of BROWSING) {
    const query = searchQuery(params);
    // One page of up to 1,000 hits: the whole answer (pages are compared below).
    const [expected, actual] = await Promise.all([allPages(one, query, 1000), allPages(many, query, 1000)]);
    const name = JSON.stringify(params);
    assert.deepEqual(
      upToTies(actual.ids, await rankKeys(query)),
      upToTies(expected.ids, await rankKeys(query)),
      `${name}: pages differ beyond the order of ties`,
    );
    // Copies are filtered out by a flag (lib/index/copies.ts), which a federation applies like one server.
    assert.deepEqual(Object.fromEntries(countsOf(actual.first)), Object.fromEntries(countsOf(expected.first)), `${name}: counts`);
  }
});

/** Each report group by report: its count and its hits (a report's hits are all on its own server). */
function groupsByReport(answer: SearchAnswer): Record<string, { count: number; hits: string[] }> {
  return Object.fromEntries((answer.groups ?? []).map((group) => [group.reportId, { count: group.count, hits: group.hits.map((hit) => hit.id) }]));
}

test('grouped by report: the same reports, counts and best hits as on one server', async () => {
  // All reports on one page (the corpus has fewer than 50): the groups compare whole, whatever the order of ties.
  for (const params of [...BROWSING, { q: '行政复议' }, { q: '不予公开 理由' }]) {
    const query = { ...searchQuery({ ...params, per_page: '50' }), group: 'report' as const };
    const [expected, actual] = await Promise.all([searchDocuments(one, query), searchDocuments(many, query)]);
    const name = JSON.stringify(params);
    assert.deepEqual(actual.missing, [], name);
    assert.ok((expected.groups ?? []).length > 0, name);
    assert.equal(actual.total, expected.total, `${name}: reports`);
    assert.equal(actual.matches, expected.matches, `${name}: matches`);
    assert.deepEqual(groupsByReport(actual), groupsByReport(expected), `${name}: groups`);
  }
});

test('pagination: the pages put together are the one-server pages put together', async () => {
  for (const [params, perPage] of [
    [{ q: '申请', year: '2020' }, 5],
    [{ province: '江苏省' }, 50],
    [{ q: '公开', year: '2024' }, 20],
  ] as const) {
    const query = searchQuery(params);
    const [expected, actual] = await Promise.all([allPages(one, query, perPage), allPages(many, query, perPage)]);
    assert.ok(expected.first.totalPages > 1);
    assert.equal(actual.first.totalPages, expected.first.totalPages, JSON.stringify(params));
    const keys = await rankKeys(query);
    assert.deepEqual(upToTies(actual.ids, keys), upToTies(expected.ids, keys), JSON.stringify(params));
  }
});

test('report pages: every report, and the words to mark in it, as on one server', async () => {
  assert.equal(reportIds.length, 23);
  for (const id of reportIds) {
    assert.deepEqual(await getReport(many, id), await getReport(one, id), id);
    assert.deepEqual(await reportWordsToMark(many, id, '政府信息 公开'), await reportWordsToMark(one, id, '政府信息 公开'), id);
  }
  assert.equal(await getReport(many, 'no-such-report'), null);
});

test('home page summary: the same numbers; the newest reports up to the order within a year', async () => {
  const [{ latest: expectedLatest, ...expected }, { latest: actualLatest, ...actual }] = await Promise.all([getIndexSummary(one), getIndexSummary(many)]);
  assert.deepEqual(actual, expected);
  assert.deepEqual(
    actualLatest.map((report) => report.year),
    expectedLatest.map((report) => report.year),
  );
  // The list is cut after 8: the oldest year in it may hold other reports of that year.
  const lastYear = expectedLatest.at(-1)!.year;
  const byYear = (latest: typeof expectedLatest) =>
    latest
      .filter((report) => report.year !== lastYear)
      .map((report) => report.id)
      .sort();
  assert.deepEqual(byYear(actualLatest), byYear(expectedLatest));
});

test('comparison view: the same figures, places and form counts', async () => {
  // The default measure reads one table row per report; t3-3-3.total adds up eight (the form
  // counts reports in the reports index, so rows are never counted once each).
  for (const raw of [{}, { province: '福建省' }, { year: ['2023', '2024'] }, { measure: 't3-3-3.total' }, { measure: 't3-3-3.total', province: '江苏省' }]) {
    const { query } = parsePageCompareParams(raw);
    const name = JSON.stringify(raw);
    assert.deepEqual(await loadComparison(many, query, 40), await loadComparison(one, query, 40), name);
    assert.deepEqual(await loadCompareFacets(many, query), await loadCompareFacets(one, query), name);
  }
});

test('a server that is down: answers and pages name the regions missing from them, never pass for whole', async (t) => {
  const jiangsu = reportIds.find((id) => id.includes('huaian'))!;
  const fujian = reportIds.find((id) => id.includes('pingtan'))!;
  const everything = await searchDocuments(one, searchQuery({ q: '公开', per_page: '50' }));
  const inJiangsu = everything.facets.province!.find((value) => value.value === '江苏省')!.count;
  // The portal itself, searching the cluster, with its answer cache on.
  await ensureBuild();
  const ms0 = cluster.config.servers.ms0!;
  const portal = await startPortal({
    engineUrl: ms0.url,
    searchKey: ms0.searchKey,
    prefix: PREFIX,
    env: { MEILI_HOST: '', MEILI_CLUSTER: cluster.configFile },
  });
  t.after(() => portal.stop());
  const apiSearch = () => fetch(`${portal.url}/api/search?q=%E5%85%AC%E5%BC%80`);
  assert.equal((await (await apiSearch()).json()).missing_regions, undefined, 'all servers answer');
  const pageSearch = () => fetch(`${portal.url}/search?q=%E5%85%AC%E5%BC%80`);
  await (await pageSearch()).text();
  assert.equal((await pageSearch()).headers.get('age'), '0', 'a whole page is kept');
  await cluster.engines.ms1!.stop();
  // Past the cache's health check (at most a second old): nothing remembered hides the silent server.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  assert.deepEqual((await (await apiSearch()).json()).missing_regions, ['江苏省']);
  // Twice: a page with a region missing is never kept, and the whole one kept before is not sent.
  for (let asked = 0; asked < 2; asked += 1) {
    const page = await pageSearch();
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('age'), null);
    assert.match(await page.text(), /以下地区的结果暂缺：江苏省/);
  }
  for (const path of ['/compare', '/checks', '/reports']) {
    const response = await fetch(`${portal.url}${path}`);
    assert.equal(response.status, 503, `${path} needs every server`);
    assert.match(await response.text(), /搜索服务暂时不可用/, path);
  }

  const partial = await searchDocuments(many, searchQuery({ q: '公开', per_page: '50' }));
  assert.deepEqual(partial.missing, ['江苏省']);
  assert.ok(partial.hits.length > 0 && partial.hits.every((hit) => hit.province !== '江苏省'));
  assert.equal(
    partial.facets.province!.find((value) => value.value === '江苏省'),
    undefined,
  );
  assert.ok(partial.total >= everything.total - inJiangsu && partial.total < everything.total);
  assert.deepEqual((await getIndexSummary(many)).missing, ['江苏省']);
  // A report on a server that answered is whole; one on the silent server is an outage, not "no such report".
  assert.deepEqual(await getReport(many, fujian), await getReport(one, fujian));
  await assert.rejects(getReport(many, jiangsu), SearchUnavailableError);
  // The comparison and the exports need every server.
  await assert.rejects(loadComparison(many, parsePageCompareParams({}).query, 40), SearchUnavailableError);

  // The first server coordinates; when it is down too, the next one does and says so.
  await cluster.engines.ms0!.stop();
  const rest = await searchDocuments(many, searchQuery({ q: '公开', per_page: '50' }));
  assert.deepEqual(rest.missing, ['福建省', '江苏省']);
  assert.ok(rest.hits.length > 0 && rest.hits.every((hit) => hit.province === '上海市' || hit.province === '浙江省'));

  await cluster.engines.ms2!.stop();
  await assert.rejects(searchDocuments(many, searchQuery({ q: '公开' })), SearchUnavailableError);
});
