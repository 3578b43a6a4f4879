/**
 * Results grouped by report: each report once (title, issuer, year, place), its best-matching
 * passages and rows under it in the report's own order, and how many more it holds.
 */
import type { Hit } from 'meilisearch';
import { reportsHitsQuery, type ReportFields } from './engine-queries';
import { searchMany, type SearchEngine } from './query-engine';
import type { SearchDocument } from '@/lib/index/document';
import type { SearchQuery } from './query-schema';
import { reportHref } from './url';
import { toHitView, type SearchHitView } from './view';

/** Hits shown under each report: a few, the rest are counted and one link away. */
export const GROUP_HITS = 3;

export interface ReportGroupView extends ReportFields {
  /** The report page, with the query's words marked and the way back to the search. */
  url: string;
  /** The report's documents the search matched. */
  count: number;
  /** Its best `GROUP_HITS`, in reading order (none when its server did not answer for them). */
  hits: SearchHitView[];
}

/** The first `perReport` hits of each report, in the order given (best first). */
function hitsByReport(hits: ReadonlyArray<Hit<SearchDocument>>, perReport: number): Map<string, Array<Hit<SearchDocument>>> {
  const byReport = new Map<string, Array<Hit<SearchDocument>>>();
  for (const hit of hits) {
    const own = byReport.get(hit.reportId) ?? [];
    if (own.length < perReport) byReport.set(hit.reportId, [...own, hit]);
  }
  return byReport;
}

/** `report` from the page of reports; `own` its best hits and `count` how many it has, as the engine answered. */
function toReportGroup(report: ReportFields, own: ReadonlyArray<Hit<SearchDocument>>, count: number | undefined, query: SearchQuery): ReportGroupView {
  return {
    reportId: report.reportId,
    title: report.title,
    year: report.year,
    province: report.province,
    city: report.city,
    district: report.district,
    issuer: report.issuer,
    level: report.level,
    url: reportHref(report.reportId, { from: query }),
    count: count ?? own.length,
    hits: [...own].sort((a, b) => a.order - b.order).map((hit) => toHitView(hit, query.q, query)),
  };
}

/**
 * Hits asked for per report of the page in the one search over them all. Reports seldom have
 * more good hits than the others: on the benchmark's queries over 1,000 reports, one page in
 * 42 had a report crowded out whether 3, 4 or 6 were asked per report, and every hit asked for
 * is one more passage the engine crops and marks.
 */
const SHARED_HITS_PER_REPORT = GROUP_HITS;

/**
 * Each report's best hits and count. One search over the page's reports holds each report's
 * best GROUP_HITS when no report crowds the others out with many better hits; a report that
 * was crowded out is asked again on its own, so that every group shows its true best.
 * `reports` keeps the page's order.
 */
export async function reportGroups(engine: SearchEngine, query: SearchQuery, reports: readonly ReportFields[]): Promise<ReportGroupView[]> {
  if (reports.length === 0) return [];
  const reportIds = reports.map((report) => report.reportId);
  const [together] = await searchMany<SearchDocument>(engine, [reportsHitsQuery(engine, query, reportIds, SHARED_HITS_PER_REPORT * reportIds.length)], {
    partial: true,
  });
  const counts: Record<string, number | undefined> = { ...together?.facetDistribution?.reportId };
  const hitsOf = hitsByReport(together?.hits ?? [], GROUP_HITS);
  // A report the search did not count (its server was silent) is asked alone too.
  const crowdedOut = reportIds.filter((reportId) => (hitsOf.get(reportId)?.length ?? 0) < Math.min(GROUP_HITS, counts[reportId] ?? GROUP_HITS));
  if (crowdedOut.length > 0) {
    const own = await searchMany<SearchDocument>(
      engine,
      crowdedOut.map((reportId) => reportsHitsQuery(engine, query, [reportId], GROUP_HITS)),
      { partial: true },
    );
    crowdedOut.forEach((reportId, index) => {
      hitsOf.set(reportId, own[index]?.hits ?? []);
      counts[reportId] ??= own[index]?.facetDistribution?.reportId?.[reportId];
    });
  }
  return reports.map((report) => toReportGroup(report, hitsOf.get(report.reportId) ?? [], counts[report.reportId], query));
}
