/**
 * What the pages and the API ask the engine, in the portal's words: search passages and table
 * rows (with facet counts), read one report, summarise the index. Every call goes through
 * `searchIndex`/`searchMany`, so an outage is a SearchUnavailableError, never an empty answer.
 * On a cluster whose servers did not all answer, the search and the summary say which regions
 * are missing (`missing`); a report that is not found then is an outage, not a missing report.
 */
import type { MultiSearchQuery, SearchResponse } from 'meilisearch';
import { quoteFilterValue } from '@/lib/engine/filter-value';
import type { ParsedReport } from '@/lib/report/schema';
import { reportDocumentId, reportFromDocument, type ReportDocument, type SearchDocument } from '@/lib/index/document';
import { countedFacets, type FacetName } from '@/lib/index/facets';
import { wordsToMark } from './highlight';
import { buildFilter } from './query-filter';
import { engineQueryText } from './engine-query-text';
import { countQuery, hitsQuery, LOCALES, perReport, reportsQuery } from './engine-queries';
import { reportGroups } from './groups';
import { SearchUnavailableError } from './errors';
import { searchIndex, searchMany, type SearchEngine } from './query-engine';
import type { Group, SearchQuery } from './query-schema';
import { changeQuery, searchHref } from './url';
import { knownFacetValues } from './known-values';
import { placeNames, understandQuery, understoodFilters, type KnownValues, type UnderstoodFacet, type Understanding } from './understand';
import { corrections, createVocabulary, type Vocabulary } from './did-you-mean';
import { queryWords } from './query-words';
import { reportTerms } from '@/lib/index/synonyms';
import {
  activeFilters,
  matchedWords,
  toFacetsView,
  toHitView,
  understoodView,
  withoutFacetHelp,
  type NoResultsHelp,
  type SearchResults,
  type Suggestion,
} from './view';

function totalOf(result: SearchResponse<unknown> | undefined): number {
  return result?.totalHits ?? 0;
}

/** Regions whose server did not answer, each once. */
function missingOf(results: ReadonlyArray<{ missing: string[] }>): string[] {
  return [...new Set(results.flatMap((result) => result.missing))];
}

/** The results, and the regions whose reports are missing from them (a cluster server did not answer). */
export interface SearchAnswer extends SearchResults {
  missing: string[];
}

/**
 * One multi-search: the hits with the counts of the facets without a selection, plus one
 * count query per facet that has a selection, without that facet's own filter (disjunctive
 * facets: the counts of 年度 say what choosing another year would give, not just the year
 * already chosen). Only the facets `countedFacets` names are counted.
 */
/** How a surface lists results unless the query says (`group`): the page by report, the API flat. */
export interface SearchOptions {
  group: Group;
}

/** The search page's way: one entry per report (the benchmark asks the engine the same way). */
export const SEARCH_PAGE_OPTIONS: SearchOptions = { group: 'report' };

export async function searchDocuments(engine: SearchEngine, asked: SearchQuery, options: SearchOptions = { group: 'none' }): Promise<SearchAnswer> {
  const known = asked.q === '' ? null : await knownFacetValues(engine);
  const grouped = (asked.group ?? options.group) === 'report';
  let understanding = known && !asked.literal ? understandQuery(asked.q, known) : null;
  let query = understanding ? withUnderstanding(asked, understanding) : asked;
  let found = await runSearch(engine, query, grouped);
  if (understanding && found.total === 0) {
    // Read as filters, the query finds nothing: the place was the topic (`江苏 答复规范` in a
    // report of 浙江省 quoting 江苏省's rules). The words as typed, if they find something.
    const literal = await runSearch(engine, asked, grouped);
    if (literal.total > 0) [understanding, query, found] = [null, asked, literal];
  }
  const [suggestion, relaxation] = await Promise.all([
    known && found.matches <= FEW_HITS ? suggest(engine, query, found.matches, known) : null,
    found.total === 0 ? relax(engine, query) : null,
  ]);
  const answer = relaxation ? await runSearch(engine, relaxation.query, grouped) : found;
  return {
    ...answer,
    understood: understanding ? understoodView(asked, understanding.text, understanding.parts) : null,
    suggestion,
    relaxed: relaxation && { typed: query.q, text: relaxation.query.q, dropped: relaxation.dropped },
  };
}

