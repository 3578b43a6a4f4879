/**
 * Table 三 (收到和处理政府信息公开申请情况): every template row with its seven columns, read,
 * inferred from the identities, or unreadable with the reason.
 */
import type { TableRow, Warning } from '@/lib/report/schema';
import { align } from './align';
import { printedCells, type SourceRow, sourceRows } from './cells';
import type { DocLine } from './doc';
import { rowReadings, type RowReadings } from './glued';
import type { Identity } from './identities';
import { toEquation } from './identities';
import { labelCandidates } from './labels';
import { listOf } from './phrases';
import { rowOutcome } from './rowresult';
import { alignableRows, rowCandidates } from './rowlabels';
import { fromReadings, type SolvedRow, type SolverInput, solve } from './solve';
import { rowName, T3_COLUMNS, T3_PART_COLUMNS, TABLE_CATEGORY, table3Rows, type TemplateRow } from './templates';

export interface Table3Result {
  rows: TableRow[];
  identities: Identity[];
  solved: SolvedRow[];
  warnings: Warning[];
}

/**
 * The 2021 format splits （六）其他处理 into three rows, but some 2021+ reports (2023/2024 洪泽区)
 * still print it as one row. The printed labels decide: a row naming one of the three, or a row
 * naming （六） alone with its cells; failing both, the layout.
 */
function otherHandlingShape(rows: SourceRow[], layout: '2019' | '2021'): 'single' | 'split' {
  const all = table3Rows('split');
  const named = rows.flatMap((r) => [r.own, r.pending]).map((text) => labelCandidates(text, all));
  if (named.some((rows) => rows.some((r) => r.parent === 't3-3-6'))) return 'split';
  if (named.some((rows) => rows.length === 1 && rows[0]?.anchor === 't3-3-6')) return 'single';
  return layout === '2019' ? 'single' : 'split';
}

function identitiesFor(valued: TemplateRow[]): Identity[] {
  const index = (anchor: string) => valued.findIndex((r) => r.anchor === anchor);
  const total = T3_COLUMNS.length - 1;
  const ids: Identity[] = [];
  valued.forEach((r, row) => {
    ids.push({
      table: '三',
      rule: 't3.row-total',
      column: '总计',
      scope: `“${rowName(r)}”`,
      anchor: r.anchor,
      parts: T3_PART_COLUMNS.map((_, col) => ({ row, col })),
      totals: [{ row, col: total }],
    });
  });
  const outcomes = valued.flatMap((r, row) => (r.anchor.startsWith('t3-3-') && r.anchor !== 't3-3-7' ? [row] : []));
  const [received, carried, sum, carriedOver] = ['t3-1', 't3-2', 't3-3-7', 't3-4'].map(index) as [number, number, number, number];
  T3_COLUMNS.forEach((column, col) => {
    ids.push({
      table: '三',
      rule: 't3.balance',
      column,
      scope: column,
      anchor: 't3-3-7',
      parts: [
        { row: received, col },
        { row: carried, col },
      ],
      totals: [
        { row: sum, col },
        { row: carriedOver, col },
      ],
    });
    ids.push({
      table: '三',
      rule: 't3.outcomes',
      column,
      scope: column,
      anchor: 't3-3-7',
      parts: outcomes.map((row) => ({ row, col })),
      totals: [{ row: sum, col }],
    });
  });
  return ids;
}

/** “A”、“B”或“C”: the rows a printed row could be. */
function eitherRow(rows: TemplateRow[]): string {
  return listOf(
    rows.map((r) => `“${rowName(r)}”`),
    '或',
  );
}

function orderReason(src: SourceRow, named: TemplateRow[] | null): string {
  if (!named) return src.own.trim() ? `未能识别行名“${src.own.trim()}”` : '数字与行名分开印出';
  const label = (src.own.trim() || src.pending).trim();
  return `行名“${label}”可对应${eitherRow(named)}`;
}

