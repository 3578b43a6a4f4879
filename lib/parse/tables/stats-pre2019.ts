/**
 * The pre-2019 统计表 (指标名称 / 计量单位 / 本年度 / 历年累计, or one value column: 年末统计, 本年度).
 * Its rows have no identity, so a row is read only where its numbers are separate (table cells,
 * a cell per line, or spaces between them) and as many as the value columns; where they ran
 * together ('主动公开信息数条4251516') or fewer are printed, the row is unreadable.
 */
import type { Category, TableRow } from '@/lib/report/schema';
import type { DocLine, RegionEnd } from './doc';
import { fold, parseCell } from './numbers';

/** The value columns: this year's figure, and the running total when the table has one. */
const COLUMNS = ['本年度', '历年累计'] as const;
const UNITS = '人次|件次|万元|条|件|元|个|项|次';
/**
 * A line of the table's header, whole or split (`指  标  名  称`, `计量`, `2012年度`, `201` / `6` /
 * `年度`, `历年累计`): only the header's own characters, digits and brackets.
 */
const HEADER_CELL = /^[指标名称计量单位本年度历累计末统数\d\s()（）]+$/;
/** A cell that says there is no figure (`无法统计`): read as no number, never as a label. */
const NO_FIGURE = /^(?:无法统计|不详|暂无|无)$/;

/** How many value columns the header names: two with a running total (累计), else one. */
function columnCount(headerText: string): number {
  return /累计/.test(headerText.replace(/\s+/g, '')) ? 2 : 1;
}
/** label (optionally '其中：' and a number), unit, the numbers, up to the next label. */
const ROW = new RegExp(
  `\\s*((?:其中[:：])?(?:\\d[.、．])?[^\\d\\s][^\\d]*?)\\s*(${UNITS})\\s*(\\d[\\d\\s.]*?)\\s*(?=(?:其中[:：])?\\d[.、．][^\\d]|[^\\d\\s.]|$)`,
  'dy',
);
const SUB_ROW = /^(?:其中[:：])?\d[.、．]/;

function category(topLabel: string): Category {
  if (/主动公开/.test(topLabel)) return '主动公开';
  if (/收费|减免/.test(topLabel)) return '收费减免';
  if (/复议|诉讼|申诉/.test(topLabel)) return '复议诉讼';
  if (/申请|答复/.test(topLabel)) return '依申请公开';
  return '其他';
}

interface PrintedRow {
  label: string;
  unit: string;
  /** The number cells; a single string when they ran together. */
  cells: string[];
  /** The cells do not fill the value columns: run together in text, or fewer printed than columns. */
  fused: boolean;
  /** The cells were printed apart (a cell per line), so too few of them is a count, not a run. */
  separate?: boolean;
  raw: string;
}

interface Printed {
  rows: PrintedRow[];
  end: RegionEnd | null;
  /** How many value columns the header names. */
  columns: number;
}

function fromTableRows(lines: DocLine[]): Printed {
  const rows: PrintedRow[] = [];
  let end: RegionEnd | null = null;
  const header = lines.find((line) => line.cells?.some((cell) => /指\s*标/.test(cell)));
  const columns = columnCount(header?.cells?.join('') ?? '累计');
  lines.forEach((line, i) => {
    const cells = line.cells ?? [];
    if (cells.length < 2 + columns || parseCell(cells[2] as string).kind === 'text') return;
    const values = cells.slice(2, 2 + columns);
    rows.push({ label: cells[0] as string, unit: cells[1] as string, cells: values, fused: false, raw: cells.join(' | ') });
    end = { line: i, offset: line.text.length };
  });
  return { rows, end, columns };
}

const UNIT_CELL = new RegExp(`^(?:${UNITS})$`);
/** Share of non-empty lines holding one cell each from which the table is read a cell per line. */
const CELL_PER_LINE_SHARE = 0.8;

/**
 * The table printed a cell per line (a label, its unit, its numbers, each on its own line, an
 * empty cell a line holding only a tab): a row is a label line and the cells under it.
 */
