/**
 * Figures for the three tables of a synthetic 2019+ report, made to satisfy every identity the
 * parser checks (domain.md): per column of table 三, 一 + 二 = 三（七） + 四 and 三（七） = the sum
 * of the outcome rows; 总计 = the sum of the applicant columns; per group of table 四,
 * 总计 = 维持 + 纠正 + 其他 + 尚未审结. Keyed by the templates' anchors and column names, so a
 * parsed synthetic report can be compared with what was generated.
 */
import { T3_COLUMNS, T3_PART_COLUMNS, T4_GROUPS, T4_OUTCOMES, table2Groups, table3Rows } from '@/lib/parse/tables/templates';
import type { Random } from './random';

export type NationalLayout = '2019' | '2021';

/** Row anchor → column → value. */
export type TableFigures = Record<string, Record<string, number>>;

export interface ReportFigures {
  table2: TableFigures;
  table3: TableFigures;
  /** Columns `行政复议/结果维持` … as the parser names them. */
  table4: Record<string, number>;
}

/** How applications usually end: most disclosed or not held, few refused for each reason. */
function outcomeWeight(anchor: string): number {
  if (anchor === 't3-3-1') return 45;
  if (anchor === 't3-3-2') return 10;
  if (anchor === 't3-3-4-1') return 20;
  if (anchor.startsWith('t3-3-5') || anchor.startsWith('t3-3-6')) return 2;
  return 1;
}

/** Splits `total` over the weights at random: the parts are non-negative and sum to `total`. */
function distribute(random: Random, total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((weight) => Math.floor((total * weight * random.next() * 2) / sum));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  // Over-drawn: take back from the largest parts; under-drawn: give the rest to random parts.
  while (rest < 0) {
    const largest = parts.indexOf(Math.max(...parts));
    const taken = Math.min(parts[largest]!, -rest);
    parts[largest]! -= taken;
    rest += taken;
  }
  if (rest > 0) parts[Math.floor(random.next() * parts.length)]! += rest;
  return parts;
}

function table3(random: Random, layout: NationalLayout): TableFigures {
  const rows = table3Rows(layout === '2021' ? 'split' : 'single');
  const outcomes = rows.filter((row) => row.valued && row.parent !== null && row.anchor !== 't3-3-7');
  const figures: TableFigures = {};
  for (const row of rows) if (row.valued) figures[row.anchor] = {};
  // Natural persons file most requests; each kind of organisation a few, often none.
  const scale: Record<string, number> = { 自然人: 3000, 商业企业: 200, 科研机构: 5, 社会公益组织: 5, 法律服务机构: 50, 其他: 20 };
  for (const column of T3_PART_COLUMNS) {
    const handled = random.logUniform(scale[column]!);
    const parts = distribute(
      random,
      handled,
      outcomes.map((row) => outcomeWeight(row.anchor)),
    );
    outcomes.forEach((row, index) => (figures[row.anchor]![column] = parts[index]!));
    const carriedOver = random.int(0, Math.floor(handled / 20));
    const carriedIn = random.int(0, Math.min(Math.floor(handled / 20) + 1, handled + carriedOver));
    figures['t3-3-7']![column] = handled;
    figures['t3-4']![column] = carriedOver;
    figures['t3-2']![column] = carriedIn;
    figures['t3-1']![column] = handled + carriedOver - carriedIn;
  }
  const total = T3_COLUMNS.at(-1)!;
  for (const values of Object.values(figures)) values[total] = T3_PART_COLUMNS.reduce((sum, column) => sum + values[column]!, 0);
  return figures;
}

function table4(random: Random): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const group of T4_GROUPS) {
    const outcomes = T4_OUTCOMES.slice(0, 4).map(() => random.logUniform(group === '行政复议' ? 60 : 20));
    T4_OUTCOMES.slice(0, 4).forEach((outcome, index) => (figures[`${group}/${outcome}`] = outcomes[index]!));
    figures[`${group}/总计`] = outcomes.reduce((a, b) => a + b, 0);
  }
  return figures;
}

/** Table 二 has no identity: counts with a long tail, fees in 万元 with up to two decimals. */
function table2(random: Random, layout: NationalLayout): TableFigures {
  const figures: TableFigures = {};
  for (const group of table2Groups(layout)) {
    for (const row of group.rows) {
      figures[row.anchor] = Object.fromEntries(
        group.columns.map((column) => {
          if (column === '本年增/减') return [column, random.int(-50, 200)];
          if (column === '本年收费金额' || column === '采购总金额') return [column, random.logUniform(5_000_000) / 100];
          return [column, random.logUniform(column === '本年处理决定数量' ? 50_000 : 500)];
        }),
      );
    }
  }
  return figures;
}

export function generateFigures(random: Random, layout: NationalLayout): ReportFigures {
  return { table2: table2(random, layout), table3: table3(random, layout), table4: table4(random) };
}
