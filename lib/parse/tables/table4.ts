/**
 * Table 四 (行政复议、行政诉讼): fifteen numbers in three groups of five, the three group totals
 * its identities. Printed as one row of fifteen after the headers, or as one small table per
 * group (`行政复议` above five columns, then `行政诉讼 · 未经复议直接起诉` …), each group's row
 * under its name, or in the template's order where the names are not printed.
 */
import type { TableRow } from '@/lib/report/schema';
import { printedCells, type SourceRow, sourceRows } from './cells';
import type { DocLine, RegionEnd } from './doc';
import { rowReadings, type Reading, type RowReadings } from './glued';
import { type Identity, toEquation } from './identities';
import { fold } from './numbers';
import { rowOutcome } from './rowresult';
import { fromReadings, type SolvedRow, solve } from './solve';
import { T4_COLUMNS, T4_GROUPS, T4_OUTCOMES, T4_ROW, TABLE_CATEGORY } from './templates';

export interface Table4Result {
  row: TableRow;
  identities: Identity[];
  solved: SolvedRow;
  /** Where the printed numbers end, to end the table's span there. */
  end: RegionEnd | null;
}

const WIDTH = T4_OUTCOMES.length;
/** Beyond this many combined readings the groups are not multiplied out. */
const MAX_COMBINED = 20000;

const hasNumber = (row: SourceRow) => row.pieces.some((p) => /\d/.test(fold(p.text)));

/** The group a row's label names last (`行政诉讼` alone starts the lawsuits), or null. */
function namedGroup(row: SourceRow): number | null {
  const label = `${row.pending}${row.own}`.replace(/\s+/g, '');
  const named = [
    { group: 0, at: label.lastIndexOf('行政复议') },
    { group: 1, at: Math.max(label.lastIndexOf('未经复议直接起诉'), label.lastIndexOf('直接起诉'), label.lastIndexOf('行政诉讼')) },
    { group: 2, at: label.lastIndexOf('复议后起诉') },
  ].filter(({ at }) => at >= 0);
  // 复议后起诉 contains 复议 and 起诉: the group named last wins, and it is the longest match there.
  named.sort((a, b) => b.at - a.at || b.group - a.group);
  return named[0]?.group ?? null;
}

interface GroupRow {
  source: SourceRow;
  first: number;
  groups: number;
  readings: RowReadings;
}

/**
 * Rows of five (or ten) numbers, each placed at the group its label names or the next group
 * not yet filled; null when the table is not printed that way.
 */
function groupRows(rows: SourceRow[]): GroupRow[] | null {
  // A row of a group: at most two groups' cells, each cell printed apart or under a group's name
  // (a glued run of digits is read as the whole table's row).
  const byGroup = (row: SourceRow) => row.pieces.length <= 2 * WIDTH && (namedGroup(row) !== null || row.pieces.every((p) => p.explicit));
  if (rows.length < 2 || !rows.slice(0, 2).every(byGroup)) return null;
  const placed: GroupRow[] = [];
  let next = 0;
  for (const source of rows) {
    if (next >= T4_GROUPS.length || !byGroup(source)) break;
    const cells = source.pieces.length;
    const first = namedGroup(source) ?? next;
    if (first < next) break;
    const groups = Math.min(T4_GROUPS.length - first, Math.max(1, Math.ceil(cells / WIDTH)));
    placed.push({ source, first, groups, readings: rowReadings(source.pieces, groups * WIDTH) });
    next = first + groups;
  }
  return placed.length > 1 ? placed : null;
}

/** The fifteen-column readings of rows printed by group: each group's readings side by side. */
function combined(rows: GroupRow[]): RowReadings {
  let readings: Reading[] = [Array.from({ length: T4_COLUMNS.length }, () => null)];
  for (const row of rows) {
    if (row.readings.readings.length === 0) return { ...row.readings, readings: [] };
    const next: Reading[] = [];
    for (const base of readings) {
      for (const part of row.readings.readings) {
        const reading = [...base];
        part.forEach((cell, i) => {
          reading[row.first * WIDTH + i] = cell;
        });
        next.push(reading);
      }
    }
    if (next.length > MAX_COMBINED) return { readings: [], split: true, placed: false, reason: `拆法超过 ${MAX_COMBINED} 种，不再逐一判断` };
    readings = next;
  }
  return {
    readings,
    split: rows.some((row) => row.readings.split),
    placed: rows.some((row) => row.readings.placed),
    ...(rows.some((row) => row.readings.extraBlanks) ? { extraBlanks: 1 } : {}),
    reason: null,
  };
}

/** `lines` null: the report has no table 四 that could be found; the row is then unreadable. */
export function parseTable4(lines: DocLine[] | null): Table4Result {
  const numbered = sourceRows(lines ?? [], []).filter(hasNumber);
  const identities: Identity[] = T4_GROUPS.map((group, g) => ({
    table: '四',
    rule: 't4.group-total',
    column: `${group}/总计`,
    scope: `${group}/总计`,
    anchor: T4_ROW.anchor,
    parts: T4_OUTCOMES.slice(0, -1).map((_, k) => ({ row: 0, col: g * WIDTH + k })),
    totals: [{ row: 0, col: g * WIDTH + WIDTH - 1 }],
  }));
  const byGroup = groupRows(numbered.slice(0, T4_GROUPS.length));
  const used = byGroup ? byGroup.map((row) => row.source) : numbered.slice(0, 1);
  const readings: RowReadings = byGroup
    ? combined(byGroup)
    : numbered[0]
      ? rowReadings(numbered[0].pieces, T4_COLUMNS.length)
      : { readings: [], split: false, placed: false, reason: lines ? '表头之后没有一行数字' : '报告中未找到表四' };
  const [solved] = solve([fromReadings(readings)], identities.map(toEquation), T4_COLUMNS.length) as [SolvedRow];
  const printed = used.map((row) => printedCells(row)).join(' ｜ ');
  const outcome = rowOutcome(solved, { printed, readings }, T4_COLUMNS);
  const row: TableRow = {
    table: '四',
    path: T4_ROW.path,
    label: T4_ROW.path[0] as string,
    ...outcome,
    raw: used.map((source) => source.raw).join('\n'),
    anchor: T4_ROW.anchor,
    category: TABLE_CATEGORY.四,
  };
  const last = used.at(-1);
  return { row, identities, solved, end: last ? { line: last.endLine, offset: last.endOffset } : null };
}
