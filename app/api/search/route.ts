import type { NextRequest } from 'next/server';
import { cachedSearchEngine } from '@/lib/search/client';
import { searchDocuments } from '@/lib/search/query';
import { parseApiSearchParams } from '@/lib/search/query-schema';
import type { UnderstoodView } from '@/lib/search/view';
import { FACETS } from '@/lib/index/facets';
import { failFrom, ok } from '../_lib/respond';

/** What the query was read as: years as numbers, places (any level) and issuers, and the words searched. */
function understoodJson(understood: UnderstoodView) {
  const valuesOf = (...facets: string[]) => [...new Set(understood.parts.filter((part) => facets.includes(part.facet)).flatMap((part) => part.values))];
  return {
    q: understood.typed,
    text: understood.text,
    year: valuesOf('year').map(Number),
    place: valuesOf('province', 'city', 'district'),
    issuer: valuesOf('issuer'),
    parts: understood.parts.map(({ written, facet, values }) => ({ written, facet, values })),
    // The same search with q as typed (literal=1), on the page and here.
    search_instead: { q: understood.typed, href: understood.literalHref, api: understood.literalApiHref },
  };
}

/** GET /api/search: the JSON twin of /search (same parameters, same schema, strict). */
export async function GET(request: NextRequest): Promise<Response> {
  try {
    const results = await searchDocuments(cachedSearchEngine(request.headers.get('cache-control')), parseApiSearchParams(request.nextUrl.searchParams));
    // The search as run: with `understood`, q holds the words left and the filters what was read.
    const { query } = results;
    return ok({
      query: {
        q: query.q,
        filters: Object.fromEntries(FACETS.filter((facet) => query.filters[facet.name].length > 0).map((facet) => [facet.name, query.filters[facet.name]])),
        sort: query.sort,
        match: query.match,
        ...(query.literal ? { literal: true } : {}),
        ...(query.group ? { group: query.group } : {}),
        page: query.page,
        per_page: query.perPage,
      },
      ...(results.understood ? { understood: understoodJson(results.understood) } : {}),
      // A corrected query that finds clearly more ("did you mean"), with its count and link.
      ...(results.suggestion ? { suggestion: results.suggestion } : {}),
      // No document had every word: these results are of q without `dropped`.
      ...(results.relaxed ? { relaxed: results.relaxed } : {}),
      // Grouped (group=report): total, pages and facet counts are in reports; total_hits counts passages and rows.
      total: results.total,
      page: query.page,
      per_page: query.perPage,
      total_pages: results.totalPages,
      ...(results.groups ? { total_hits: results.matches, groups: results.groups } : { hits: results.hits }),
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
