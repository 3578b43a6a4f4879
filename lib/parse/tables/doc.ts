/**
 * The report body as one sequence of lines: each line of a text block, each row of a table
 * block, and each row of a Markdown pipe table or of tab-separated cells written in a text block. Tables are found by
 * searching this sequence; positions map back to blocks for `TableSpan`s.
 */
import type { Block } from '@/lib/ingest/types';
import { compact } from './labels';

export interface DocLine {
  block: number;
  /** Offsets of the line in its text block; null for a table-block row. */
  from: number | null;
  to: number | null;
  text: string;
  /** Cells when the format states them (table-block row, Markdown pipe row). */
  cells: string[] | null;
}

export interface Pos {
  line: number;
  offset: number;
}

/** Where a table ends inside its region: an index in the region's lines and an offset there. */
export type RegionEnd = Pos;

const MD_DELIMITER_ROW = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const MD_PIPE_ROW = /^\s*\|.*\|\s*$/;
/**
 * A row copied from a spreadsheet or a Word table: cells between tabs, empty ones kept. Two
 * tabs at least: one leading tab is how the one-cell-per-line source report indents a cell.
 */
const TSV_ROW = /\t[^\t\n]*\t/;

function pipeCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

function linesOf(blocks: Block[]): DocLine[] {
  const lines: DocLine[] = [];
  blocks.forEach((block, b) => {
    if (block.type === 'table') {
      for (const cells of block.rows) lines.push({ block: b, from: null, to: null, text: cells.join(' '), cells });
      return;
    }
    let at = 0;
    for (const text of block.text.split('\n')) {
      const from = at;
      at += text.length + 1;
      if (MD_DELIMITER_ROW.test(text) && text.includes('-')) continue;
      const cells = MD_PIPE_ROW.test(text) ? pipeCells(text) : TSV_ROW.test(text) ? text.split('\t').map((c) => c.trim()) : null;
      lines.push({ block: b, from, to: from + text.length, text, cells });
    }
  });
  return lines;
}

interface Match {
  start: Pos;
  end: Pos;
  text: string;
}

export class Doc {
  readonly lines: DocLine[];
  /** Folded text of all lines without whitespace; labels and headings may span lines. */
  private readonly compactText: string;
  private readonly positions: Pos[];

  constructor(blocks: Block[]) {
    this.lines = linesOf(blocks);
    let text = '';
    const positions: Pos[] = [];
    this.lines.forEach((line, i) => {
      const c = compact(line.text);
      text += c.text;
      for (const offset of c.offsets) positions.push({ line: i, offset });
    });
    this.compactText = text;
    this.positions = positions;
  }

  get end(): Pos {
    const last = this.lines.length - 1;
    return { line: last, offset: this.lines[last]?.text.length ?? 0 };
  }

  /** First match of `pattern` (on folded, whitespace-free text) at or after `from`. */
  find(pattern: RegExp, from: Pos = { line: 0, offset: 0 }): Match | null {
    const startIndex = this.firstIndexAt(from);
    if (startIndex >= this.positions.length) return null;
    const g = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
    g.lastIndex = startIndex;
    const m = g.exec(this.compactText);
    if (!m || m[0].length === 0) return null;
    const first = this.positions[m.index] as Pos;
    const last = this.positions[m.index + m[0].length - 1] as Pos;
    return { start: first, end: { line: last.line, offset: last.offset + 1 }, text: m[0] };
  }

  /** Index of the first compact character at or after `pos` (positions are in order). */
  private firstIndexAt(pos: Pos): number {
    let lo = 0;
    let hi = this.positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (isBefore(this.positions[mid] as Pos, pos)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The lines between two positions, the first and last cut at the positions (text lines only). */
  slice(from: Pos, to: Pos): DocLine[] {
    const out: DocLine[] = [];
    for (let i = from.line; i <= to.line && i < this.lines.length; i++) {
      const line = this.lines[i] as DocLine;
      if (line.cells && line.from === null) {
        out.push(line);
        continue;
      }
      const s = i === from.line ? from.offset : 0;
      const e = i === to.line ? to.offset : line.text.length;
      if (e <= s) continue;
      const cut = line.text.slice(s, e);
      const cells = line.cells && s === 0 && e === line.text.length ? line.cells : null;
      out.push({ ...line, from: (line.from as number) + s, to: (line.from as number) + e, text: cut, cells });
    }
    return out;
  }
}

function isBefore(a: Pos, b: Pos): boolean {
  return a.line < b.line || (a.line === b.line && a.offset < b.offset);
}
