/**
 * The statistical tables of a report: tables 二, 三 and 四 of the 2019 and 2021 formats, or the
 * pre-2019 统计表, as rows with a status (read / inferred / unreadable), the identity checks,
 * and where the tables are so the section text can leave them out.
 *
 * A 2019+ report always gets every template row of tables 二, 三 and 四: a table that cannot be
 * found gives unreadable rows and a `table-not-found` warning, never silence.
 */
import type { Block } from '@/lib/ingest/types';
import type { Check, Layout, TableRow, Warning } from '@/lib/report/schema';
import { checkIdentities } from './checks';
import { Doc, type DocLine, type RegionEnd } from './doc';
import { locateStatistics, locateTables } from './locate';
import { spansOf, type TableSpan } from './spans';
import { parseStatistics } from './stats-pre2019';
import { parseTable2 } from './table2';
import { parseTable3 } from './table3';
import { parseTable4 } from './table4';

export type { TableSpan } from './spans';

export interface TableParseResult {
  rows: TableRow[];
  checks: Check[];
  warnings: Warning[];
  spans: TableSpan[];
}

export function parseTables(blocks: Block[], layout: Layout): TableParseResult {
  const doc = new Doc(blocks);
  if (layout === 'pre-2019') {
    const region = locateStatistics(doc);
    if (!region) return { rows: [], checks: [], warnings: [], spans: [] };
    const { rows, end } = parseStatistics(region.lines);
    return { rows, checks: [], warnings: [], spans: spansOf(upTo(region.lines, end)) };
  }

  const { t2, t3, t4 } = locateTables(doc);
  const warnings: Warning[] = [t2, t3, t4].flatMap((region, i) =>
    region ? [] : [{ code: 'table-not-found', message: `未找到表${['二', '三', '四'][i]}`, anchor: null }],
  );

  const table2 = parseTable2(t2?.lines ?? null, layout);
  const table3 = parseTable3(t3?.lines ?? null, layout);
  const table4 = parseTable4(t4?.lines ?? null);
  const checks3 = t3 ? checkIdentities(table3.identities, (row, col) => table3.solved[row]?.cells[col]) : null;
  const checks4 = t4 ? checkIdentities(table4.identities, (_, col) => table4.solved.cells[col]) : null;

  return {
    rows: [...table2.rows, ...table3.rows, table4.row],
    checks: [...(checks3?.checks ?? []), ...(checks4?.checks ?? [])],
    warnings: [...warnings, ...table2.warnings, ...table3.warnings, ...(checks3?.warnings ?? []), ...(checks4?.warnings ?? [])],
    spans: [...spansOf(t2?.lines ?? []), ...spansOf(t3?.lines ?? []), ...spansOf(upTo(t4?.lines ?? [], table4.end))],
  };
}

/** A table that ends before its region does (table 四, the 统计表): its lines up to `end`. */
function upTo(lines: DocLine[], end: RegionEnd | null): DocLine[] {
  if (!end) return [];
  return lines.slice(0, end.line + 1).map((line, i) => {
    if (i !== end.line || line.from === null) return line;
    return { ...line, to: line.from + end.offset, text: line.text.slice(0, end.offset) };
  });
}
