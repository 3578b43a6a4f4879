/**
 * The reports' own checks, as a data-quality list: every report whose table identities fail
 * (勾稽关系: which rule, which column, expected and printed values, the row), and every report
 * whose text contradicts its table (the parser's `text-table-mismatch` warnings).
 */
import type { Check, ParsedReport, Warning } from '@/lib/report/schema';
import type { ReportDocument } from '@/lib/index/document';
import { FACETS } from '@/lib/index/facets';
import { buildFilter } from '@/lib/search/query-filter';
import type { SearchEngine } from '@/lib/search/query-engine';
import { DEFAULT_QUERY, type FacetFilters } from '@/lib/search/query-schema';
import { REPORT_SETTINGS } from '@/lib/index/settings';
import { allPages } from './scan';

export const TEXT_TABLE_MISMATCH = 'text-table-mismatch';

export interface FailedCheck extends Check {
  /** Printed total − sum of its parts; null when either is unknown. */
  difference: number | null;
}

export interface ReportQuality {
  failedChecks: FailedCheck[];
  /** The report's text states other figures than its tables. */
  mismatches: Warning[];
}

/** The issues of one report (both lists empty when it has none). */
export function qualityOf(report: Pick<ParsedReport, 'checks' | 'warnings'>): ReportQuality {
  return {
    failedChecks: report.checks
      .filter((check) => !check.ok)
      .map((check) => ({
        ...check,
        difference: check.expected === null || check.actual === null ? null : Math.round((check.actual - check.expected) * 1e6) / 1e6,
      })),
    mismatches: report.warnings.filter((warning) => warning.code === TEXT_TABLE_MISMATCH),
  };
}

export function hasIssues(quality: ReportQuality): boolean {
  return quality.failedChecks.length > 0 || quality.mismatches.length > 0;
}

const REPORT_FIELDS = ['reportId', 'title', 'year', 'province', 'city', 'district', 'issuer', 'level', 'checks', 'warnings'] as const;
export type ReportWithIssues = Pick<ReportDocument, (typeof REPORT_FIELDS)[number]> & ReportQuality;

/** The facets the reports index can filter by (it has no 公开类别 or 内容类型: those are per passage). */
export const QUALITY_FACETS = FACETS.map((facet) => facet.name).filter((name) =>
  (REPORT_SETTINGS.filterableAttributes as readonly string[]).includes(name),
);

const PAGE_SIZE = 500;

/**
 * Every report under `filters` with a failed check or a text/table contradiction, newest first:
 * the reports the indexer marked `hasIssues` (with qualityOf, as here), read page by page
 * (only their metadata, checks and warnings).
 */
export async function* reportsWithIssues(engine: SearchEngine, filters: FacetFilters): AsyncGenerator<ReportWithIssues> {
  const reportFilters = { ...DEFAULT_QUERY.filters, ...Object.fromEntries(QUALITY_FACETS.map((name) => [name, filters[name]])) };
  const search = { indexUid: engine.indexes.reports, q: '', filter: [...buildFilter(reportFilters), ['hasIssues = true']], sort: ['year:desc'] };
  for await (const page of allPages<Pick<ReportDocument, (typeof REPORT_FIELDS)[number]>>(engine, search, REPORT_FIELDS, PAGE_SIZE)) {
    for (const report of page) yield { ...report, ...qualityOf(report) };
  }
}
