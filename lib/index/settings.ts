/**
 * Index settings as code: applied by the indexer to every fresh index, and compared by a test
 * with the facet list so that a facet cannot be added without being filterable.
 */
import type { Settings } from 'meilisearch';
import { FACET_NAMES } from './facets';
import { engineSynonyms } from './synonyms';

/** Filterable beyond the reader-facing facets: what report pages and exports select by. */
const INTERNAL_FILTERS = ['reportId', 'layout', 'table', 'status', 'anchor', 'copy'] as const;

export const SORTABLE_ATTRIBUTES = ['year', 'order'] as const;

export const DOCUMENT_SETTINGS = {
  // Ranking order of attributes: what a heading or a row label says beats the body, the body
  // beats the issuer (so a place name finds its reports), and the hidden jieba terms (which only
  // restore recall for words hidden inside longer dictionary words) come last so they never
  // outrank the visible text. The title is not searchable: every title says
  // 政府信息公开工作年度报告, so it would make those words match every document of every report.
  searchableAttributes: ['heading', 'headingPath', 'text', 'issuer', 'terms'],
  displayedAttributes: ['*'],
  filterableAttributes: [...FACET_NAMES, ...INTERNAL_FILTERS],
  sortableAttributes: [...SORTABLE_ATTRIBUTES],
  // `sort` first: when a reader asks for year order, the year decides and relevance breaks ties;
  // without a sort parameter the rule is inert and the relevance rules decide. `content` right
  // after `words`: a table row whose figures could not be read says nothing but its label, and
  // came first for 行政复议 (its label is the query). Ties then go to the newest year (readers
  // want the current figures), and within a report to its reading order.
  rankingRules: ['sort', 'words', 'content:desc', 'typo', 'proximity', 'attribute', 'exactness', 'year:desc', 'order:asc'],
  // No distinct attribute: the same passage published by two issuers in one year is flagged as
  // a copy at indexing time and filtered out (lib/index/copies.ts), which is cheaper.
  distinctAttribute: null,
  // Without this, one kana character made a Chinese document tokenised as Japanese.
  localizedAttributes: [{ attributePatterns: ['*'], locales: ['cmn'] }],
  // The national corpus: ~170,000 reports a year, tens of documents each.
  pagination: { maxTotalHits: 100_000 },
  faceting: { maxValuesPerFacet: 10_000, sortFacetValuesBy: { '*': 'count', year: 'alpha' } },
  // Chinese words are short and a one-character change is another word (公开/公示), so typos
  // are only tolerated on long Latin-script words; never on numbers (a figure must match exactly).
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 6, twoTypos: 10 },
    disableOnNumbers: true,
    disableOnAttributes: ['terms'],
  },
  // The domain's synonyms, kept as data: lib/index/synonyms.json.
  synonyms: engineSynonyms(),
} satisfies Settings;

/** The per-report index (metadata + the whole parsed report, for report pages). */
export const REPORT_SETTINGS = {
  searchableAttributes: ['title', 'issuer'],
  // rowAnchors: counting the reports that have a measure's rows (lib/figures/compare-data.ts);
  // hasIssues: the data-quality list (lib/figures/quality.ts).
  filterableAttributes: ['id', 'rowAnchors', 'hasIssues', ...FACET_NAMES.filter((name) => name !== 'category' && name !== 'kind')],
  sortableAttributes: ['year'],
  localizedAttributes: [{ attributePatterns: ['*'], locales: ['cmn'] }],
  pagination: { maxTotalHits: 100_000 },
  faceting: { maxValuesPerFacet: 10_000 },
} satisfies Settings;
