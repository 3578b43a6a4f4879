/**
 * The list of all reports (/reports and GET /api/reports): every report once, by place
 * (province › city › district › issuer, in Chinese collation, 未标明 last) and by year within a
 * place, filtered by province, city, level and year, a page at a time.
 *
 * The reports index sorts by year only, so the place order is walked through the facet counts:
 * each level's values in order, skipping whole values before the page starts; only the
 * issuers the page shows are searched for their reports. A page costs a few counting queries
 * whatever the corpus' size.
 */
import { quoteFilterValue } from '@/lib/engine/filter-value';
import type { ReportDocument } from '@/lib/index/document';
import { UNMARKED } from '@/lib/report/schema';
import { SearchUnavailableError } from '@/lib/search/errors';
import type { FilterExpression } from '@/lib/search/query-filter';
import type { SearchEngine } from '@/lib/search/query-engine';
import { reportHref } from '@/lib/search/url';
import { LIST_FILTERS, REPORTS_PER_PAGE, type ListFilter, type ReportListQuery } from './report-list-params';
import { countHits, searchPages, type EngineSearch } from './scan';

const absent = (attribute: string) => [`${attribute} IS NULL`, `${attribute} NOT EXISTS`];

/** One filter's condition: `未标明` is a report that does not state it (a place is stored as 未标明, a year or level as nothing). */
function condition(name: ListFilter, value: string): string[] {
  if (name === 'year') return value === UNMARKED ? absent('year') : [`year = ${Number(value)}`];
  if (name === 'level' && value === UNMARKED) return absent('level');
  return [`${name} = ${quoteFilterValue(value)}`];
}

export function listFilter(filters: ReportListQuery['filters'], except?: ListFilter): FilterExpression {
  return LIST_FILTERS.filter((name) => name !== except && filters[name] !== undefined).map((name) => condition(name, filters[name]!));
}

/** Finest last; the reports of one issuer come by year. */
const PLACE_LEVELS = ['province', 'city', 'district', 'issuer'] as const;
/** Levels a report may lack (a provincial body has no city): those reports come first, before the named values. */
const NULLABLE: ReadonlySet<string> = new Set(['city', 'district']);

export type ListedReport = Pick<ReportDocument, 'reportId' | 'title' | 'year' | 'province' | 'city' | 'district' | 'issuer' | 'level'> & { url: string };
const FIELDS = ['reportId', 'title', 'year', 'province', 'city', 'district', 'issuer', 'level'] as const;

/** Values in reading order: Chinese collation, 未标明 last. */
function ordered(distribution: Record<string, number>): Array<[string, number]> {
  return Object.entries(distribution).sort(([a], [b]) => Number(a === UNMARKED) - Number(b === UNMARKED) || a.localeCompare(b, 'zh-CN'));
}

interface Cursor {
  skip: number;
  take: number;
}

/** Reports of `filter` in place order, `cursor.skip` of them skipped, at most `cursor.take` kept (both consumed). */
async function collect(engine: SearchEngine, filter: FilterExpression, depth: number, cursor: Cursor, out: ListedReport[]): Promise<void> {
  const search: EngineSearch = { indexUid: engine.indexes.reports, q: '', filter };
  const level = PLACE_LEVELS[depth];
  if (!level) {
    // One issuer of one place: its reports by year (a few dozen at most), the page's share of them.
    const reports: ListedReport[] = [];
    for await (const page of searchPages<ListedReport>(engine, { ...search, sort: ['year:asc'] }, FIELDS, 200)) reports.push(...page);
    const kept = reports.slice(cursor.skip, cursor.skip + cursor.take);
    out.push(...kept.map((report) => ({ ...report, url: reportHref(report.reportId) })));
    cursor.skip = Math.max(0, cursor.skip - reports.length);
    cursor.take -= kept.length;
    return;
  }
  const { total, distribution } = await countHits(engine, search, level);
  const values = ordered(distribution);
  const named = values.reduce((sum, [, count]) => sum + count, 0);
  if (!NULLABLE.has(level) && named < total)
    throw new SearchUnavailableError(`facet ${level} lists ${named} of ${total} reports; raise faceting.maxValuesPerFacet`);
  const buckets: Array<[FilterExpression, number]> = [
    ...(NULLABLE.has(level) && total > named ? [[[absent(level)], total - named] as [FilterExpression, number]] : []),
    ...values.map(([value, count]) => [[[`${level} = ${quoteFilterValue(value)}`]], count] as [FilterExpression, number]),
  ];
  for (const [narrower, count] of buckets) {
    if (cursor.take <= 0) return;
    if (cursor.skip >= count) {
      cursor.skip -= count;
      continue;
    }
    await collect(engine, [...filter, ...narrower], depth + 1, cursor, out);
  }
}

export interface FilterOption {
  value: string;
  count: number;
}

export interface ReportList {
  query: ReportListQuery;
  total: number;
  totalPages: number;
  reports: ListedReport[];
  /** Values each filter can take under the other filters, with their counts (cities once a province is chosen). */
  options: Record<ListFilter, FilterOption[]>;
}

async function optionsOf(engine: SearchEngine, query: ReportListQuery, name: ListFilter): Promise<FilterOption[]> {
  if (name === 'city' && query.filters.province === undefined) return [];
  const search: EngineSearch = { indexUid: engine.indexes.reports, q: '', filter: listFilter(query.filters, name) };
  const { total, distribution } = await countHits(engine, search, name);
  const values = ordered(distribution).map(([value, count]) => ({ value, count }));
  if (name === 'year') values.sort((a, b) => Number(b.value) - Number(a.value));
  const named = values.reduce((sum, { count }) => sum + count, 0);
  // A year or level not stated is stored as nothing: counted as what the named values leave.
  if ((name === 'year' || name === 'level') && total > named) values.push({ value: UNMARKED, count: total - named });
  return values;
}

export async function loadReportList(engine: SearchEngine, query: ReportListQuery, perPage: number = REPORTS_PER_PAGE): Promise<ReportList> {
  const filter = listFilter(query.filters);
  const [{ distribution }, ...options] = await Promise.all([
    // Every report has a province (未标明 when it states none): their counts add up to the exact
    // total, where the engine's own count stops at its maxTotalHits.
    countHits(engine, { indexUid: engine.indexes.reports, q: '', filter }, 'province'),
    ...LIST_FILTERS.map((name) => optionsOf(engine, query, name)),
  ]);
  const total = Object.values(distribution).reduce((sum, count) => sum + count, 0);
  const reports: ListedReport[] = [];
  await collect(engine, filter, 0, { skip: (query.page - 1) * perPage, take: perPage }, reports);
  return {
    query,
    total,
    totalPages: Math.ceil(total / perPage),
    reports,
    options: Object.fromEntries(LIST_FILTERS.map((name, index) => [name, options[index]!])) as Record<ListFilter, FilterOption[]>,
  };
}
