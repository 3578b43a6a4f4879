/**
 * lib/figures against a real Meilisearch holding data/ as the real indexer writes it: the
 * comparison's figures equal the reports' own (cell by cell, and by hand for a sample checked
 * against the files), filters and limits hold, large reads are partitioned without loss, the
 * data-quality list is exactly the reports whose checks fail, and an outage is an error.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { RunningEngine } from '@/lib/engine/meilisearch-process';
import { CORPUS_PREFIX, startCorpusEngine } from '@/test/support/corpus-engine';
import { parsedCorpus } from '@/test/support/cached-parser';
import type { ParsedReport } from '@/lib/report/schema';
import { SearchUnavailableError } from '@/lib/search/errors';
import { hasIssues, qualityOf } from '@/lib/report/quality';
import { createSearchEngine, type SearchEngine } from '@/lib/search/query-engine';
import { DEFAULT_QUERY, type FacetFilters } from '@/lib/search/query-schema';
import { anchorsOf, measureById, readsStatistics } from './catalogue';
import { comparisonSearch, loadComparison, observationBatches } from './compare-data';
import { comparisonCsv } from './compare-export';
import { evaluate } from './evaluate';
import { missingYears } from './series';
import { reportsWithIssues } from './quality';
import { tablesOfReport } from './report-tables';
import { countHits, partitions, searchPages } from './scan';
import { exportedRows } from './search-export';
import { loadReportSummary } from './summary';
import { loadReportList } from './report-list';
import { parseReportListParams } from './report-list-params';

const DATA = path.resolve('data');
let engine: RunningEngine;
let search: SearchEngine;
const parsed = new Map<string, ParsedReport>();

before(async () => {
  engine = await startCorpusEngine();
  // The reports as the indexer parsed them: the expected figures below.
  for (const report of await parsedCorpus(DATA)) parsed.set(report.report.id, report);
  search = createSearchEngine({ host: engine.url, apiKey: engine.masterKey, prefix: CORPUS_PREFIX });
});
after(() => engine?.stop());

const filters = (selection: Partial<FacetFilters> = {}): FacetFilters => ({ ...DEFAULT_QUERY.filters, ...selection });
const query = (measureId: string, selection: Partial<FacetFilters> = {}) => ({
  measure: measureById(measureId)!,
  filters: filters(selection),
  sort: 'place' as const,
});

async function figureOf(measureId: string, reportId: string) {
  const comparison = await loadComparison(search, query(measureId), 100);
  for (const series of comparison.series)
    for (const observations of series.byYear.values()) for (const observation of observations) if (observation.reportId === reportId) return observation.figure;
  assert.fail(`${reportId} is not in the comparison of ${measureId}`);
}

test('figures as printed in the files (checked by hand against data/)', async () => {
  assert.equal((await figureOf('t3-1.total', '2020-hangzhou-xiacheng-qu')).value, 120);
  assert.equal((await figureOf('t3-3-1.total', '2020-hangzhou-xiacheng-qu')).value, 100);
  assert.equal((await figureOf('t3-1.total', '2024-huaian-shi-renmin-zhengfu')).value, 3119);
  assert.equal((await figureOf('t3-3-7.total', '2024-huaian-shi-renmin-zhengfu')).value, 3050);
  assert.equal((await figureOf('t4.review.corrected', '2024-huaian-shi-renmin-zhengfu')).value, 64);
  assert.equal((await figureOf('review-correction-rate', '2024-huaian-shi-renmin-zhengfu')).value, 18.23); // 64 / 351
  assert.equal((await figureOf('disclosure-rate', '2024-huaian-shi-renmin-zhengfu')).value, 59.54); // (1362 + 454) / 3050
  const carried = await figureOf('t3-4.total', '2020-hangzhou-xiacheng-qu');
  assert.deepEqual([carried.value, carried.inferred], [2, true]);
});

const MEASURES_CHECKED = [
  't3-1.total',
  't3-1.natural',
  't3-3-1.total',
  't3-3-3.total',
  't3-3-4.total',
  't3-3-6.total',
  't3-4.total',
  't4.review.total',
  't2-1-1.new',
  't2-5-1.decisions',
  't2-8-1.fee-amount',
  'disclosure-rate',
  'refusal-rate',
  'review-correction-rate',
];

test('cell by cell, the comparison equals the parsed reports, and has every report with the rows', async () => {
  for (const measureId of MEASURES_CHECKED) {
    const measure = measureById(measureId)!;
    const comparison = await loadComparison(search, query(measureId), 100);
    const seen = new Set<string>();
    for (const series of comparison.series) {
      for (const [year, observations] of series.byYear) {
        for (const observation of observations) {
          const report = parsed.get(observation.reportId)!;
          assert.equal(year, report.report.year);
          assert.equal(series.place.issuer, report.report.issuer);
          assert.deepEqual(observation.figure, evaluate(measure, tablesOfReport(report)), `${measureId} in ${observation.reportId}`);
          seen.add(observation.reportId);
        }
      }
    }
    const reads = (row: { anchor: string; table: string }) => anchorsOf(measure).includes(row.anchor) || (readsStatistics(measure) && row.table === '统计表');
    const expected = [...parsed.values()].filter((report) => report.rows.some(reads)).map((report) => report.report.id);
    assert.deepEqual([...seen].sort(), expected.sort(), measureId);
  }
});

test('facet filters choose places and years; each issuer is its own line', async () => {
  const jiangsu = await loadComparison(search, query('t3-1.total', { province: ['江苏省'], year: ['2024'] }), 100);
  assert.deepEqual(jiangsu.years, [2024]);
  assert.deepEqual(jiangsu.series.map((series) => series.place.issuer).sort(), ['淮安市人民政府', '淮安市洪泽区人民政府'].sort());
  const pingtan = await loadComparison(search, query('t2-5-1.decisions', { issuer: ['平潭综合实验区管委会'] }), 100);
  assert.equal(pingtan.series.length, 1);
  assert.deepEqual(
    pingtan.series[0]!.breaks.map((change) => [change.previousYear, change.year]),
    [[2020, 2021]],
  );
});

test('平潭’s 行政复议 since 2011: the 统计表 years in the same series, marked; years without a figure listed', async () => {
  const comparison = await loadComparison(search, query('t4.review.total', { issuer: ['平潭综合实验区管委会'] }), 100);
  assert.deepEqual(
    comparison.years,
    Array.from({ length: 15 }, (_, index) => 2011 + index),
  );
  const [series] = comparison.series;
  const figure = (year: number) => series!.byYear.get(year)?.[0]?.figure;
  assert.deepEqual([figure(2011)!.value, figure(2014)!.value, figure(2018)!.value], [0, 0, 0]);
  assert.match(figure(2018)!.older!, /行政复议数.*含义相同/);
  assert.deepEqual(figure(2018)!.anchors, ['ts-14']);
  assert.equal(figure(2019)!.older, null);
  assert.deepEqual(series!.breaks, [], 'the same meaning: no break');
  assert.deepEqual([figure(2015)!.value, figure(2015)!.gap], [null, 'unreadable']);
  assert.deepEqual(missingYears(series!, comparison.years), { noReport: [2012, 2013], noFigure: [2015] });
  const refused = await loadComparison(search, query('t3-3-3.total', { issuer: ['平潭综合实验区管委会'] }), 100);
  assert.deepEqual(
    refused.series[0]!.breaks.map((change) => [change.previousYear, change.year]),
    [[2018, 2019]],
  );
});

test('the page shows at most maxPlaces issuers, those with most reports, and says how many were left out', async () => {
  const all = await loadComparison(search, query('t3-1.total'), 100);
  const limited = await loadComparison(search, query('t3-1.total'), 2);
  assert.equal(limited.series.length, 2);
  assert.equal(limited.issuersMatched, all.series.length);
  assert.equal(limited.issuersOmitted, all.series.length - 2);
  assert.ok(limited.series.some((series) => series.place.issuer === '平潭综合实验区管委会'));
});

test('partitions cover every hit exactly once, however small they must be', async () => {
  // 无法提供 has no 统计表 row: every row it reads has an anchor of its own.
  const rows = comparisonSearch(search, query('t3-3-4.total'));
  const fields = ['reportId', 'anchor'];
  const whole: string[] = [];
  for (const anchor of anchorsOf(measureById('t3-3-4.total')!)) {
    for await (const page of searchPages<{ reportId: string; anchor: string }>(
      search,
      { ...rows, filter: [...rows.filter, [`anchor = "${anchor}"`]] },
      fields,
      1000,
    )) {
      whole.push(...page.map((hit) => `${hit.reportId}#${hit.anchor}`));
    }
  }
  const pieces: string[] = [];
  let count = 0;
  for await (const partition of partitions(search, rows, 3)) {
    count++;
    assert.ok(partition.total <= 3);
    for (const anchor of anchorsOf(measureById('t3-3-4.total')!)) {
      for await (const page of searchPages<{ reportId: string; anchor: string }>(
        search,
        { ...rows, filter: [...partition.filter, [`anchor = "${anchor}"`]] },
        fields,
        2,
      )) {
        pieces.push(...page.map((hit) => `${hit.reportId}#${hit.anchor}`));
      }
    }
  }
  assert.ok(count > 3, `only ${count} partitions`);
  assert.equal(new Set(pieces).size, pieces.length, 'a hit in two partitions');
  assert.deepEqual(pieces.sort(), whole.sort());
  assert.equal((await countHits(search, rows)).total, new Set(whole.map((hit) => hit.split('#')[0])).size);
});

test('the CSV export streams every report of the comparison', async () => {
  let csv = '';
  for await (const chunk of comparisonCsv(observationBatches(search, query('t3-1.total')), query('t3-1.total'), 'http://localhost')) csv += chunk;
  const lines = csv.split('\r\n').filter(Boolean);
  assert.ok(lines[0]!.startsWith('\uFEFF省份,'));
  // 本年新收 continues the 统计表's 申请总数: every report with either is a line.
  const reportsWithRow = [...parsed.values()].filter((report) => report.rows.some((row) => row.anchor === 't3-1' || row.table === '统计表'));
  assert.equal(lines.length - 1, reportsWithRow.length);
  assert.ok(lines.some((line) => line.startsWith('江苏省,淮安市,,淮安市人民政府,市级,2024,一、本年新收政府信息公开申请数量 · 总计,3119,件,')));
});

test('the search export gives every table row the search finds, and nothing else', async () => {
  const exported = [];
  for await (const row of exportedRows(search, { ...DEFAULT_QUERY, q: '行政许可' }, 'http://localhost')) exported.push(row);
  const expected = [...parsed.values()].flatMap((report) =>
    report.rows.filter((row) => row.path.join('').includes('行政许可')).map((row) => `${report.report.id}#${row.anchor}`),
  );
  assert.ok(exported.length > 0);
  assert.ok(exported.every((row) => row.table !== ''));
  assert.deepEqual(exported.map((row) => `${row.reportId}#${row.anchor}`).sort(), expected.sort());
});

test('/checks lists exactly the reports whose identities fail or whose text contradicts a table', async () => {
  const listed = [];
  for await (const report of reportsWithIssues(search, filters())) listed.push(report);
  const expected = [...parsed.values()].filter((report) => hasIssues(qualityOf(report))).map((report) => report.report.id);
  assert.deepEqual(listed.map((report) => report.reportId).sort(), expected.sort());
  for (const id of ['2020-pingtan-zonghe-shiyanqu', '2023-huaian-hongze-qu', '2024-huaian-hongze-qu']) assert.ok(expected.includes(id), id);
  const failing = [...parsed.values()].filter((report) => report.checks.some((check) => !check.ok)).map((report) => report.report.id);
  assert.deepEqual(
    listed
      .filter((report) => report.failedChecks.length > 0)
      .map((report) => report.reportId)
      .sort(),
    failing.sort(),
  );
  const only2024 = [];
  for await (const report of reportsWithIssues(search, filters({ year: ['2024'] }))) only2024.push(report.reportId);
  assert.deepEqual(
    only2024,
    expected.filter((id) => parsed.get(id)!.report.year === 2024),
  );
});

test('a report summary compares with the same issuer a year before', async () => {
  const summary = await loadReportSummary(search, parsed.get('2024-huaian-hongze-qu')!);
  assert.deepEqual(summary.previous, { reportId: '2023-huaian-hongze-qu', year: 2023 });
  assert.equal(summary.items.find((item) => item.measure.id === 't3-1.total')!.change, 95 - 21);
  const first = await loadReportSummary(search, parsed.get('2024-huaian-shi-renmin-zhengfu')!);
  assert.equal(first.previous, null);
});

test('an engine that does not answer is an outage, never an empty comparison', async () => {
  const down = createSearchEngine({ host: 'http://127.0.0.1:9', apiKey: 'x', prefix: CORPUS_PREFIX, timeoutMs: 1000 });
  await assert.rejects(loadComparison(down, query('t3-1.total'), 10), SearchUnavailableError);
  const wrongKey = createSearchEngine({ host: engine.url, apiKey: 'not-the-key', prefix: CORPUS_PREFIX });
  await assert.rejects(async () => {
    for await (const _ of reportsWithIssues(wrongKey, filters())) break;
  }, SearchUnavailableError);
});

test('the list of all reports: each once, by place then year, pages that add up to the whole; filters and 未标明', async () => {
  const whole = await loadReportList(search, parseReportListParams(new URLSearchParams()));
  assert.equal(whole.total, parsed.size);
  assert.deepEqual(new Set(whole.reports.map((report) => report.reportId)), new Set(parsed.keys()));
  // One issuer's reports together, by year.
  const pingtan = whole.reports.map((report, index) => ({ report, index })).filter(({ report }) => report.issuer === '平潭综合实验区管委会');
  assert.deepEqual(
    pingtan.map(({ index }) => index - pingtan[0]!.index),
    pingtan.map((_, index) => index),
  );
  assert.deepEqual(
    pingtan.map(({ report }) => report.year),
    [...pingtan.map(({ report }) => report.year)].sort(),
  );
  // Pages of 5, walked through the place counts, give the same list.
  const paged = [];
  for (let page = 1; page <= Math.ceil(parsed.size / 5); page++) {
    const list = await loadReportList(search, { filters: {}, page }, 5);
    assert.equal(list.totalPages, Math.ceil(parsed.size / 5));
    paged.push(...list.reports.map((report) => report.reportId));
  }
  assert.deepEqual(
    paged,
    whole.reports.map((report) => report.reportId),
  );
  const fujian2019 = await loadReportList(search, parseReportListParams(new URLSearchParams('province=福建省&year=2019')));
  assert.deepEqual(
    fujian2019.reports.map((report) => report.reportId),
    ['2019-pingtan-zonghe-shiyanqu'],
  );
  assert.ok(
    fujian2019.options.year.some((option) => option.value === '2011'),
    'years under the other filters',
  );
  const unstated = await loadReportList(search, parseReportListParams(new URLSearchParams('year=未标明')));
  assert.equal(unstated.total, [...parsed.values()].filter((report) => report.report.year === null).length);
});

test('申请量同比 in a comparison: each year against the same issuer’s year before, from the same figures as 新收申请', async () => {
  const issuer = filters({ issuer: ['平潭综合实验区管委会'] });
  const received = await loadComparison(search, { measure: measureById('t3-1.total')!, filters: issuer, sort: 'place' }, 40);
  const change = await loadComparison(search, { measure: measureById('applications-yoy')!, filters: issuer, sort: 'place' }, 40);
  const [counts] = received.series;
  const [changes] = change.series;
  const value = (year: number) => counts!.byYear.get(year)?.[0]?.figure.value ?? null;
  for (const [year, observations] of changes!.byYear) {
    const figure = observations[0]!.figure;
    const [now, before] = [value(year), value(year - 1)];
    if (now === null || before === null || before === 0) {
      assert.equal(figure.value, null, `${year}`);
      assert.ok(figure.gap, `${year}: a gap says why`);
    } else {
      assert.equal(figure.value, Math.round(((now - before) / before) * 10_000) / 100, `${year}`);
      assert.deepEqual([figure.yearOnYear?.current, figure.yearOnYear?.previous, figure.computed], [now, before, true]);
    }
  }
  // A year chosen reads the year before it too, and shows only the year chosen.
  const one = await loadComparison(search, { measure: measureById('applications-yoy')!, filters: { ...issuer, year: ['2021'] }, sort: 'place' }, 40);
  assert.deepEqual(one.years, [2021]);
  assert.equal(one.series[0]!.byYear.get(2021)![0]!.figure.value, Math.round(((value(2021)! - value(2020)!) / value(2020)!) * 10_000) / 100);
});
