/**
 * One Meilisearch document: a section of a report, or one row of its statistical tables.
 * Built by the indexer (lib/search/indexing), read back by the query side (lib/search/query).
 */
import type { Category, Layout, Level, RowStatus, TableId } from '@/lib/report/schema';
import type { DocumentKind } from './facets';

export interface SearchDocument {
  /** Stable: the same report re-indexed gives the same ids (`<reportId>__<anchor>`, [A-Za-z0-9_-] only). */
  id: string;
  kind: DocumentKind;
  reportId: string;
  title: string;
  year: number;
  province: string;
  /** Empty facet values are null (Meilisearch skips nulls in facets). */
  city: string | null;
  district: string | null;
  issuer: string;
  level: Level;
  layout: Layout;
  category: Category;
  /** Heading path of the section, or the label path of the row. */
  headingPath: string[];
  /** Last element of the path: the heading or the row label. */
  heading: string;
  anchor: string;
  /** Position in the report, for reading order. */
  order: number;
  /** Text as printed (sections) or `label path + column: value` (rows); displayed and highlighted. */
  text: string;
  /** Hidden searchable field: unique jieba search-mode terms of heading + text, space-separated. */
  terms: string;
  /** Collapses the same passage published twice in one year (cross-issuer duplicates). */
  dedupKey: string;
  /** Rows only. */
  table?: TableId;
  status?: RowStatus;
  values?: Record<string, number>;
  units?: Record<string, string>;
}
