/**
 * The pre-2019 统计表 (指标名称 / 计量单位 / 本年度 / 历年累计). Its rows have no identity, so a
 * row is read only where the two numbers are separate (table cells, or spaces between them);
 * where they ran together ('主动公开信息数条4251516') the row is unreadable.
 */
import type { Category, TableRow } from '@/lib/report/schema';
import type { DocLine, RegionEnd } from './doc';
import { fold, parseCell } from './numbers';

const COLUMNS = ['本年度', '历年累计'] as const;
const UNITS = '人次|万元|条|件|元|个|项|次';
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
  fused: boolean;
  raw: string;
}

function fromTableRows(lines: DocLine[]): { rows: PrintedRow[]; end: RegionEnd | null } {
  const rows: PrintedRow[] = [];
  let end: RegionEnd | null = null;
  lines.forEach((line, i) => {
    const cells = line.cells ?? [];
    if (cells.length < 4 || parseCell(cells[2] as string).kind === 'text') return;
    rows.push({ label: cells[0] as string, unit: cells[1] as string, cells: cells.slice(2, 4), fused: false, raw: cells.join(' | ') });
    end = { line: i, offset: line.text.length };
  });
  return { rows, end };
}

const UNIT_CELL = new RegExp(`^(?:${UNITS})$`);
/** Share of non-empty lines holding one cell each from which the table is read a cell per line. */
const CELL_PER_LINE_SHARE = 0.8;

/**
 * The table printed a cell per line (a label, its unit, its numbers, each on its own line, an
 * empty cell a line holding only a tab): a row is a label line and the cells under it.
 */
function fromCellLines(lines: DocLine[]): { rows: PrintedRow[]; end: RegionEnd | null } | null {
  const header = lines.findIndex((line) => /累计/.test(line.text));
  const body = lines.slice(header + 1);
  const filled = body.filter((line) => line.text.trim() !== '');
  if (filled.length === 0 || filled.filter((line) => !/\s/.test(line.text.trim())).length < CELL_PER_LINE_SHARE * filled.length) return null;
  const rows: PrintedRow[] = [];
  let end: RegionEnd | null = null;
  body.forEach((line, k) => {
    const text = line.text.trim();
    const index = header + 1 + k;
    if (text === '' && !/[\t\u3000]/.test(line.text)) return;
    const row = rows.at(-1);
    if (text === '' || parseCell(text).kind !== 'text') {
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
  for (const row of rows) row.fused = row.cells.length !== COLUMNS.length;
  return rows.length > 0 ? { rows, end } : null;
}

function fromText(lines: DocLine[]): { rows: PrintedRow[]; end: RegionEnd | null } {
  const text = lines.map((l) => l.text).join('\n');
  const folded = fold(text);
  const header = folded.indexOf('历年累计');
  const rows: PrintedRow[] = [];
  let endIndex = -1;
  ROW.lastIndex = header >= 0 ? header + '历年累计'.length : 0;
  for (let m = ROW.exec(folded); m; m = ROW.exec(folded)) {
    const numbers = (m[3] ?? '').trim().split(/\s+/);
    const [labelStart, labelEnd] = m.indices?.[1] ?? [m.index, m.index];
    endIndex = m.index + m[0].trimEnd().length;
    rows.push({
      label: text.slice(labelStart, labelEnd),
      unit: m[2] ?? '',
      cells: numbers,
      fused: numbers.length !== COLUMNS.length,
      raw: text.slice(labelStart, endIndex).trim(),
    });
  }
  if (endIndex < 0) return { rows, end: null };
  // Back from an offset in the joined text to a line and an offset in it.
  let line = 0;
  let start = 0;
  while (line + 1 < lines.length && start + (lines[line] as DocLine).text.length < endIndex) {
    start += (lines[line] as DocLine).text.length + 1;
    line++;
  }
  return { rows, end: { line, offset: endIndex - start } };
}

/** The rows, and where the last one ends so the table's span stops there. */
export function parseStatistics(lines: DocLine[]): { rows: TableRow[]; end: RegionEnd | null } {
  const fromCells = fromTableRows(lines);
  const { rows: printed, end } = fromCells.rows.length > 0 ? fromCells : (fromCellLines(lines) ?? fromText(lines));
  let top = '';
  const rows = printed.map((p, i): TableRow => {
    const label = fold(p.label).replace(/\s+/g, '').replace(/^其中[:：]/, '');
    const isSub = SUB_ROW.test(fold(p.label).replace(/\s+/g, '')) && top !== '';
    if (!isSub) top = label;
    const values: Record<string, number> = {};
    const units: Record<string, string> = {};
    let note: string | null = null;
    if (p.fused) {
      note = `原表数字连在一起（${p.cells.join(' ')}），分不出本年度和历年累计，而统计表没有勾稽关系可据以判断`;
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
      status: p.fused ? 'unreadable' : 'read',
      note,
      raw: p.raw,
      anchor: `ts-${i + 1}`,
      category: category(top),
    };
  });
  return { rows, end };
}
