import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { parsedReport } from '@/test/support/cached-parser';
import type { ParsedReport } from '@/lib/report/schema';
import { tablesOfReport } from './report-tables';
import { summarize, SUMMARY_MEASURES, type SummaryInput } from './summary';

const reports = new Map<string, ParsedReport>();

before(async () => {
  for (const file of ['2023-huaian-hongze-qu.pdf', '2024-huaian-hongze-qu.pdf', '2020-pingtan-zonghe-shiyanqu.html', '2021-pingtan-zonghe-shiyanqu.html']) {
    reports.set(file.split('.')[0]!, await parsedReport(file));
  }
});

function input(id: string): SummaryInput {
  const parsed = reports.get(id)!;
  return { reportId: parsed.report.id, year: parsed.report.year, tables: tablesOfReport(parsed) };
}

const itemOf = (summary: ReturnType<typeof summarize>, id: string) => summary.items.find((item) => item.measure.id === id)!;

test('the key figures of a report, in order, each from its table row', () => {
  const summary = summarize(input('2024-huaian-hongze-qu'), []);
  assert.deepEqual(
    summary.items.map((item) => item.measure.id),
    SUMMARY_MEASURES.map((measure) => measure.id),
  );
  assert.equal(itemOf(summary, 't3-1.total').figure.value, 95);
  assert.equal(itemOf(summary, 't4.review.total').figure.value, 2);
  assert.equal(itemOf(summary, 'review-correction-rate').figure.value, 50);
  assert.equal(summary.previous, null);
  assert.ok(summary.items.every((item) => item.change === null && item.previous === null));
});

test('the change from the previous year: counts as differences, rates in percentage points', () => {
  const summary = summarize(input('2024-huaian-hongze-qu'), [input('2023-huaian-hongze-qu')]);
  assert.deepEqual(summary.previous, { reportId: '2023-huaian-hongze-qu', year: 2023 });
  assert.equal(itemOf(summary, 't3-1.total').change, 95 - 21);
  const disclosure = itemOf(summary, 'disclosure-rate');
  assert.equal(disclosure.previous?.value, 19.05); // (0 + 4) / 21
  assert.equal(disclosure.change, Math.round((62.11 - 19.05) * 100) / 100);
});

test('no change where last year is a gap (2023 洪泽区 prints 行政复议 总计 0: no rate)', () => {
  const rate = itemOf(summarize(input('2024-huaian-hongze-qu'), [input('2023-huaian-hongze-qu')]), 'review-correction-rate');
  assert.equal(rate.previous?.gap, 'zero-denominator');
  assert.equal(rate.change, null);
});

test('no change across a change of definition; the same measure still compares when it means the same', () => {
  const summary = summarize(input('2021-pingtan-zonghe-shiyanqu'), [input('2020-pingtan-zonghe-shiyanqu')]);
  assert.ok(summary.items.every((item) => !item.definitionChanged));
  assert.equal(itemOf(summary, 't3-1.total').change, 70 - 21);
});

test('申请量同比 from the previous year’s report, computed; a gap without one', () => {
  const change = itemOf(summarize(input('2024-huaian-hongze-qu'), [input('2023-huaian-hongze-qu')]), 'applications-yoy');
  assert.equal(change.figure.value, Math.round(((95 - 21) / 21) * 10_000) / 100);
  assert.equal(change.figure.computed, true);
  assert.equal(change.change, null);
  assert.equal(itemOf(summarize(input('2024-huaian-hongze-qu'), []), 'applications-yoy').figure.gap, 'no-previous-year');
});
