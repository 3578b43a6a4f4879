/**
 * A PDF's text layer is a bag of positioned strings; this rebuilds the printed lines from
 * their positions. Pieces on one baseline are one line, in x order. A wide horizontal gap is
 * a cell boundary and becomes a tab, so a table row comes out as one line of tab-separated
 * cells. Page numbers are dropped. Lines that a paragraph or a heading wrapped are joined
 * again, so that a heading never starts in the middle of a line and no word is cut in two.
 *
 * Geometry is in PDF units (y grows upwards); sizes are relative to the font size (em), so
 * the rules hold at any scale.
 */
import { CJK_CHAR, isPageNumberLine, joinPieces } from './text-cleanup';

export interface PositionedText {
  text: string;
  /** Left end of the baseline. */
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PdfPage {
  items: PositionedText[];
  height: number;
}

interface Line {
  text: string;
  left: number;
  right: number;
  y: number;
  /** The size most of the line's characters are set in. */
  fontSize: number;
  page: number;
  /** Has a gap as wide as a column boundary: a table row, never wrapped prose. */
  isTableRow: boolean;
}

/** Two pieces are on one line when their baselines differ by less than this. */
const SAME_BASELINE_EM = 0.35;
/** A gap this wide between two pieces is a column boundary (cells are further apart). */
const CELL_GAP_EM = 0.8;
/** A gap this wide between two Latin pieces is a word space. */
const WORD_GAP_EM = 0.2;
/** Page numbers without decoration (`3`) count only in the top or bottom band of the page. */
const MARGIN_BAND = 0.08;
/** A line this close to the right edge of the text was wrapped, not ended. */
const WRAPPED_LINE_SLACK_EM = 1.5;
/** A line starting this close to the left edge of the text is not indented. */
const UNINDENTED_SLACK_EM = 0.5;
/** Wrapped lines of one paragraph or heading are at most this far apart (baseline to baseline). */
const MAX_LINE_PITCH_EM = 2.2;
/** Headings are set larger than body text: at least this factor. */
const HEADING_SIZE_FACTOR = 1.2;

/** Punctuation that ends a sentence, a clause before a list, or a list item. */
const ENDS_SENTENCE = /[。！？!?；;：:]$/;

export interface PdfText {
  lines: string[];
  droppedPageNumbers: string[];
}

export function pdfPagesToLines(pages: PdfPage[]): PdfText {
  const droppedPageNumbers: string[] = [];
  const lines: Line[] = [];
  pages.forEach((page, pageIndex) => {
    for (const line of pageLines(page, pageIndex)) {
      if (isPageNumber(line, page)) droppedPageNumbers.push(line.text);
      else lines.push(line);
    }
  });
  return { lines: joinWrappedLines(lines).map((line) => line.text), droppedPageNumbers };
}

function pageLines(page: PdfPage, pageIndex: number): Line[] {
  // pdf.js adds a " " item wherever it guesses a space; gaps are measured here instead.
  const items = page.items.filter((item) => item.text.replace(/ /g, '') !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PositionedText[][] = [];
  for (const item of items) {
    const group = groups.at(-1);
    const anchor = group?.[0];
    const tolerance = SAME_BASELINE_EM * Math.min(item.fontSize, anchor?.fontSize ?? Infinity);
    if (group && anchor && Math.abs(anchor.y - item.y) <= tolerance) group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => toLine(group, pageIndex));
}

function toLine(group: PositionedText[], page: number): Line {
  const pieces = [...group].sort((a, b) => a.x - b.x);
  let text = '';
  let isTableRow = false;
  let previous: PositionedText | undefined;
  for (const piece of pieces) {
    if (previous) {
      const em = Math.min(previous.fontSize, piece.fontSize);
      const gap = piece.x - (previous.x + previous.width);
      if (gap >= CELL_GAP_EM * em) {
        text += '\t';
        isTableRow = true;
      } else if (gap >= WORD_GAP_EM * em && !CJK_CHAR.test(text.slice(-1) + (piece.text[0] ?? ''))) {
        // Chinese takes no spaces: a small gap beside a Chinese character is only set-width.
        text += ' ';
      }
    }
    text += piece.text;
    previous = piece;
  }
  const first = pieces[0];
  const last = pieces.at(-1);
  return {
    text: text.trim(),
    left: first?.x ?? 0,
    right: last ? last.x + last.width : 0,
    y: first?.y ?? 0,
    fontSize: dominantSize(pieces.map((piece) => ({ size: piece.fontSize, chars: piece.text.length }))),
    page,
    isTableRow,
  };
}

/** The font size set in the most characters (sizes rounded to 0.1 so that 16 and 15.98 agree). */
function dominantSize(runs: Array<{ size: number; chars: number }>): number {
  const charsBySize = new Map<number, number>();
  for (const { size, chars } of runs) {
    const rounded = Math.round(size * 10) / 10;
    charsBySize.set(rounded, (charsBySize.get(rounded) ?? 0) + chars);
  }
  return [...charsBySize].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, 0])[0];
}

