/**
 * The portal's own shapes for what the engine returns, made in one place: a hit becomes a
 * SearchHitView (snippet as highlight segments, link into the report), a facet distribution
 * becomes values with counts, selection state and the link that toggles each one. Pages and
 * the API render these; neither sees an engine hit.
 */
import type { Hit } from 'meilisearch';
import type { SearchDocument } from '@/lib/index/document';
import { FACETS, KIND_LABELS, facetLabel, type DocumentKind, type FacetName } from '@/lib/index/facets';
import { cropAround, hasHighlight, highlightWords, markWords, splitMarked, wordsToMark, type TextSegment } from './highlight';
import type { SearchQuery } from './query-schema';
import type { UnderstoodPart } from './understand';
import type { ReportGroupView } from './groups';
import { changeQuery, reportHref, searchApiHref, searchHref, toggleFacetValue, withFacetValues } from './url';

export interface RowValueView {
  column: string;
  value: number;
  unit: string | null;
}

/** A hit as pages and the API show it: the document's own fields, plus link, snippet and figures. */
export interface SearchHitView extends Pick<
  SearchDocument,
  | 'id'
  | 'kind'
  | 'reportId'
  | 'title'
  | 'year'
  | 'province'
  | 'city'
  | 'district'
  | 'issuer'
  | 'level'
  | 'category'
  | 'heading'
  | 'headingPath'
  | 'anchor'
  | 'text'
  | 'table'
  | 'status'
> {
  /** The report page, with the query to highlight, at the passage. */
  url: string;
  /** A window of the text around the matches, matches marked (adjacent marks merged). */
  snippet: TextSegment[];
  /** Rows only. */
  values?: RowValueView[];
}

export interface FacetValueView {
  value: string;
  label: string;
  count: number;
  selected: boolean;
  /** This search with the value toggled. */
  href: string;
}

/** The facets the search counted (`countedFacets`); the others are absent. */
export type FacetsView = Partial<Record<FacetName, FacetValueView[]>>;

/** Per counted facet, how many values with hits are left out of its list (FACET_VALUES_LISTED). */
export type FacetsUnlisted = Partial<Record<FacetName, number>>;

/**
 * Values listed per facet, most hits first; selected values are always listed. A national
 * corpus has thousands of issuers and districts: listing them all made the search page 1.3 MB
 * and its rendering the portal's bottleneck. Every province-level division (34) is listed,
 * and every city of a chosen province (at most 21).
 */
export const FACET_VALUES_LISTED = 20;
const LISTED_PER_FACET: Partial<Record<FacetName, number>> = { province: 34, city: 34 };

export interface ActiveFilterView {
  facet: FacetName;
  facetLabel: string;
  value: string;
  label: string;
  /** This search without this value. */
  removeHref: string;
}

export interface NoResultsHelp {
  /** For each filtered facet: what the search finds without that facet's selection. */
  withoutFilter: Array<{ facet: FacetName; facetLabel: string; labels: string[]; count: number; href: string }>;
  /** What matching any of the words (instead of all) finds; null when it would not differ. */
  anyWord: { count: number; href: string } | null;
}

/** Years, places and issuers read from the query as filters (lib/search/understand.ts). */
export interface UnderstoodView {
  /** The query as typed. */
  typed: string;
  /** The words searched once those parts were taken out. */
  text: string;
  parts: Array<UnderstoodPart & { facetLabel: string; labels: string[] }>;
  /** The same search with the query as typed, nothing read as a filter ("search instead for"). */
  literalHref: string;
  /** The same, from the JSON API. */
  literalApiHref: string;
}

/** A corrected query that finds clearly more ("您是不是要找"). */
export interface Suggestion {
  q: string;
  count: number;
  href: string;
}

/** No document had every word: the results are of the words without `dropped`. */
export interface Relaxation {
  /** The words asked for (after understanding). */
  typed: string;
  /** The words searched. */
  text: string;
  dropped: string[];
}

export interface SearchResults {
  /** What was searched: the query as asked, with what was understood in it applied as filters. */
  query: SearchQuery;
  understood: UnderstoodView | null;
  suggestion: Suggestion | null;
  relaxed: Relaxation | null;
  /** Hits, or reports when grouped. */
  total: number;
  totalPages: number;
  /** The flat list (empty when grouped). */
  hits: SearchHitView[];
  /** One entry per report, when grouped (else null). */
  groups: ReportGroupView[] | null;
  /** Passages and rows matched (equals `total` when not grouped). */
  matches: number;
  facets: FacetsView;
  facetsUnlisted: FacetsUnlisted;
  activeFilters: ActiveFilterView[];
  /** Only when nothing was found. */
  help: NoResultsHelp | null;
}

/** Characters of text shown when the engine's crop holds no match (the match was in `terms`). */
const FALLBACK_SNIPPET_LENGTH = 120;

