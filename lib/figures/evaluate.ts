/**
 * One measure in one report: the figure, or the reason there is none. A cell the parser could
 * not read stays a gap through every sum and rate (never 0), a rate over 0 is a gap (never
 * Infinity), and a figure remembers whether it rests on inferred cells or on a table whose
 * identities fail, so that pages and exports can say so.
 */
import type { Layout, RowStatus, TableId } from '@/lib/report/schema';
import type { CellRef, FigureTable, Measure, Variant } from './catalogue';

/** What a figure needs from one table row of a report (a row document or a ParsedReport row). */
export interface SourceRow {
  /** The row's anchor in the report (a 统计表 row is looked up by its key, and linked by this). */
  anchor: string;
  table: TableId;
  values: Record<string, number>;
  units: Record<string, string>;
  status: RowStatus;
}

/** What a figure needs from one report. */
export interface ReportTables {
  layout: Layout;
  /** Rows by anchor; 统计表 rows also by their key (statistics-rows.ts). */
  rows: ReadonlyMap<string, SourceRow>;
  /** Tables with at least one failed identity check. */
  failedTables: ReadonlySet<TableId>;
}

export type GapReason =
  | 'blank'
  | 'unreadable'
  | 'missing-row'
  | 'zero-denominator'
  | 'not-in-format'
  | 'unit-mismatch'
  | 'no-previous-year'
  | 'previous-gap'
  | 'previous-ambiguous'
  | 'previous-definition';

export const GAP_LABELS: Record<GapReason, string> = {
  blank: '原表空白',
  unreadable: '无法读取',
  'missing-row': '报告中无此行',
  'zero-denominator': '分母为 0，无比率',
  'not-in-format': '该报告的表格格式无此项',
  'unit-mismatch': '各项单位不同，未合计',
  'no-previous-year': '无上一年度报告，无法计算同比',
  'previous-gap': '上一年度无此数字，无法计算同比',
  'previous-ambiguous': '上一年度有多份报告，未计算同比',
  'previous-definition': '与上一年度口径不同，未计算同比',
};

export interface Figure {
  /** null is a gap, never 0. */
  value: number | null;
  gap: GapReason | null;
  unit: string;
  /** The variant's definition (what was counted); null when the report's format has no such figure. */
  definition: string | null;
  /** The series the figure belongs to (see Variant.series); null with `definition`. */
  series: string | null;
  /** Read from the pre-2019 统计表: the older definition and how it relates to the later one. */
  older: string | null;
  /** Computed by the portal (a sum of several cells, or a rate), not printed as one number. */
  computed: boolean;
  /** Some cell it reads was inferred from an identity, not printed legibly. */
  inferred: boolean;
  /** Tables it reads whose identity checks fail in this report. */
  failedTables: FigureTable[];
  /** Rows it reads, numerator first: where a reader checks it. */
  anchors: string[];
  /** A change from the previous year (year-on-year.ts): the two figures it compares. */
  yearOnYear?: { current: number; previous: number; previousReportId: string };
}

interface CellValue {
  value: number | null;
  gap: GapReason | null;
  unit: string | null;
  inferred: boolean;
}

function readCell(ref: CellRef, report: ReportTables): CellValue {
  const row = report.rows.get(ref.anchor);
  if (!row) return { value: null, gap: 'missing-row', unit: null, inferred: false };
  const value = row.values[ref.column];
  const unit = row.units[ref.column] ?? null;
  // A row read with certainty that lacks a column was printed without it (an empty cell).
  if (value === undefined) return { value: null, gap: row.status === 'read' ? 'blank' : 'unreadable', unit, inferred: false };
  return { value, gap: null, unit, inferred: row.status === 'inferred' };
}

function isRead(ref: CellRef, report: ReportTables): boolean {
  return report.rows.get(ref.anchor)?.values[ref.column] !== undefined;
}

function cellsOf(variant: Variant): CellRef[] {
  return [...variant.numerator, ...(variant.denominator ?? [])];
}

/**
 * The variant a report prints: the one whose cells it has (all, else most), the one its layout
 * prints when none of them could be read, or none when its layout prints no variant.
 */
export function chooseVariant(measure: Measure, report: ReportTables): Variant | null {
  const scored = measure.variants.map((variant, order) => {
    const cells = cellsOf(variant);
    return { variant, order, share: cells.filter((ref) => isRead(ref, report)).length / cells.length };
  });
  const best = scored.filter((entry) => entry.share > 0).sort((a, b) => b.share - a.share || a.order - b.order)[0];
  return best?.variant ?? measure.variants.find((variant) => variant.layouts.includes(report.layout)) ?? null;
}

/** Sums of decimals (fees) without binary noise. */
function roundSum(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

interface Sum {
  value: number | null;
  gap: GapReason | null;
  unit: string | null;
}

function sum(cells: readonly CellValue[]): Sum {
  const gap = cells.find((cell) => cell.gap !== null)?.gap ?? null;
  if (gap) return { value: null, gap, unit: null };
  const units = new Set(cells.map((cell) => cell.unit).filter((unit) => unit !== null));
  if (units.size > 1) return { value: null, gap: 'unit-mismatch', unit: null };
  return { value: roundSum(cells.reduce((total, cell) => total + cell.value!, 0)), gap: null, unit: [...units][0] ?? null };
}

/** Per cent with two decimals. */
function percent(numerator: number, denominator: number): number {
  return Math.round((numerator / denominator) * 10_000) / 100;
}

export function evaluate(measure: Measure, report: ReportTables): Figure {
  const variant = chooseVariant(measure, report);
  if (!variant) {
    const unit = measure.variants[0]?.unit ?? '';
    return {
      value: null,
      gap: 'not-in-format',
      unit,
      definition: null,
      series: null,
      older: null,
      computed: false,
      inferred: false,
      failedTables: [],
      anchors: [],
    };
  }
  const refs = cellsOf(variant);
  // A 统计表 key the report has no row for has nothing to link to.
  const printedAnchor = (ref: CellRef) => report.rows.get(ref.anchor)?.anchor ?? (ref.table === '统计表' ? null : ref.anchor);
  const numerator = variant.numerator.map((ref) => readCell(ref, report));
  const denominator = variant.denominator?.map((ref) => readCell(ref, report)) ?? null;
  const cells = [...numerator, ...(denominator ?? [])];
  const common = {
    definition: variant.definition,
    series: variant.series,
    older: variant.older,
    computed: refs.length > 1,
    inferred: cells.some((cell) => cell.inferred),
    failedTables: [...new Set(refs.map((ref) => ref.table))].filter((table) => report.failedTables.has(table)),
    anchors: [...new Set(refs.map(printedAnchor).filter((anchor) => anchor !== null))],
  };
  const top = sum(numerator);
  if (!denominator) return { ...common, value: top.value, gap: top.gap, unit: top.unit ?? variant.unit };
  const bottom = sum(denominator);
  const gap = top.gap ?? bottom.gap ?? (bottom.value === 0 ? 'zero-denominator' : null);
  return { ...common, value: gap ? null : percent(top.value!, bottom.value!), gap, unit: variant.unit };
}

/** Whether a reader should look twice: inferred, or read from a table that fails its checks. */
export function isMarked(figure: Figure): boolean {
  return figure.value !== null && (figure.inferred || figure.failedTables.length > 0);
}