function isPageNumber(line: Line, page: PdfPage): boolean {
  if (isPageNumberLine(line.text)) return true;
  const inMarginBand = line.y < page.height * MARGIN_BAND || line.y > page.height * (1 - MARGIN_BAND);
  return inMarginBand && /^\d{1,4}$/.test(line.text);
}

interface TextBox {
  left: number;
  right: number;
}

/**
 * Joins each line to the next when the first was cut by the layout, not by the author:
 * a paragraph line that runs to the right edge and is followed by an unindented line, or a
 * heading (set larger than the body) continued on the next line. A line ending in
 * sentence-final punctuation is never joined, nor is a table row.
 */
function joinWrappedLines(lines: Line[]): Line[] {
  const bodySize = dominantSize(lines.map((line) => ({ size: line.fontSize, chars: line.text.length })));
  const box = bodyTextBox(lines, bodySize);
  const joined: Line[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    if (previous && continues(previous, line, box, bodySize)) {
      const text = joinPieces(previous.text, line.text);
      joined[joined.length - 1] = { ...line, text, left: previous.left };
    } else {
      joined.push(line);
    }
  }
  return joined;
}

/**
 * The left and right edges of the body text, over the whole document (a report keeps its
 * margins; a page that is mostly table has too few body lines to measure its own). Percentiles,
 * not extremes, so that one line set into the margin does not move the edge.
 */
function bodyTextBox(lines: Line[], bodySize: number): TextBox | undefined {
  const bodyLines = lines.filter((line) => !line.isTableRow && Math.abs(line.fontSize - bodySize) <= 0.1 * bodySize);
  if (bodyLines.length === 0) return undefined;
  return {
    left: percentile(
      bodyLines.map((line) => line.left),
      0.1,
    ),
    right: percentile(
      bodyLines.map((line) => line.right),
      0.9,
    ),
  };
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

function continues(first: Line, next: Line, box: TextBox | undefined, bodySize: number): boolean {
  if (first.isTableRow || next.isTableRow || ENDS_SENTENCE.test(first.text)) return false;
  const size = first.fontSize;
  if (Math.abs(next.fontSize - size) > 0.1 * size) return false;
  const samePage = first.page === next.page;
  if (samePage && first.y - next.y > MAX_LINE_PITCH_EM * size) return false;
  if (!samePage && next.page !== first.page + 1) return false;

  if (size >= HEADING_SIZE_FACTOR * bodySize) return samePage;
  if (!box) return false;
  const runsToRightEdge = first.right >= box.right - WRAPPED_LINE_SLACK_EM * size;
  const startsAtLeftEdge = next.left <= box.left + UNINDENTED_SLACK_EM * size;
  return runsToRightEdge && startsAtLeftEdge;
}
