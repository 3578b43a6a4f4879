/**
 * Printed rows → the template rows their labels can name. A row's own label decides when it
 * names something; otherwise the label-only text printed just before it does (a label broken
 * over lines, or printed on its own line above the cells).
 */
import type { SourceRow } from './cells';
import { labelCandidates } from './labels';
import type { TemplateRow } from './templates';

/** Template rows (among `valued`) the printed row can be; null when its labels name none. */
export function rowCandidates(row: SourceRow, all: TemplateRow[], valued: TemplateRow[]): TemplateRow[] | null {
  for (const text of [row.own, row.pending]) {
    if (!text.trim()) continue;
    const named = labelCandidates(text, all).filter((r) => valued.includes(r));
    if (named.length > 0) return named;
  }
  return null;
}

/**
 * Rows worth aligning. Where the format states cells (table or pipe rows), cells in loose text
 * between them without a label of their own are a converter's leftovers (the 2024 科委 Markdown
 * prints a stray '1' between rows), not a row.
 */
export function alignableRows(rows: SourceRow[]): { kept: SourceRow[]; stray: SourceRow[] } {
  const structured = rows.some((r) => r.structured);
  const kept: SourceRow[] = [];
  const stray: SourceRow[] = [];
  for (const r of rows) (structured && !r.structured && !r.own.trim() ? stray : kept).push(r);
  return { kept, stray };
}
