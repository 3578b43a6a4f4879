/**
 * Shapes the corpus files do not reach once ingest has tidied them: a Markdown pipe table still
 * inside a text block, full-width digits, '(一)' next to '（一）', a PDF page footer between rows,
 * a label broken by a space, a signed '+5174', a garbled label in glued text. The reports below are
 * made up for the test, or a fixture changed on purpose.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ingestBuffer } from '@/lib/ingest';
import type { Block } from '@/lib/ingest/types';
import { parseTables } from '.';
import { ALT_DIR } from '@/test/support/corpus';
import { cells, row } from '@/test/support/parse-tables';
import { T3_COLUMNS, T4_COLUMNS } from './templates';

const T3_LABELS_2019 = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '三、本年度办理结果 （一）予以公开',
  '(二)部分公开（区分处理的，只计这一情形，不计其他情形）',
  '（三）不予公开 1.属于国家秘密',
  '2.其他法律行政法规禁止公开',
  '3.危及“三安全一稳定”',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '(四)无法提供 1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '（五）不予处理 1.信访举报投诉类申请',
  '2.重复申请',
  '3.要求提供公开出版物',
  '4.无正当理由大量反复 申请',
  '5.要求行政机关确认或重新出具已获取信息',
  '（六）其他处理',
  '（七）总计',
  '四、结转下年度继续办理',
];

function report(t3Rows: string[], t4: string): Block[] {
  return [
    {
      type: 'text',
      text: [
        '二、主动公开政府信息情况',
        '第二十条第（一）项',
        '信息内容 本年新制作数量 本年新公开数量 对外公开总数量',
        '规章 １ １ ５',
        '规范性文件 2 2 40',
        '第二十条第（五）项',
        '信息内容 上一年项目数量 本年增/减 处理决定数量',
        '行政许可 100 +5174 5274',
        '其他对外管理服务事项 - - -',
        '第二十条第（六）项',
        '行政处罚 10 -3 7',
        '行政强制 0 0 0',
        '第二十条第（八）项',
        '行政事业性收费 4 0',
        '第二十条第（九）项',
        '政府集中采购 12项 3400.5万元',
        '三、收到和处理政府信息公开申请情况',
        '申请人情况 自然人 法人或其他组织 总计',
        ...t3Rows,
        '四、政府信息公开行政复议、行政诉讼情况',
        '行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计',
        t4,
        '五、存在的主要问题及改进情况',
        '2024 年我们将改进 12',
      ].join('\n'),
    },
  ];
}

// 一 5 + 二 1 = （七）5 + 四 1 in the 自然人 column; 法人 columns all 0 except 商业企业 1.
const NUMBERS: Record<number, string> = {
  0: '５ 1 0 0 0 0 6',
  1: '1 0 0 0 0 0 1',
  2: '3 1 0 0 0 0 4',
  8: '1 0 0 0 0 0 1',
  18: '1 0 0 0 0 0 1',
  21: '5 1 0 0 0 0 6',
  22: '1 0 0 0 0 0 1',
};

const pdfLike = T3_LABELS_2019.flatMap((label, i) => [`${label} ${NUMBERS[i] ?? '0 0 0 0 0 0 0'}`, ...(i === 10 ? ['- 4 -'] : [])]);

describe('a PDF-like text table', () => {
  const blocks = report(pdfLike, '0 1 0 0 1 0 0 0 0 0 0 0 0 0 0');
  const result = parseTables(blocks, '2019');

  it('reads full-width digits, mixed brackets and a label broken by a space; skips the page footer', () => {
    assert.deepEqual(cells(row(result, 't3-1'), T3_COLUMNS), [5, 1, 0, 0, 0, 0, 6]);
    assert.deepEqual(cells(row(result, 't3-3-2'), T3_COLUMNS), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(cells(row(result, 't3-3-3-7'), T3_COLUMNS), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(cells(row(result, 't3-3-4-1'), T3_COLUMNS), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(cells(row(result, 't3-3-5-4'), T3_COLUMNS), [1, 0, 0, 0, 0, 0, 1]);
    assert.ok(
      result.rows.every((r) => r.status === 'read'),
      JSON.stringify(result.rows.filter((r) => r.status !== 'read')),
    );
    assert.deepEqual(
      result.checks.filter((c) => !c.ok),
      [],
    );
  });

  it('reads signed and unit-bearing cells of table 二, keeping raw as printed', () => {
    assert.deepEqual(row(result, 't2-1-1').values, { 本年新制作数量: 1, 本年新公开数量: 1, 对外公开总数量: 5 });
    assert.match(row(result, 't2-1-1').raw, /１ １ ５/);
    assert.deepEqual(row(result, 't2-5-1').values, { 上一年项目数量: 100, '本年增/减': 5174, 处理决定数量: 5274 });
    assert.deepEqual(row(result, 't2-5-2').values, {});
    assert.deepEqual(row(result, 't2-6-1').values, { 上一年项目数量: 10, '本年增/减': -3, 处理决定数量: 7 });
    assert.deepEqual(row(result, 't2-9-1').values, { 采购项目数量: 12, 采购总金额: 3400.5 });
    assert.deepEqual(row(result, 't2-9-1').units, { 采购项目数量: '项', 采购总金额: '万元' });
  });

  it('table 四 ends at its row of numbers: the next part is neither read nor spanned', () => {
    assert.deepEqual(cells(row(result, 't4'), T4_COLUMNS), [0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const text = (blocks[0] as { text: string }).text;
    const last = result.spans.at(-1);
    assert.ok(last?.to !== undefined && !text.slice(last.from, last.to).includes('五、'));
  });
});

describe('a Markdown pipe table left in a text block', () => {
  const piped = T3_LABELS_2019.map((label, i) => `| ${label} | ${(NUMBERS[i] ?? '0 0 0 0 0 0 0').split(' ').join(' | ')} |`);
  const result = parseTables(report(['|---|---|', ...piped], '| 0 | 1 | 0 | 0 | 1 | | | | | | | | | | |'), '2019');

  it('reads the pipe rows as cells', () => {
    assert.deepEqual(cells(row(result, 't3-3-7'), T3_COLUMNS), [5, 1, 0, 0, 0, 0, 6]);
    assert.deepEqual(
      result.checks.filter((c) => !c.ok),
      [],
    );
  });

  it('empty cells of table 四 stay absent when no identity fixes them', () => {
    const r = row(result, 't4');
    assert.deepEqual(cells(r, T4_COLUMNS).slice(0, 5), [0, 1, 0, 0, 1]);
    assert.deepEqual(Object.keys(r.values).length, 5);
    assert.equal(r.note, `原表空白：${T4_COLUMNS.slice(5).join('、')}`);
  });
});

describe('a report without its tables', () => {
  it('gives every row of tables 二, 三 and 四 as unreadable and says the tables were not found', () => {
    const result = parseTables([{ type: 'text', text: '一、总体情况\n今年无特别事项。' }], '2021');
    assert.equal(result.rows.filter((r) => r.table === '三').length, 25);
    assert.ok(result.rows.every((r) => r.status === 'unreadable' && r.note === `报告中未找到表${r.table}`));
    assert.deepEqual(
      result.warnings.map((w) => [w.code, w.message]),
      [
        ['table-not-found', '未找到表二'],
        ['table-not-found', '未找到表三'],
        ['table-not-found', '未找到表四'],
      ],
    );
    assert.deepEqual([result.checks, result.spans], [[], []]);
  });
});

describe('a garbled label in glued text', () => {
  it("does not hand its cells to the row before; the template's order places them", async () => {
    const file = path.join(ALT_DIR, '2025-pingtan-zonghe-shiyanqu.txt');
    const garbled = readFileSync(file, 'utf8').replace('5.属于三类内部事务信息3000003', '5.属于三类内部事物讯息3000003');
    const { blocks } = await ingestBuffer(new TextEncoder().encode(garbled), file);
    const result = parseTables(blocks, '2021');
    assert.deepEqual(cells(row(result, 't3-3-3-4'), T3_COLUMNS), [0, 0, 0, 0, 0, 0, 0]);
    const r = row(result, 't3-3-3-5');
    assert.deepEqual(cells(r, T3_COLUMNS), [3, 0, 0, 0, 0, 0, 3]);
    assert.equal(r.status, 'inferred');
    assert.match(r.note ?? '', /^未能识别行名“5\.属于三类内部事物讯息”，按表中各行的固定顺序对应到这一行；/);
  });
});

describe('a table 三 row with more cells than columns', () => {
  const t3 = T3_LABELS_2019.map((label, i) => `${label} ${i === 2 ? '3 1 0 0 0 0 4 9' : (NUMBERS[i] ?? '0 0 0 0 0 0 0')}`);
  const result = parseTables(report(t3, '0 1 0 0 1 0 0 0 0 0 0 0 0 0 0'), '2019');

  it('is unreadable, the note quoting the printed cells and saying why', () => {
    const r = row(result, 't3-3-1');
    assert.equal(r.status, 'unreadable');
    assert.equal(r.note, '原表为“3 1 0 0 0 0 4 9”：无法读成 7 列');
  });

  it('names the checks it blocks by their statements, the row by its label and the columns by name', () => {
    assert.deepEqual(
      result.warnings.filter((w) => w.code === 'check-skipped').map((w) => w.message),
      [
        '因单元格缺失或无法读取，未能核对表三的“总计 = 自然人 + 法人或其他组织”：“（一）予以公开”',
        `因单元格缺失或无法读取，未能核对表三的“三（七）总计 = （一）至（六）各项之和”：${T3_COLUMNS.join('、')}`,
      ],
    );
  });
});

describe('tables as people paste them', () => {
  const zeros = '0 0 0 0 0 0 0';
  const tsv = T3_LABELS_2019.map((label, i) => [label, ...(NUMBERS[i] ?? zeros).split(' ')].join('\t'));

  it('tab-separated rows are cells, empty ones kept (a blank label cell before table 四’s numbers)', () => {
    // The numbers of table 四 stand one column to the right: only dropping the empty label cell
    // satisfies the group totals, so that reading is chosen and said.
    const result = parseTables(report(tsv, ['', '0', '1', '0', '0', '1', '2', '0', '0', '0', '2', '', '', '', '', ''].join('\t')), '2019');
    assert.deepEqual(cells(row(result, 't3-1'), T3_COLUMNS), [5, 1, 0, 0, 0, 0, 6]);
    const t4 = row(result, 't4');
    assert.deepEqual(cells(t4, T4_COLUMNS).slice(0, 10), [0, 1, 0, 0, 1, 2, 0, 0, 0, 2]);
    assert.equal(t4.status, 'inferred');
    assert.match(t4.note ?? '', /多出 1 个空白单元格/);
  });

  it('one cell per line: a line holding only a tab is an empty cell', () => {
    const perLine = T3_LABELS_2019.flatMap((label, i) => [label, ...(NUMBERS[i] ?? zeros).split(' ').map((n, k) => (i === 1 && k === 2 ? '\t' : n)), '']);
    const result = parseTables(report(perLine, '0 1 0 0 1 0 0 0 0 0 0 0 0 0 0'), '2019');
    assert.deepEqual(cells(row(result, 't3-1'), T3_COLUMNS), [5, 1, 0, 0, 0, 0, 6]);
    // 上年结转 has its 科研机构 cell empty: the other six are read in place, none shifted.
    assert.deepEqual(
      cells(row(result, 't3-2'), T3_COLUMNS).filter((_, k) => k !== 2),
      [1, 0, 0, 0, 0, 1],
    );
  });

  it('table 四 as one small table per group, named above each', () => {
    const byGroup = [
      '行政复议',
      '结果维持 结果纠正 其他结果 尚未审结 总计',
      '1 0 0 1 2',
      '行政诉讼 未经复议直接起诉',
      '结果维持 结果纠正 其他结果 尚未审结 总计',
      '0 0 0 3 3',
      '复议后起诉',
      '结果维持 结果纠正 其他结果 尚未审结 总计',
      '1 0 0 0 1',
    ];
    const result = parseTables(report(pdfLike, byGroup.join('\n')), '2019');
    assert.deepEqual(cells(row(result, 't4'), T4_COLUMNS), [1, 0, 0, 1, 2, 0, 0, 0, 3, 3, 1, 0, 0, 0, 1]);
    assert.equal(row(result, 't4').status, 'read');
  });
});
