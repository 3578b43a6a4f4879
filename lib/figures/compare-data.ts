/**
 * Figures of one measure for the places and years a comparison selects, read from the engine:
 * the row documents of the measure's anchors (filtered by the facets, never every report), and
 * the identity checks of those reports from the reports index. Scales to the national corpus:
 * the page reads a bounded number of places; exports read partition by partition.
 */
import { quoteFilterValue } from '@/lib/engine/filter-value';
import type { ParsedReport, TableId } from '@/lib/report/schema';
import { reportDocumentId, type SearchDocument } from '@/lib/index/document';
import { SearchUnavailableError } from '@/lib/search/errors';
import { buildFilter, withCondition, type FilterExpression } from '@/lib/search/query-filter';
import { searchIndex, type SearchEngine } from '@/lib/search/query-engine';
import { DEFAULT_QUERY } from '@/lib/search/query-schema';
import { anchorsOf, readsStatistics, type Measure } from './catalogue';
import type { CompareQuery } from './compare-params';
import { evaluate } from './evaluate';
import { failedTablesOf, reportTables } from './report-tables';
import { countHits, partitions, searchPages, type EngineSearch } from './scan';
import { rankObservations, type Ranked, type ValueSort } from './ranking';
import { groupByPlace, yearsOf, type Observation, type PlaceSeries } from './series';
import { yearOnYearObservations } from './year-on-year';
import { present } from '@/lib/errors';

const ROW_FIELDS = [
  'reportId',
  'year',
  'province',
  'city',
  'district',
  'issuer',
  'level',
  'layout',
  'anchor',
  'headingPath',
  'table',
  'status',
  'values',
  'units',
] as const;
type RowHit = Pick<SearchDocument, (typeof ROW_FIELDS)[number]>;

/** Reports per partition read into memory at once (each brings at most one row per anchor of the measure). */
const REPORTS_PER_BATCH = 2_000;
const PAGE_SIZE = 1_000;
/** Report ids per reports-index query (the filter lists them all). */
const IDS_PER_QUERY = 200;

function anchorCondition(anchors: readonly string[], attribute: 'anchor' | 'rowAnchors' = 'anchor'): string[] {
  return anchors.map((anchor) => `${attribute} = ${quoteFilterValue(anchor)}`);
}

/** The first row of every 统计表 (its rows are numbered as printed): a report has one iff it has the table. */
const FIRST_STATISTICS_ROW = 'ts-1';
const STATISTICS_TABLE = `table = ${quoteFilterValue('统计表')}`;

/**
 * The rows a measure reads: its anchors in tables 二–四, and every 统计表 row when it maps one
 * (those are recognised by label once read: lib/figures/statistics-rows.ts). One selector per
 * query of partitionRows, ORed together for counting.
 */
function rowSelectors(measure: Measure): string[] {
  return [...anchorCondition(anchorsOf(measure)), ...(readsStatistics(measure) ? [STATISTICS_TABLE] : [])];
}

/**
 * The reports that have rows of the measure, under the comparison's facets: counted in the
 * reports index, one document per report, so a count is a count of reports on one server and
 * on a cluster alike (a federated search of Meilisearch 1.21 counts without `distinct`, which
 * made a measure of 8 rows count each report 8 times there).
 */
export function measureReportsSearch(engine: SearchEngine, query: CompareQuery, filter: FilterExpression = buildFilter(query.filters)): EngineSearch {
  const anchors = [...anchorsOf(query.measure), ...(readsStatistics(query.measure) ? [FIRST_STATISTICS_ROW] : [])];
  return { indexUid: engine.indexes.reports, q: '', filter: [...filter, anchorCondition(anchors, 'rowAnchors')] };
}

/**
 * The rows of the measure's anchors under the comparison's facets. `distinct: 'reportId'`: a
 * measure may sum several rows of a report, and counts (which size the partitions of a scan)
 * are counts of reports. Copies are kept: a report published by two issuers is a figure of each.
 */
