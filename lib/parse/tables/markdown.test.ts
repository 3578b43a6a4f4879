/**
 * Tables from PDF-to-Markdown exports: broken pipe tables, labels printed apart from their cells,
 * notes and page numbers inside the table. Figures read by hand from the .md files.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { TableParseResult } from '.';
import { cells, row, tablesOf } from '@/test/support/parse-tables';
import { T3_COLUMNS, T4_COLUMNS } from './templates';

describe('2025 上海市政府办公厅 (Markdown export)', () => {
  let result: TableParseResult;
  before(async () => {
    result = await tablesOf('2025-shanghai-shi-renmin-zhengfu-bangongting-pdf2md.md');
  });

  const table3: [string, number[]][] = [
    ['t3-1', [1259, 36, 0, 0, 0, 0, 1295]],
    ['t3-2', [170, 15, 0, 0, 4, 0, 189]],
    ['t3-3-1', [201, 5, 0, 0, 0, 0, 206]],
    ['t3-3-2', [2, 0, 0, 0, 0, 0, 2]],
    ['t3-3-3-1', [4, 0, 0, 0, 0, 0, 4]],
    ['t3-3-3-2', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-3-3', [1, 0, 0, 0, 0, 0, 1]],
    ['t3-3-3-4', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-3-5', [8, 0, 0, 0, 1, 0, 9]],
    ['t3-3-3-6', [1, 0, 0, 0, 0, 0, 1]],
    ['t3-3-3-7', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-3-8', [5, 0, 0, 0, 0, 0, 5]],
    ['t3-3-4-1', [484, 28, 0, 0, 1, 0, 513]],
    ['t3-3-4-2', [47, 1, 0, 0, 0, 0, 48]],
    ['t3-3-4-3', [3, 0, 0, 0, 0, 0, 3]],
    ['t3-3-5-1', [61, 1, 0, 0, 0, 0, 62]],
    ['t3-3-5-2', [16, 0, 0, 0, 0, 0, 16]],
    ['t3-3-5-3', [1, 0, 0, 0, 0, 0, 1]],
    ['t3-3-5-4', [1, 0, 0, 0, 0, 0, 1]],
    ['t3-3-5-5', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-6-1', [40, 1, 0, 0, 2, 0, 43]],
    ['t3-3-6-2', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-6-3', [264, 12, 0, 0, 0, 0, 276]],
    ['t3-3-7', [1139, 48, 0, 0, 4, 0, 1191]],
    ['t3-4', [290, 3, 0, 0, 0, 0, 293]],
  ];
  for (const [anchor, values] of table3) {
    it(`table 三 ${anchor} = ${values.join(' ')}`, () => {
      assert.deepEqual(cells(row(result, anchor), T3_COLUMNS), values);
    });
  }

  it('rows whose label is separated from the cells are marked inferred, with the reason', () => {
    const byOrder = result.rows.filter((r) => /，按表中各行的固定顺序对应到这一行$/.test(r.note ?? '')).map((r) => [r.anchor, r.status]);
    assert.deepEqual(byOrder, [
      ['t3-3-5-5', 'inferred'],
      ['t3-3-6-1', 'inferred'],
    ]);
    assert.match(row(result, 't3-3-6-1').note ?? '', /行政机关不再处理其政府信息公/);
  });

  it('reconciles 1295 + 189 = 1191 + 293, and every identity holds', () => {
    const balance = result.checks.find((c) => c.rule === 't3.balance' && c.column === '总计');
    assert.deepEqual([balance?.expected, balance?.actual], [1484, 1484]);
    assert.equal(result.checks.length, 42);
    assert.deepEqual(
      result.checks.filter((c) => !c.ok),
      [],
    );
  });

  it('table 四 (with a note inside the table)', () => {
    assert.deepEqual(cells(row(result, 't4'), T4_COLUMNS), [40, 0, 10, 5, 55, 2, 0, 4, 6, 12, 6, 0, 9, 7, 22]);
    assert.equal(row(result, 't4').status, 'read');
  });

  it('table 二 （一）: two cells for three columns is unreadable, and the numbers outside the table are not used', () => {
    for (const anchor of ['t2-1-1', 't2-1-2']) {
      const r = row(result, anchor);
      assert.equal(r.status, 'unreadable');
      assert.deepEqual(r.values, {});
      assert.match(r.note ?? '', /^原表为“\d+ \d+”：2 个数字对应 3 列，有 3 种排法，而表二没有勾稽关系可据以判断$/);
    }
    assert.ok(result.warnings.some((w) => w.code === 'stray-cells' && /^表二：单元格“[^”]*\b22”不属于任何一行，未采用$/.test(w.message)));
    assert.deepEqual(row(result, 't2-5-1').values, { 本年处理决定数量: 0 });
    assert.deepEqual(row(result, 't2-8-1').values, { 本年收费金额: 0 });
  });
});

describe('2024 上海市科委 (Markdown export with rows printed apart from their labels)', () => {
  let result: TableParseResult;
  before(async () => {
    result = await tablesOf('2024-shanghai-kewei-pdf2md.md');
  });

  const table3: [string, number[], boolean][] = [
    ['t3-1', [32, 2, 0, 0, 0, 0, 34], false],
    ['t3-2', [2, 0, 0, 0, 0, 0, 2], false],
    ['t3-3-1', [9, 0, 0, 0, 0, 0, 9], false],
    ['t3-3-2', [0, 0, 0, 0, 0, 0, 0], true],
    ['t3-3-3-1', [0, 0, 0, 0, 0, 0, 0], false],
    ['t3-3-3-2', [0, 0, 0, 0, 0, 0, 0], true],
    ['t3-3-3-3', [0, 0, 0, 0, 0, 0, 0], false],
    ['t3-3-3-4', [0, 0, 0, 0, 0, 0, 0], false],
    ['t3-3-3-5', [1, 0, 0, 0, 0, 0, 1], true],
    ['t3-3-3-6', [1, 0, 0, 0, 0, 0, 1], false],
    ['t3-3-3-7', [0, 0, 0, 0, 0, 0, 0], false],
    ['t3-3-3-8', [0, 0, 0, 0, 0, 0, 0], false],
    ['t3-3-4-1', [4, 0, 0, 0, 0, 0, 4], true],
    ['t3-3-4-2', [6, 0, 0, 0, 0, 0, 6], true],
    ['t3-3-4-3', [0, 0, 0, 0, 0, 0, 0], true],
    ['t3-3-5-1', [0, 0, 0, 0, 0, 0, 0], false],
    ['t3-3-5-2', [0, 0, 0, 0, 0, 0, 0], false],
    ['t3-3-5-3', [0, 0, 0, 0, 0, 0, 0], false],
    ['t3-3-5-4', [0, 0, 0, 0, 0, 0, 0], true],
    ['t3-3-5-5', [0, 0, 0, 0, 0, 0, 0], true],
    ['t3-3-6-1', [8, 2, 0, 0, 0, 0, 10], true],
    ['t3-3-6-2', [0, 0, 0, 0, 0, 0, 0], true],
    ['t3-3-6-3', [4, 0, 0, 0, 0, 0, 4], false],
    ['t3-3-7', [33, 2, 0, 0, 0, 0, 35], false],
  ];
  for (const [anchor, values, apart] of table3) {
    it(`table 三 ${anchor} = ${values.join(' ')}${apart ? ' (cells apart from the label: inferred)' : ''}`, () => {
      const r = row(result, anchor);
      assert.deepEqual(cells(r, T3_COLUMNS), values);
      assert.equal(r.status, apart ? 'inferred' : 'read');
    });
  }

  it('row 四 prints an empty 总计 cell: 1 + five zeros gives 1 by t3.row-total', () => {
    const r = row(result, 't3-4');
    assert.deepEqual(cells(r, T3_COLUMNS), [1, 0, 0, 0, 0, 0, 1]);
    assert.equal(r.status, 'inferred');
    assert.equal(r.note, '按“总计 = 自然人 + 法人或其他组织”推算得出：总计');
  });

  it("leaves out the stray '1' printed between the rows, and every identity holds", () => {
    assert.ok(result.warnings.some((w) => w.code === 'stray-cells' && w.message === '表三：单元格“1”不在任何一行内，未采用'));
    assert.deepEqual(
      result.checks.filter((c) => !c.ok),
      [],
    );
  });

  it('table 四 and table 二 (whose （一） rows come after （五）（六）（八）)', () => {
    assert.deepEqual(cells(row(result, 't4'), T4_COLUMNS), [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(row(result, 't2-1-1').values, { 本年制发件数: 0, 本年废止件数: 0, 现行有效件数: 0 });
    assert.deepEqual(row(result, 't2-1-2').values, { 本年制发件数: 13, 本年废止件数: 0, 现行有效件数: 55 });
    assert.deepEqual(row(result, 't2-5-1').values, { 本年处理决定数量: 97 });
    assert.deepEqual(row(result, 't2-6-1').values, { 本年处理决定数量: 0 });
    assert.deepEqual(row(result, 't2-8-1').values, { 本年收费金额: 0 });
  });
});
