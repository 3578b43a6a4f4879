/**
 * Reading every hit of a query, however many: the national corpus holds millions of rows, and
 * the engine pages only through the first `maxTotalHits` of a query (documents can be listed
 * past that only with a key that may read documents, which the portal's search key may not).
 * So a query with too many hits is split by report-level facets (province › city › district ›
 * issuer › year) into partitions the engine can page through, and read one page at a time.
 *
 * Partitions split on report-level attributes, so all the rows of one report — and, above the
 * year level, all the reports of one issuer — fall into the same partition.
 */
import { SearchUnavailableError } from '@/lib/search/errors';
import type { FacetName } from '@/lib/index/facets';
import { buildFilter, type FilterExpression } from '@/lib/search/query-filter';
import { searchIndex, type SearchEngine } from '@/lib/search/query-engine';
import { DEFAULT_QUERY } from '@/lib/search/query-schema';
import { DOCUMENT_SETTINGS } from '@/lib/index/settings';

/** What is searched, as the engine gets it. */
export interface EngineSearch {
  indexUid: string;
  q: string;
  filter: FilterExpression;
  matchingStrategy?: 'all' | 'last';
  sort?: string[];
  /** Counts and pages count distinct values of this attribute. */
  distinct?: string;
}

export interface Partition {
  filter: FilterExpression;
  total: number;
}

/** The engine's limit; a count that reaches it may be more. */
export const MAX_TOTAL_HITS = DOCUMENT_SETTINGS.pagination.maxTotalHits;

/** Finest last: a partition stops splitting as soon as it is small enough. */
const PARTITION_FACETS = ['province', 'city', 'district', 'issuer', 'year'] as const satisfies readonly FacetName[];
/** Facets a report may lack (stored as null): their partitions need an `IS NULL` part. */
const NULLABLE_FACETS: ReadonlySet<FacetName> = new Set(['city', 'district']);

/** Meilisearch answers in Chinese always: see lib/search/query.ts. */
const LOCALES = ['cmn'];

export interface Count {
  total: number;
  /** Hits per value of the facet asked for. */
  distribution: Record<string, number>;
}

/** The engine's request for `search`; callers add how many hits and which fields. */
function engineRequest({ indexUid, q, filter, matchingStrategy, distinct }: EngineSearch) {
  return { indexUid, q, filter, matchingStrategy, distinct, locales: LOCALES };
}

/** How many hits `search` has (exact below MAX_TOTAL_HITS), and per value of `facet`. */
export async function countHits(engine: SearchEngine, search: EngineSearch, facet?: FacetName): Promise<Count> {
  const result = await searchIndex(engine, {
    ...engineRequest(search),
    page: 1,
    hitsPerPage: 0,
    facets: facet ? [facet] : [],
  });
  return { total: result.totalHits ?? 0, distribution: (facet && result.facetDistribution?.[facet]) || {} };
}

/** Condition `facet = value`, built by the shared filter builder (quoting, integer years). */
function valueCondition(facet: FacetName, value: string): FilterExpression {
  return buildFilter({ ...DEFAULT_QUERY.filters, [facet]: [value] });
}

function narrowed(search: EngineSearch, condition: FilterExpression): EngineSearch {
  return { ...search, filter: [...search.filter, ...condition] };
}

/**
 * Filters that together select every hit of `search` exactly once, each with at most
 * `maxHits` hits (and fewer than the engine's limit). Empty partitions are skipped.
 */
export async function* partitions(engine: SearchEngine, search: EngineSearch, maxHits: number, depth = 0): AsyncGenerator<Partition> {
  const facet = PARTITION_FACETS[depth];
  const { total, distribution } = await countHits(engine, search, facet);
  if (total === 0) return;
  if (total <= maxHits && total < MAX_TOTAL_HITS) {
    yield { filter: search.filter, total };
    return;
  }
  // Neither can happen with the index settings of lib/index/settings.ts; if it does, the engine
  // cannot list this query whole, and a partial export must not pass for a complete one.
  if (!facet) throw new SearchUnavailableError(`cannot split a query of ${total} hits finer than one issuer and year`);
  let covered = 0;
  for (const [value, hits] of Object.entries(distribution)) {
    covered += hits;
    yield* partitions(engine, narrowed(search, valueCondition(facet, value)), maxHits, depth + 1);
  }
  if (NULLABLE_FACETS.has(facet)) {
    yield* partitions(engine, narrowed(search, [[`${facet} IS NULL`, `${facet} NOT EXISTS`]]), maxHits, depth + 1);
  } else if (covered < total) {
    // The engine listed fewer values than there are (maxValuesPerFacet): hits would be lost.
    throw new SearchUnavailableError(`facet ${facet} lists ${covered} of ${total} hits; raise faceting.maxValuesPerFacet`);
  }
}

/**
 * The hits of a search the engine can page through whole (a partition, or a narrower search
 * inside one), `pageSize` at a time.
 */
export async function* searchPages<T>(engine: SearchEngine, search: EngineSearch, attributes: readonly string[], pageSize: number): AsyncGenerator<T[]> {
  for (let offset = 0; offset < MAX_TOTAL_HITS; offset += pageSize) {
    const result = await searchIndex(engine, {
      ...engineRequest(search),
      sort: search.sort,
      offset,
      limit: pageSize,
      attributesToRetrieve: [...attributes],
    });
    // Hits are the engine's documents; the caller names the fields it asked for.
    if (result.hits.length > 0) yield result.hits as T[];
    if (result.hits.length < pageSize) return;
  }
}

/** Every hit of `search`, a page at a time, partition by partition. */
export async function* allPages<T>(engine: SearchEngine, search: EngineSearch, attributes: readonly string[], pageSize: number): AsyncGenerator<T[]> {
  for await (const partition of partitions(engine, search, MAX_TOTAL_HITS - 1)) {
    yield* searchPages<T>(engine, { ...search, filter: partition.filter }, attributes, pageSize);
  }
}