export function comparisonSearch(engine: SearchEngine, query: CompareQuery, filter: FilterExpression = buildFilter(query.filters)): EngineSearch {
  return {
    indexUid: engine.indexes.documents,
    q: '',
    filter: [...withCondition(filter, 'kind', 'row'), rowSelectors(query.measure)],
    distinct: 'reportId',
  };
}

/** Tables with a failed identity check, for each report (read from the reports index). */
async function failedTablesByReport(engine: SearchEngine, reportIds: readonly string[]): Promise<Map<string, Set<TableId>>> {
  const failed = new Map<string, Set<TableId>>();
  for (let start = 0; start < reportIds.length; start += IDS_PER_QUERY) {
    const ids = reportIds.slice(start, start + IDS_PER_QUERY);
    const { hits } = await searchIndex(engine, {
      indexUid: engine.indexes.reports,
      q: '',
      filter: [ids.map((id) => `id = ${quoteFilterValue(reportDocumentId(id))}`)],
      limit: ids.length,
      attributesToRetrieve: ['reportId', 'checks'],
      locales: ['cmn'],
    });
    for (const hit of hits as Array<Pick<ParsedReport, 'checks'> & { reportId: string }>) failed.set(hit.reportId, failedTablesOf(hit.checks));
  }
  const missing = reportIds.filter((id) => !failed.has(id));
  // Only while an index is being swapped: the reader retries rather than seeing unmarked figures.
  if (missing.length > 0) throw new SearchUnavailableError(`reports index lacks ${missing.length} reports of the documents index (${missing[0]})`);
  return failed;
}

/** One observation per report of the batch. */
async function observe(engine: SearchEngine, query: CompareQuery, rows: readonly RowHit[]): Promise<Observation[]> {
  const byReport = new Map<string, RowHit[]>();
  for (const row of rows) byReport.set(row.reportId, [...(byReport.get(row.reportId) ?? []), row]);
  const failed = await failedTablesByReport(engine, [...byReport.keys()]);
  // A report that does not state its year has no place in a series of years.
  return [...byReport].flatMap(([reportId, reportRows]) => {
    const { year, province, city, district, issuer, level, layout } = reportRows[0]!;
    if (year === null) return [];
    return {
      reportId,
      year,
      place: { issuer, province, city, district, level },
      figure: evaluate(query.measure, reportTables(layout, reportRows, present(failed.get(reportId), `the failed checks of report ${reportId}`))),
    };
  });
}

/**
 * The query whose rows are read: a change from the previous year also reads the year before
 * each year chosen (its figures are compared, not shown).
 */
function readQuery(query: CompareQuery): CompareQuery {
  if (!query.measure.yearOnYearOf || query.filters.year.length === 0) return query;
  const years = new Set(query.filters.year.flatMap((year) => [year, String(Number(year) - 1)]));
  return { ...query, filters: { ...query.filters, year: [...years] } };
}

/** Each report's figure as shown: a change from the previous year compares it with the place's year before. */
function derived(query: CompareQuery, observations: Observation[]): Observation[] {
  if (!query.measure.yearOnYearOf) return observations;
  return yearOnYearObservations(query.measure, observations, query.filters.year.map(Number));
}

/** The rows of one partition, one selector at a time (see comparisonSearch). */
async function partitionRows(engine: SearchEngine, query: CompareQuery, search: EngineSearch): Promise<RowHit[]> {
  const rows: RowHit[] = [];
  for (const selector of rowSelectors(query.measure)) {
    // One anchor is one row per report (distinct holds); the 统计表 selector is the whole table.
    const one = { ...search, filter: [...search.filter, [selector]], distinct: selector === STATISTICS_TABLE ? undefined : search.distinct };
    for await (const page of searchPages<RowHit>(engine, one, ROW_FIELDS, PAGE_SIZE)) rows.push(...page);
  }
  return rows;
}

