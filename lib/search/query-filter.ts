/**
 * Meilisearch filter expressions, built only from the facet list: several values of one facet
 * are OR-ed, facets are AND-ed. Every string value is quoted with `\` and `"` escaped (checked
 * against the engine: `a"b\c`, a trailing `\`); numbers are emitted only if they are integers.
 * Nothing from a request reaches a filter any other way.
 */
import { quoteFilterValue } from '@/lib/engine/filter-value';
import { FACETS, type FacetName } from '@/lib/index/facets';
import type { FacetFilters } from './query-schema';

/** Meilisearch's array form: the outer array is AND, each inner array is OR. */
export type FilterExpression = string[][];

function condition(facet: (typeof FACETS)[number], value: string): string {
  if (facet.type === 'number') {
    // The query schema only lets integers through; this guards the filter against any other caller.
    if (!/^[0-9]{1,9}$/.test(value)) throw new RangeError(`facet ${facet.name}: not an integer: ${JSON.stringify(value)}`);
    return `${facet.name} = ${value}`;
  }
  return `${facet.name} = ${quoteFilterValue(value)}`;
}

/**
 * The filter for the selected facet values. `except` leaves one facet's own selection out:
 * that facet's counts must show what selecting another value of it would give (disjunctive
 * facets), not only the values already selected.
 */
export function buildFilter(filters: FacetFilters, except?: FacetName): FilterExpression {
  return FACETS.filter((facet) => facet.name !== except && filters[facet.name].length > 0).map((facet) =>
    filters[facet.name].map((value) => condition(facet, value)),
  );
}

/**
 * Same filter, without the passages flagged as copies of another report's (the same passage of
 * a report published twice: lib/index/copies.ts). For searches, counts and exports
 * of search results; not for a report's own pages, which show its every passage.
 */
export function withoutCopies(filter: FilterExpression): FilterExpression {
  // Not `copy != true`: Meilisearch 1.21 answers that with nothing on an index where no
  // document has the attribute yet (a server of a cluster without copies).
  return [...filter, ['NOT copy = true']];
}

/**
 * Same filter plus a condition on an internal attribute (report pages select by reportId):
 * equal to the value, or to any of the values.
 */
export function withCondition(filter: FilterExpression, attribute: string, value: string | readonly string[]): FilterExpression {
  const values = typeof value === 'string' ? [value] : value;
  return [...filter, values.map((one) => `${attribute} = ${quoteFilterValue(one)}`)];
}
