/**
 * A value in a Meilisearch filter expression, for every query that selects documents: the
 * portal's filters (lib/search/query-filter.ts), report pages and figures, and the indexer's
 * housekeeping (lib/index). Quoted, with `\` and `"` escaped: a value can never end the literal
 * and add a condition of its own.
 */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
