/**
 * Results grouped by report: each report once (title, issuer, year, place), its best-matching
 * passages and rows under it in the report's own order, and how many more it holds.
 */
import type { Hit } from 'meilisearch';
import { reportsHitsQuery } from './engine-queries';
import { searchMany, type SearchEngine } from './query-engine';
import type { SearchDocument } from '@/lib/index/document';
import type { SearchQuery } from './query-schema';
import { reportHref } from './url';
import { toHitView, type SearchHitView } from './view';

/** Hits shown under each report: a few, the rest are counted and one link away. */
export const GROUP_HITS = 3;

export interface ReportGroupView extends Pick<SearchDocument, 'reportId' | 'title' | 'year' | 'province' | 'city' | 'district' | 'issuer' | 'level'> {
  /** The report page, with the query's words marked and the way back to the search. */
  url: string;
  /** The report's documents the search matched. */
  count: number;
  /** Its best `GROUP_HITS`, in reading order. */
  hits: SearchHitView[];
}

/** The first `perReport` hits of each report, in the order given (best first). */
export function hitsByReport(hits: ReadonlyArray<Hit<SearchDocument>>, perReport: number): Map<string, Array<Hit<SearchDocument>>> {
  const byReport = new Map<string, Array<Hit<SearchDocument>>>();
  for (const hit of hits) {
    const own = byReport.get(hit.reportId) ?? [];
    if (own.length < perReport) byReport.set(hit.reportId, [...own, hit]);
  }
  return byReport;
}

/**
 * `best` is the report's best hit (from the one-per-report search), `own` its best hits and
 * `count` how many it has, when the engine answered for it (else the best hit alone).
 */
export function toReportGroup(
  best: Hit<SearchDocument>,
  own: ReadonlyArray<Hit<SearchDocument>>,
  count: number | undefined,
  query: SearchQuery,
): ReportGroupView {
  const hits = [...(own.length > 0 ? own : [best])].sort((a, b) => a.order - b.order);
  return {
    reportId: best.reportId,
    title: best.title,
    year: best.year,
    province: best.province,
    city: best.city,
    district: best.district,
    issuer: best.issuer,
    level: best.level,
    url: reportHref(best.reportId, { from: query }),
    count: count ?? 1,
    hits: hits.map((hit) => toHitView(hit, query.q, query)),
  };
}

/**
 * Hits asked for per report of the page in the one search over them all: more than GROUP_HITS,
 * so that a report with many good hits seldom leaves another short (measured on the benchmark's
 * queries: see README, *Figures*).
 */
const SHARED_HITS_PER_REPORT = 2 * GROUP_HITS;

/**
 * Each report's best hits and count. One search over the page's reports holds each report's
 * best GROUP_HITS when no report crowds the others out with many better hits; a report that
 * was crowded out is asked again on its own, so that every group shows its true best.
 * `best` (one hit per report) keeps the page's order.
 */
export async function reportGroups(
  engine: SearchEngine,
  query: SearchQuery,
  best: Array<Hit<SearchDocument>>,
  sharedHitsPerReport = SHARED_HITS_PER_REPORT,
): Promise<ReportGroupView[]> {
  if (best.length === 0) return [];
  const reportIds = best.map((hit) => hit.reportId);
  const [together] = await searchMany<SearchDocument>(engine, [reportsHitsQuery(engine, query, reportIds, sharedHitsPerReport * reportIds.length)], {
    partial: true,
  });
  const counts = together?.facetDistribution?.reportId ?? {};
  const hitsOf = hitsByReport(together?.hits ?? [], GROUP_HITS);
  const crowdedOut = reportIds.filter((reportId) => (hitsOf.get(reportId)?.length ?? 0) < Math.min(GROUP_HITS, counts[reportId] ?? 1));
  if (crowdedOut.length > 0) {
    const own = await searchMany<SearchDocument>(
      engine,
      crowdedOut.map((reportId) => reportsHitsQuery(engine, query, [reportId], GROUP_HITS)),
      { partial: true },
    );
    crowdedOut.forEach((reportId, index) => hitsOf.set(reportId, own[index]?.hits ?? []));
  }
  return best.map((hit) => toReportGroup(hit, hitsOf.get(hit.reportId) ?? [], counts[hit.reportId], query));
}
