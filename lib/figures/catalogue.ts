/**
 * The measures a reader can compare: every row × column of tables 二, 三 and 四, the group sums
 * of table 三 (（三）不予公开 = 1–8 …), and the rates analysts ask for. Built from the parser's
 * own templates (lib/parse/tables/templates), so an anchor or a column name cannot drift from
 * what the parser writes.
 *
 * A measure may be printed differently in the two formats (table 二's columns changed in 2021;
 * table 三 （六）其他处理 became three rows). Each printed form is a *variant* with its own
 * definition; figures of different definitions are never one series (see series.ts).
 */
import type { Layout, TableId } from '@/lib/report/schema';
import { STATISTICS_COLUMN, statisticsWording, type StatisticsKey } from './statistics-rows';
import { T3_COLUMNS, T4_GROUPS, T4_OUTCOMES, T4_ROW, table2Groups, table3Rows } from '@/lib/parse/tables/templates';

export type FigureTable = TableId;

/** One cell of a report's table; for the 统计表, `anchor` is the row's key (statistics-rows.ts). */
export interface CellRef {
  table: FigureTable;
  anchor: string;
  column: string;
}

export interface Variant {
  /** What this variant counts, in the reader's words; it names the series a figure belongs to. */
  definition: string;
  /** Layouts whose reports may print this variant (chooses the variant when no cell of it was read). */
  layouts: readonly Layout[];
  /** Cells summed. */
  numerator: readonly CellRef[];
  /** Cells summed as the divisor of a rate (in per cent); null for a count or an amount. */
  denominator: readonly CellRef[] | null;
  /** Unit when the report prints none (the form's header states it, or the table counts 件). */
  unit: string;
  /**
   * What is counted, as one series: variants with the same `series` join without a break (a
   * pre-2019 row that means the same as the later cell); any other change is a series break.
   */
  series: string;
  /** For a figure read from the pre-2019 统计表: its older definition and how it relates to the later one. */
  older: string | null;
}

export interface Measure {
  /** Stable, URL-safe: `t3-1.total`, `t4.review.corrected`, `disclosure-rate`. */
  id: string;
  label: string;
  /** Heading of the group the measure is listed under. */
  group: string;
  /** For rates: how it is computed. */
  description: string | null;
  isRate: boolean;
  variants: readonly Variant[];
  /**
   * For a change from the previous year: the id of the measure compared. Its variants are that
   * measure's (the rows read); each report's figure is then compared with the year before's
   * (lib/figures/year-on-year.ts), never used as it is.
   */
  yearOnYearOf?: string;
}

const BOTH: readonly Layout[] = ['2019', '2021'];

const T3_COLUMN_SLUGS: Record<(typeof T3_COLUMNS)[number], string> = {
  自然人: 'natural',
  商业企业: 'business',
  科研机构: 'research',
  社会公益组织: 'nonprofit',
  法律服务机构: 'legal',
  其他: 'other',
  总计: 'total',
};

const T4_GROUP_SLUGS: Record<(typeof T4_GROUPS)[number], string> = {
  行政复议: 'review',
  未经复议直接起诉: 'suit-direct',
  复议后起诉: 'suit-after-review',
};
const T4_GROUP_LABELS: Record<(typeof T4_GROUPS)[number], string> = {
  行政复议: '行政复议',
  未经复议直接起诉: '行政诉讼·未经复议直接起诉',
  复议后起诉: '行政诉讼·复议后起诉',
};
const T4_OUTCOME_SLUGS: Record<(typeof T4_OUTCOMES)[number], string> = {
  结果维持: 'upheld',
  结果纠正: 'corrected',
  其他结果: 'other',
  尚未审结: 'pending',
  总计: 'total',
};

/**
 * Table 二 columns of the two formats, by what they count. Columns with one slug are one
 * measure with a variant per format (a break where the format changes); the others exist in
 * one format only.
 */
const T2_COLUMN_SLUGS: Record<string, string> = {
  本年新制作数量: 'new',
  本年制发件数: 'new',
  本年新公开数量: 'published',
  本年废止件数: 'repealed',
  对外公开总数量: 'stock',
  现行有效件数: 'stock',
  上一年项目数量: 'items-last-year',
  '本年增/减': 'items-change',
  处理决定数量: 'decisions',
  本年处理决定数量: 'decisions',
  本年收费金额: 'fee-amount',
  采购项目数量: 'procurement-items',
  采购总金额: 'procurement-amount',
};

const FORMAT_NAMES: Record<'2019' | '2021', string> = { '2019': '2019 试行格式', '2021': '2021 格式' };

