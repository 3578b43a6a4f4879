import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Block } from '@/lib/ingest/types';
import { buildBody } from './body';
import { ParseError } from './errors';
import type { ManifestEntry } from './manifest';
import { deriveMetadata, issuerFromTitle, type MetadataInput } from './metadata';
import { dataFile } from '@/test/support/corpus';
import { crawlerBlock } from '@/test/support/parse';

function input(overrides: Partial<MetadataInput>): MetadataInput {
  return { id: 'r', sourceFile: 'r.txt', header: {}, printedTitle: null, bodyText: '', blocks: [], ...overrides };
}

/** Metadata from a data file as if it had been dropped in without a manifest entry. */
function fromDataFile(name: string, header: MetadataInput['header'] = {}) {
  const block = crawlerBlock(dataFile(name));
  const body = buildBody([block], []);
  return deriveMetadata(input({ header, printedTitle: body.printedTitle, bodyText: body.text, blocks: [block] }));
}

describe('issuerFromTitle', () => {
  it('is the title without its year and report words', () => {
    assert.equal(issuerFromTitle('平潭县人民政府2011年政府信息公开工作年度报告'), '平潭县人民政府');
    assert.equal(issuerFromTitle('洪泽区人民政府2023年政府信息公开工作年度报告'), '洪泽区人民政府');
    assert.equal(issuerFromTitle('平潭综合实验区地方税务局2013年信息公开年度报告'), '平潭综合实验区地方税务局');
    assert.equal(issuerFromTitle('2024年上海市科委政府信息公开工作年度报告'), '上海市科委');
    assert.equal(issuerFromTitle('平潭综合实验区2015年度政府信息公开工作年度报告'), '平潭综合实验区');
    assert.equal(issuerFromTitle('2021年政府信息公开工作年度报告'), null);
  });
});

describe('metadata without a manifest entry', () => {
  it('comes from the crawler header title, the place completed from GB/T 2260', () => {
    const { report, warnings } = fromDataFile('2011-pingtan-xian-renmin-zhengfu.txt', {
      title: '平潭县人民政府2011年政府信息公开工作年度报告',
      sourceUrl: 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/201204/t20120418_80716.htm',
      publishedAt: '2012-04-18 00:00',
    });
    assert.deepEqual(
      [report.year, report.issuer, report.province, report.city, report.district, report.level, report.layout],
      [2011, '平潭县人民政府', '福建省', '福州市', '平潭县', '区县级', 'pre-2019'],
    );
    assert.equal(report.publishedAt, '2012-04-18 00:00');
    assert.match(report.sourceUrl ?? '', /t20120418_80716/);
    assert.deepEqual(warnings, []);
  });

  it('comes from the title printed in the body when the file has no header', () => {
    const { report } = fromDataFile('2015-pingtan-zonghe-shiyanqu.txt');
    assert.equal(report.title, '平潭综合实验区2015年度政府信息公开工作年度报告');
    assert.deepEqual(
      [report.year, report.issuer, report.province, report.city, report.district, report.level],
      [2015, '平潭综合实验区', '福建省', '福州市', '平潭综合实验区', '区县级'],
    );
  });

  it('knows a department and a province-level office', () => {
    const tax = deriveMetadata(input({ header: { title: '平潭综合实验区地方税务局2013年信息公开年度报告' } })).report;
    assert.deepEqual([tax.level, tax.province, tax.district], ['部门', '福建省', '平潭综合实验区']);
    const kewei = deriveMetadata(input({ printedTitle: '2024年上海市科委政府信息公开工作年度报告' })).report;
    assert.deepEqual([kewei.level, kewei.province, kewei.city, kewei.layout], ['部门', '上海市', '上海市', '2021']);
    const office = deriveMetadata(input({ printedTitle: '2025年上海市人民政府办公厅政府信息公开工作年度报告' })).report;
    assert.deepEqual([office.level, office.issuer], ['省级', '上海市人民政府办公厅']);
    const city = deriveMetadata(input({ printedTitle: '淮安市人民政府2024年政府信息公开工作年度报告' })).report;
    assert.deepEqual([city.level, city.province, city.city, city.district], ['市级', '江苏省', '淮安市', null]);
  });

  it('keeps a district GB/T 2260 no longer lists and takes the province from the text', () => {
    const { report, warnings } = fromDataFile('2020-hangzhou-xiacheng-qu.txt');
    assert.deepEqual(
      [report.year, report.issuer, report.province, report.district, report.level, report.layout],
      [2020, '下城区', '浙江省', '下城区', '区县级', '2019'],
    );
    assert.deepEqual(
      warnings.map((w) => w.code),
      ['place-from-text'],
    );
  });

  it('takes the year from the statistics period when the title has none', () => {
    const { report } = deriveMetadata(
      input({ header: { title: '平潭县人民政府政府信息公开工作年度报告' }, bodyText: '本报告所列数据的统计期限自2012年1月1日起至2012年12月31日。' }),
    );
    assert.equal(report.year, 2012);
  });

  it('is a ParseError naming the file when there is no title or no year', () => {
    assert.throws(() => deriveMetadata(input({ sourceFile: 'notes.txt' })), (error: unknown) => {
      return error instanceof ParseError && error.file === 'notes.txt' && /^文件头和正文开头都没有报告标题/.test(error.reason);
    });
    assert.throws(
      () => deriveMetadata(input({ header: { title: '平潭县人民政府政府信息公开工作年度报告' } })),
      (error: unknown) => error instanceof ParseError && error.reason === '标题“平潭县人民政府政府信息公开工作年度报告”和统计期限中都没有报告年度',
    );
  });
});

