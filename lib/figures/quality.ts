/**
 * The reports' own checks, as a data-quality list: every report whose table identities fail,
 * whose text contradicts its table or whose year, issuer or place could not be read
 * (lib/report/quality.ts says what counts).
 */
import type { ReportDocument } from '@/lib/index/document';
import { FACETS } from '@/lib/index/facets';
import { REPORT_SETTINGS } from '@/lib/index/settings';
import { qualityOf, type ReportQuality } from '@/lib/report/quality';
import { buildFilter } from '@/lib/search/query-filter';
import type { SearchEngine } from '@/lib/search/query-engine';
import { DEFAULT_QUERY, type FacetFilters } from '@/lib/search/query-schema';
import { allPages } from './scan';

const REPORT_FIELDS = ['reportId', 'title', 'year', 'province', 'city', 'district', 'issuer', 'level', 'checks', 'warnings'] as const;
export type ReportWithIssues = Pick<ReportDocument, (typeof REPORT_FIELDS)[number]> & ReportQuality;

/** The facets the reports index can filter by (it has no 公开类别 or 内容类型: those are per passage). */
export const QUALITY_FACETS = FACETS.map((facet) => facet.name).filter((name) => (REPORT_SETTINGS.filterableAttributes as readonly string[]).includes(name));

const PAGE_SIZE = 500;

/**
 * Every report under `filters` with an issue (lib/report/quality.ts), newest first:
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
