/**
 * A parsed report as a printable document: its title, its sections in order, and its tables
 * as rows of cells with the figures the parser read, placed where the report prints them
 * (tables 二, 三 and 四 after the text of parts 二, 三 and 四; the pre-2019 统计表 at the end).
 * The variants print this one document in the shapes real files take.
 */
import type { Category, ParsedReport, TableId, TableRow } from '@/lib/report/schema';
import { T3_COLUMNS, T4_GROUPS, T4_OUTCOMES, table2Groups, table3Rows } from '@/lib/parse/tables/templates';

/** One printed table: header rows (cells may span columns) and body rows. */
export interface PrintedTable {
  table: TableId;
  /** Header rows; a cell is [text, columns it spans]. */
  header: Array<Array<[string, number]>>;
  /** Body rows: the label, then one cell per column ('' when blank). */
  rows: string[][];
  /** For table 四: where each group's columns start, to print the table by group. */
  groups?: Array<{ label: string; from: number; to: number }>;
}

export type Block = { kind: 'heading'; text: string; depth: number } | { kind: 'text'; text: string } | { kind: 'table'; table: PrintedTable };

export interface PrintedReport {
  title: string;
  blocks: Block[];
}

/** A figure as printed; '' where the parser read none (the cell prints blank). */
function cell(row: TableRow | undefined, column: string): string {
  const value = row?.values[column];
  return value === undefined ? '' : String(value);
}

function byAnchor(rows: readonly TableRow[]): Map<string, TableRow> {
  return new Map(rows.map((row) => [row.anchor, row]));
}

function table2(report: ParsedReport): PrintedTable | null {
  if (report.report.layout === 'pre-2019') return null;
  const rows = byAnchor(report.rows.filter((row) => row.table === '二'));
  if (rows.size === 0) return null;
  const body: string[][] = [];
  let width = 0;
  for (const group of table2Groups(report.report.layout)) {
    width = Math.max(width, group.columns.length);
    body.push([group.label, ...group.columns]);
    for (const row of group.rows) body.push([row.path.at(-1)!, ...group.columns.map((column) => cell(rows.get(row.anchor), column))]);
  }
  return {
    table: '二',
    header: [
      [
        ['信息内容', 1],
        ['数量', width],
      ],
    ],
    rows: body,
  };
}

function table3(report: ParsedReport): PrintedTable | null {
  if (report.report.layout === 'pre-2019') return null;
  const rows = byAnchor(report.rows.filter((row) => row.table === '三'));
  if (rows.size === 0) return null;
  // The rows as the report printed them: （六） as one row or as three, whatever the format says.
  const split = rows.has('t3-3-6-1') || rows.has('t3-3-6-2') || (report.report.layout === '2021' && !rows.has('t3-3-6'));
  const template = table3Rows(split ? 'split' : 'single');
  return {
    table: '三',
    header: [
      [
        ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 1],
        ['申请人情况', 7],
      ],
      [
        ['', 1],
        ['自然人', 1],
        ['法人或其他组织', 5],
        ['总计', 1],
      ],
      [['', 1], ['', 1], ...T3_COLUMNS.slice(1, 6).map((column): [string, number] => [column, 1]), ['', 1]],
    ],
    rows: template.map((row) => [row.path.at(-1)!, ...T3_COLUMNS.map((column) => (row.valued ? cell(rows.get(row.anchor), column) : ''))]),
  };
}

function table4(report: ParsedReport): PrintedTable | null {
  if (report.report.layout === 'pre-2019') return null;
  const row = report.rows.find((r) => r.table === '四');
  if (!row) return null;
  const columns = T4_GROUPS.flatMap((group) => T4_OUTCOMES.map((outcome) => `${group}/${outcome}`));
  const width = T4_OUTCOMES.length;
  return {
    table: '四',
    header: [
      [
        ['', 1],
        ['行政复议', width],
        ['行政诉讼', 2 * width],
      ],
      [
        ['', 1],
        ['', width],
        ['未经复议直接起诉', width],
        ['复议后起诉', width],
      ],
      [['', 1], ...T4_GROUPS.flatMap(() => T4_OUTCOMES.map((outcome): [string, number] => [outcome, 1]))],
    ],
    rows: [['', ...columns.map((column) => cell(row, column))]],
    groups: T4_GROUPS.map((label, g) => ({ label, from: g * width, to: (g + 1) * width })),
  };
}

function statistics(report: ParsedReport): PrintedTable | null {
  const rows = report.rows.filter((row) => row.table === '统计表');
  if (rows.length === 0) return null;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row.values)))];
  if (columns.length === 0) return null;
  return {
    table: '统计表',
    header: [[['指标名称', 1], ['计量单位', 1], ...columns.map((column): [string, number] => [column, 1])]],
    rows: rows.map((row) => [row.path.at(-1)!, Object.values(row.units)[0] ?? '', ...columns.map((column) => cell(row, column))]),
  };
}

/**
 * The part a table belongs to: the last whose heading names the table's subject (a report that
 * numbers its own parts first and the tables' parts after them), else the standard part.
 */
function partOf(report: ParsedReport, category: Category, standard: string): string {
  return report.sections.findLast((section) => section.depth === 1 && section.category === category)?.anchor ?? standard;
}

/** The report as printed: each 2019+ table after the text of the part that introduces it. */
export function printedReport(report: ParsedReport): PrintedReport {
  const tables = new Map<string, PrintedTable | null>([
    [partOf(report, '主动公开', 'part-2'), table2(report)],
    [partOf(report, '依申请公开', 'part-3'), table3(report)],
    [partOf(report, '复议诉讼', 'part-4'), table4(report)],
  ]);
  const blocks: Block[] = [];
  const pending = new Map(tables);
  for (const [i, section] of report.sections.entries()) {
    if (section.depth > 0 && !/-p\d+$/.test(section.anchor)) blocks.push({ kind: 'heading', text: section.heading, depth: section.depth });
    if (section.text) blocks.push({ kind: 'text', text: section.text });
    // A part's table follows the part's own text, before its subsections (and the next part).
    const own = section.anchor.replace(/-p\d+$/, '');
    const next = report.sections[i + 1];
    const table = pending.get(own);
    if (table && next?.anchor.replace(/-p\d+$/, '') !== own) {
      blocks.push({ kind: 'table', table });
      pending.delete(own);
    }
  }
  for (const table of pending.values()) if (table) blocks.push({ kind: 'table', table });
  const stats = statistics(report);
  if (stats) blocks.push({ kind: 'table', table: stats });
  return { title: report.report.title, blocks };
}
