/**
 * Table 四 (行政复议、行政诉讼): one row of fifteen numbers, the first printed row with a number
 * after the table's heading; the three group totals are its identities.
 */
import type { TableRow } from '@/lib/report/schema';
import { printedCells, type SourceRow, sourceRows } from './cells';
import type { DocLine, RegionEnd } from './doc';
import { rowReadings } from './glued';
import { type Identity, toEquation } from './identities';
import { rowOutcome } from './rowresult';
import { fromReadings, type SolvedRow, solve } from './solve';
import { T4_COLUMNS, T4_GROUPS, T4_OUTCOMES, T4_ROW, TABLE_CATEGORY } from './templates';

export interface Table4Result {
  row: TableRow;
  identities: Identity[];
  solved: SolvedRow;
  /** Where the printed row of numbers ends, to end the table's span there. */
  end: RegionEnd | null;
}

const hasNumber = (row: SourceRow) => row.pieces.some((p) => /\d/.test(p.text));

/** `lines` null: the report has no table 四 that could be found; the row is then unreadable. */
export function parseTable4(lines: DocLine[] | null): Table4Result {
  const source = sourceRows(lines ?? [], []).find(hasNumber);
  const width = T4_OUTCOMES.length;
  const identities: Identity[] = T4_GROUPS.map((group, g) => ({
    table: '四',
    rule: 't4.group-total',
    column: `${group}/总计`,
    scope: `${group}/总计`,
    anchor: T4_ROW.anchor,
    parts: T4_OUTCOMES.slice(0, -1).map((_, k) => ({ row: 0, col: g * width + k })),
    totals: [{ row: 0, col: g * width + width - 1 }],
  }));
  const readings = source
    ? rowReadings(source.pieces, T4_COLUMNS.length)
    : {
        readings: [],
        split: false,
        placed: false,
        reason: lines ? '表头之后没有一行数字' : '报告中未找到表四',
      };
  const [solved] = solve([fromReadings(readings)], identities.map(toEquation), T4_COLUMNS.length) as [SolvedRow];
  const outcome = rowOutcome(solved, { printed: printedCells(source), readings }, T4_COLUMNS);
  const row: TableRow = {
    table: '四',
    path: T4_ROW.path,
    label: T4_ROW.path[0] as string,
    ...outcome,
    raw: source?.raw ?? '',
    anchor: T4_ROW.anchor,
    category: TABLE_CATEGORY.四,
  };
  return { row, identities, solved, end: source ? { line: source.endLine, offset: source.endOffset } : null };
}
