import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { parsedReport } from '@/test/support/cached-parser';
import type { ParsedReport } from '@/lib/report/schema';
import { facetPlace } from '@/lib/index/document';
import { measureById } from './catalogue';
import { evaluate, type Figure } from './evaluate';
import { tablesOfReport } from './report-tables';
import { chartableFigure, groupByPlace, seriesBreaks, yearsOf, type Observation } from './series';

const FILES = [
  '2019-pingtan-zonghe-shiyanqu.html',
  '2020-pingtan-zonghe-shiyanqu.html',
  '2021-pingtan-zonghe-shiyanqu.html',
  '2022-pingtan-zonghe-shiyanqu.html',
  '2020-hangzhou-xiacheng-qu.txt',
  '2023-huaian-hongze-qu.pdf',
  '2024-huaian-hongze-qu.pdf',
];
let reports: ParsedReport[] = [];

before(async () => {
  reports = await Promise.all(FILES.map((file) => parsedReport(file)));
});

function observations(measureId: string): Observation[] {
  const measure = measureById(measureId)!;
  return reports.map((parsed) => ({
    reportId: parsed.report.id,
    year: parsed.report.year ?? assert.fail(`${parsed.report.id} has no year`),
    place: { ...facetPlace(parsed.report), level: parsed.report.level },
    figure: evaluate(measure, tablesOfReport(parsed)),
  }));
}

function seriesOf(measureId: string, issuer: string) {
  return groupByPlace(observations(measureId)).find((series) => series.place.issuer === issuer)!;
}

test('each issuer is its own series; places are ordered by province (pinyin) › city › district › issuer', () => {
  const series = groupByPlace(observations('t3-1.total'));
  assert.deepEqual(
    series.map((entry) => `${entry.place.province} ${entry.place.issuer}`),
    ['福建省 平潭综合实验区管委会', '江苏省 淮安市洪泽区人民政府', '浙江省 杭州市下城区人民政府'],
  );
  assert.deepEqual(yearsOf(series), [2019, 2020, 2021, 2022, 2023, 2024]);
  const pingtan = series[0]!;
  assert.deepEqual([...pingtan.byYear.keys()], [2019, 2020, 2021, 2022]);
});

test('a measure printed the same way in both formats has no break', () => {
  assert.deepEqual(seriesOf('t3-1.total', '平潭综合实验区管委会').breaks, []);
  assert.deepEqual(seriesOf('disclosure-rate', '平潭综合实验区管委会').breaks, []);
});

test('table 二 columns that changed in 2021 break the series between 2020 and 2021', () => {
  const [change] = seriesOf('t2-5-1.decisions', '平潭综合实验区管委会').breaks;
  assert.deepEqual([change?.previousYear, change?.year], [2020, 2021]);
  assert.match(change!.before, /2019 试行格式：行政许可 · 处理决定数量/);
  assert.match(change!.after, /2021 格式：行政许可 · 本年处理决定数量/);
});

test('（六）其他处理 breaks where the report starts printing it as three rows', () => {
  const breaks = seriesOf('t3-3-6.total', '平潭综合实验区管委会').breaks;
  assert.deepEqual(
    breaks.map((change) => [change.previousYear, change.year]),
    [[2020, 2021]],
  );
  assert.match(breaks[0]!.after, /1 \+ 2 \+ 3 各项之和/);
  // 洪泽区 prints （六） as one row in both its 2021-format reports: no break.
  assert.deepEqual(seriesOf('t3-3-6.total', '淮安市洪泽区人民政府').breaks, []);
});

test('years without the measure are gaps, not breaks', () => {
  const fees = seriesOf('t2-8-1.fee-amount', '平潭综合实验区管委会');
  assert.equal(fees.byYear.get(2019)![0]!.figure.gap, 'not-in-format');
  assert.deepEqual(fees.breaks, []);
});

const figure = (value: number | null, definition: string | null, unit: string): Figure => ({
  value,
  gap: value === null ? 'unreadable' : null,
  unit,
  definition,
  series: definition,
  older: null,
  computed: false,
  inferred: false,
  failedTables: [],
  anchors: ['t2-9-1'],
});
const place = { issuer: '甲', province: '省', city: null, district: null, level: '省级' } as const;
const at = (year: number, value: number | null, definition: string | null, unit = '') =>
  [year, [{ reportId: `r${year}`, year, place, figure: figure(value, definition, unit) }]] as const;

test('a printed unit that changes breaks the series; a unit printed in one year only does not', () => {
  const changed = seriesBreaks(new Map([at(2019, 5, 'd', '元'), at(2020, 6, 'd', '万元')]));
  assert.deepEqual(
    changed.map((change) => [change.year, change.before, change.after]),
    [[2020, 'd（元）', 'd（万元）']],
  );
  assert.deepEqual(seriesBreaks(new Map([at(2019, 5, 'd', '项'), at(2020, 6, 'd', '')])), []);
});

test('a break is found across a year without the measure; gaps keep their definition', () => {
  const breaks = seriesBreaks(new Map([at(2019, 1, 'a'), at(2020, null, null), at(2021, null, 'b')]));
  assert.deepEqual(
    breaks.map((change) => [change.previousYear, change.year]),
    [[2019, 2021]],
  );
});

test('a chart draws a figure only when the reports of a year agree', () => {
  const one = at(2020, 5, 'd')[1];
  assert.equal(chartableFigure(one)?.value, 5);
  assert.equal(chartableFigure([...one, ...at(2020, 5, 'd')[1]])?.value, 5);
  assert.equal(chartableFigure([...one, ...at(2020, 6, 'd')[1]]), null);
  assert.equal(chartableFigure(at(2020, null, 'd')[1]), null);
  assert.equal(chartableFigure(undefined), null);
});
