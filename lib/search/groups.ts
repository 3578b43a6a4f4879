/**
 * Results grouped by report: each report once (title, issuer, year, place), its best-matching
 * passages and rows under it in the report's own order, and how many more it holds.
 */
import type { Hit, SearchResponse } from 'meilisearch';
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

/** `best` is the report's best hit (from the one-per-report search), `own` the report's own search. */
export function toReportGroup(best: Hit<SearchDocument>, own: SearchResponse<SearchDocument> | undefined, query: SearchQuery): ReportGroupView {
  const hits = [...(own?.hits ?? [best])].sort((a, b) => a.order - b.order);
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
    count: own?.totalHits ?? 1,
    hits: hits.map((hit) => toHitView(hit, query.q, query)),
  };
}
