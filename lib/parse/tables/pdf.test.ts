/**
 * Tables from PDF text (one row per line, spaced numbers, vertical headers one character per
 * line, labels broken over lines). Figures read by hand from the PDFs' text layer.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { TableParseResult } from '.';
import { cells, row, tablesOf } from '@/test/support/parse-tables';
import { T3_COLUMNS, T4_COLUMNS } from './templates';

describe('2024 淮安市 (city PDF, 2021 format, （六） in three rows)', () => {
  let result: TableParseResult;
  before(async () => {
    result = await tablesOf('2024-huaian-shi-renmin-zhengfu.pdf');
  });

  const table3: [string, number[]][] = [
    ['t3-1', [3001, 53, 0, 0, 61, 4, 3119]],
    ['t3-2', [34, 0, 0, 0, 0, 0, 34]],
    ['t3-3-1', [1288, 21, 0, 0, 50, 3, 1362]],
    ['t3-3-2', [447, 7, 0, 0, 0, 0, 454]],
    ['t3-3-3-1', [2, 0, 0, 0, 0, 0, 2]],
    ['t3-3-3-2', [30, 1, 0, 0, 0, 0, 31]],
    ['t3-3-3-3', [5, 0, 0, 0, 0, 0, 5]],
    ['t3-3-3-4', [6, 0, 0, 0, 0, 0, 6]],
    ['t3-3-3-5', [7, 1, 0, 0, 0, 0, 8]],
    ['t3-3-3-6', [12, 0, 0, 0, 0, 0, 12]],
    ['t3-3-3-7', [9, 0, 0, 0, 0, 0, 9]],
    ['t3-3-3-8', [105, 0, 0, 0, 0, 0, 105]],
    ['t3-3-4-1', [746, 12, 0, 0, 10, 1, 769]],
    ['t3-3-4-2', [11, 0, 0, 0, 0, 0, 11]],
    ['t3-3-4-3', [1, 0, 0, 0, 0, 0, 1]],
    ['t3-3-5-1', [56, 6, 0, 0, 0, 0, 62]],
    ['t3-3-5-2', [25, 0, 0, 0, 0, 0, 25]],
    ['t3-3-5-3', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-5-4', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-5-5', [1, 0, 0, 0, 0, 0, 1]],
    ['t3-3-6-1', [67, 3, 0, 0, 1, 0, 71]],
    ['t3-3-6-2', [6, 0, 0, 0, 0, 0, 6]],
    ['t3-3-6-3', [108, 2, 0, 0, 0, 0, 110]],
    ['t3-3-7', [2932, 53, 0, 0, 61, 4, 3050]],
    ['t3-4', [103, 0, 0, 0, 0, 0, 103]],
  ];
  for (const [anchor, values] of table3) {
    it(`table 三 ${anchor} = ${values.join(' ')}`, () => {
      const r = row(result, anchor);
      assert.deepEqual(cells(r, T3_COLUMNS), values);
      assert.equal(r.status, 'read');
    });
  }

  it('table 三 rows are exactly the 2021 rows', () => {
    assert.deepEqual(
      result.rows.filter((r) => r.table === '三').map((r) => r.anchor),
      table3.map(([a]) => a),
    );
  });

  it('a （六） sub-row label broken over three lines is recognised', () => {
    assert.deepEqual(row(result, 't3-3-6-1').path, [
      '三、本年度办理结果',
      '（六）其他处理',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    ]);
  });

  it('table 四 is one row of fifteen', () => {
    assert.deepEqual(cells(row(result, 't4'), T4_COLUMNS), [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]);
  });

  it('totals reconcile: 3119 + 34 = 3050 + 103, and every check holds', () => {
    const balance = result.checks.find((c) => c.rule === 't3.balance' && c.column === '总计');
    assert.deepEqual([balance?.expected, balance?.actual, balance?.ok], [3153, 3153, true]);
    assert.equal(result.checks.length, 25 + 7 + 7 + 3);
    assert.deepEqual(
      result.checks.filter((c) => !c.ok),
      [],
    );
  });

  it('table 二 in the 2021 format, fees in 万元', () => {
    assert.deepEqual(row(result, 't2-1-1').values, { 本年制发件数: 1, 本年废止件数: 0, 现行有效件数: 11 });
    assert.deepEqual(row(result, 't2-1-2').values, { 本年制发件数: 8, 本年废止件数: 26, 现行有效件数: 66 });
    assert.deepEqual(row(result, 't2-5-1').values, { 本年处理决定数量: 447228 });
    assert.deepEqual(row(result, 't2-6-1').values, { 本年处理决定数量: 3985758 });
    assert.deepEqual(row(result, 't2-6-2').values, { 本年处理决定数量: 88283 });
    assert.deepEqual(row(result, 't2-8-1').values, { 本年收费金额: 96171.6 });
    assert.deepEqual(row(result, 't2-8-1').units, { 本年收费金额: '万元' });
  });

  it('the spans cover the tables and leave the headings to the sections', () => {
    assert.equal(result.spans.length, 3);
  });
});

describe('2024 洪泽区 (district PDF: text says 17 applications, table 三 says 95)', () => {
  let result: TableParseResult;
  before(async () => {
    result = await tablesOf('2024-huaian-hongze-qu.pdf');
  });

  it('table 三 is read as printed, 95 new applications', () => {
    assert.deepEqual(cells(row(result, 't3-1'), T3_COLUMNS), [95, 0, 0, 0, 0, 0, 95]);
    assert.deepEqual(cells(row(result, 't3-3-1'), T3_COLUMNS), [50, 0, 0, 0, 0, 0, 50]);
    assert.deepEqual(cells(row(result, 't3-3-2'), T3_COLUMNS), [9, 0, 0, 0, 0, 0, 9]);
    assert.deepEqual(cells(row(result, 't3-3-3-3'), T3_COLUMNS), [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(cells(row(result, 't3-3-4-1'), T3_COLUMNS), [31, 0, 0, 0, 0, 0, 31]);
    assert.deepEqual(cells(row(result, 't3-3-4-2'), T3_COLUMNS), [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(cells(row(result, 't3-3-5-1'), T3_COLUMNS), [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(cells(row(result, 't3-3-7'), T3_COLUMNS), [95, 0, 0, 0, 0, 0, 95]);
    assert.deepEqual(cells(row(result, 't3-4'), T3_COLUMNS), [0, 0, 0, 0, 0, 0, 0]);
  });

  it('（六）其他处理 is one collapsed row: no sub-rows', () => {
    const anchors = result.rows.map((r) => r.anchor);
    assert.ok(anchors.includes('t3-3-6'));
    assert.ok(!anchors.some((a) => a.startsWith('t3-3-6-')));
    assert.deepEqual(cells(row(result, 't3-3-6'), T3_COLUMNS), [0, 0, 0, 0, 0, 0, 0]);
  });

  it('table 四 = 1 1 0 0 2 | 1 0 0 0 1 | 2 0 1 0 3', () => {
    assert.deepEqual(cells(row(result, 't4'), T4_COLUMNS), [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3]);
    assert.equal(row(result, 't4').status, 'read');
  });

  it('every check holds', () => {
    assert.equal(result.checks.length, 23 + 7 + 7 + 3);
    assert.deepEqual(
      result.checks.filter((c) => !c.ok),
      [],
    );
  });
});

describe('2023 洪泽区 (garbled and broken labels)', () => {
  let result: TableParseResult;
  before(async () => {
    result = await tablesOf('2023-huaian-hongze-qu.pdf');
  });

  it("reads the row printed '2.其他法律行政止公开' as 2.其他法律行政法规禁止公开", () => {
    const r = row(result, 't3-3-3-2');
    assert.match(r.raw, /其他法律行政止公开/);
    assert.equal(r.label, '2.其他法律行政法规禁止公开');
    assert.deepEqual(cells(r, T3_COLUMNS), [0, 0, 0, 0, 0, 0, 0]);
  });

  it("reads rows under the truncated vertical header '三、本年' and labels broken over lines", () => {
    assert.deepEqual(cells(row(result, 't3-3-1'), T3_COLUMNS), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(cells(row(result, 't3-3-2'), T3_COLUMNS), [4, 0, 0, 0, 0, 0, 4]);
    assert.deepEqual(cells(row(result, 't3-3-5-5'), T3_COLUMNS), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(cells(row(result, 't3-3-4-1'), T3_COLUMNS), [10, 0, 0, 0, 0, 0, 10]);
    assert.deepEqual(cells(row(result, 't3-3-4-2'), T3_COLUMNS), [3, 0, 0, 0, 0, 0, 3]);
    assert.deepEqual(cells(row(result, 't3-3-7'), T3_COLUMNS), [21, 0, 0, 0, 0, 0, 21]);
  });

  it('table 四 is read as printed, and its two broken group totals are reported, not fixed', () => {
    assert.deepEqual(cells(row(result, 't4'), T4_COLUMNS), [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]);
    const failed = result.checks.filter((c) => !c.ok).map((c) => [c.column, c.expected, c.actual]);
    assert.deepEqual(failed, [
      ['行政复议/总计', 11, 0],
      ['复议后起诉/总计', 5, 0],
    ]);
  });

  it('table 二 (2021 format)', () => {
    assert.deepEqual(row(result, 't2-1-2').values, { 本年制发件数: 0, 本年废止件数: 5, 现行有效件数: 5 });
    assert.deepEqual(row(result, 't2-5-1').values, { 本年处理决定数量: 550 });
    assert.deepEqual(row(result, 't2-6-1').values, { 本年处理决定数量: 4119 });
    assert.deepEqual(row(result, 't2-6-2').values, { 本年处理决定数量: 195 });
    assert.deepEqual(row(result, 't2-8-1').values, { 本年收费金额: 7730.28 });
  });
});
