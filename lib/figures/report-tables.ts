/**
 * The two ways figures reach lib/figures, turned into one shape (ReportTables): a report's
 * rows as parsed (the report page, the reports index) or as row documents (a comparison), plus
 * the report's identity checks.
 */
import type { Check, Layout, ParsedReport, RowStatus, TableId } from '@/lib/report/schema';
import type { ReportTables, SourceRow } from './evaluate';
import { statisticsKey } from './statistics-rows';

/** The fields figures read of a table row: a TableRow, or a row document (lib/index/document.ts, kind 'row'). */
export interface RowFields {
  anchor: string;
  /** Label path: `path` of a TableRow, `headingPath` of a row document (the 统计表 is read by label). */
  path?: readonly string[];
  headingPath?: readonly string[];
  table?: TableId;
  status?: RowStatus;
  values?: Record<string, number>;
  units?: Record<string, string>;
}

export function failedTablesOf(checks: readonly Pick<Check, 'table' | 'ok'>[]): Set<TableId> {
  return new Set(checks.filter((check) => !check.ok).map((check) => check.table));
}

/** A row without table and status is not a table row and is skipped. */
export function reportTables(layout: Layout, rows: readonly RowFields[], failedTables: ReadonlySet<TableId>): ReportTables {
  const byAnchor = new Map<string, SourceRow>();
  for (const row of rows) {
    if (!row.table || !row.status) continue;
    const source = { anchor: row.anchor, table: row.table, values: row.values ?? {}, units: row.units ?? {}, status: row.status };
    byAnchor.set(row.anchor, source);
    const key = row.table === '统计表' ? statisticsKey(row.path ?? row.headingPath ?? []) : null;
    // The first row of a label wins: a table printed twice maps its first copy.
    if (key && !byAnchor.has(key)) byAnchor.set(key, source);
  }
  return { layout, rows: byAnchor, failedTables };
}

export function tablesOfReport(parsed: ParsedReport): ReportTables {
  return reportTables(parsed.report.layout, parsed.rows, failedTablesOf(parsed.checks));
}
