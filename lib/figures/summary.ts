/**
 * A report's key figures for its page: applications received, the disclosure and refusal
 * rates, and the outcomes of 行政复议 and 行政诉讼, each with the change from the same issuer's
 * report of the year before (when there is exactly one, and the figure means the same there:
 * a pre-2019 统计表 row mapped to the same series counts, lib/figures/statistics-rows.ts).
 */
import { quoteFilterValue } from '@/lib/engine/filter-value';
import type { ParsedReport } from '@/lib/report/schema';
import { facetPlace, type ReportDocument } from '@/lib/index/document';
import type { FilterExpression } from '@/lib/search/query-filter';
import { searchIndex, type SearchEngine } from '@/lib/search/query-engine';
import { measureById, type Measure } from './catalogue';
import { evaluate, type Figure, type ReportTables } from './evaluate';
import { failedTablesOf, reportTables, tablesOfReport } from './report-tables';
import { yearOnYear } from './year-on-year';

/** The key figures and their short names (the catalogue's labels are the tables' full wording). */
export const SUMMARY_MEASURES = [
  { id: 't3-1.total', label: '本年新收申请' },
  { id: 'applications-yoy', label: '申请量同比' },
  { id: 'disclosure-rate', label: '公开率（予以公开 + 部分公开）' },
  { id: 'refusal-rate', label: '不予公开率' },
  { id: 't4.review.total', label: '行政复议' },
  { id: 'suits.total', label: '行政诉讼总计' },
  { id: 'review-correction-rate', label: '行政复议纠正率' },
  { id: 't4.suit-direct.total', label: '行政诉讼（未经复议直接起诉）' },
  { id: 'suit-direct-correction-rate', label: '直接起诉纠正率' },
  { id: 't4.suit-after-review.total', label: '行政诉讼（复议后起诉）' },
  { id: 'suit-after-review-correction-rate', label: '复议后起诉纠正率' },
] as const;

export interface SummaryItem {
  measure: Measure;
  label: string;
  figure: Figure;
  /** The previous year's figure, when that report exists. */
  previous: Figure | null;
  /** This year − last year (percentage points for rates); null when either is a gap. */
  change: number | null;
  /** The two years count different things (the 2021 format): no change is computed. */
  definitionChanged: boolean;
}

export interface ReportSummary {
  reportId: string;
  year: number | null;
  items: SummaryItem[];
  previous: { reportId: string; year: number | null } | null;
  /** Why there is no previous report to compare with, when one was looked for and not used. */
  previousNote: string | null;
}

/** What a summary needs of a report. */
export interface SummaryInput {
  reportId: string;
  year: number | null;
  tables: ReportTables;
}

function roundChange(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A change from the previous year, from every report of that year (it is computed only when there is one). */
function yearOnYearItem(measure: Measure, label: string, current: ReportTables, previous: readonly SummaryInput[]): SummaryItem {
  const basis = measureById(measure.yearOnYearOf!)!;
  const before = previous.map((report) => ({ reportId: report.reportId, figure: evaluate(basis, report.tables) }));
  // Itself a change: no change of it is shown.
  return { measure, label, figure: yearOnYear(measure, evaluate(basis, current), before), previous: null, change: null, definitionChanged: false };
}

function item(measure: Measure, label: string, current: ReportTables, previous: ReportTables | null): SummaryItem {
  const figure = evaluate(measure, current);
  const before = previous ? evaluate(measure, previous) : null;
  // One series (a 统计表 row and the later cell that means the same) is compared; two are not.
  const definitionChanged = before !== null && before.series !== null && figure.series !== null && before.series !== figure.series;
  const change = before && !definitionChanged && figure.value !== null && before.value !== null ? roundChange(figure.value - before.value) : null;
  return { measure, label, figure, previous: before, change, definitionChanged };
}

/**
 * Pure: the summary of `current`, compared with the same issuer's reports of the year before
 * (`previous`: when there is exactly one).
 */
export function summarize(current: SummaryInput, previousReports: readonly SummaryInput[], previousNote: string | null = null): ReportSummary {
  const previous = previousReports.length === 1 ? previousReports[0]! : null;
  return {
    reportId: current.reportId,
    year: current.year,
    items: SUMMARY_MEASURES.map(({ id, label }) => {
      const measure = measureById(id)!;
      return measure.yearOnYearOf
        ? yearOnYearItem(measure, label, current.tables, previousReports)
        : item(measure, label, current.tables, previous?.tables ?? null);
    }),
    previous: previous ? { reportId: previous.reportId, year: previous.year } : null,
    previousNote,
  };
}

/** The same place: issuer, province, city and district all equal (a missing city is missing in both); of one year if given. */
export function samePlaceFilter(report: ParsedReport['report'], year?: number): FilterExpression {
  const place = facetPlace(report);
  const equal = (attribute: string, value: string | null) =>
    value === null ? [`${attribute} IS NULL`, `${attribute} NOT EXISTS`] : [`${attribute} = ${quoteFilterValue(value)}`];
  return [
    equal('issuer', place.issuer),
    equal('province', place.province),
    equal('city', place.city),
    equal('district', place.district),
    ...(year === undefined ? [] : [[`year = ${year}`]]),
  ];
}

type PreviousHit = Pick<ReportDocument, 'reportId' | 'year' | 'layout' | 'rows' | 'checks'>;

/** The summary of a report, with the same issuer's report of the previous year from the reports index. */
export async function loadReportSummary(engine: SearchEngine, parsed: ParsedReport): Promise<ReportSummary> {
  const current = { reportId: parsed.report.id, year: parsed.report.year, tables: tablesOfReport(parsed) };
  // Without its own year or issuer, a report has no previous year to compare with.
  if (parsed.report.year === null || parsed.report.issuer === null) return summarize(current, []);
  const previousYear = parsed.report.year - 1;
  const { hits } = await searchIndex(engine, {
    indexUid: engine.indexes.reports,
    q: '',
    filter: samePlaceFilter(parsed.report, previousYear),
    limit: 2,
    attributesToRetrieve: ['reportId', 'year', 'layout', 'rows', 'checks'],
    locales: ['cmn'],
  });
  const candidates = (hits as PreviousHit[]).map((before) => ({
    reportId: before.reportId,
    year: before.year,
    tables: reportTables(before.layout, before.rows, failedTablesOf(before.checks)),
  }));
  return summarize(current, candidates, candidates.length > 1 ? `${parsed.report.issuer}有多份 ${previousYear} 年度报告，未作比较。` : null);
}