/** `lines` null: the report has no table 三 that could be found; every row is then unreadable. */
const TOTAL = T3_COLUMNS.length - 1;

/**
 * A row printed with fewer numbers than columns (an export that dropped the empty cells) is
 * placed every possible way; when the identities cannot choose, the placements that print the
 * row's 总计 are kept: the total is the one figure every row of table 三 gives.
 */
function solverInput(readings: RowReadings): SolverInput {
  const input = fromReadings(readings);
  if (!readings.placed) return input;
  return { ...input, prefer: { keeps: (reading) => reading[TOTAL] !== null, note: '按表三每行都印有总计，最后一个数字读作总计' } };
}

export function parseTable3(lines: DocLine[] | null, layout: '2019' | '2021'): Table3Result {
  const warnings: Warning[] = [];
  const printed = sourceRows(lines ?? [], table3Rows('split'));
  const template = table3Rows(otherHandlingShape(printed, layout));
  const valued = template.filter((r) => r.valued);

  const { kept, stray } = alignableRows(printed);
  for (const s of stray) {
    warnings.push({ code: 'stray-cells', message: `表三：单元格“${s.raw}”不在任何一行内，未采用`, anchor: null });
  }
  const candidates = kept.map((r) => rowCandidates(r, template, valued));
  const alignment = align(
    candidates.map((c) => ({ candidates: c ? c.map((t) => valued.indexOf(t)) : null })),
    valued.length,
  );
  for (const d of alignment.dropped) {
    warnings.push({ code: 'stray-cells', message: `表三：“${kept[d]?.raw}”这一行在此处对不上表中的任何一行，未采用`, anchor: null });
  }

  const bySlot = new Map<number, SourceRow>();
  alignment.assigned.forEach((slot, i) => {
    if (slot !== null) bySlot.set(slot, kept[i] as SourceRow);
  });
  const ambiguousSlots = new Map<number, string>();
  for (const a of alignment.ambiguous) {
    const where = eitherRow(a.positions.map((q) => valued[q] as TemplateRow));
    for (const p of a.positions) ambiguousSlots.set(p, `单元格“${kept[a.row]?.raw}”可能属于${where}`);
  }

  const readings: RowReadings[] = valued.map((_, slot) => {
    const src = bySlot.get(slot);
    if (!src) {
      const reason = lines ? (ambiguousSlots.get(slot) ?? '表中未找到这一行') : '报告中未找到表三';
      // Every cell unknown, for the identities to fill where they can (表三 is printed in the report).
      return { readings: lines ? [T3_COLUMNS.map(() => null)] : [], split: false, placed: false, reason };
    }
    return rowReadings(src.pieces, T3_COLUMNS.length);
  });
  const identities = identitiesFor(valued);
  const solved = solve(readings.map(solverInput), identities.map(toEquation), T3_COLUMNS.length);
  // A row not printed is still what the identities make it; if they make nothing of it, it says why.
  solved.forEach((row, slot) => {
    const reason = readings[slot]?.reason;
    if (!bySlot.has(slot) && reason && row.cells.every((cell) => cell === undefined)) row.unresolved = reason;
  });

  const rows: TableRow[] = valued.map((t, slot) => {
    const src = bySlot.get(slot);
    const named = src ? candidates[kept.indexOf(src)] : undefined;
    const outcome = rowOutcome(
      solved[slot] as SolvedRow,
      {
        printed: printedCells(src),
        readings: readings[slot] as RowReadings,
        matchedByOrder: src && named?.length !== 1 ? orderReason(src, named ?? null) : undefined,
      },
      T3_COLUMNS,
    );
    return {
      table: '三',
      path: t.path,
      label: t.path[t.path.length - 1] as string,
      ...outcome,
      raw: src?.raw ?? '',
      anchor: t.anchor,
      category: TABLE_CATEGORY.三,
    };
  });
  return { rows, identities, solved, warnings };
}