const T3_OUTCOMES_LABEL = '三、本年度办理结果';

/** A row's name without the 三、本年度办理结果 heading its rows share. */
function rowName(path: readonly string[]): string {
  return path.filter((part) => part !== T3_OUTCOMES_LABEL).join(' ');
}

function cell(table: FigureTable, anchor: string, column: string): CellRef {
  return { table, anchor, column };
}

function countVariant(definition: string, layouts: readonly Layout[], numerator: CellRef[], unit: string): Variant {
  return { definition, layouts, numerator, denominator: null, unit, series: definition, older: null };
}

// ---- Table 三 ------------------------------------------------------------------------------

const T3_TEMPLATES = { single: table3Rows('single'), split: table3Rows('split') } as const;
/** 2021 reports print （六） either way; 2019 reports only as one row. */
const T3_TEMPLATE_LAYOUTS: Record<keyof typeof T3_TEMPLATES, readonly Layout[]> = { single: BOTH, split: ['2021'] };

const T3_GROUP = '表三 · 收到和处理政府信息公开申请';

/**
 * How a table 三 row is printed: as its own valued row, or as the sum of its valued sub-rows (a
 * group such as （三）不予公开, or （六） in the 2021 shape). One variant per distinct printed
 * form, with the layouts of every template shape that prints it.
 */
function t3Variants(anchor: string, column: string): Variant[] {
  const variants: Variant[] = [];
  for (const shape of ['single', 'split'] as const) {
    const rows = T3_TEMPLATES[shape];
    const row = rows.find((candidate) => candidate.anchor === anchor);
    if (!row) continue;
    const children = rows.filter((candidate) => candidate.parent === anchor && candidate.valued);
    const variant = row.valued
      ? countVariant(`表三 ${rowName(row.path)} · ${column}`, T3_TEMPLATE_LAYOUTS[shape], [cell('三', anchor, column)], '件')
      : children.length > 0
        ? countVariant(
            `表三 ${rowName(row.path)}：${children.map((child) => child.path.at(-1)!.split('.')[0]).join(' + ')} 各项之和 · ${column}`,
            T3_TEMPLATE_LAYOUTS[shape],
            children.map((child) => cell('三', child.anchor, column)),
            '件',
          )
        : null;
    if (!variant) continue;
    const known = variants.findIndex((other) => other.definition === variant.definition);
    if (known === -1) variants.push(variant);
    else variants[known] = { ...variants[known]!, layouts: [...new Set([...variants[known]!.layouts, ...variant.layouts])].sort() };
  }
  return variants;
}

function table3Measures(): Measure[] {
  // The split shape has every anchor of both shapes (（六） as a group row), in printed order.
  return T3_TEMPLATES.split.flatMap((row) =>
    T3_COLUMNS.flatMap((column) => {
      const variants = t3Variants(row.anchor, column);
      // 三、本年度办理结果 itself is not a figure: its total is （七）总计.
      if (variants.length === 0 || row.anchor === 't3-3') return [];
      return [
        {
          id: `${row.anchor}.${T3_COLUMN_SLUGS[column]}`,
          label: `${rowName(row.path)} · ${column}`,
          group: T3_GROUP,
          // Sums and rows printed two ways say how they are read; a plain cell needs no note.
          description: variants.length > 1 || variants[0]!.numerator.length > 1 ? variants.map((variant) => variant.definition).join('；') : null,
          isRate: false,
          variants,
        },
      ];
    }),
  );
}

// ---- Table 四 ------------------------------------------------------------------------------

const T4_GROUP = '表四 · 行政复议、行政诉讼';

function t4Cell(group: (typeof T4_GROUPS)[number], outcome: (typeof T4_OUTCOMES)[number]): CellRef {
  return cell('四', T4_ROW.anchor, `${group}/${outcome}`);
}

const SUIT_GROUPS = ['未经复议直接起诉', '复议后起诉'] as const;

/** 行政诉讼 in all: the table splits suits by whether a review came first; readers ask for both together. */
function suitsTotal(): Measure {
  const definition = '表四 行政诉讼总计：未经复议直接起诉 · 总计 + 复议后起诉 · 总计';
  return {
    id: 'suits.total',
    label: '行政诉讼总计（直接起诉 + 复议后起诉）',
    group: T4_GROUP,
    description: definition,
    isRate: false,
    variants: [
      countVariant(
        definition,
        BOTH,
        SUIT_GROUPS.map((group) => t4Cell(group, '总计')),
        '件',
      ),
    ],
  };
}

