/**
 * ParsedReport → engine documents: one search document per section part and per table row,
 * one report document for the report page. Displayed text is kept exactly as printed; search
 * help (jieba terms) goes into the hidden `terms` field only.
 */
import { createHash } from 'node:crypto';
import { hasIssues, qualityOf } from '@/lib/report/quality';
import type { ParsedReport, ReportMeta, Section, TableRow } from '@/lib/report/schema';
import { searchTerms, TERM_SEPARATOR } from '@/lib/segment';
import { facetPlace, reportDocumentId, searchDocumentId, type ReportDocument, type SearchDocument } from './document';
import { splitText } from './split-text';

/**
 * Meilisearch indexes at most 65,535 word positions per attribute and silently drops the rest.
 * A character adds at most 9 positions (a one-character word, then a hard separator counted as
 * 8), so 7,000 characters of text can never reach the limit. Their hidden terms stay below it
 * too: the densest 7,000 characters we could build (distinct dictionary words) took 46,457.
 */
export const MAX_TEXT_CHARS = 7_000;
const MAX_POSITIONS = 65_535;

/** Upper bound of the positions a terms field takes: a word per character, 8 per separator. */
export function termPositions(terms: string): number {
  return terms.length + 7 * terms.split(TERM_SEPARATOR).length;
}

/** The terms of a passage; an error rather than a field the engine would silently cut short. */
function indexableTerms(path: readonly string[], text: string): string {
  const terms = searchTerms([...new Set(path), text].join('\n'));
  if (termPositions(terms) > MAX_POSITIONS) {
    throw new Error(`the passage under ${path.join(' / ')} has too many distinct words to index whole`);
  }
  return terms;
}

type ReportFields = Pick<SearchDocument, 'reportId' | 'title' | 'year' | 'province' | 'city' | 'district' | 'issuer' | 'level' | 'layout'>;

function reportFields(report: ReportMeta): ReportFields {
  const { id, title, year, level, layout } = report;
  return { reportId: id, title, year, ...facetPlace(report), level, layout };
}

/**
 * Passages are collapsed only between reports the parser found to be copies of each other
 * (the same report published by two issuers), and only within one year: identical short text
 * in unrelated reports (an all-zero table row, "无。") stays separate hits, and boilerplate
 * repeated in other years is never collapsed. A report without copies gives its documents no
 * key at all: the engine's distinct then has nothing to do for them, where a key on every
 * document made it walk every candidate (measured on 10,000 reports: a browse count took
 * 1.0 s with a key per document, under 0.1 s with keys on the copies only).
 */
function duplicateGroup(parsed: ParsedReport): string | null {
  if (parsed.duplicates.length === 0) return null;
  return [parsed.report.id, ...parsed.duplicates.map((duplicate) => duplicate.id)].sort()[0]!;
}

function dedupField(year: number | null, group: string | null, text: string): Pick<SearchDocument, 'dedupKey'> {
  if (group === null) return {};
  const hash = createHash('sha256').update(`${year}\u0000${group}\u0000${text.replace(/\s+/g, '')}`);
  return { dedupKey: hash.digest('base64url').slice(0, 22) };
}

function headingPathOf(section: Section): string[] {
  return section.headingPath.length > 0 ? section.headingPath : section.heading ? [section.heading] : [];
}

/** `三、本年度办理结果 / （一）予以公开：自然人 97，商业企业 3，…，总计 100`, units kept (`588项`). */
export function rowText(row: TableRow): string {
  const label = row.path.join(' / ');
  const cells = Object.entries(row.values).map(([column, value]) => `${column} ${value}${row.units[column] ?? ''}`);
  return cells.length > 0 ? `${label}：${cells.join('，')}` : label;
}

function sectionDocuments(parsed: ParsedReport, fields: ReportFields, group: string | null, firstOrder: number): SearchDocument[] {
  const documents: SearchDocument[] = [];
  let order = firstOrder;
  for (const section of parsed.sections) {
    // A heading whose text is all in its sub-sections is not a passage; the report page shows it.
    if (section.text.trim() === '') continue;
    const headingPath = headingPathOf(section);
    const parts = splitText(section.text, MAX_TEXT_CHARS);
    parts.forEach((text, index) => {
      const part = parts.length > 1 ? index + 1 : undefined;
      documents.push({
        id: searchDocumentId(fields.reportId, section.anchor, part),
        kind: 'section',
        ...fields,
        category: section.category,
        headingPath,
        heading: section.heading,
        anchor: section.anchor,
        order: order++,
        content: 1,
        text,
        ...(part === undefined ? {} : { part }),
        terms: indexableTerms(headingPath, text),
        ...dedupField(fields.year, group, text),
      });
    });
  }
  return documents;
}

function rowDocuments(parsed: ParsedReport, fields: ReportFields, group: string | null, firstOrder: number): SearchDocument[] {
  return parsed.rows.map((row, index) => {
    const text = rowText(row);
    return {
      id: searchDocumentId(fields.reportId, row.anchor),
      kind: 'row',
      ...fields,
      category: row.category,
      headingPath: row.path,
      heading: row.label,
      anchor: row.anchor,
      order: firstOrder + index,
      content: Object.keys(row.values).length > 0 ? 1 : 0,
      text,
      terms: indexableTerms(row.path, text),
      ...dedupField(fields.year, group, text),
      table: row.table,
      status: row.status,
      values: row.values,
      units: row.units,
    };
  });
}

/** Sections in reading order, then the table rows (the tables close parts 二–四). */
export function buildSearchDocuments(parsed: ParsedReport): SearchDocument[] {
  const fields = reportFields(parsed.report);
  const group = duplicateGroup(parsed);
  const sections = sectionDocuments(parsed, fields, group, 0);
  const documents = [...sections, ...rowDocuments(parsed, fields, group, sections.length)];
  assertUniqueIds(parsed.report.id, documents);
  return documents;
}

function assertUniqueIds(reportId: string, documents: readonly SearchDocument[]): void {
  const seen = new Set<string>();
  for (const { id } of documents) {
    if (seen.has(id)) throw new Error(`report ${reportId}: two passages share the document id ${id} (duplicate anchor)`);
    seen.add(id);
  }
}

export function buildReportDocument(parsed: ParsedReport): ReportDocument {
  const { id, ...meta } = parsed.report;
  return {
    ...meta,
    ...facetPlace(parsed.report),
    id: reportDocumentId(id),
    reportId: id,
    sections: parsed.sections,
    rows: parsed.rows,
    checks: parsed.checks,
    warnings: parsed.warnings,
    duplicates: parsed.duplicates,
    rowAnchors: [...new Set(parsed.rows.map((row) => row.anchor))],
    hasIssues: hasIssues(qualityOf(parsed)),
  };
}
