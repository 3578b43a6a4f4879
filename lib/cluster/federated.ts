/**
 * One search of the portal as the engine's federated multi-search over every server of a
 * cluster (Meilisearch `network` feature): the same query once per server, each marked with
 * `federationOptions.remote`, merged by the server that receives it (hits by ranking score and
 * sort values, facet counts added up). The answer comes back in the shape a search on one
 * server has, plus the servers that did not answer (the engine's `remoteErrors`).
 *
 * What Meilisearch 1.21 allows in a federated search, and how the shape is kept:
 * - pagination only as `federation.offset/limit`: `page/hitsPerPage` become an offset and a
 *   limit, and the page fields are computed from the merged count;
 * - facets only as `federation.facetsByIndex` (+ `mergeFacets`, which adds up the servers' counts);
 * - the count is the engine's `estimatedTotalHits`, which equals what one server counts with
 *   `page/hitsPerPage` (copies of passages are filtered out, not folded by a distinct attribute).
 */
import type { FederatedMultiSearchParams, FederationOptions, MultiSearchQuery, SearchResponse } from 'meilisearch';

/** Meilisearch's defaults for a query that gives no window. */
const DEFAULT_LIMIT = 20;
const DEFAULT_PAGE = 1;

export interface FederatedAnswer<T> extends SearchResponse<T> {
  /** Servers (remote names) whose part is missing from the answer. */
  missing: string[];
}

function isPaged(query: MultiSearchQuery): boolean {
  return query.page !== undefined || query.hitsPerPage !== undefined;
}

function window(query: MultiSearchQuery): { offset: number; limit: number } {
  if (isPaged(query)) {
    const hitsPerPage = query.hitsPerPage ?? DEFAULT_LIMIT;
    return { offset: ((query.page ?? DEFAULT_PAGE) - 1) * hitsPerPage, limit: hitsPerPage };
  }
  return { offset: query.offset ?? 0, limit: query.limit ?? DEFAULT_LIMIT };
}

/** `query` (a query of a plain multi-search) asked of every remote at once. */
export function federatedRequest(query: MultiSearchQuery, remotes: readonly string[], maxValuesPerFacet: number): FederatedMultiSearchParams {
  const { indexUid, facets, page: _page, hitsPerPage: _hitsPerPage, offset: _offset, limit: _limit, ...search } = query;
  const faceted = facets !== undefined && facets.length > 0;
  return {
    federation: {
      ...window(query),
      ...(faceted ? { facetsByIndex: { [indexUid]: facets }, mergeFacets: { maxValuesPerFacet } } : {}),
    },
    queries: remotes.map((remote) => ({
      indexUid,
      ...search,
      // Weight 1 is the engine's default: every server's hits rank on their own scores.
      federationOptions: { weight: 1, remote } satisfies FederationOptions,
    })),
  };
}

/** The engine's federated answer, with the remote errors Meilisearch adds to it. */
export type FederatedResponse<T> = SearchResponse<T> & { remoteErrors?: Record<string, unknown> };

/** The federated answer in the shape one server gives `query` (page fields when it asked by page). */
export function answerOf<T>(query: MultiSearchQuery, response: FederatedResponse<T>): FederatedAnswer<T> {
  const { remoteErrors, estimatedTotalHits, offset: _offset, limit: _limit, ...rest } = response;
  const total = estimatedTotalHits ?? 0;
  const missing = Object.keys(remoteErrors ?? {});
  if (!isPaged(query)) return { ...rest, estimatedTotalHits: total, ...window(query), missing };
  const hitsPerPage = query.hitsPerPage ?? DEFAULT_LIMIT;
  return {
    ...rest,
    totalHits: total,
    hitsPerPage,
    page: query.page ?? DEFAULT_PAGE,
    totalPages: hitsPerPage > 0 ? Math.ceil(total / hitsPerPage) : 0,
    missing,
  };
}
