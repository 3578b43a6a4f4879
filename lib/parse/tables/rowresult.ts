/**
 * A solved row → the values, units, status and note of a `TableRow`. The note is written, in
 * Chinese, for a reader checking the number against the file: what was printed, and which rule
 * gave what.
 */
import type { RowStatus } from '@/lib/report/schema';
import { placedNumbers, type RowReadings } from './glued';
import { quotedRules } from './identities';
import { CHOSEN, type SolvedRow } from './solve';

export interface RowOutcome {
  values: Record<string, number>;
  units: Record<string, string>;
  status: RowStatus;
  note: string | null;
}

export interface RowSource {
  /** The cells as printed, joined with spaces, for the note. */
  printed: string;
  readings: RowReadings;
  /** Units stated by the column headers, used when the cell states none. */
  headerUnits?: Record<string, string>;
  /** Set when the row's label did not name it alone and the template's row order did: why. */
  matchedByOrder?: string;
}

export function rowOutcome(solved: SolvedRow, source: RowSource, columns: readonly string[]): RowOutcome {
  const values: Record<string, number> = {};
  const units: Record<string, string> = {};
  const filled = new Map<string, string[]>();
  const blanks: string[] = [];
  let chosen = false;
  solved.cells.forEach((cell, col) => {
    const name = columns[col] as string;
    if (!cell) {
      if (!solved.openColumns.includes(col)) blanks.push(name);
      return;
    }
    values[name] = cell.value;
    const unit = cell.unit ?? source.headerUnits?.[name];
    if (unit) units[name] = unit;
    if (cell.inferredBy === CHOSEN) chosen = true;
    else if (cell.inferredBy) filled.set(cell.inferredBy, [...(filled.get(cell.inferredBy) ?? []), name]);
  });

  if (Object.keys(values).length === 0 && solved.unresolved) {
    return { values, units, status: 'unreadable', note: `${printedPart(source)}${solved.unresolved}` };
  }

  const parts: string[] = [];
  if (solved.assumed) parts.push(solved.assumed);
  if (source.matchedByOrder) parts.push(`${source.matchedByOrder}，按表中各行的固定顺序对应到这一行`);
  if (chosen) parts.push(choiceNote(solved, source, columns.length));
  // Column names go after a colon: a list ending in the column 其他 would otherwise misread.
  for (const [rule, cols] of filled) parts.push(`按${quotedRules([rule])}推算得出：${cols.join('、')}`);
  if (solved.openColumns.length > 0) parts.push(`无法确定：${solved.openColumns.map((c) => columns[c]).join('、')}`);
  const inferred = parts.length > 0;
  if (blanks.length > 0 && !source.readings.placed) parts.push(`原表空白：${blanks.join('、')}`);
  return { values, units, status: inferred ? 'inferred' : 'read', note: parts.length > 0 ? parts.join('；') : null };
}

function printedPart(source: RowSource): string {
  return source.printed ? `原表为“${source.printed}”：` : '';
}

function choiceNote(solved: SolvedRow, source: RowSource, columnCount: number): string {
  const { readings } = source;
  const how = readings.placed
    ? `原表只有 ${placedNumbers(readings)} 个数字（${source.printed}），少于 ${columnCount} 列`
    : readings.extraBlanks
      ? `原表比 ${columnCount} 列多出 ${readings.extraBlanks} 个空白单元格，无法确定数字从哪一列开始`
      : `原表数字连在一起（${source.printed}）`;
  if (solved.chosenBy.length === 0) return solved.assumed ? how : `${how}，只有这一种读法`;
  const count = solved.readingCount;
  return `${how}；在 ${count} 种可能的读法中，只有得出这组数值的读法满足${quotedRules(solved.chosenBy)}，据此确定`;
}
