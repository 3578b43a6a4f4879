import type { NextRequest } from 'next/server';
import { cachedSearchEngine } from '@/lib/search/client';
import { searchDocuments } from '@/lib/search/query';
import { parseApiSearchParams } from '@/lib/search/query-schema';
import { FACETS } from '@/lib/index/facets';
import { failFrom, ok } from '../_lib/respond';

/** GET /api/search: the JSON twin of /search (same parameters, same schema, strict). */
export async function GET(request: NextRequest): Promise<Response> {
  try {
    const query = parseApiSearchParams(request.nextUrl.searchParams);
    const results = await searchDocuments(cachedSearchEngine(request.headers), query);
    return ok({
      query: {
        q: query.q,
        filters: Object.fromEntries(FACETS.filter((facet) => query.filters[facet.name].length > 0).map((facet) => [facet.name, query.filters[facet.name]])),
        sort: query.sort,
        match: query.match,
        page: query.page,
        per_page: query.perPage,
      },
      total: results.total,
      page: query.page,
      per_page: query.perPage,
      total_pages: results.totalPages,
      hits: results.hits,
      facets: results.facets,
      // Values with hits left out of each facet's list (the most frequent are listed).
      facets_unlisted: results.facetsUnlisted,
      ...(results.help ? { help: results.help } : {}),
      // Regions whose server (MEILI_CLUSTER) did not answer: the hits and counts leave them out.
      ...(results.missing.length > 0 ? { missing_regions: results.missing } : {}),
    });
  } catch (error) {
    return failFrom(error);
  }
}