/** A query with at most this many matches is worth a "did you mean". */
const FEW_HITS = 3;

let vocabulary: { places: string; terms: Vocabulary } | undefined;

/**
 * The domain's terms and the index's place names, indexed again only when the place names
 * change: they are the same for every search until the index changes.
 */
function vocabularyOf(known: KnownValues): Vocabulary {
  const names = placeNames(known);
  const places = names.join('\n');
  if (vocabulary?.places !== places) vocabulary = { places, terms: createVocabulary([...reportTerms(), ...names]) };
  return vocabulary.terms;
}

/**
 * The best correction of a word (did-you-mean.ts) when it finds clearly more than the query:
 * at least FEW_HITS, and more than twice as many.
 */
async function suggest(engine: SearchEngine, query: SearchQuery, matches: number, known: KnownValues): Promise<Suggestion | null> {
  const candidates = corrections(query.q, vocabularyOf(known));
  if (candidates.length === 0) return null;
  const counts = await searchMany(
    engine,
    candidates.map((q) => countQuery(engine, { ...query, q }, buildFilter(query.filters))),
    { partial: true },
  );
  const [best] = candidates
    .map((q, index) => ({ q, count: totalOf(counts[index]) }))
    .filter(({ count }) => count >= FEW_HITS && count > 2 * matches)
    .sort((a, b) => b.count - a.count);
  return best ? { ...best, href: searchHref(changeQuery(query, { q: best.q })) } : null;
}

/** Words dropped at most, to find something: more would answer another question. */
const MAX_DROPPED = 2;

/**
 * No dead ends: when no document has every word, the words without one (else two) of them,
 * keeping at least half the query's characters: of the ways that find something, the one keeping
 * most characters (a one-character word says less than a term), then the one finding most. Null
 * when the query has one word, or nothing matches anyway.
 */
async function relax(engine: SearchEngine, query: SearchQuery): Promise<{ query: SearchQuery; dropped: string[] } | null> {
  if (query.q === '' || query.match !== 'all') return null;
  const words = queryWords(query.q);
  for (let dropping = 1; dropping <= MAX_DROPPED && dropping < words.length; dropping++) {
    // What is kept must be most of the question: `<script>alert(1)</script>` is not a search for 1.
    const variants = subsetsWithout(words, dropping).filter(({ kept }) => 2 * characters(kept) >= characters(words));
    if (variants.length === 0) break;
    const counts = await searchMany(
      engine,
      variants.map(({ kept }) => countQuery(engine, { ...query, q: kept.join(' ') }, buildFilter(query.filters))),
      { partial: true },
    );
    const best = variants
      .map((variant, index) => ({ ...variant, count: totalOf(counts[index]) }))
      .filter(({ count }) => count > 0)
      .sort((a, b) => characters(b.kept) - characters(a.kept) || b.count - a.count)[0];
    if (best) return { query: { ...query, q: best.kept.join(' ') }, dropped: best.dropped };
  }
  return null;
}

function characters(words: readonly string[]): number {
  return words.reduce((sum, word) => sum + word.length, 0);
}

/** Every way to leave `count` of the words out (in order), at most 15 of them. */
function subsetsWithout(words: readonly string[], count: number): Array<{ kept: string[]; dropped: string[] }> {
  const ways: Array<{ kept: string[]; dropped: string[] }> = [];
  const choose = (from: number, dropped: number[]) => {
    if (ways.length >= 15) return;
    if (dropped.length === count) {
      ways.push({ kept: words.filter((_, index) => !dropped.includes(index)), dropped: dropped.map((index) => words[index]!) });
      return;
    }
    for (let index = from; index < words.length; index++) choose(index + 1, [...dropped, index]);
  };
  choose(0, []);
  return ways;
}

