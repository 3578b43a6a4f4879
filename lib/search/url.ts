/**
 * Links the server computes, so that every control on the search page is a plain link that
 * works without JavaScript: the canonical /search URL of a query, facet toggles, filter
 * removal, sorting, paging, and links into report pages.
 */
import { FACETS, type FacetName } from '@/lib/index/facets';
import { DEFAULT_QUERY } from './query-defaults';
import type { SearchQuery } from './query-schema';

export const SEARCH_PATH = '/search';
export const SEARCH_API_PATH = '/api/search';

/** Parameters of a query in a stable order, defaults left out (one URL per query). */
export function searchParamsOf(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q !== '') params.set('q', query.q);
  for (const facet of FACETS) for (const value of query.filters[facet.name]) params.append(facet.name, value);
  if (query.sort !== DEFAULT_QUERY.sort) params.set('sort', query.sort);
  if (query.match !== DEFAULT_QUERY.match) params.set('match', query.match);
  if (query.literal) params.set('literal', '1');
  if (query.group !== undefined) params.set('group', query.group);
  if (query.perPage !== DEFAULT_QUERY.perPage) params.set('per_page', String(query.perPage));
  if (query.page !== DEFAULT_QUERY.page) params.set('page', String(query.page));
  return params;
}

export function searchHref(query: SearchQuery): string {
  const params = searchParamsOf(query).toString();
  return params === '' ? SEARCH_PATH : `${SEARCH_PATH}?${params}`;
}

/** The JSON API's twin of a search (same parameters). */
export function searchApiHref(query: SearchQuery): string {
  const params = searchParamsOf(query).toString();
  return params === '' ? SEARCH_API_PATH : `${SEARCH_API_PATH}?${params}`;
}

/** Any change of what is searched starts again at page 1. */
export function changeQuery(query: SearchQuery, change: Partial<Omit<SearchQuery, 'page'>>): SearchQuery {
  return { ...query, ...change, page: 1 };
}

export function withFacetValues(query: SearchQuery, facet: FacetName, values: string[]): SearchQuery {
  return changeQuery(query, { filters: { ...query.filters, [facet]: values } });
}

/** Selects the value if it is not selected, deselects it if it is. */
export function toggleFacetValue(query: SearchQuery, facet: FacetName, value: string): SearchQuery {
  const selected = query.filters[facet];
  return withFacetValues(query, facet, selected.includes(value) ? selected.filter((other) => other !== value) : [...selected, value]);
}

export function withPage(query: SearchQuery, page: number): SearchQuery {
  return { ...query, page };
}

/**
 * A report page, with the query to highlight and the passage to land on. `from`: the search
 * that led there, whole (q, filters, sort, page …), for the page's way back to it; its q is
 * the one highlighted.
 */
export function reportHref(reportId: string, options: { q?: string; anchor?: string; from?: SearchQuery } = {}): string {
  const path = `/reports/${encodeURIComponent(reportId)}`;
  const params = options.from ? searchParamsOf(options.from) : new URLSearchParams(options.q ? { q: options.q } : {});
  const search = params.size > 0 ? `?${params}` : '';
  const anchor = options.anchor ? `#${encodeURIComponent(options.anchor)}` : '';
  return `${path}${search}${anchor}`;
}
