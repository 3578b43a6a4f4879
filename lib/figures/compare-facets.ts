/**
 * The place/year choices of the comparison form, with how many reports each would give.
 * Disjunctive like search: a facet's counts ignore its own selection (so choosing a second
 * year shows what it adds), and every other selection applies.
 */
import { facetLabel } from '@/lib/index/facets';
import { buildFilter } from '@/lib/search/query-filter';
import type { SearchEngine } from '@/lib/search/query-engine';
import { compareFacetValues, facetValueLabel } from '@/lib/search/view';
import { measureReportsSearch } from './compare-data';
import { COMPARE_FACETS, type CompareQuery } from './compare-params';
import { countHits } from './scan';

export type CompareFacet = (typeof COMPARE_FACETS)[number];

export interface CompareFacetValue {
  value: string;
  label: string;
  /** Reports with the measure's rows under the other selections. */
  count: number;
  selected: boolean;
}

export interface CompareFacetGroup {
  name: CompareFacet;
  label: string;
  values: CompareFacetValue[];
  /** Values not listed (the least frequent, none of them selected). */
  hidden: number;
}

/** Enough for every year and province; issuers beyond this are reached by narrowing the place. */
const VALUES_SHOWN = 40;

function ordered(name: CompareFacet, values: CompareFacetValue[]): CompareFacetValue[] {
  const compare = compareFacetValues(name);
  return values.sort((a, b) => compare([a.value, a.count], [b.value, b.count]));
}

export async function loadCompareFacets(engine: SearchEngine, query: CompareQuery): Promise<CompareFacetGroup[]> {
  const counts = await Promise.all(
    COMPARE_FACETS.map((name) => countHits(engine, measureReportsSearch(engine, query, buildFilter(query.filters, name)), name)),
  );
  return COMPARE_FACETS.map((name, index) => {
    const distribution = { ...counts[index]!.distribution };
    // A selected value no report has under the other selections stays listed, so it can be removed.
    for (const value of query.filters[name]) distribution[value] ??= 0;
    const values = ordered(
      name,
      Object.entries(distribution).map(([value, count]) => ({
        value,
        label: facetValueLabel(name, value),
        count,
        selected: query.filters[name].includes(value),
      })),
    );
    const shown = values.filter((value, position) => position < VALUES_SHOWN || value.selected);
    return { name, label: facetLabel(name), values: shown, hidden: values.length - shown.length };
  });
}