describe('metadata from a manifest entry', () => {
  const entry: ManifestEntry = {
    file: '2011-pingtan-xian-renmin-zhengfu.txt',
    title: '平潭县人民政府2011年政府信息公开工作年度报告',
    year: 2011,
    issuer: '平潭县人民政府',
    province: '福建省',
    city: '福州市',
    district: '平潭县',
    level: 'county',
    format: 'txt',
    layout: 'pre-2019',
    source_url: 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/201204/t20120418_80716.htm',
    provenance: 'changwu/pingtan-gov-zwgk-archive',
    published_at: '2012-04-18',
    notes: null,
  };

  it('wins over the file, with the level as its facet value', () => {
    const { report } = deriveMetadata(input({ manifest: entry, header: { title: 'something else 1999年' } }));
    assert.deepEqual(
      [report.title, report.year, report.level, report.layout, report.provenance, report.publishedAt],
      [entry.title, 2011, '区县级', 'pre-2019', 'changwu/pingtan-gov-zwgk-archive', '2012-04-18'],
    );
  });
});

describe('layout', () => {
  const table2021: Block = { type: 'table', rows: [['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']] };
  const table2019: Block = { type: 'table', rows: [['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']] };

  it('follows the year, confirmed by table 二’s columns', () => {
    const title = '淮安市人民政府2020年政府信息公开工作年度报告';
    const agreeing = deriveMetadata(input({ printedTitle: title, blocks: [table2019] }));
    assert.equal(agreeing.report.layout, '2019');
    assert.deepEqual(agreeing.warnings, []);
  });

  it('follows the printed columns when they disagree with the year, with a warning', () => {
    const { report, warnings } = deriveMetadata(input({ printedTitle: '淮安市人民政府2020年政府信息公开工作年度报告', blocks: [table2021] }));
    assert.equal(report.layout, '2021');
    assert.deepEqual(
      warnings.map((w) => [w.code, w.message]),
      [['layout-mismatch', '按年度或数据清单应为 2019 年试行格式，但表二的列属于 2021 年格式；已按 2021 年格式读取']],
    );
  });
});
