/**
 * The facet values the index holds, for reading years and places in the search box
 * (understand.ts): one facet count over the reports index. On the portal's engine the answer is
 * remembered with the searches (SEARCH_CACHE_SECONDS), so a search does not pay for it each time.
 */
import { searchIndex, type SearchEngine } from './query-engine';
import { UNDERSTOOD_FACETS, type KnownValues, type UnderstoodFacet } from './understand';

export async function knownFacetValues(engine: SearchEngine): Promise<KnownValues> {
  const { facetDistribution = {} } = await searchIndex(
    engine,
    { indexUid: engine.indexes.reports, q: '', limit: 0, facets: [...UNDERSTOOD_FACETS], locales: ['cmn'] },
    { partial: true },
  );
  const valuesOf = (facet: UnderstoodFacet) => Object.keys(facetDistribution[facet] ?? {});
  return { year: valuesOf('year'), province: valuesOf('province'), city: valuesOf('city'), district: valuesOf('district'), issuer: valuesOf('issuer') };
}
