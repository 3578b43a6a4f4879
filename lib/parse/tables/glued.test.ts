/**
 * The crawler's text exports (test/fixtures/alt), whose cells run together on one line.
 * The original HTML page of each is in data/ and is the authority: every number read or
 * inferred from the glued text must be the number of the HTML table.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { TableParseResult } from '.';
import { altTablesOf, cells, row, tablesOf } from '@/test/support/parse-tables';
import { T3_COLUMNS, T4_COLUMNS } from './templates';

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
const alt = new Map<number, TableParseResult>();
const html = new Map<number, TableParseResult>();

before(async () => {
  for (const year of YEARS) {
    alt.set(year, await altTablesOf(`${year}-pingtan-zonghe-shiyanqu.txt`));
    html.set(year, await tablesOf(`${year}-pingtan-zonghe-shiyanqu.html`));
  }
});

const get = (m: Map<number, TableParseResult>, year: number) => m.get(year) as TableParseResult;

describe('glued text never contradicts the HTML page', () => {
  for (const year of YEARS) {
    it(`${year}: every value read or inferred from the glued text equals the HTML's`, () => {
      const page = get(html, year);
      for (const r of get(alt, year).rows) {
        const authority = row(page, r.anchor);
        for (const [column, value] of Object.entries(r.values)) {
          assert.equal(value, authority.values[column], `${r.anchor} ${column}`);
        }
        if (r.status === 'unreadable') assert.deepEqual(r.values, {}, r.anchor);
      }
    });

    it(`${year}: every row of tables 三 and 四 is recovered`, () => {
      const open = get(alt, year)
        .rows.filter((r) => r.table !== '二' && r.status === 'unreadable')
        .map((r) => r.anchor);
      assert.deepEqual(open, []);
    });
  }
});

describe('which cells come out inferred, which unreadable', () => {
  it('2019: each table 三 row is one glued run, split into 7 cells and so inferred', () => {
    const result = get(alt, 2019);
    const t3 = result.rows.filter((r) => r.table === '三');
    assert.equal(t3.length, 23);
    assert.ok(t3.every((r) => r.status === 'inferred'));
    assert.equal(row(result, 't3-3-1').note, '原表数字连在一起（7000007），只有这一种读法');
  });

  it("2019 '230 000023': three splits into 7 cells, one satisfies 总计 = the six columns", () => {
    const r = row(get(alt, 2019), 't3-1');
    assert.deepEqual(cells(r, T3_COLUMNS), [23, 0, 0, 0, 0, 0, 23]);
    assert.equal(r.note, '原表数字连在一起（230 000023）；在 3 种可能的读法中，只有得出这组数值的读法满足“总计 = 自然人 + 法人或其他组织”，据此确定');
  });

  it("2019 table 二: '行政许可3960181' and the others cannot be split with certainty; '规章000' only one way", () => {
    const result = get(alt, 2019);
    const status = Object.fromEntries(result.rows.filter((r) => r.table === '二').map((r) => [r.anchor, r.status]));
    assert.deepEqual(status, {
      't2-1-1': 'inferred',
      't2-1-2': 'unreadable',
      't2-5-1': 'unreadable',
      't2-5-2': 'unreadable',
      't2-6-1': 'unreadable',
      't2-6-2': 'unreadable',
      't2-8-1': 'unreadable',
      't2-9-1': 'unreadable',
    });
    assert.deepEqual(row(result, 't2-1-1').values, { 本年新制作数量: 0, 本年新公开数量: 0, 对外公开总数量: 0 });
    assert.equal(row(result, 't2-5-1').note, '原表为“3960181”：拆成 3 列有 11 种拆法，而表二没有勾稽关系可据以判断');
  });

  it("2020 '（七）总计20 0 00 0 121' = 20 0 0 0 0 1 21 (the only split with 总计 = the six columns)", () => {
    const r = row(get(alt, 2020), 't3-3-7');
    assert.deepEqual(cells(r, T3_COLUMNS), [20, 0, 0, 0, 0, 1, 21]);
    assert.equal(r.status, 'inferred');
    assert.match(r.note ?? '', /^原表数字连在一起（20 0 00 0 121）；.*满足“总计 = 自然人 \+ 法人或其他组织”/);
  });

  it("2020 signs end a cell: '35-15' is read as 35 and -15, '2648-18538' stays unreadable", () => {
    const result = get(alt, 2020);
    assert.deepEqual(row(result, 't2-8-1').values, { 上一年项目数量: 35, '本年增/减': -15 });
    assert.equal(row(result, 't2-8-1').status, 'read');
    assert.equal(row(result, 't2-6-1').status, 'unreadable');
  });

  it('2020: the report itself breaks identity 2 (自然人 26 ≠ 20), in the HTML and the glued text alike', () => {
    for (const result of [get(alt, 2020), get(html, 2020)]) {
      const failed = result.checks.filter((c) => !c.ok).map((c) => [c.rule, c.column, c.expected, c.actual]);
      assert.deepEqual(failed, [
        ['t3.outcomes', '自然人', 26, 20],
        ['t3.outcomes', '总计', 27, 21],
      ]);
    }
  });

  it("2023 table 四 '110024001510102': fifteen digits, fifteen cells, one reading; the group totals hold", () => {
    const r = row(get(alt, 2023), 't4');
    assert.deepEqual(cells(r, T4_COLUMNS), [1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2]);
    assert.equal(r.status, 'inferred');
    assert.equal(r.note, '原表数字连在一起（110024001510102），只有这一种读法');
    assert.ok(
      get(alt, 2023)
        .checks.filter((c) => c.rule === 't4.group-total')
        .every((c) => c.ok),
    );
  });

  it("2024 table 四 '21317000001324019': 47 readings, one satisfies the three group totals", () => {
    const r = row(get(alt, 2024), 't4');
    assert.deepEqual(cells(r, T4_COLUMNS), [2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19]);
    assert.match(r.note ?? '', /在 47 种可能的读法中，只有得出这组数值的读法满足“总计 = 结果维持 \+ 结果纠正 \+ 其他结果 \+ 尚未审结”/);
  });

  it("2025 '15130000154' = 151 3 0 0 0 0 154; '行政规范性文件5845546' is unreadable", () => {
    const result = get(alt, 2025);
    assert.deepEqual(cells(row(result, 't3-1'), T3_COLUMNS), [151, 3, 0, 0, 0, 0, 154]);
    assert.equal(row(result, 't2-1-2').status, 'unreadable');
    assert.deepEqual(row(result, 't2-8-1').values, { 本年收费金额: 4166.241619 });
  });

  it('2022 table 四 is space-separated in the glued text, so it is read', () => {
    const r = row(get(alt, 2022), 't4');
    assert.deepEqual(cells(r, T4_COLUMNS), [0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    assert.equal(r.status, 'read');
  });

  it('2021: a row chosen among readings by identity 2 says so', () => {
    const r = row(get(alt, 2021), 't3-3-4-1');
    assert.deepEqual(cells(r, T3_COLUMNS), [22, 0, 0, 0, 0, 3, 25]);
    assert.match(r.note ?? '', /满足“总计 = 自然人 \+ 法人或其他组织”和“三（七）总计 = （一）至（六）各项之和”/);
  });
});
