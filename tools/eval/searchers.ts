/**
 * The ways a query set is run: the portal's own search (in-process, or the running portal's
 * JSON API) and the Meilisearch-defaults baseline. Each returns the top hits as (year, text).
 */
import type { Meilisearch } from 'meilisearch';
import { z } from 'zod';
import type { SearchDocument } from '@/lib/index/document';
import { searchDocuments } from '@/lib/search/query';
import type { SearchEngine } from '@/lib/search/query-engine';
import { buildFilter } from '@/lib/search/query-filter';
import { parseApiSearchParams } from '@/lib/search/query-schema';
import { CUTOFF, type EvalHit } from './metrics';
import { filterValues, type EvalQuery } from './queries';

export type Searcher = (query: EvalQuery) => Promise<EvalHit[]>;

/** The query as the search page's URL carries it: q, the facet selections, one page of CUTOFF hits. */
function searchParams(query: EvalQuery): URLSearchParams {
  const params = new URLSearchParams({ q: query.q, per_page: String(CUTOFF) });
  for (const [name, values] of Object.entries(filterValues(query))) for (const value of values) params.append(name, value);
  return params;
}

/** The search page's own query, in-process: the same URL schema and `searchDocuments` call. */
export function portalSearcher(engine: SearchEngine): Searcher {
  return async (query) => {
    const results = await searchDocuments(engine, parseApiSearchParams(searchParams(query)));
    return results.hits.map(({ year, text }) => ({ year, text }));
  };
}

const ApiResponse = z.object({ hits: z.array(z.object({ year: z.number(), text: z.string() })) });

/** A running portal, through its JSON API (`/api/search`, the twin of the search page). */
export function httpSearcher(portalUrl: string): Searcher {
  return async (query) => {
    const url = new URL(`/api/search?${searchParams(query)}`, portalUrl);
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const parsed = ApiResponse.safeParse(await response.json());
    if (!parsed.success) throw new Error(`${url}: unexpected answer (${parsed.error.issues[0]?.message})`);
    return parsed.data.hits.map(({ year, text }) => ({ year, text }));
  };
}

/**
 * Meilisearch's defaults: the query as typed, the same filter, no locales, the default
 * matching strategy (`last`), against an index with default settings (see baseline.ts).
 */
export function baselineSearcher(client: Meilisearch, indexUid: string): Searcher {
  return async (query) => {
    const { filters } = parseApiSearchParams(searchParams(query));
    const { hits } = await client.index<SearchDocument>(indexUid).search(query.q, {
      filter: buildFilter(filters),
      limit: CUTOFF,
      attributesToRetrieve: ['year', 'text'],
    });
    return hits.map(({ year, text }) => ({ year, text }));
  };
}
