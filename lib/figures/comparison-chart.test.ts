import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_QUERY } from '@/lib/search/query-schema';
import { measureById } from './catalogue';
import type { Comparison } from './compare-data';
import { comparisonChart } from './comparison-chart';
import type { Figure } from './evaluate';
import { groupByPlace, yearsOf, type Observation } from './series';

const figure = (value: number | null, unit = '万元', inferred = false): Figure => ({
  value,
  gap: value === null ? 'unreadable' : null,
  unit,
  definition: '2021 格式：行政事业性收费 · 本年收费金额',
  series: '2021 格式：行政事业性收费 · 本年收费金额',
  older: null,
  computed: false,
  inferred,
  failedTables: [],
  anchors: ['t2-8-1'],
});

function observation(issuer: string, province: string, year: number, value: Figure): Observation {
  return { reportId: `${issuer}-${year}`, year, place: { issuer, province, city: null, district: null, level: '省级' }, figure: value };
}

function comparisonOf(observations: Observation[]): Comparison {
  const series = groupByPlace(observations);
  const query = { measure: measureById('t2-8-1.fee-amount')!, filters: DEFAULT_QUERY.filters, sort: 'place' as const };
  return { query, years: yearsOf(series), series, issuersMatched: series.length, issuersOmitted: 0 };
}

test('several years give trend lines; one year gives bars; nothing gives no chart', () => {
  const trend = comparisonChart(comparisonOf([observation('甲', '省一', 2022, figure(1)), observation('甲', '省一', 2023, figure(2))]))!;
  assert.equal(trend.kind, 'trend');
  assert.match(trend.alt, /^折线图：行政事业性收费 · 本年收费金额/);
  const bars = comparisonChart(comparisonOf([observation('甲', '省一', 2023, figure(1)), observation('乙', '省一', 2023, figure(2))]))!;
  assert.equal(bars.kind, 'bar');
  assert.match(bars.alt, /^柱状图：.*（2023年）/);
  assert.equal(comparisonChart(comparisonOf([])), null);
});

test('figures in another unit than the chart are left out and counted', () => {
  const chart = comparisonChart(
    comparisonOf([
      observation('甲', '省一', 2022, figure(1)),
      observation('乙', '省二', 2022, figure(250000, '元')),
      observation('乙', '省二', 2023, figure(3)),
    ]),
  )!;
  assert.equal(chart.otherUnit, 1);
  assert.doesNotMatch(chart.svg, /250,?000/);
});

test('two places with one issuer name are told apart in the legend', () => {
  const chart = comparisonChart(comparisonOf([observation('县政府', '省一', 2022, figure(1)), observation('县政府', '省二', 2022, figure(2))]))!;
  assert.ok(chart.svg.includes('县政府（省一）') && chart.svg.includes('县政府（省二）'));
});

test('only the first places are drawn', () => {
  const many = Array.from({ length: 12 }, (_, index) => observation(`机关${String(index).padStart(2, '0')}`, '省一', 2022, figure(index)));
  assert.equal(comparisonChart(comparisonOf(many))!.places, 10);
});
