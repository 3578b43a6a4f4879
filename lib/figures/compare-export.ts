/**
 * A comparison as data: one record per report (place, year, figure, and everything a reader
 * needs to trust it or not: gap reason, inferred, failed checks, definition, series break, the
 * row it came from), streamed as CSV or JSON batch by batch.
 */
import { reportHref } from '@/lib/search/url';
import type { Measure } from './catalogue';
import type { CompareQuery, CompareSort } from './compare-params';
import { COMPARE_FACETS, isValueSort } from './compare-params';
import { CSV_BOM, csvLine } from './csv';
import { jsonArrayChunks } from './download';
import { GAP_LABELS, type GapReason } from './evaluate';
import { rankByYear } from './ranking';
import { groupByPlace, type Observation, type PlaceSeries } from './series';
import { present } from '@/lib/errors';

export interface ComparisonRecord {
  province: string;
  city: string | null;
  district: string | null;
  issuer: string;
  level: string | null;
  year: number;
  /** Place in its year's ranking when sorted by value (ties share it); null unsorted or for a gap. */
  rank: number | null;
  reportId: string;
  measure: string;
  /** null is a gap: see `gap`. */
  value: number | null;
  unit: string;
  gap: GapReason | null;
  inferred: boolean;
  /** Tables of the figure whose identity checks fail in this report. */
  failedTables: string[];
  /** What was counted (the variant of the measure the report prints). */
  definition: string | null;
  /** Set when the definition differs from this place's previous year with the measure. */
  seriesBreak: string | null;
  /** Read from the pre-2019 统计表: its older definition and how it relates to the later one. */
  olderDefinition: string | null;
  /** Computed by the portal (a sum of several cells, or a rate), not printed as one number. */
  computed: boolean;
  /** A change from the previous year: the two figures compared, and the previous year's report. */
  yearOnYear: { current: number; previous: number; previousReportId: string } | null;
  /** The table row the figure comes from (absolute URL). */
  source: string;
  /** Every row the figure reads (anchors on the report page). */
  rows: string[];
}

function breakBefore(series: PlaceSeries, year: number): string | null {
  const change = series.breaks.find((candidate) => candidate.year === year);
  return change ? `${change.previousYear}→${change.year}：${change.before} → ${change.after}` : null;
}

/** Records of a place, by year (several reports of one year each get their record). */
export function recordsOf(series: PlaceSeries, measure: Measure, origin: string): ComparisonRecord[] {
  return [...series.byYear.keys()]
    .sort((a, b) => a - b)
    .flatMap((year) =>
      present(series.byYear.get(year), `the year ${year} of the series`).map((observation: Observation) => {
        const { figure, place } = observation;
        return {
          province: place.province,
          city: place.city,
          district: place.district,
          issuer: place.issuer,
          level: place.level,
          year,
          rank: null,
          reportId: observation.reportId,
          measure: measure.label,
          value: figure.value,
          unit: figure.unit,
          gap: figure.gap,
          inferred: figure.inferred,
          failedTables: figure.failedTables,
          definition: figure.definition,
          seriesBreak: breakBefore(series, year),
          olderDefinition: figure.older,
          computed: figure.computed,
          yearOnYear: figure.yearOnYear ?? null,
          source: new URL(reportHref(observation.reportId, { anchor: figure.anchors[0] }), origin).href,
          rows: figure.anchors,
        };
      }),
    );
}

/**
 * Records batch by batch, by place; sorted by value, every batch is read first (a ranking needs
 * them all) and the records come year by year, latest first, each year ranked.
 */
async function* records(batches: AsyncIterable<Observation[]>, measure: Measure, origin: string, sort: CompareSort): AsyncGenerator<ComparisonRecord> {
  if (!isValueSort(sort)) {
    for await (const batch of batches) for (const series of groupByPlace(batch)) yield* recordsOf(series, measure, origin);
    return;
  }
  const observations: Observation[] = [];
  for await (const batch of batches) observations.push(...batch);
  const byReport = new Map(
    groupByPlace(observations)
      .flatMap((series) => recordsOf(series, measure, origin))
      .map((record) => [record.reportId, record]),
  );
  for (const { observation, rank } of rankByYear(observations, sort))
    yield { ...present(byReport.get(observation.reportId), `the row of report ${observation.reportId}`), rank };
}

const CSV_HEADER = [
  '省份',
  '城市',
  '区县',
  '发布机关',
  '层级',
  '年度',
  '指标',
  '数值',
  '单位',
  '缺值原因',
  '推断值',
  '所在表格未通过勾稽校验',
  '口径',
  '口径变化',
  '来源',
  '所用表格行',
  '报告编号',
  '旧表口径',
  '计算值',
  '名次',
  '同比·本年数值',
  '同比·上年数值',
  '同比·上年报告编号',
];

export function comparisonCsvLine(record: ComparisonRecord): string {
  return csvLine([
    record.province,
    record.city,
    record.district,
    record.issuer,
    record.level,
    record.year,
    record.measure,
    record.value,
    record.unit,
    record.gap ? GAP_LABELS[record.gap] : null,
    record.inferred ? '是' : null,
    record.failedTables.length > 0 ? `表${record.failedTables.join('、表')}` : null,
    record.definition,
    record.seriesBreak,
    record.source,
    record.rows.join(' '),
    record.reportId,
    record.olderDefinition,
    record.computed ? '是' : null,
    record.rank,
    record.yearOnYear?.current ?? null,
    record.yearOnYear?.previous ?? null,
    record.yearOnYear?.previousReportId ?? null,
  ]);
}

export async function* comparisonCsv(batches: AsyncIterable<Observation[]>, query: CompareQuery, origin: string): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(CSV_HEADER);
  for await (const record of records(batches, query.measure, origin, query.sort)) yield comparisonCsvLine(record);
}

/** `{ ok, measure, filters, records: [...] }`, the records streamed. */
export async function* comparisonJson(batches: AsyncIterable<Observation[]>, query: CompareQuery, origin: string): AsyncGenerator<string> {
  const { measure } = query;
  const filters = Object.fromEntries(COMPARE_FACETS.filter((facet) => query.filters[facet].length > 0).map((facet) => [facet, query.filters[facet]]));
  const head = { id: measure.id, label: measure.label, group: measure.group, description: measure.description, isRate: measure.isRate };
  yield `{"ok":true,"measure":${JSON.stringify(head)},"filters":${JSON.stringify(filters)},"sort":${JSON.stringify(query.sort)},"records":`;
  yield* jsonArrayChunks(records(batches, measure, origin, query.sort));
  yield '}\n';
}