type FoundResults = Omit<SearchAnswer, 'understood' | 'suggestion' | 'relaxed'>;

/** The search itself: hits or report groups, facet counts, and help when nothing matched. */
async function runSearch(engine: SearchEngine, query: SearchQuery, grouped: boolean): Promise<FoundResults> {
  const counted = countedFacets(query.filters);
  const selectedFacets = counted.filter((facet) => query.filters[facet].length > 0);
  const unselected = counted.filter((facet) => !selectedFacets.includes(facet));
  // Grouped: reports are what is counted, in the total and in every facet.
  const inReports = (request: MultiSearchQuery) => (grouped ? { ...request, ...perReport } : request);
  const results = await searchMany<SearchDocument>(
    engine,
    [
      grouped ? reportsQuery(engine, query, unselected) : hitsQuery(engine, query, unselected),
      ...selectedFacets.map((facet) => inReports(countQuery(engine, query, buildFilter(query.filters, facet), [facet]))),
      // Grouped: the matches, counted as passages and rows.
      ...(grouped ? [countQuery(engine, query, buildFilter(query.filters))] : []),
    ],
    { partial: true },
  );
  const [main, ...disjunctive] = results;
  const distributions: Partial<Record<FacetName, Record<string, number>>> = {};
  for (const facet of counted) distributions[facet] = main?.facetDistribution?.[facet] ?? {};
  selectedFacets.forEach((facet, index) => {
    distributions[facet] = disjunctive[index]?.facetDistribution?.[facet] ?? {};
  });
  const total = totalOf(main);
  const { facets, unlisted } = toFacetsView(query, distributions);
  const hits = main?.hits ?? [];
  return {
    query,
    total,
    totalPages: main?.totalPages ?? 0,
    hits: grouped ? [] : hits.map((hit) => toHitView(hit, query.q, query)),
    groups: grouped ? await reportGroups(engine, query, hits) : null,
    matches: grouped ? totalOf(results.at(-1)) : total,
    facets,
    facetsUnlisted: unlisted,
    activeFilters: activeFilters(query),
    help: total === 0 ? await noResultsHelp(engine, query, selectedFacets) : null,
    missing: missingOf(results),
  };
}

/** The search as understood: the remaining words, and the parts' values added to the filters. */
function withUnderstanding(asked: SearchQuery, { text, parts }: Understanding): SearchQuery {
  const filters = { ...asked.filters };
  for (const [facet, values] of Object.entries(understoodFilters(parts)) as Array<[UnderstoodFacet, string[]]>) {
    filters[facet] = [...new Set([...filters[facet], ...values])];
  }
  return { ...asked, q: text, filters };
}

/** When nothing matched: what dropping each filter, or matching any word, would find. */
async function noResultsHelp(engine: SearchEngine, query: SearchQuery, selectedFacets: FacetName[]): Promise<NoResultsHelp | null> {
  // Even an unspaced Chinese query is several words to the engine, each of which must match.
  const tryAnyWord = query.match === 'all' && query.q !== '';
  if (selectedFacets.length === 0 && !tryAnyWord) return null;
  const anyWord = changeQuery(query, { match: 'any' });
  // Partial counts are shown under the notice of the search they help.
  const results = await searchMany(
    engine,
    [
      ...selectedFacets.map((facet) => countQuery(engine, query, buildFilter(query.filters, facet))),
      ...(tryAnyWord ? [countQuery(engine, anyWord, buildFilter(query.filters))] : []),
    ],
    { partial: true },
  );
  const anyWordCount = tryAnyWord ? totalOf(results.at(-1)) : 0;
  return {
    withoutFilter: selectedFacets.map((facet, index) => withoutFacetHelp(query, facet, totalOf(results[index]))),
    anyWord: anyWordCount > 0 ? { count: anyWordCount, href: searchHref(anyWord) } : null,
  };
}

/**
 * The parsed report, or null when the index has no report with this id. Read with a search
 * (not GET /documents): the portal's key may only search.
 */