function table4Measures(): Measure[] {
  return T4_GROUPS.flatMap((group) =>
    T4_OUTCOMES.map((outcome) => ({
      id: `${T4_ROW.anchor}.${T4_GROUP_SLUGS[group]}.${T4_OUTCOME_SLUGS[outcome]}`,
      label: `${T4_GROUP_LABELS[group]} · ${outcome}`,
      group: T4_GROUP,
      description: null,
      isRate: false,
      variants: [countVariant(`表四 ${T4_GROUP_LABELS[group]} · ${outcome}`, BOTH, [t4Cell(group, outcome)], '件')],
    })),
  );
}

// ---- Table 二 ------------------------------------------------------------------------------

const T2_GROUP = '表二 · 主动公开政府信息情况';

function table2Measures(): Measure[] {
  const measures = new Map<string, { labels: string[]; columns: string[]; variants: Variant[] }>();
  for (const format of ['2019', '2021'] as const) {
    for (const group of table2Groups(format)) {
      for (const row of group.rows) {
        for (const column of group.columns) {
          const slug = T2_COLUMN_SLUGS[column];
          if (!slug) throw new Error(`table 二 column ${column} (${format}) has no measure: add it to T2_COLUMN_SLUGS`);
          const id = `${row.anchor}.${slug}`;
          const entry = measures.get(id) ?? { labels: [], columns: [], variants: [] };
          const label = row.path.at(-1)!;
          if (!entry.labels.includes(label)) entry.labels.push(label);
          if (!entry.columns.includes(column)) entry.columns.push(column);
          entry.variants.push(
            countVariant(`${FORMAT_NAMES[format]}：${label} · ${column}`, [format], [cell('二', row.anchor, column)], group.headerUnits[column] ?? ''),
          );
          measures.set(id, entry);
        }
      }
    }
  }
  return [...measures].map(([id, entry]) => ({
    id,
    label: `${entry.labels.join(' / ')} · ${entry.columns.join(' / ')}`,
    group: T2_GROUP,
    description: entry.variants.length > 1 ? `两种格式的口径不同：${entry.variants.map((variant) => variant.definition).join('；')}` : null,
    isRate: false,
    variants: entry.variants,
  }));
}

// ---- Rates ---------------------------------------------------------------------------------

const RATE_GROUP = '派生指标（比率）';

/** Cells of a table 三 row's 总计 column: the row itself, or its sub-rows for a group. */
function t3TotalCells(anchor: string): CellRef[] {
  const variants = t3Variants(anchor, '总计');
  if (variants.length !== 1) throw new Error(`table 三 row ${anchor} has ${variants.length} printed forms; a rate needs one`);
  return [...variants[0]!.numerator];
}

function rate(id: string, label: string, description: string, numerator: CellRef[], denominator: CellRef[]): Measure {
  return {
    id,
    label,
    group: RATE_GROUP,
    description,
    isRate: true,
    variants: [{ definition: description, layouts: BOTH, numerator, denominator, unit: '%', series: description, older: null }],
  };
}

function rateMeasures(): Measure[] {
  const outcomesTotal = t3TotalCells('t3-3-7');
  const correction = (group: (typeof T4_GROUPS)[number]) =>
    rate(
      `${T4_GROUP_SLUGS[group]}-correction-rate`,
      `${T4_GROUP_LABELS[group]} · 纠正率`,
      `表四 ${T4_GROUP_LABELS[group]}：结果纠正 ÷ 总计`,
      [t4Cell(group, '结果纠正')],
      [t4Cell(group, '总计')],
    );
  return [
    rate(
      'disclosure-rate',
      '公开率（予以公开 + 部分公开）',
      '表三：（（一）予以公开 + （二）部分公开）÷ （七）总计，总计列',
      [...t3TotalCells('t3-3-1'), ...t3TotalCells('t3-3-2')],
      outcomesTotal,
    ),
    rate('refusal-rate', '不予公开率', '表三：（三）不予公开 1–8 项之和 ÷ （七）总计，总计列', t3TotalCells('t3-3-3'), outcomesTotal),
    rate('unavailable-share', '无法提供占比', '表三：（四）无法提供 1–3 项之和 ÷ （七）总计，总计列', t3TotalCells('t3-3-4'), outcomesTotal),
    ...T4_GROUPS.map(correction),
    rate(
      'suits-correction-rate',
      '行政诉讼纠错率（直接起诉 + 复议后起诉）',
      '表四 行政诉讼：两类诉讼结果纠正之和 ÷ 两类诉讼总计之和',
      SUIT_GROUPS.map((group) => t4Cell(group, '结果纠正')),
      SUIT_GROUPS.map((group) => t4Cell(group, '总计')),
    ),
  ];
}

