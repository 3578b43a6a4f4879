/**
 * A solved row → the values, units, status and note of a `TableRow`. The note is written for a
 * reader checking the number against the file: what was printed, and which rule gave what.
 */
import type { RowStatus } from '@/lib/report/schema';
import type { RowReadings } from './glued';
import { ruleName } from './identities';
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
  if (source.matchedByOrder) parts.push(`${source.matchedByOrder}; matched to this row by the order of the template's rows`);
  if (chosen) parts.push(choiceNote(solved, source));
  for (const [rule, cols] of filled) parts.push(`${cols.join(', ')} inferred by ${ruleName(rule)}`);
  if (solved.openColumns.length > 0) {
    parts.push(`${solved.openColumns.map((c) => columns[c]).join(', ')} could not be determined`);
  }
  const inferred = parts.length > 0;
  if (blanks.length > 0 && !source.readings.placed) parts.push(`blank in the source: ${blanks.join(', ')}`);
  return { values, units, status: inferred ? 'inferred' : 'read', note: parts.length > 0 ? parts.join('; ') : null };
}

function printedPart(source: RowSource): string {
  return source.printed ? `printed '${source.printed}': ` : '';
}

function choiceNote(solved: SolvedRow, source: RowSource): string {
  const { readings } = source;
  const how = readings.placed
    ? `'${source.printed}' is fewer cells than columns`
    : `cells run together in '${source.printed}'`;
  if (solved.chosenBy.length === 0) return `${how}; the only way to read them`;
  const count = solved.readingCount;
  return `${how}; of ${count} possible readings, only those giving these values satisfy ${solved.chosenBy.map(ruleName).join(' and ')}`;
}
