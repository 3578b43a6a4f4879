/**
 * What the engine stores, written by the indexer (lib/index) and read by the query side
 * (lib/search/query): one search document per section or table row, one report document per
 * report, and the ids that address them.
 */
import {
  ParsedReport,
  UNMARKED,
  type Category,
  type Layout,
  type Level,
  type MetaField,
  type ReportMeta,
  type RowStatus,
  type TableId,
} from '@/lib/report/schema';
import type { DocumentKind } from './facets';

export interface SearchDocument {
  /** Stable: the same report re-indexed gives the same ids (`<reportId>__<anchor>`, [A-Za-z0-9_-] only). */
  id: string;
  kind: DocumentKind;
  reportId: string;
  title: string;
  /** Null when the report does not state it (such documents are in no year's facet). */
  year: number | null;
  /** `未标明` (UNMARKED) when the report does not state it. */
  province: string;
  /** Empty facet values are null (Meilisearch skips nulls in facets). */
  city: string | null;
  district: string | null;
  issuer: string;
  level: Level | null;
  layout: Layout;
  category: Category;
  /** Heading path of the section, or the label path of the row. */
  headingPath: string[];
  /** Last element of the path: the heading or the row label. */
  heading: string;
  anchor: string;
  /** Position in the report, for reading order. */
  order: number;
  /**
   * 1 when the document carries something to read (a passage, a row with at least one figure
   * read), 0 for a row whose figures could not be read: a ranking rule puts those below the rest.
   */
  content: 0 | 1;
  /**
   * Text as printed (sections) or `label path：column value，…` (rows); displayed and highlighted.
   * A section longer than the engine can index whole is stored as consecutive parts (see `part`).
   */
  text: string;
  /** 1-based part number of a section stored in several documents; absent when it is whole. */
  part?: number;
  /** Hidden searchable field: unique jieba search-mode terms of the path + text, space-separated. */
  terms: string;
  /** The same passage published twice in one year (cross-issuer duplicates) has the same key; only on copies. */
  dedupKey?: string;
  /** Another report's document with the same `dedupKey` is the one searched (lib/index/copies.ts). */
  copy?: boolean;
  /** Rows only. */
  table?: TableId;
  status?: RowStatus;
  values?: Record<string, number>;
  units?: Record<string, string>;
}

/**
 * One document per report in the reports index: the metadata as top-level fields (filterable)
 * and the whole parsed report, for the report pages. `reportFromDocument` turns it back into
 * the ParsedReport contract.
 */
export interface ReportDocument extends Omit<ReportMeta, 'id' | keyof FacetPlace>, FacetPlace {
  /** Engine id (see `reportDocumentId`). */
  id: string;
  /** The report's own id (ReportMeta.id). */
  reportId: string;
  sections: ParsedReport['sections'];
  rows: ParsedReport['rows'];
  checks: ParsedReport['checks'];
  warnings: ParsedReport['warnings'];
  duplicates: ParsedReport['duplicates'];
  /** Anchors of the report's table rows (filterable): which reports have a measure's rows. */
  rowAnchors: string[];
  /** A failed identity check or a text/table contradiction (filterable, for /checks). */
  hasIssues: boolean;
}

/** The place and issuer as facet values: what the report does not state is 未标明 (UNMARKED), so that it can be found. */
export type FacetPlace = { province: string; city: string | null; district: string | null; issuer: string };

export function facetPlace(report: Pick<ReportMeta, 'province' | 'city' | 'district' | 'issuer' | 'missing'>): FacetPlace {
  const unmarked = (field: MetaField) => (report.missing.includes(field) ? UNMARKED : null);
  return {
    province: report.province ?? UNMARKED,
    city: report.city ?? unmarked('city'),
    district: report.district ?? unmarked('district'),
    issuer: report.issuer ?? UNMARKED,
  };
}

/** The report's own metadata back from its facet values. */
function statedPlace(document: Pick<ReportDocument, 'province' | 'city' | 'district' | 'issuer' | 'missing'>) {
  const stated = (field: MetaField, value: string | null) => (value === UNMARKED && document.missing.includes(field) ? null : value);
  return {
    province: stated('province', document.province),
    city: stated('city', document.city),
    district: stated('district', document.district),
    issuer: stated('issuer', document.issuer),
  };
}

/** Meilisearch ids allow only [A-Za-z0-9_-]; report ids may also hold dots. */
function engineId(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_');
}

export function reportDocumentId(reportId: string): string {
  return engineId(reportId);
}

/** `part` is given only for a section stored in several documents. */
export function searchDocumentId(reportId: string, anchor: string, part?: number): string {
  return engineId(`${reportId}__${anchor}${part === undefined ? '' : `__${part}`}`);
}

export function reportFromDocument(document: ReportDocument): ParsedReport {
  const { id: _engineId, reportId, sections, rows, checks, warnings, duplicates, rowAnchors: _rowAnchors, hasIssues: _hasIssues, ...meta } = document;
  return ParsedReport.parse({ report: { ...meta, ...statedPlace(document), id: reportId }, sections, rows, checks, warnings, duplicates });
}
