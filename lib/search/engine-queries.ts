/**
 * The bodies of the engine requests a search makes, built from a SearchQuery: the hits (flat,
 * or one per report), counts, and one report's best hits. Filters come only from
 * query-filter.ts; the engine's reading of the words from engine-query-text.ts.
 */
import type { MultiSearchQuery } from 'meilisearch';
import type { SearchDocument } from '@/lib/index/document';
import type { FacetName } from '@/lib/index/facets';
import { MARK_END, MARK_START } from './highlight';
import { buildFilter, withCondition, withoutCopies, type FilterExpression } from './query-filter';
import { engineQueryText } from './engine-query-text';
import type { SearchEngine } from './query-engine';
import type { SearchQuery } from './query-schema';

/** Chinese text, always: one kana character must not make a query Japanese. */
export const LOCALES = ['cmn'];

/** Everything a hit view needs; never `terms` (hidden search help), `dedupKey` or `copy`. */
const RETRIEVED: Array<keyof SearchDocument> = [
  'id',
  'kind',
  'reportId',
  'title',
  'year',
  'province',
  'city',
  'district',
  'issuer',
  'level',
  'category',
  'headingPath',
  'heading',
  'anchor',
  'order',
  'text',
  'table',
  'status',
  'values',
  'units',
];

/** The engine counts words; about 60 jieba words is two lines of Chinese. */
const CROP_WORDS = 60;

function sortOf(query: SearchQuery): string[] | undefined {
  if (query.sort === 'year-desc') return ['year:desc'];
  if (query.sort === 'year-asc') return ['year:asc'];
  // Browsing without words: relevance means nothing, newest reports first in reading order.
  return query.q === '' ? ['year:desc', 'order:asc'] : undefined;
}

export function baseQuery(engine: SearchEngine, query: SearchQuery, filter: FilterExpression): MultiSearchQuery {
  return {
    indexUid: engine.indexes.documents,
    q: engineQueryText(query.q),
    filter: withoutCopies(filter),
    locales: LOCALES,
    // `all` for exact counts; the broader reading lets the engine drop words from the end.
    matchingStrategy: query.match === 'any' ? 'last' : 'all',
  };
}

/** Only the count (and the distributions of `facets`); hitsPerPage makes the count exact. */
export function countQuery(engine: SearchEngine, query: SearchQuery, filter: FilterExpression, facets: string[] = []): MultiSearchQuery {
  return { ...baseQuery(engine, query, filter), facets, page: 1, hitsPerPage: 0 };
}

/** A page of the search, with the counts of `facets` under every selection. */
function pageQuery(engine: SearchEngine, query: SearchQuery, facets: FacetName[]): MultiSearchQuery {
  return {
    ...baseQuery(engine, query, buildFilter(query.filters)),
    facets,
    // page + hitsPerPage: the engine counts the hits exactly (up to maxTotalHits).
    page: query.page,
    hitsPerPage: query.perPage,
    sort: sortOf(query),
  };
}

/** The hits, with the counts of `facets` under every selection. */
export function hitsQuery(engine: SearchEngine, query: SearchQuery, facets: FacetName[]): MultiSearchQuery {
  return { ...pageQuery(engine, query, facets), ...displayed };
}

/** What a group of results shows of its report: the report's fields, nothing of a passage. */
export const REPORT_FIELDS = ['reportId', 'title', 'year', 'province', 'city', 'district', 'issuer', 'level'] as const satisfies ReadonlyArray<
  keyof SearchDocument
>;
export type ReportFields = Pick<SearchDocument, (typeof REPORT_FIELDS)[number]>;

/**
 * A page of reports (the best hit of each decides its place); the total and the facet counts
 * are counted in reports. Requests of the count queries beside it take `distinct` too. Only the
 * reports' fields: their hits are shown from the search over the page's reports (groups.ts),
 * and cropping and marking passages here too cost the engine a fifth of the page's work.
 */
export function reportsQuery(engine: SearchEngine, query: SearchQuery, facets: FacetName[]): MultiSearchQuery {
  return { ...pageQuery(engine, query, facets), ...perReport, attributesToRetrieve: [...REPORT_FIELDS] };
}

export const perReport = { distinct: 'reportId' } as const;

/**
 * The best `limit` hits for the query among some reports' documents, best first, and how many
 * each report has (exactly: the counts of the `reportId` facet). One report's best hits are the
 * first of its hits here, as the engine ranks every document on its own.
 */
export function reportsHitsQuery(engine: SearchEngine, query: SearchQuery, reportIds: readonly string[], limit: number): MultiSearchQuery {
  return {
    ...baseQuery(engine, query, withCondition(buildFilter(query.filters), 'reportId', reportIds)),
    ...displayed,
    facets: ['reportId'],
    limit,
  };
}

/** What a hit view needs: its fields, the text cropped around the matches and marked. */
const displayed = {
  attributesToRetrieve: RETRIEVED,
  attributesToHighlight: ['text'],
  attributesToCrop: ['text'],
  cropLength: CROP_WORDS,
  cropMarker: '…',
  highlightPreTag: MARK_START,
  highlightPostTag: MARK_END,
  showMatchesPosition: true,
} satisfies Partial<MultiSearchQuery>;
