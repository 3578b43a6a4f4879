/**
 * Tables from HTML (table blocks: rowspan/colspan cells appear once, '&nbsp;' cells are empty).
 * Figures read by hand from the pages' <table> markup.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { TableParseResult } from '.';
import { cells, row, tablesOf } from '@/test/support/parse-tables';
import { T3_COLUMNS, T4_COLUMNS } from './templates';

describe('2021 平潭 (HTML exported from Word, 2021 format)', () => {
  let result: TableParseResult;
  before(async () => {
    result = await tablesOf('2021-pingtan-zonghe-shiyanqu.html');
  });

  const table3: [string, number[]][] = [
    ['t3-1', [64, 0, 0, 2, 0, 4, 70]],
    ['t3-2', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-1', [27, 0, 0, 2, 0, 1, 30]],
    ['t3-3-2', [5, 0, 0, 0, 0, 0, 5]],
    ['t3-3-3-1', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-3-2', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-3-3', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-3-4', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-3-5', [1, 0, 0, 0, 0, 0, 1]],
    ['t3-3-3-6', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-3-7', [6, 0, 0, 0, 0, 0, 6]],
    ['t3-3-3-8', [1, 0, 0, 0, 0, 0, 1]],
    ['t3-3-4-1', [22, 0, 0, 0, 0, 3, 25]],
    ['t3-3-4-2', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-4-3', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-5-1', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-5-2', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-5-3', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-5-4', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-5-5', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-6-1', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-6-2', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-6-3', [1, 0, 0, 0, 0, 0, 1]],
    ['t3-3-7', [63, 0, 0, 2, 0, 4, 69]],
    ['t3-4', [1, 0, 0, 0, 0, 0, 1]],
  ];
  for (const [anchor, values] of table3) {
    it(`table 三 ${anchor} = ${values.join(' ')}`, () => {
      const r = row(result, anchor);
      assert.deepEqual(cells(r, T3_COLUMNS), values);
      assert.equal(r.status, 'read');
    });
  }

  it('table 四', () => {
    assert.deepEqual(cells(row(result, 't4'), T4_COLUMNS), [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]);
  });

  it('table 二', () => {
    assert.deepEqual(row(result, 't2-1-1').values, { 本年制发件数: 0, 本年废止件数: 0, 现行有效件数: 0 });
    assert.deepEqual(row(result, 't2-1-2').values, { 本年制发件数: 69, 本年废止件数: 3, 现行有效件数: 665 });
    assert.deepEqual(row(result, 't2-5-1').values, { 本年处理决定数量: 2293 });
    assert.deepEqual(row(result, 't2-6-1').values, { 本年处理决定数量: 1282 });
    assert.deepEqual(row(result, 't2-6-2').values, { 本年处理决定数量: 42 });
    assert.deepEqual(row(result, 't2-8-1').values, { 本年收费金额: 24252.311082 });
  });

  it('the three tables are whole table blocks; every check holds', () => {
    assert.equal(result.spans.length, 3);
    assert.ok(result.spans.every((s) => s.from === undefined && s.to === undefined));
    assert.deepEqual(
      result.checks.filter((c) => !c.ok),
      [],
    );
  });
});

describe('2019 上海市政府办公厅 (HTML from a JavaScript string: &nbsp; cells, blank 总计 column)', () => {
  let result: TableParseResult;
  before(async () => {
    result = await tablesOf('2019-shanghai-shi-renmin-zhengfu-bangongting.html');
  });

  // As printed: undefined where the cell is '&nbsp;'.
  const _ = undefined;
  const printed: [string, (number | undefined)[]][] = [
    ['t3-1', [821, 35, _, _, 2, 1, 859]],
    ['t3-2', [18, _, _, _, _, _, 18]],
    ['t3-3-1', [258, 12, _, _, 1, 1, _]],
    ['t3-3-2', [3, _, _, _, _, _, _]],
    ['t3-3-3-1', [14, _, _, _, _, _, _]],
    ['t3-3-3-2', [_, _, _, _, _, _, _]],
    ['t3-3-3-3', [_, _, _, _, _, _, _]],
    ['t3-3-3-4', [_, _, _, _, _, _, _]],
    ['t3-3-3-5', [5, _, _, _, _, _, _]],
    ['t3-3-3-6', [3, 1, _, _, _, _, _]],
    ['t3-3-3-7', [_, _, _, _, _, _, _]],
    ['t3-3-3-8', [10, 2, _, _, _, _, _]],
    ['t3-3-4-1', [252, 12, _, _, 1, _, _]],
    ['t3-3-4-2', [44, 3, _, _, _, _, _]],
    ['t3-3-4-3', [25, _, _, _, _, _, _]],
    ['t3-3-5-1', [148, 1, _, _, _, _, _]],
    ['t3-3-5-2', [5, 4, _, _, _, _, _]],
    ['t3-3-5-3', [_, _, _, _, _, _, _]],
    ['t3-3-5-4', [_, _, _, _, _, _, _]],
    ['t3-3-5-5', [_, _, _, _, _, _, _]],
    ['t3-3-6', [_, _, _, _, _, _, _]],
    ['t3-3-7', [767, 35, _, _, 2, 1, 805]],
    ['t3-4', [72, _, _, _, _, _, 72]],
  ];

  for (const [anchor, values] of printed) {
    it(`table 三 ${anchor}: printed cells kept, empty cells filled only by an identity and named in the note`, () => {
      const r = row(result, anchor);
      values.forEach((v, col) => {
        const column = T3_COLUMNS[col] as string;
        if (v !== undefined) assert.equal(r.values[column], v, column);
        else assert.match(r.note ?? '', new RegExp(column), `${column} should be named as inferred`);
      });
      assert.equal(r.status, 'inferred');
    });
  }

  it('the blank 总计 column is the row sum (t3.row-total), the blank organisation cells are 0 (t3.outcomes)', () => {
    assert.deepEqual(cells(row(result, 't3-3-1'), T3_COLUMNS), [258, 12, 0, 0, 1, 1, 272]);
    assert.deepEqual(cells(row(result, 't3-3-4-1'), T3_COLUMNS), [252, 12, 0, 0, 1, 0, 265]);
    assert.match(row(result, 't3-3-1').note ?? '', /按“总计 = 自然人 \+ 法人或其他组织”推算得出：总计(?:；|$)/);
  });

  it('reconciles 859 + 18 = 805 + 72', () => {
    const balance = result.checks.find((c) => c.rule === 't3.balance' && c.column === '总计');
    assert.deepEqual([balance?.expected, balance?.actual, balance?.ok], [877, 877, true]);
  });

  it('table 四: blanks in groups whose total is printed are 0; the all-blank group stays absent', () => {
    const r = row(result, 't4');
    assert.deepEqual(cells(r, T4_COLUMNS), [5, 0, 0, 2, 7, 8, 0, 0, 1, 9, _, _, _, _, _]);
    assert.equal(r.status, 'inferred');
    assert.ok(
      result.warnings.some(
        (w) =>
          w.code === 'check-skipped' &&
          w.message === '因单元格缺失或无法读取，未能核对表四的“总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结”：复议后起诉/总计',
      ),
    );
  });

  it('table 二 (2019 trial format) with 采购总金额 in 元', () => {
    assert.deepEqual(row(result, 't2-1-1').values, { 本年新制作数量: 13, 本年新公开数量: 13, 对外公开总数量: 524 });
    assert.deepEqual(row(result, 't2-1-2').values, { 本年新制作数量: 60, 本年新公开数量: 60, 对外公开总数量: 368 });
    assert.deepEqual(row(result, 't2-5-1').values, { 上一年项目数量: 0, '本年增/减': 0, 处理决定数量: 0 });
    assert.deepEqual(row(result, 't2-8-1').values, { 上一年项目数量: 0, '本年增/减': 0 });
    assert.deepEqual(row(result, 't2-9-1').values, { 采购项目数量: 6, 采购总金额: 251000 });
    assert.deepEqual(row(result, 't2-9-1').units, { 采购总金额: '元' });
  });
});

describe('2019 平潭 (the label 三、本年度办理结果 printed again mid-table)', () => {
  let result: TableParseResult;
  before(async () => {
    result = await tablesOf('2019-pingtan-zonghe-shiyanqu.html');
  });

  it('reads the rows on both sides of the repeated label', () => {
    assert.deepEqual(cells(row(result, 't3-1'), T3_COLUMNS), [23, 0, 0, 0, 0, 0, 23]);
    assert.deepEqual(cells(row(result, 't3-3-1'), T3_COLUMNS), [7, 0, 0, 0, 0, 0, 7]);
    assert.deepEqual(cells(row(result, 't3-3-2'), T3_COLUMNS), [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(cells(row(result, 't3-3-3-8'), T3_COLUMNS), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(cells(row(result, 't3-3-4-1'), T3_COLUMNS), [7, 0, 0, 0, 0, 0, 7]);
    assert.deepEqual(cells(row(result, 't3-3-4-3'), T3_COLUMNS), [5, 0, 0, 0, 0, 0, 5]);
    assert.deepEqual(cells(row(result, 't3-3-5-2'), T3_COLUMNS), [3, 0, 0, 0, 0, 0, 3]);
    assert.deepEqual(cells(row(result, 't3-3-7'), T3_COLUMNS), [23, 0, 0, 0, 0, 0, 23]);
    assert.ok(result.rows.every((r) => r.status === 'read'));
  });

  it('table 二 (2019 trial format) and table 四', () => {
    assert.deepEqual(row(result, 't2-1-2').values, { 本年新制作数量: 89, 本年新公开数量: 89, 对外公开总数量: 89 });
    assert.deepEqual(row(result, 't2-5-1').values, { 上一年项目数量: 396, '本年增/减': 0, 处理决定数量: 181 });
    assert.deepEqual(row(result, 't2-5-2').values, { 上一年项目数量: 10, '本年增/减': 0, 处理决定数量: 153 });
    assert.deepEqual(row(result, 't2-6-1').values, { 上一年项目数量: 2648, '本年增/减': 0, 处理决定数量: 430 });
    assert.deepEqual(row(result, 't2-6-2').values, { 上一年项目数量: 126, '本年增/减': 0, 处理决定数量: 25 });
    assert.deepEqual(row(result, 't2-8-1').values, { 上一年项目数量: 35, '本年增/减': 0 });
    assert.deepEqual(row(result, 't2-9-1').values, { 采购项目数量: 135, 采购总金额: 75394432.52 });
    assert.deepEqual(cells(row(result, 't4'), T4_COLUMNS), Array(15).fill(0));
  });
});