// ---- The pre-2019 统计表 -------------------------------------------------------------------

/**
 * Measures the pre-2019 统计表 also counts. `same`: the row means what the later cell means, so
 * the series continues; otherwise the figure is the older definition and the series breaks,
 * with the reason.
 */
const STATISTICS_MAPPING: Record<string, { key: StatisticsKey; same: true } | { key: StatisticsKey; same: false; differs: string }> = {
  't3-1.total': { key: 'ts:received', same: true },
  't3-3-1.total': { key: 'ts:granted', same: false, differs: '按答复计数，上年结转的申请未分开' },
  't3-3-2.total': { key: 'ts:partly', same: false, differs: '按答复计数，上年结转的申请未分开' },
  't3-3-3.total': { key: 'ts:refused', same: false, differs: '不予公开的理由分类与 2019 年后不同' },
  't4.review.total': { key: 'ts:review', same: true },
  'suits.total': { key: 'ts:suit', same: true },
};

const PRE_2019: readonly Layout[] = ['pre-2019'];

function withStatistics(measure: Measure): Measure {
  const mapping = STATISTICS_MAPPING[measure.id];
  if (!mapping) return measure;
  const later = measure.variants[0]!;
  const wording = statisticsWording(mapping.key);
  const definition = `2019 年前统计表：${wording} · ${STATISTICS_COLUMN}`;
  const older = mapping.same
    ? `取自 2019 年前的统计表“${wording}”（${STATISTICS_COLUMN}），与${later.definition}含义相同`
    : `取自 2019 年前的统计表“${wording}”（${STATISTICS_COLUMN}），与${later.definition}口径不同：${mapping.differs}`;
  const variant: Variant = {
    definition,
    layouts: PRE_2019,
    numerator: [cell('统计表', mapping.key, STATISTICS_COLUMN)],
    denominator: null,
    unit: '件',
    series: mapping.same ? later.series : definition,
    older,
  };
  return { ...measure, variants: [...measure.variants, variant] };
}

// ---- Changes from the previous year --------------------------------------------------------

/** 申请量同比: applications received against the same issuer's year before (pre-2019 统计表 years included). */
function yearOnYearMeasure(basis: Measure): Measure {
  return {
    id: 'applications-yoy',
    label: '申请量同比（本年新收申请较上一年度增减）',
    group: RATE_GROUP,
    description: `（本年 − 上一年度）÷ 上一年度：${basis.label}，同一发布机关上一年度的报告`,
    isRate: true,
    variants: basis.variants,
    yearOnYearOf: basis.id,
  };
}

// ---- The catalogue -------------------------------------------------------------------------

const SINGLE_YEAR_MEASURES = [...table3Measures(), ...table4Measures(), suitsTotal(), ...table2Measures(), ...rateMeasures()].map(withStatistics);

export const MEASURES: readonly Measure[] = [...SINGLE_YEAR_MEASURES, yearOnYearMeasure(SINGLE_YEAR_MEASURES.find((measure) => measure.id === 't3-1.total')!)];

const BY_ID = new Map(MEASURES.map((measure) => [measure.id, measure]));

export const MEASURE_IDS = MEASURES.map((measure) => measure.id) as [string, ...string[]];

/** The measure shown when none is chosen: applications received this year, all applicants. */
export const DEFAULT_MEASURE_ID = 't3-1.total';

export function measureById(id: string): Measure | undefined {
  return BY_ID.get(id);
}

function refsOf(measure: Measure): CellRef[] {
  return measure.variants.flatMap((variant) => [...variant.numerator, ...(variant.denominator ?? [])]);
}

/** Every row of tables 二–四 a measure can read, for the `anchor IN [...]` filter (统计表 rows have no fixed anchor). */
export function anchorsOf(measure: Measure): string[] {
  return [
    ...new Set(
      refsOf(measure)
        .filter((ref) => ref.table !== '统计表')
        .map((ref) => ref.anchor),
    ),
  ];
}

/** Whether some variant reads the pre-2019 统计表 (whose rows are recognised by label, not anchor). */
export function readsStatistics(measure: Measure): boolean {
  return refsOf(measure).some((ref) => ref.table === '统计表');
}

/** Measures by group, in catalogue order, for the picker. */
export function measureGroups(): Array<{ group: string; measures: Measure[] }> {
  const groups = new Map<string, Measure[]>();
  for (const measure of MEASURES) groups.set(measure.group, [...(groups.get(measure.group) ?? []), measure]);
  return [...groups].map(([group, measures]) => ({ group, measures }));
}
