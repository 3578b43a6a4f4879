import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { parsedReport } from '@/test/support/cached-parser';
import type { ParsedReport } from '@/lib/report/schema';
import { measureById } from './catalogue';
import { evaluate, isMarked, type ReportTables } from './evaluate';
import { tablesOfReport } from './report-tables';

const reports = new Map<string, ParsedReport>();

before(async () => {
  for (const file of ['2020-hangzhou-xiacheng-qu.txt', '2023-huaian-hongze-qu.pdf', '2025-shanghai-shi-renmin-zhengfu-bangongting-pdf2md.md']) {
    reports.set(file.split('.')[0]!, await parsedReport(file));
  }
});

function figure(reportId: string, measureId: string, change?: (tables: ReportTables) => ReportTables) {
  const tables = tablesOfReport(reports.get(reportId)!);
  return evaluate(measureById(measureId)!, change ? change(tables) : tables);
}

/** The report's tables with one cell gone (as if the parser could not read it). */
function without(anchor: string, column: string) {
  return (tables: ReportTables): ReportTables => {
    const rows = new Map(tables.rows);
    const row = rows.get(anchor)!;
    const { [column]: _dropped, ...values } = row.values;
    rows.set(anchor, { ...row, values, status: 'unreadable' });
    return { ...tables, rows };
  };
}

test('cells are read as printed (2020 下城区: 本年新收 120, 予以公开 100)', () => {
  const received = figure('2020-hangzhou-xiacheng-qu', 't3-1.total');
  assert.equal(received.value, 120);
  assert.equal(received.unit, '件');
  assert.deepEqual(received.anchors, ['t3-1']);
  assert.equal(isMarked(received), false);
  assert.equal(figure('2020-hangzhou-xiacheng-qu', 't3-3-1.total').value, 100);
  assert.equal(figure('2020-hangzhou-xiacheng-qu', 't2-5-1.items-change').value, -87);
});

test('a sum of sub-rows and a rate', () => {
  assert.equal(figure('2020-hangzhou-xiacheng-qu', 't3-3-4.total').value, 16);
  const disclosure = figure('2020-hangzhou-xiacheng-qu', 'disclosure-rate');
  assert.equal(disclosure.value, 84.75); // (100 + 0) / 118
  assert.equal(disclosure.unit, '%');
  assert.deepEqual(disclosure.anchors, ['t3-3-1', 't3-3-2', 't3-3-7']);
});

test('an inferred figure is marked as such', () => {
  const carried = figure('2020-hangzhou-xiacheng-qu', 't3-4.total');
  assert.equal(carried.value, 2);
  assert.equal(carried.inferred, true);
  assert.equal(isMarked(carried), true);
});

test('a cell the report left blank and a cell that cannot be read are gaps, never 0', () => {
  const blank = figure('2020-hangzhou-xiacheng-qu', 't2-1-1.new');
  assert.deepEqual([blank.value, blank.gap], [null, 'blank']);
  const unreadable = figure('2025-shanghai-shi-renmin-zhengfu-bangongting-pdf2md', 't2-1-1.new');
  assert.deepEqual([unreadable.value, unreadable.gap], [null, 'unreadable']);
  assert.equal(isMarked(unreadable), false);
});

test('a gap in any term makes the sum and the rate gaps', () => {
  const sum = figure('2020-hangzhou-xiacheng-qu', 't3-3-3.total', without('t3-3-3-5', '总计'));
  assert.deepEqual([sum.value, sum.gap], [null, 'unreadable']);
  const numerator = figure('2020-hangzhou-xiacheng-qu', 'disclosure-rate', without('t3-3-2', '总计'));
  assert.deepEqual([numerator.value, numerator.gap], [null, 'unreadable']);
  const denominator = figure('2020-hangzhou-xiacheng-qu', 'disclosure-rate', without('t3-3-7', '总计'));
  assert.deepEqual([denominator.value, denominator.gap], [null, 'unreadable']);
});

test('division by zero is a gap, not Infinity or NaN (2023 洪泽区 prints 行政复议 总计 0)', () => {
  const rate = figure('2023-huaian-hongze-qu', 'review-correction-rate');
  assert.deepEqual([rate.value, rate.gap], [null, 'zero-denominator']);
  const directSuits = figure('2023-huaian-hongze-qu', 'suit-direct-correction-rate');
  assert.equal(directSuits.gap, 'zero-denominator');
});

test('a figure from a table that fails its checks is marked', () => {
  const total = figure('2023-huaian-hongze-qu', 't4.review.total');
  assert.equal(total.value, 0);
  assert.deepEqual(total.failedTables, ['四']);
  assert.equal(isMarked(total), true);
  assert.deepEqual(figure('2023-huaian-hongze-qu', 't3-1.total').failedTables, []);
});

test('（六）其他处理: one row in 2019, the sum of three rows where 2021 prints them', () => {
  const single = figure('2020-hangzhou-xiacheng-qu', 't3-3-6.total');
  const split = figure('2025-shanghai-shi-renmin-zhengfu-bangongting-pdf2md', 't3-3-6.total');
  assert.equal(single.value, 0);
  assert.equal(split.value, 43 + 0 + 276);
  assert.notEqual(single.definition, split.definition);
  assert.deepEqual(split.anchors, ['t3-3-6-1', 't3-3-6-2', 't3-3-6-3']);
});

test('a measure the report format does not have is a gap that says so', () => {
  const subRow = figure('2020-hangzhou-xiacheng-qu', 't3-3-6-1.total');
  assert.deepEqual([subRow.value, subRow.gap, subRow.definition], [null, 'not-in-format', null]);
  const fees = figure('2020-hangzhou-xiacheng-qu', 't2-8-1.fee-amount');
  assert.equal(fees.gap, 'not-in-format');
  const licences2019 = figure('2020-hangzhou-xiacheng-qu', 't2-5-1.decisions');
  const licences2021 = figure('2023-huaian-hongze-qu', 't2-5-1.decisions');
  assert.deepEqual([licences2019.value, licences2021.value], [51972, 550]);
  assert.notEqual(licences2019.definition, licences2021.definition);
});

test('units printed in the report are kept (政府集中采购 元, 收费 万元)', () => {
  assert.deepEqual(
    [figure('2020-hangzhou-xiacheng-qu', 't2-9-1.procurement-amount').value, figure('2020-hangzhou-xiacheng-qu', 't2-9-1.procurement-amount').unit],
    [202529227.9, '元'],
  );
  const fee = figure('2023-huaian-hongze-qu', 't2-8-1.fee-amount');
  assert.deepEqual([fee.value, fee.unit], [7730.28, '万元']);
});
