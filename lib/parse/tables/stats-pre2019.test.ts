/**
 * The pre-2019 统计表. Figures read by hand from the files: space-separated and HTML cells are
 * read; numbers run together ('主动公开信息数条4251516') are unreadable, never guessed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { row, tablesOf } from '@/test/support/parse-tables';
import { parseTables } from '.';

describe('统计表 with spaces between the cells (2011 平潭综合实验区)', () => {
  it('reads every row: label, unit, 本年度, 历年累计', async () => {
    const result = await tablesOf('2011-pingtan-zonghe-shiyanqu.txt');
    const rows = result.rows.map((r) => [r.path.join(' / '), r.values['本年度'], r.values['历年累计'], r.units['本年度']]);
    assert.deepEqual(rows, [
      ['主动公开信息数', 425, 1516, '条'],
      ['主动公开信息数 / 1.网站公开', 418, 1509, '条'],
      ['主动公开信息数 / 2.政府公报公开', 7, 7, '条'],
      ['受理依申请公开信息总数', 0, 0, '条'],
      ['受理依申请公开信息总数 / 1.当面申请数', 0, 0, '条'],
      ['受理依申请公开信息总数 / 2.传真申请数', 0, 0, '条'],
      ['受理依申请公开信息总数 / 3.电子邮件申请数', 0, 0, '条'],
      ['受理依申请公开信息总数 / 4.网上申请数', 0, 0, '条'],
      ['受理依申请公开信息总数 / 5.信函申请数', 0, 0, '条'],
      ['受理依申请公开信息总数 / 6.其它形式申请数', 0, 0, '条'],
      ['对申请的答复数', 0, 0, '条'],
      ['对申请的答复数 / 1.同意公开答复数', 0, 0, '条'],
      ['对申请的答复数 / 2.同意部分公开答复数', 0, 0, '条'],
      ['对申请的答复数 / 3.否决公开答复数', 0, 0, '条'],
      ['行政复议数', 0, 0, '条'],
      ['行政诉讼数', 0, 0, '条'],
      ['行政申诉数', 0, 0, '条'],
    ]);
    assert.ok(result.rows.every((r) => r.status === 'read' && r.table === '统计表'));
    assert.deepEqual(result.rows.map((r) => r.anchor).slice(0, 3), ['ts-1', 'ts-2', 'ts-3']);
  });
});

describe('统计表 with the cells run together (2011 平潭县, 2012, 2015)', () => {
  it("'主动公开信息数条4251516' is unreadable with the reason; the labels are still found", async () => {
    const result = await tablesOf('2011-pingtan-xian-renmin-zhengfu.txt');
    assert.equal(result.rows.length, 17);
    assert.ok(result.rows.every((r) => r.status === 'unreadable' && Object.keys(r.values).length === 0));
    assert.equal(row(result, 'ts-1').note, '原表数字连在一起（4251516），分不出本年度和历年累计，而统计表没有勾稽关系可据以判断');
    assert.deepEqual(row(result, 'ts-3').path, ['主动公开信息数', '2.政府公报公开']);
    assert.equal(row(result, 'ts-3').raw, '2.政府公报公开条77');
  });

  it("'1.网站公开条179533042.政府公报公开条07': the next label's number is not taken as a cell", async () => {
    const result = await tablesOf('2012-pingtan-xian-renmin-zhengfu.txt');
    assert.equal(row(result, 'ts-2').raw, '其中：1.网站公开条17953304');
    assert.equal(row(result, 'ts-3').raw, '2.政府公报公开条07');
  });
});

describe('统计表 as an HTML table (2016 平潭)', () => {
  it('reads the cells, with the units of the 计量单位 column and a category per indicator', async () => {
    const result = await tablesOf('2016-pingtan-zonghe-shiyanqu.html');
    assert.equal(result.rows.length, 16);
    assert.deepEqual(row(result, 'ts-1').values, { 本年度: 3460, 历年累计: 85376 });
    assert.deepEqual(row(result, 'ts-2').path, ['主动公开文件数', '1、政府网站公开数']);
    assert.deepEqual(row(result, 'ts-2').values, { 本年度: 3460, 历年累计: 85376 });
    assert.deepEqual(row(result, 'ts-13').path, ['政府信息公开收费减免金额']);
    assert.deepEqual(row(result, 'ts-13').units, { 本年度: '元', 历年累计: '元' });
    const categories = result.rows.map((r) => r.category);
    assert.deepEqual(categories, [...Array(3).fill('主动公开'), ...Array(9).fill('依申请公开'), '收费减免', ...Array(3).fill('复议诉讼')]);
    assert.deepEqual(result.spans, [{ block: result.spans[0]?.block }]);
  });
});

describe('a report without a 统计表 (2013 地方税务局)', () => {
  it('has no rows and no spans', async () => {
    const result = await tablesOf('2013-pingtan-difang-shuiwuju.txt');
    assert.deepEqual([result.rows, result.spans], [[], []]);
  });
});

describe('统计表 printed a cell per line (a crawler’s export of a Word table)', () => {
  const lines = [
    '指标名称',
    '计量单位',
    '本年度',
    '历年累计',
    '主动公开文件数',
    '条',
    '18554',
    '198241',
    '其中',
    ':',
    '1.',
    '政府网站公开数',
    '条',
    '18328',
    '192798',
    '接受行政申诉、举报数',
    '件',
    '0',
    '行政复议数',
    '件',
    '\t',
    '11',
  ];
  const blocks = [{ type: 'text' as const, text: `七、统计表\n${lines.join('\n')}` }];

  it('joins a label broken over lines, reads two cells as 本年度 and 历年累计, an empty cell as empty', () => {
    const rows = parseTables(blocks, 'pre-2019').rows.map((r) => [r.path.join(' / '), r.status, r.values['本年度'], r.values['历年累计']]);
    assert.deepEqual(rows, [
      ['主动公开文件数', 'read', 18554, 198241],
      ['主动公开文件数 / 1.政府网站公开数', 'read', 18328, 192798],
      // One number for two columns: which one is not printed, so neither is read.
      ['接受行政申诉、举报数', 'unreadable', undefined, undefined],
      ['行政复议数', 'read', undefined, 11],
    ]);
  });
});
