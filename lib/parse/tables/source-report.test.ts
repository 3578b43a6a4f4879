/**
 * The project's source report (2020 下城区): tables flattened one cell per line. Every figure
 * below was read by hand from data/2020-hangzhou-xiacheng-qu.txt.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { TableParseResult } from '.';
import { cells, row, tablesOf } from '@/test/support/parse-tables';
import { T3_COLUMNS, T4_COLUMNS } from './templates';

let result: TableParseResult;
before(async () => {
  result = await tablesOf('2020-hangzhou-xiacheng-qu.txt');
});

describe('2020 下城区 table 二 (2019 trial format)', () => {
  const expected: [string, string[], (number | undefined)[]][] = [
    ['t2-1-1', ['第二十条第（一）项', '规章'], [undefined, undefined, undefined]],
    ['t2-1-2', ['第二十条第（一）项', '规范性文件'], [3, 3, 67]],
    ['t2-5-1', ['第二十条第（五）项', '行政许可'], [5363, -87, 51972]],
    ['t2-5-2', ['第二十条第（五）项', '其他对外管理服务事项'], [483, 133, 513741]],
    ['t2-6-1', ['第二十条第（六）项', '行政处罚'], [5370, 628, 57944]],
    ['t2-6-2', ['第二十条第（六）项', '行政强制'], [52, 84, 67]],
    ['t2-8-1', ['第二十条第（八）项', '行政事业性收费'], [20, 11]],
    ['t2-9-1', ['第二十条第（九）项', '政府集中采购'], [588, 202529227.9]],
  ];
  const columns: Record<string, string[]> = {
    '1': ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
    '5': ['上一年项目数量', '本年增/减', '处理决定数量'],
    '6': ['上一年项目数量', '本年增/减', '处理决定数量'],
    '8': ['上一年项目数量', '本年增/减'],
    '9': ['采购项目数量', '采购总金额'],
  };
  for (const [anchor, path, values] of expected) {
    it(`${anchor} ${path[1]} = ${values.join(', ')}`, () => {
      const r = row(result, anchor);
      assert.deepEqual(r.path, path);
      assert.equal(r.category, '主动公开');
      assert.deepEqual(cells(r, columns[anchor.split('-')[1] as string] as string[]), values);
      assert.equal(r.status, 'read');
    });
  }

  it("keeps '-' cells out of the values (规章 is blank, not 0) and says so", () => {
    const r = row(result, 't2-1-1');
    assert.deepEqual(r.values, {});
    assert.equal(r.note, '原表空白：本年新制作数量、本年新公开数量、对外公开总数量');
  });

  it('records the units printed in the cells (588项, 202529227.9元)', () => {
    assert.deepEqual(row(result, 't2-9-1').units, { 采购项目数量: '项', 采购总金额: '元' });
    assert.match(row(result, 't2-9-1').raw, /588项[\s\S]*202529227\.9元/);
  });
});

describe('2020 下城区 table 三', () => {
  const expected: [string, number[]][] = [
    ['t3-1', [117, 3, 0, 0, 0, 0, 120]],
    ['t3-2', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-1', [97, 3, 0, 0, 0, 0, 100]],
    ['t3-3-2', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-3-1', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-3-2', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-3-3', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-3-4', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-3-5', [1, 0, 0, 0, 0, 0, 1]],
    ['t3-3-3-6', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-3-7', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-3-8', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-4-1', [9, 0, 0, 0, 0, 0, 9]],
    ['t3-3-4-2', [7, 0, 0, 0, 0, 0, 7]],
    ['t3-3-4-3', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-5-1', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-5-2', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-5-3', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-5-4', [1, 0, 0, 0, 0, 0, 1]],
    ['t3-3-5-5', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-6', [0, 0, 0, 0, 0, 0, 0]],
    ['t3-3-7', [115, 3, 0, 0, 0, 0, 118]],
  ];
  for (const [anchor, values] of expected) {
    it(`${anchor} = ${values.join(' ')} (read)`, () => {
      const r = row(result, anchor);
      assert.deepEqual(cells(r, T3_COLUMNS), values);
      assert.equal(r.status, 'read');
      assert.equal(r.category, '依申请公开');
    });
  }

  it('has exactly the 2019 rows, （六） as one row', () => {
    const anchors = result.rows.filter((r) => r.table === '三').map((r) => r.anchor);
    assert.deepEqual(anchors, [...expected.map(([a]) => a), 't3-4']);
  });

  it('uses canonical paths', () => {
    assert.deepEqual(row(result, 't3-3-3-3').path, ['三、本年度办理结果', '（三）不予公开', '3.危及“三安全一稳定”']);
    assert.deepEqual(row(result, 't3-4').path, ['四、结转下年度继续办理']);
    assert.equal(row(result, 't3-3-7').label, '（七）总计');
  });

  it('row 四 prints 4 cells (2, 0, 0, 2) for 7 columns: completed by 一 + 二 = 三（七）+ 四, marked inferred', () => {
    const r = row(result, 't3-4');
    assert.deepEqual(cells(r, T3_COLUMNS), [2, 0, 0, 0, 0, 0, 2]);
    assert.equal(r.status, 'inferred');
    assert.equal(r.note, '原表只有 4 个数字（2 0 0 2），少于 7 列；在 35 种可能的读法中，只有得出这组数值的读法满足“一 + 二 = 三（七）总计 + 四”，据此确定');
    assert.match(r.raw, /四、结转下年度继续办理[\s\S]*2[\s\S]*0[\s\S]*0[\s\S]*2/);
  });
});

describe('2020 下城区 table 四', () => {
  it('reads the fifteen cells', () => {
    const r = row(result, 't4');
    assert.deepEqual(cells(r, T4_COLUMNS), [0, 0, 4, 0, 4, 1, 0, 0, 0, 1, 2, 0, 0, 0, 2]);
    assert.equal(r.status, 'read');
    assert.equal(r.category, '复议诉讼');
    assert.equal(r.values['行政复议/其他结果'], 4);
    assert.equal(r.values['复议后起诉/总计'], 2);
  });
});

describe('2020 下城区 checks', () => {
  it('checks every identity and all hold', () => {
    const rules = new Map<string, number>();
    for (const c of result.checks) rules.set(c.rule, (rules.get(c.rule) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(rules), { 't3.row-total': 23, 't3.balance': 7, 't3.outcomes': 7, 't4.group-total': 3 });
    assert.deepEqual(
      result.checks.filter((c) => !c.ok),
      [],
    );
  });

  it('a balance check that used the inferred row 四 says so', () => {
    const balance = result.checks.find((c) => c.rule === 't3.balance' && c.column === '自然人');
    assert.deepEqual([balance?.expected, balance?.actual], [117, 117]);
    assert.match(balance?.description ?? '', /推断/);
  });
});
