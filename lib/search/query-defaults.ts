/**
 * The search's limits and the empty search, without the schema that reads queries
 * (query-schema.ts, built on zod): the search page builds its links in the browser too, and
 * loads this, not zod. query-schema.test.ts checks that the schema reads an empty request as
 * DEFAULT_QUERY.
 */
import type { SearchQuery } from './query-schema';

export const QUERY_LIMITS = {
  qMaxLength: 200,
  perPageDefault: 20,
  perPageMax: 50,
  /** 1,000 pages of 50 is 50,000 hits: deeper than anyone pages, shallower than maxTotalHits. */
  pageMax: 1000,
  valuesPerFacetMax: 50,
  facetValueMaxLength: 100,
} as const;

/** Every field at its default: the empty search. */
export const DEFAULT_QUERY: SearchQuery = {
  q: '',
  filters: { year: [], province: [], city: [], district: [], issuer: [], level: [], category: [], kind: [] },
  sort: 'relevance',
  match: 'all',
  literal: false,
  group: undefined,
  page: 1,
  perPage: QUERY_LIMITS.perPageDefault,
};