/** Engine hit → view (`from`: the search it was found by, carried by its link). The hidden `terms` field is never copied. */
export function toHitView(hit: Hit<SearchDocument>, q: string, from?: SearchQuery): SearchHitView {
  const words = wordsToMark(q, matchedWords(hit));
  let snippet = markWords(splitMarked(hit._formatted?.text ?? hit.text), words);
  if (!hasHighlight(snippet) && words.length > 0) {
    const around = highlightWords(cropAround(hit.text, words, FALLBACK_SNIPPET_LENGTH), words);
    if (hasHighlight(around)) snippet = around;
  }
  return {
    id: hit.id,
    kind: hit.kind,
    reportId: hit.reportId,
    title: hit.title,
    year: hit.year,
    province: hit.province,
    city: hit.city,
    district: hit.district,
    issuer: hit.issuer,
    level: hit.level,
    category: hit.category,
    heading: hit.heading,
    headingPath: hit.headingPath,
    anchor: hit.anchor,
    url: reportHref(hit.reportId, { q, anchor: hit.anchor, from }),
    text: hit.text,
    snippet,
    ...(hit.kind === 'row'
      ? {
          table: hit.table,
          status: hit.status,
          values: Object.entries(hit.values ?? {}).map(([column, value]) => ({ column, value, unit: hit.units?.[column] ?? null })),
        }
      : {}),
  };
}

/**
 * The words of the document the engine matched, from every attribute (the hidden `terms`
 * too: that is how `审查` is known to be in `经审查`). Positions are UTF-8 byte offsets.
 */
export function matchedWords(hit: Hit<SearchDocument>): string[] {
  const words = new Set<string>();
  // Each value encoded once: a passage has dozens of matches, and encoding it per match was
  // most of the search page's rendering time (measured: ~30 ms of ~45 ms per page).
  const encoded = new Map<string, Buffer>();
  const bytesOf = (value: string) => {
    const known = encoded.get(value);
    if (known) return known;
    const bytes = Buffer.from(value);
    encoded.set(value, bytes);
    return bytes;
  };
  for (const [attribute, matches] of Object.entries(hit._matchesPosition ?? {})) {
    const field: unknown = hit[attribute as keyof SearchDocument];
    for (const match of matches ?? []) {
      const value: unknown = Array.isArray(field) ? field[match.indices?.[0] ?? 0] : field;
      if (typeof value !== 'string') continue;
      const word = bytesOf(value)
        .subarray(match.start, match.start + match.length)
        .toString();
      if (word.trim() !== '') words.add(word);
    }
  }
  return [...words];
}

export function facetValueLabel(facet: FacetName, value: string): string {
  if (facet === 'year') return `${value}年`;
  if (facet === 'kind') return KIND_LABELS[value as DocumentKind] ?? value;
  return value;
}

/** One collator: `localeCompare` with a locale sets one up on every call. */
const CHINESE_ORDER = new Intl.Collator('zh-CN');

/** Years newest first; other values most hits first, then in Chinese collation order. */
export function compareFacetValues(facet: FacetName) {
  return ([a, aCount]: [string, number], [b, bCount]: [string, number]) =>
    facet === 'year' ? Number(b) - Number(a) : bCount - aCount || CHINESE_ORDER.compare(a, b);
}

/**
 * Values of each counted facet (those `distributions` has) with counts and toggle links, those
 * with most hits (FACET_VALUES_LISTED). A selected value the engine did not return (no document
 * has it under the other filters) is still listed, with count 0, so the reader can remove it.
 */
export function toFacetsView(
  query: SearchQuery,
  distributions: Partial<Record<FacetName, Record<string, number>>>,
): { facets: FacetsView; unlisted: FacetsUnlisted } {
  const facets: FacetsView = {};
  const unlisted: FacetsUnlisted = {};
  for (const facet of FACETS) {
    if (!distributions[facet.name]) continue;
    const counts = { ...distributions[facet.name] };
    const selected = query.filters[facet.name];
    for (const value of selected) counts[value] ??= 0;
    // Ranked before the views are built: a link per value of thousands was most of the work.
    const ranked = Object.entries(counts).sort(compareFacetValues(facet.name));
    const limit = LISTED_PER_FACET[facet.name] ?? FACET_VALUES_LISTED;
    const listed = ranked.filter(([value], index) => index < limit || selected.includes(value));
    facets[facet.name] = listed.map(([value, count]) => ({
      value,
      label: facetValueLabel(facet.name, value),
      count,
      selected: selected.includes(value),
      href: searchHref(toggleFacetValue(query, facet.name, value)),
    }));
    unlisted[facet.name] = ranked.length - listed.length;
  }
  return { facets, unlisted };
}

export function activeFilters(query: SearchQuery): ActiveFilterView[] {
  return FACETS.flatMap((facet) =>
    query.filters[facet.name].map((value) => ({
      facet: facet.name,
      facetLabel: facet.label,
      value,
      label: facetValueLabel(facet.name, value),
      removeHref: searchHref(toggleFacetValue(query, facet.name, value)),
    })),
  );
}

export function understoodView(asked: SearchQuery, text: string, parts: readonly UnderstoodPart[]): UnderstoodView {
  return {
    typed: asked.q,
    text,
    parts: parts.map((part) => ({
      ...part,
      facetLabel: facetLabel(part.facet),
      labels: part.values.map((value) => facetValueLabel(part.facet, value)),
    })),
    literalHref: searchHref(changeQuery(asked, { literal: true })),
    literalApiHref: searchApiHref(changeQuery(asked, { literal: true })),
  };
}

export function withoutFacetHelp(query: SearchQuery, facet: FacetName, count: number): NoResultsHelp['withoutFilter'][number] {
  return {
    facet,
    facetLabel: facetLabel(facet),
    labels: query.filters[facet].map((value) => facetValueLabel(facet, value)),
    count,
    href: searchHref(withFacetValues(query, facet, [])),
  };
}
