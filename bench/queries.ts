/**
 * The search benchmark's query mix: the development relevance queries (tools/eval), as written
 * and with facet selections added from what the index holds (its most common year, province
 * and level, table rows only), plus browsing by facet with no words. Fixed for a given index.
 */
import path from 'node:path';
import { filterValues, loadQueries } from '@/tools/eval/queries';
import type { SearchEngine } from '@/lib/search/query-engine';
import { parseApiSearchParams, type SearchQuery } from '@/lib/search/query-schema';
import { searchParamsOf } from '@/lib/search/url';

const DEV_QUERIES = path.resolve(import.meta.dirname, '../tools/eval/queries.dev.json');

/** The most common value of each facet in the documents index. */
async function commonValues(engine: SearchEngine): Promise<Record<string, string>> {
  const { facetDistribution = {} } = await engine.client
    .index(engine.indexes.documents)
    .search('', { facets: ['year', 'province', 'level'], limit: 0, locales: ['cmn'] });
  return Object.fromEntries(
    Object.entries(facetDistribution).flatMap(([facet, counts]) => {
      const [top] = Object.entries(counts).sort((a, b) => b[1] - a[1]);
      return top ? [[facet, top[0]]] : [];
    }),
  );
}

function query(params: Record<string, string | string[]>): SearchQuery {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) for (const item of [value].flat()) search.append(name, item);
  return parseApiSearchParams(search);
}

export async function benchQueries(engine: SearchEngine, file = DEV_QUERIES): Promise<SearchQuery[]> {
  const common = await commonValues(engine);
  const queries: SearchQuery[] = [];
  for (const evalQuery of await loadQueries(file)) {
    const own = filterValues(evalQuery) as Record<string, string[]>;
    queries.push(query({ q: evalQuery.q, ...own }));
    if (Object.keys(own).length > 0) queries.push(query({ q: evalQuery.q }));
    if (common.province) queries.push(query({ q: evalQuery.q, province: common.province }));
    if (common.year) queries.push(query({ q: evalQuery.q, year: common.year, kind: 'row' }));
  }
  if (common.year) queries.push(query({ year: common.year }));
  if (common.province && common.level) queries.push(query({ province: common.province, level: common.level }));
  return queries;
}

/** The query string both /search and /api/search read. */
export function queryString(searchQuery: SearchQuery): string {
  return searchParamsOf(searchQuery).toString();
}