export async function getReport(engine: SearchEngine, id: string): Promise<ParsedReport | null> {
  const { hits, missing } = await searchIndex<ReportDocument>(
    engine,
    { indexUid: engine.indexes.reports, q: '', filter: [`id = ${quoteFilterValue(reportDocumentId(id))}`], limit: 1, locales: LOCALES },
    { partial: true },
  );
  const document = hits[0];
  // A report lives on one server: not found while a server is silent may be a report on that server.
  if (!document && missing.length > 0) throw new SearchUnavailableError(`report ${id} not found while ${missing.join('、')} did not answer`);
  // Engine ids fold `.` into `_`: only the report whose own id is the one asked for is it.
  if (!document || document.reportId !== id) return null;
  return reportFromDocument(document);
}

/**
 * The words to mark on a report page for `q`: the query's words and what the engine matches
 * in this report (its own tokenisation, synonyms and the hidden jieba terms included).
 */
export async function reportWordsToMark(engine: SearchEngine, reportId: string, q: string): Promise<string[]> {
  if (q.trim() === '') return [];
  const search: MultiSearchQuery = {
    indexUid: engine.indexes.documents,
    q: engineQueryText(q),
    filter: [`reportId = ${quoteFilterValue(reportId)}`],
    limit: 1000,
    locales: LOCALES,
    matchingStrategy: 'last',
    attributesToRetrieve: ['heading', 'headingPath', 'text', 'terms'],
    showMatchesPosition: true,
  };
  // Partial: only the report's own server holds its passages, and it answered for the report page.
  const { hits } = await searchIndex<SearchDocument>(engine, search, { partial: true });
  return wordsToMark(q, hits.flatMap(matchedWords), hits.map((hit) => `${hit.headingPath.join('\n')}\n${hit.text}`).join('\n'));
}

export interface IndexSummary {
  reports: number;
  sections: number;
  rows: number;
  /** Count of reports per value, most first (years newest first). */
  years: Array<{ value: string; count: number }>;
  provinces: Array<{ value: string; count: number }>;
  cities: Array<{ value: string; count: number }>;
  districts: Array<{ value: string; count: number }>;
  levels: Array<{ value: string; count: number }>;
  /** The newest reports, for a first look. */
  latest: Array<{ id: string; title: string; year: number; issuer: string }>;
  /** Regions whose server did not answer: the numbers above leave them out. */
  missing: string[];
}

function byCount(distribution: Record<string, number> | undefined): Array<{ value: string; count: number }> {
  return Object.entries(distribution ?? {})
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'zh-CN'));
}

/** What the index holds, for the home page: one multi-search over both indexes. */
export async function getIndexSummary(engine: SearchEngine): Promise<IndexSummary> {
  const results = await searchMany(
    engine,
    [
      {
        indexUid: engine.indexes.reports,
        q: '',
        page: 1,
        hitsPerPage: 8,
        sort: ['year:desc'],
        facets: ['year', 'province', 'city', 'district', 'level'],
        attributesToRetrieve: ['reportId', 'title', 'year', 'issuer'],
        locales: LOCALES,
      },
      { indexUid: engine.indexes.documents, q: '', limit: 0, facets: ['kind'], locales: LOCALES },
    ],
    { partial: true },
  );
  const [reports, documents] = results;
  const facets = reports?.facetDistribution ?? {};
  const kinds = documents?.facetDistribution?.kind ?? {};
  return {
    reports: totalOf(reports),
    sections: kinds.section ?? 0,
    rows: kinds.row ?? 0,
    years: byCount(facets.year).sort((a, b) => Number(b.value) - Number(a.value)),
    provinces: byCount(facets.province),
    cities: byCount(facets.city),
    districts: byCount(facets.district),
    levels: byCount(facets.level),
    latest: (reports?.hits ?? []).map((hit) => ({
      id: String(hit.reportId),
      title: String(hit.title),
      year: Number(hit.year),
      issuer: String(hit.issuer),
    })),
    missing: missingOf(results),
  };
}