/**
 * Partitions split by place before year, so a batch holds every year of its places (their
 * series breaks, and changes from the previous year, are complete).
 */
async function* batches(engine: SearchEngine, query: CompareQuery, search: EngineSearch): AsyncGenerator<Observation[]> {
  for await (const partition of partitions(engine, search, REPORTS_PER_BATCH)) {
    yield derived(query, await observe(engine, query, await partitionRows(engine, query, { ...search, filter: partition.filter })));
  }
}

/** Observations a partition at a time, for exports of any size. */
export function observationBatches(engine: SearchEngine, query: CompareQuery): AsyncGenerator<Observation[]> {
  return batches(engine, query, comparisonSearch(engine, readQuery(query)));
}

export interface Comparison {
  query: CompareQuery;
  years: number[];
  series: PlaceSeries[];
  /** Issuers with figures under the filters; `series` holds at most `maxPlaces` of them. */
  issuersMatched: number;
  /** Issuers left out to keep the page readable (the export has them all). */
  issuersOmitted: number;
}

/** Issuers with the most reports first: the page shows those when too many match. */
function topIssuers(distribution: Record<string, number>, limit: number): string[] {
  return Object.entries(distribution)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'zh-CN'))
    .slice(0, limit)
    .map(([issuer]) => issuer);
}

/** The comparison a page shows: at most `maxPlaces` issuers, every year they have. */
export async function loadComparison(engine: SearchEngine, query: CompareQuery, maxPlaces: number): Promise<Comparison> {
  const { distribution: issuers } = await countHits(engine, measureReportsSearch(engine, query), 'issuer');
  const matched = Object.keys(issuers).length;
  const shown = topIssuers(issuers, maxPlaces);
  const read = readQuery(query);
  const narrowed = comparisonSearch(engine, read, [
    ...buildFilter(read.filters),
    ...(matched > maxPlaces ? buildFilter({ ...DEFAULT_QUERY.filters, issuer: shown }) : []),
  ]);
  const observations: Observation[] = [];
  for await (const batch of batches(engine, query, narrowed)) observations.push(...batch);
  const series = groupByPlace(observations);
  return { query, years: yearsOf(series, query.filters.year), series, issuersMatched: matched, issuersOmitted: Math.max(0, matched - maxPlaces) };
}

export interface Ranking {
  /** The year ranked: the latest chosen, else the latest with the measure; null when none has it. */
  year: number | null;
  /** Every report of that year under the filters, best first, gaps last; the page shows `shown` of them. */
  ranked: Ranked[];
  total: number;
  /** Reports of `total` that give a figure (the others are gaps, listed last). */
  withFigure: number;
}

/** The latest year that has the measure under the filters (each year's own count ignores the year filter). */
async function latestYear(engine: SearchEngine, query: CompareQuery): Promise<number | null> {
  const chosen = query.filters.year.map(Number).filter(Number.isInteger);
  if (chosen.length > 0) return Math.max(...chosen);
  const { distribution } = await countHits(engine, measureReportsSearch(engine, query), 'year');
  const years = Object.keys(distribution).map(Number).filter(Number.isInteger);
  return years.length > 0 ? Math.max(...years) : null;
}

/** One year's ranking by the measure, of every place under the filters (`limit` of them kept). */
export async function loadRanking(engine: SearchEngine, query: CompareQuery & { sort: ValueSort }, limit: number): Promise<Ranking> {
  const year = await latestYear(engine, query);
  if (year === null) return { year, ranked: [], total: 0, withFigure: 0 };
  const observations: Observation[] = [];
  for await (const batch of observationBatches(engine, { ...query, filters: { ...query.filters, year: [String(year)] } })) observations.push(...batch);
  const ranked = rankObservations(observations, query.sort);
  return { year, ranked: ranked.slice(0, limit), total: ranked.length, withFigure: ranked.filter((entry) => entry.rank !== null).length };
}