function fromCellLines(lines: DocLine[]): Printed | null {
  const start = lines.findIndex((line) => /指\s*标/.test(line.text));
  let header = start;
  while (header + 1 < lines.length && HEADER_CELL.test(lines[header + 1]!.text.trim())) header += 1;
  const columns = columnCount(
    lines
      .slice(Math.max(start, 0), header + 1)
      .map((line) => line.text)
      .join(''),
  );
  const body = lines.slice(header + 1);
  const filled = body.filter((line) => line.text.trim() !== '');
  if (filled.length === 0 || filled.filter((line) => !/\s/.test(line.text.trim())).length < CELL_PER_LINE_SHARE * filled.length) return null;
  const rows: PrintedRow[] = [];
  let end: RegionEnd | null = null;
  // A label's own number broken off onto a line (`1` / `、政府网站公开数`) goes with the label.
  const numbersLabel = (k: number) => /^\d{1,2}$/.test(body[k]!.text.trim()) && /^[、.．]/.test(body[k + 1]?.text.trim() ?? '');
  body.forEach((line, k) => {
    const text = line.text.trim();
    const index = header + 1 + k;
    if (text === '' && !/[\t\u3000]/.test(line.text)) return;
    const row = rows.at(-1);
    const cell = !numbersLabel(k) && (text === '' || parseCell(text).kind !== 'text' || (row !== undefined && NO_FIGURE.test(text)));
    if (cell) {
      if (!row) return;
      row.cells.push(text);
      row.raw += ` ${text || '□'}`;
      end = { line: index, offset: line.text.length };
    } else if (UNIT_CELL.test(fold(text)) && row && row.cells.length === 0) {
      row.unit = text;
      row.raw += ` ${text}`;
    } else if (row && row.cells.length === 0 && !row.unit) {
      // A label broken over lines (`其中` / `:` / `1.` / `政府网站公开数`) is one label.
      row.label += text;
      row.raw += text;
    } else {
      rows.push({ label: text, unit: '', cells: [], fused: false, raw: text });
    }
  });
  for (const row of rows) {
    row.fused = row.cells.length !== columns;
    row.separate = true;
  }
  return rows.length > 0 ? { rows, end, columns } : null;
}

/** Where the header's last word ends in the folded text (0 when there is no header). */
const HEADER_END = /(?:历年累计|累计|年末统计|本年度)/g;

function fromText(lines: DocLine[]): Printed {
  const text = lines.map((l) => l.text).join('\n');
  const folded = fold(text);
  const headerWords = [...folded.slice(0, 400).matchAll(HEADER_END)].at(-1);
  const headerEnd = headerWords ? headerWords.index + headerWords[0].length : 0;
  const columns = columnCount(folded.slice(0, headerEnd) || '累计');
  const rows: PrintedRow[] = [];
  let endIndex = -1;
  ROW.lastIndex = headerEnd;
  for (let m = ROW.exec(folded); m; m = ROW.exec(folded)) {
    const numbers = (m[3] ?? '').trim().split(/\s+/);
    const [labelStart, labelEnd] = m.indices?.[1] ?? [m.index, m.index];
    endIndex = m.index + m[0].trimEnd().length;
    rows.push({
      label: text.slice(labelStart, labelEnd),
      unit: m[2] ?? '',
      cells: numbers,
      fused: numbers.length !== columns,
      raw: text.slice(labelStart, endIndex).trim(),
    });
  }
  if (endIndex < 0) return { rows, end: null, columns };
  // Back from an offset in the joined text to a line and an offset in it.
  let line = 0;
  let start = 0;
  while (line + 1 < lines.length && start + (lines[line] as DocLine).text.length < endIndex) {
    start += (lines[line] as DocLine).text.length + 1;
    line++;
  }
  return { rows, end: { line, offset: endIndex - start }, columns };
}

/** The rows, and where the last one ends so the table's span stops there. */
export function parseStatistics(lines: DocLine[]): { rows: TableRow[]; end: RegionEnd | null } {
  const fromCells = fromTableRows(lines);
  const { rows: printed, end, columns } = fromCells.rows.length > 0 ? fromCells : (fromCellLines(lines) ?? fromText(lines));
  const named = COLUMNS.slice(0, columns).join('和');
  let top = '';
  const rows = printed.map((p, i): TableRow => {
    const label = fold(p.label)
      .replace(/\s+/g, '')
      .replace(/^其中[:：]/, '');
    const noFigure = p.cells.find((cell) => NO_FIGURE.test(cell.trim()));
    const isSub = SUB_ROW.test(fold(p.label).replace(/\s+/g, '')) && top !== '';
    if (!isSub) top = label;
    const values: Record<string, number> = {};
    const units: Record<string, string> = {};
    let note: string | null = null;
    if (noFigure) {
      note = `原表写明“${noFigure.trim()}”`;
    } else if (p.fused) {
      const printedNumbers = p.cells.filter((cell) => cell !== '').join(' ');
      note =
        p.separate && p.cells.length < columns
          ? `原表只有 ${p.cells.length} 个数字（${printedNumbers}），对应不上${named} ${columns} 列，而统计表没有勾稽关系可据以判断`
          : `原表数字连在一起（${printedNumbers}），分不出${named}，而统计表没有勾稽关系可据以判断`;
    } else {
      p.cells.forEach((cell, k) => {
        const c = parseCell(cell);
        const column = COLUMNS[k] as string;
        if (c.kind === 'number') {
          values[column] = c.value;
          units[column] = p.unit;
        }
      });
    }
    return {
      table: '统计表',
      path: isSub ? [top, label] : [label],
      label,
      values,
      units,
      status: p.fused || noFigure ? 'unreadable' : 'read',
      note,
      raw: p.raw,
      anchor: `ts-${i + 1}`,
      category: category(top),
    };
  });
  return { rows, end };
}
