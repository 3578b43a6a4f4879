import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { parsedReport } from '@/test/support/cached-parser';
import type { ParsedReport } from '@/lib/report/schema';
import { facetPlace } from '@/lib/index/document';
import { DEFAULT_QUERY } from '@/lib/search/query-schema';
import { measureById } from './catalogue';
import { comparisonCsv, comparisonJson, recordsOf } from './compare-export';
import { evaluate } from './evaluate';
import { tablesOfReport } from './report-tables';
import { groupByPlace, type Observation } from './series';

const ORIGIN = 'https://example.org';
let reports: ParsedReport[] = [];

before(async () => {
  const files = ['2020-pingtan-zonghe-shiyanqu.html', '2021-pingtan-zonghe-shiyanqu.html', '2020-hangzhou-xiacheng-qu.txt'];
  reports = await Promise.all(files.map((file) => parsedReport(file)));
});

function observations(measureId: string): Observation[] {
  return reports.map((parsed) => ({
    reportId: parsed.report.id,
    year: parsed.report.year ?? assert.fail(`${parsed.report.id} has no year`),
    place: { ...facetPlace(parsed.report), level: parsed.report.level },
    figure: evaluate(measureById(measureId)!, tablesOfReport(parsed)),
  }));
}

async function* once<T>(batch: T): AsyncGenerator<T> {
  yield batch;
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

const plain = (measureId: string) => ({ measure: measureById(measureId)!, filters: DEFAULT_QUERY.filters, sort: 'place' as const });

test('sorted by value: ranked year by year, latest first, gaps last', async () => {
  const csv = await text(comparisonCsv(once(observations('t3-1.total')), { ...plain('t3-1.total'), sort: 'value-desc' }, ORIGIN));
  const lines = csv.split('\r\n').filter(Boolean).slice(1);
  assert.deepEqual(
    lines.map((line) => [line.split(',')[5], line.split(',')[19]]),
    [
      ['2021', '1'],
      ['2020', '1'],
      ['2020', '2'],
    ],
  );
  assert.match(lines[1]!, /杭州市下城区人民政府,区县级,2020,.*,120,/);
});

test('a record per report: value, definition, source row as an absolute link', () => {
  const [pingtan] = groupByPlace(observations('t3-1.total'));
  const records = recordsOf(pingtan!, measureById('t3-1.total')!, ORIGIN);
  assert.deepEqual(
    records.map((record) => [record.year, record.value]),
    [
      [2020, 21],
      [2021, 70],
    ],
  );
  assert.equal(records[0]!.source, `${ORIGIN}/reports/2020-pingtan-zonghe-shiyanqu#t3-1`);
  assert.deepEqual(records[0]!.failedTables, ['三']);
  assert.equal(records[1]!.seriesBreak, null);
});

test('the record of the year a series breaks says so', () => {
  const [pingtan] = groupByPlace(observations('t2-5-1.decisions'));
  const records = recordsOf(pingtan!, measureById('t2-5-1.decisions')!, ORIGIN);
  assert.equal(records[0]!.seriesBreak, null);
  assert.match(records[1]!.seriesBreak!, /^2020→2021：2019 试行格式：行政许可 · 处理决定数量 → 2021 格式：行政许可 · 本年处理决定数量$/);
});

test('CSV: BOM, header, Chinese as is, gaps empty with their reason, marks spelled out', async () => {
  const csv = await text(comparisonCsv(once(observations('t3-4.total')), plain('t3-4.total'), ORIGIN));
  assert.ok(
    csv.startsWith(
      '\uFEFF省份,城市,区县,发布机关,层级,年度,指标,数值,单位,缺值原因,推断值,所在表格未通过勾稽校验,口径,口径变化,来源,所用表格行,报告编号,旧表口径,计算值,名次,同比·本年数值,同比·上年数值,同比·上年报告编号\r\n',
    ),
  );
  const xiacheng = csv.split('\r\n').find((line) => line.includes('杭州市下城区人民政府'))!;
  assert.match(xiacheng, /^浙江省,杭州市,下城区,杭州市下城区人民政府,区县级,2020,四、结转下年度继续办理 · 总计,2,件,,是,,/);
  const gaps = await text(comparisonCsv(once(observations('t2-1-1.new')), plain('t2-1-1.new'), ORIGIN));
  const blank = gaps.split('\r\n').find((line) => line.includes('杭州市下城区人民政府'))!;
  assert.match(blank, /,2020,规章 · 本年新制作数量 \/ 本年制发件数,,,原表空白,/);
});

test('JSON: the measure, the filters and the records', async () => {
  const query = { measure: measureById('disclosure-rate')!, filters: { ...DEFAULT_QUERY.filters, year: ['2020'] }, sort: 'place' as const };
  const json = JSON.parse(await text(comparisonJson(once(observations('disclosure-rate')), query, ORIGIN)));
  assert.equal(json.ok, true);
  assert.equal(json.measure.id, 'disclosure-rate');
  assert.deepEqual(json.filters, { year: ['2020'] });
  const xiacheng = json.records.find((record: { issuer: string }) => record.issuer === '杭州市下城区人民政府');
  assert.deepEqual([xiacheng.value, xiacheng.unit, xiacheng.rows], [84.75, '%', ['t3-3-1', 't3-3-2', 't3-3-7']]);
});
