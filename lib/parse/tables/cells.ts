/**
 * One table region → the rows as printed: the label text and the cells that follow it, whatever
 * the shape (HTML/Word/Markdown rows, one cell per line, spaced PDF rows, or everything glued on
 * one line). Nothing is decided here about which template row a row is or what its numbers are.
 */
import type { DocLine } from './doc';
import { findLabels } from './labels';
import { fold, isValueCell, parseCell, UNIT_PATTERN, VALUE_TOKEN } from './numbers';
import type { TemplateRow } from './templates';

/**
 * A run of cell text. `explicit` pieces are exactly one cell (the format says so: a table cell,
 * a line of its own); other pieces are whitespace-separated tokens of running text, where cells
 * may have run together ('7000007') and must be split (see glued.ts).
 */
export interface Piece {
  text: string;
  explicit: boolean;
}

export interface SourceRow {
  /** Label printed with the cells (same table row, or same line before them). */
  own: string;
  /** Label-only text printed since the previous row (labels broken over lines, vertical headers). */
  pending: string;
  pieces: Piece[];
  /** The row as found in the file, for audit. */
  raw: string;
  /** From a table row (table block or Markdown pipe row). */
  structured: boolean;
  /** Index in the region's lines of the line where the row ends, and the offset there. */
  endLine: number;
  endOffset: number;
}

/** The row's cells as printed, one space between them, for notes. */
export function printedCells(row: SourceRow | undefined): string {
  return row ? row.pieces.map((p) => p.text.trim()).join(' ') : '';
}

const TRAILING_NUMBER = new RegExp(`[+-]?\\d+(?:\\.\\d+)?(?:${UNIT_PATTERN})?$`);
const TRAILING_BLANK = /(?:^|\s)[-—–/]$/;

/** Start of the cells at the end of a segment: numbers and empty-cell marks, up to the label. */
function valueSuffixStart(folded: string): number {
  let end = folded.length;
  let start = end;
  for (;;) {
    while (end > 0 && /\s/.test(folded[end - 1] as string)) end--;
    const head = folded.slice(0, end);
    const m = TRAILING_NUMBER.exec(head) ?? TRAILING_BLANK.exec(head);
    if (!m) return start;
    end = m.index + (m[0].length - m[0].trimStart().length);
    start = end;
  }
}

function tokens(foldedCells: string, original: string, from: number): Piece[] {
  const pieces: Piece[] = [];
  const tokenPattern = new RegExp(`${VALUE_TOKEN.source}|(?<=^|\\s)[-—–/](?=\\s|$)`, 'g');
  for (const m of foldedCells.matchAll(tokenPattern)) {
    pieces.push({ text: original.slice(from + m.index, from + m.index + m[0].length), explicit: false });
  }
  return pieces;
}

interface Segment {
  /** Offset of the segment in its line. */
  from: number;
  text: string;
  label: string;
  pieces: Piece[];
}

/**
 * Where a number is followed by words (an optional '5.' numbering, then a CJK character that is
 * not a unit): the start of a label the templates do not know, e.g. a garbled one, so that its
 * cells are not taken for the cells of the label before it.
 */
const UNKNOWN_LABEL_START = new RegExp(`(?<=\\d)(?=\\s*(?:\\d[.、])?(?!${UNIT_PATTERN})[\\u4e00-\\u9fff(])`, 'g');

/**
 * A line cut where each label starts (cells and labels may run on one line), each part split
 * into the label and the cells printed after it.
 */
function segments(line: string, entries: TemplateRow[]): Segment[] {
  const known = findLabels(line, entries).map((h) => h.start);
  const unknown = [...fold(line).matchAll(UNKNOWN_LABEL_START)].map((m) => m.index);
  const starts = [...new Set([...known, ...unknown])].filter((s) => s > 0).sort((a, b) => a - b);
  const cuts = [0, ...starts, line.length];
  return cuts.slice(0, -1).map((from, k) => {
    const text = line.slice(from, cuts[k + 1]);
    const folded = fold(text);
    const split = valueSuffixStart(folded);
    return { from, text, label: text.slice(0, split), pieces: tokens(folded.slice(split), text, split) };
  });
}

export function sourceRows(lines: DocLine[], entries: TemplateRow[]): SourceRow[] {
  /** Label text worth keeping in `raw`: it names a row (header fragments are left out). */
  const names = (text: string) => findLabels(text, entries).length > 0;
  const rows: SourceRow[] = [];
  let pending: string[] = [];
  let run: { text: string; line: number }[] = [];

  const emit = (row: Omit<SourceRow, 'pending'>) => {
    rows.push({ ...row, pending: pending.join('') });
    pending = [];
  };
  const flushRun = () => {
    if (run.length === 0) return;
    const last = run[run.length - 1] as { text: string; line: number };
    const label = names(pending[pending.length - 1] ?? '') ? (pending[pending.length - 1] as string) : '';
    emit({
      own: '',
      pieces: run.map((r) => ({ text: r.text.trim(), explicit: true })),
      raw: [label, ...run.map((r) => r.text)].filter((s) => s.length > 0).join('\n'),
      structured: false,
      endLine: last.line,
      endOffset: lines[last.line]?.text.length ?? 0,
    });
    run = [];
  };

  lines.forEach((line, index) => {
    if (line.cells) {
      flushRun();
      const cells = line.cells;
      let lastText = -1;
      cells.forEach((c, i) => {
        if (!isValueCell(c)) lastText = i;
      });
      const label = cells.slice(0, lastText + 1).join('');
      const values = cells.slice(lastText + 1);
      const informative = values.some((v) => parseCell(v).kind === 'number') || names(label);
      if (values.length === 0 || !informative) {
        if (label.trim()) pending.push(label);
        return;
      }
      emit({
        own: label,
        pieces: values.map((text) => ({ text, explicit: true })),
        raw: cells.join(' | '),
        structured: true,
        endLine: index,
        endOffset: line.text.length,
      });
      return;
    }
    const trimmed = line.text.trim();
    // One cell per line: a line holding only a tab (or an ideographic space) is an empty cell of
    // the row being read, or of the row whose label was just printed; an empty line ends the row.
    if (trimmed === '' && (run.length > 0 || pending.length > 0) && /[\t\u3000]/.test(line.text)) {
      run.push({ text: '', line: index });
      return;
    }
    if (trimmed === '') {
      flushRun();
      return;
    }
    if (!/\s/.test(trimmed) && isValueCell(trimmed)) {
      run.push({ text: line.text, line: index });
      return;
    }
    flushRun();
    for (const segment of segments(line.text, entries)) {
      if (segment.pieces.length === 0) {
        if (segment.text.trim()) pending.push(segment.text.trim());
        continue;
      }
      emit({
        own: segment.label.trim(),
        pieces: segment.pieces,
        raw: (names(segment.label) ? segment.text : segment.text.slice(segment.label.length)).trim(),
        structured: false,
        endLine: index,
        endOffset: segment.from + segment.text.trimEnd().length,
      });
    }
  });
  flushRun();
  return rows;
}
