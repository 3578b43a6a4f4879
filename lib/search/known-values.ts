/**
 * The facet values the index holds, for reading years and places in the search box
 * (understand.ts): one facet count over the reports index. On the portal's engine the answer is
 * remembered (SEARCH_CACHE_SECONDS) for every search, those asked fresh included: it is the same
 * for all of them, and asking it with each fresh search cost the engine a second request and the
 * portal ~5% of its CPU (profile of /api/search under load, 1,000 reports).
 */
import { searchIndex, type EngineAnswer, type SearchEngine } from './query-engine';
import { UNDERSTOOD_FACETS, type KnownValues, type UnderstoodFacet } from './understand';

function valuesOf({ facetDistribution = {} }: EngineAnswer<Record<string, unknown>>): KnownValues {
  const values = (facet: UnderstoodFacet) => Object.keys(facetDistribution[facet] ?? {});
  return { year: values('year'), province: values('province'), city: values('city'), district: values('district'), issuer: values('issuer') };
}

export async function knownFacetValues(engine: SearchEngine): Promise<KnownValues> {
  const ask = () =>
    searchIndex(
      { ...engine, answers: undefined },
      { indexUid: engine.indexes.reports, q: '', limit: 0, facets: [...UNDERSTOOD_FACETS], locales: ['cmn'] },
      { partial: true },
    );
  // An answer with a cluster server silent lacks that server's values: used once, not kept.
  const answer = engine.known ? await engine.known.answer('known-values', ask, (kept) => kept.missing.length === 0) : await ask();
  return valuesOf(answer);
}
