import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Block, FileHeader } from '@/lib/ingest/types';
import type { ReportMeta } from '@/lib/report/schema';
import { ParseError } from '../errors';
import type { ManifestEntry } from '../manifest';
import { parseBlocks } from '../parse';
import { dataFile } from '@/test/support/corpus';
import { crawlerBlock } from '@/test/support/parse';

/** The parse of a text (or blocks) as a file dropped in with no manifest entry. */
function parsed(content: string | Block[], header: FileHeader = {}, sourceFile = 'report.txt') {
  const blocks: Block[] = typeof content === 'string' ? [{ type: 'text', text: content }] : content;
  return parseBlocks({ id: 'r', sourceFile, ingested: { format: 'txt', encoding: 'utf-8', blocks, header, warnings: [] } });
}

function meta(content: string | Block[], header: FileHeader = {}, sourceFile?: string): ReportMeta {
  return parsed(content, header, sourceFile).report;
}

function fields(report: ReportMeta) {
  return [report.year, report.issuer, report.province, report.city, report.district];
}

const BODY =
  '一、总体情况\n本年度，我局认真贯彻《中华人民共和国政府信息公开条例》，政府信息公开工作有序开展。\n二、主动公开政府信息情况\n全年主动公开信息120条。';

describe('metadata without a manifest entry', () => {
  it('reads the same report from any header form, with the title printed or not', () => {
    const title = '莆田市审计局2019年政府信息公开工作年度报告';
    const headers: Record<string, FileHeader> = {
      'crawler header': { title, publishedAt: '2020-01-02 09:08', sourceUrl: 'https://www.putian.gov.cn/a.htm' },
      'no header': {},
    };
    for (const [form, header] of Object.entries(headers)) {
      for (const text of [`${title}\n${BODY}`, BODY]) {
        if (!header.title && !text.startsWith(title)) continue;
        assert.deepEqual(fields(meta(text, header)), [2019, '莆田市审计局', '福建省', '莆田市', null], form);
      }
    }
  });

  it('makes the issuer the body, not the place a title names', () => {
    assert.equal(meta(`北京市2019年政府信息公开工作年度报告\n${BODY}`).issuer, '北京市人民政府');
    assert.equal(meta(`兴安盟2020年政府信息公开工作年度报告\n${BODY}`).issuer, '兴安盟行政公署');
    assert.equal(meta(`平潭综合实验区2015年度政府信息公开工作年度报告\n平潭综合实验区管委会认真贯彻…\n${BODY}`).issuer, '平潭综合实验区管委会');
    assert.equal(meta(`钟祥镇2021年政府信息公开工作年度报告\n${BODY}`).issuer, '钟祥镇人民政府');
  });

  it('writes an urban district’s bodies with their city, as they are named', () => {
    assert.deepEqual(fields(meta(`洪泽区人民政府2023年政府信息公开工作年度报告\n${BODY}`)), [2023, '淮安市洪泽区人民政府', '江苏省', '淮安市', '洪泽区']);
    assert.deepEqual(fields(meta(`2020年下城区政府信息公开工作年度报告\n${BODY}`)), [2020, '杭州市下城区人民政府', '浙江省', '杭州市', '下城区']);
    assert.equal(meta(`平潭县人民政府2012年政府信息公开工作年度报告\n${BODY}`).issuer, '平潭县人民政府');
  });

  it('expands an abbreviated body where the report writes it in full', () => {
    const text = `2024年上海市科委政府信息公开工作年度报告\n上海市科学技术委员会依照条例…\n${BODY}`;
    assert.equal(meta(text).issuer, '上海市科学技术委员会');
  });

  it('writes out a body’s short name the report never spells out (科委, 人社局)', () => {
    assert.equal(meta(`2024年上海市科委政府信息公开工作年度报告\n${BODY}`).issuer, '上海市科学技术委员会');
    assert.equal(meta(`三明市人社局2020年政府信息公开工作年度报告\n${BODY}`).issuer, '三明市人力资源和社会保障局');
  });

  it('spells a zone the division data lacks as the body spells it, when the title is a look-alike off', () => {
    const report = meta(`平潭综后实验区2021年政府信息公开工作年度报告\n平潭综合实验区管委会认真贯彻…\n${BODY}`);
    assert.deepEqual([report.province, report.city, report.district], ['福建省', '福州市', '平潭综合实验区']);
  });

  it('takes the issuer from who compiled the report when the title names nobody', () => {
    const text = `2021年政府信息公开工作年度报告\n本报告由三明市财政局编制。\n${BODY}`;
    assert.deepEqual(fields(meta(text)), [2021, '三明市财政局', '福建省', '三明市', null]);
    assert.equal(meta(`2021年政府信息公开工作年度报告\n本报告由尤溪县人民政府办公室编制。\n${BODY}`).issuer, '尤溪县人民政府');
  });

  it('never takes a crawler’s abbreviation or page markup for an issuer', () => {
    const report = meta(`2021年政府信息公开工作年度报告\n${BODY}`, { issuer: '市府办' });
    assert.equal(report.issuer, null);
    assert.ok(report.missing.includes('issuer'));
    assert.equal(meta(BODY, { title: '#沐阳县人民政府2019年政府信息公开工作年度报告' }).issuer, '沐阳县人民政府');
  });

  it('takes the year reported on from the title, then the statistics period, a sentence, the publishing date, the file name', () => {
    const noYear = '莆田市审计局政府信息公开工作年度报告';
    const period = `${noYear}\n本报告中所列的数据时限为\n2019\n年\n1\n月\n1\n日至\n2019\n年\n12\n月\n31\n日止。\n${BODY}`;
    assert.deepEqual([meta(period).year, meta(period).sources.year], [2019, 'statistics-period']);
    const sentence = `${noYear}\n现将2016年的政府信息公开工作情况报告如下：\n${BODY}`;
    assert.deepEqual([meta(sentence).year, meta(sentence).sources.year], [2016, 'body']);
    const published = meta(`${noYear}\n${BODY}`, { publishedAt: '2021-01-28 10:00' });
    assert.deepEqual([published.year, published.sources.year], [2020, 'published-date']);
    const named = meta(`${noYear}\n${BODY}`, {}, '2018年报.txt');
    assert.deepEqual([named.year, named.sources.year], [2018, 'file-name']);
    // A page's date is not the report's year when the title gives one.
    assert.equal(meta(`莆田市审计局2024年政府信息公开工作年度报告\n${BODY}`, { publishedAt: '2025-01-20' }).year, 2024);
  });

  it('reads a title that follows breadcrumbs, menus, login links and the page’s date', () => {
    const page = [
      '登录 | 注册 | 无障碍',
      '首页 > 政务公开 > 政府信息公开年报',
      '天津政务网12月3日星期二',
      '发布机构：天津市和平区人民政府',
      '天津市和平区2019年政府信息公开工作年度报告',
      BODY,
    ].join('\n');
    const result = parsed(page);
    assert.deepEqual(fields(result.report), [2019, '天津市和平区人民政府', '天津市', '天津市', '和平区']);
    assert.ok(!result.sections.some((section) => section.text.includes('登录')), 'chrome is not report text');
  });

  it('reads a look-alike character in a county name through the city the report names', () => {
    const report = meta(`沐阳县人民政府2019年政府信息公开工作年度报告\n宿迁市沐阳县人民政府认真贯彻…\n${BODY}`);
    assert.deepEqual(fields(report), [2019, '沐阳县人民政府', '江苏省', '宿迁市', '沭阳县']);
    // Without the city, nothing is guessed.
    const alone = parsed(`沐阳县人民政府2019年政府信息公开工作年度报告\n${BODY}`);
    assert.equal(alone.report.province, null);
    assert.ok(alone.report.missing.includes('province'));
    assert.ok(alone.warnings.some((w) => w.code === 'metadata-missing' && /省份/.test(w.message)));
  });

  it('lets the body overrule a place only a short name in the title suggests', () => {
    const text = `城关镇2021年政府信息公开工作年度报告\n我镇隶属甘肃省兰州市榆中县，榆中县城关镇…兰州市…榆中县…\n${BODY}`;
    const report = meta(text);
    assert.equal(report.province, '甘肃省');
  });

  it('takes a place from the page’s address when nothing else names one', () => {
    const report = meta(`2021年政府信息公开工作年度报告\n本报告由市财政局编制。\n福建省…\n${BODY}`, { sourceUrl: 'http://www.sm.gov.cn/zw/a.htm' });
    assert.deepEqual([report.province, report.city, report.sources.place], ['福建省', '三明市', 'url']);
  });

  it('knows a department, a township and a province-level office', () => {
    assert.equal(meta(`莆田市审计局2019年政府信息公开工作年度报告\n${BODY}`).level, '部门');
    assert.equal(meta(`2025年上海市人民政府办公厅政府信息公开工作年度报告\n${BODY}`).level, '省级');
    assert.equal(meta(`淮安市人民政府2024年政府信息公开工作年度报告\n${BODY}`).level, '市级');
  });

  it('reads a report in traditional characters, and shows it as published', () => {
    const report = parsed('臺北市政府2019年政府信息公開工作年度報告\n一、總體情況\n本年度主動公開政府信息120條。\n二、主動公開政府信息情況\n依條例辦理。');
    assert.equal(report.report.year, 2019);
    assert.equal(report.report.title, '臺北市政府2019年政府信息公開工作年度報告');
    assert.deepEqual(
      report.sections.map((s) => [s.heading, s.category]),
      [
        ['一、總體情況', '总体情况'],
        ['二、主動公開政府信息情況', '主动公开'],
      ],
    );
    assert.ok(report.warnings.some((w) => w.code === 'traditional'));
  });
});

describe('what is a report', () => {
  it('accepts a first screen: a title and the start of the text', () => {
    const report = parsed('三明市财政局2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我局');
    assert.equal(report.report.year, 2022);
    assert.ok(
      report.warnings.some((w) => w.code === 'missing-part'),
      'what it lacks is listed',
    );
  });

  it('accepts a body with no title that names the year’s disclosure report', () => {
    const report = meta('现公布贵州省机关事务管理局2020年政府信息公开工作年度报告。\n一、总体情况\n…');
    assert.deepEqual([report.year, report.issuer, report.province], [2020, '贵州省机关事务管理局', '贵州省']);
  });

  it('refuses a text that is no disclosure report, with the reason', () => {
    assert.throws(
      () => parsed('番茄炒蛋的做法：先把鸡蛋打散，再下锅翻炒。'.repeat(20)),
      (error: unknown) => error instanceof ParseError && /^不是政府信息公开工作年度报告/.test(error.reason),
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
    const block = crawlerBlock(dataFile(entry.file));
    const { report } = parseBlocks({
      id: 'r',
      sourceFile: entry.file,
      manifest: entry,
      ingested: { format: 'txt', encoding: 'utf-8', blocks: [block], header: { title: 'something else 1999年' }, warnings: [] },
    });
    assert.deepEqual(
      [report.title, report.year, report.level, report.layout, report.provenance, report.publishedAt, report.sources.year],
      [entry.title, 2011, '区县级', 'pre-2019', 'changwu/pingtan-gov-zwgk-archive', '2012-04-18', 'manifest'],
    );
  });
});

describe('layout', () => {
  const table2021: Block = { type: 'table', rows: [['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']] };
  const table2019: Block = { type: 'table', rows: [['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']] };
  const title: Block = { type: 'text', text: `淮安市人民政府2020年政府信息公开工作年度报告\n${BODY}` };

  it('follows the year, confirmed by table 二’s columns', () => {
    const result = parsed([title, table2019]);
    assert.equal(result.report.layout, '2019');
    assert.ok(!result.warnings.some((w) => w.code === 'layout-mismatch'));
  });

  it('follows the printed columns when they disagree with the year, with a warning', () => {
    const result = parsed([title, table2021]);
    assert.equal(result.report.layout, '2021');
    assert.ok(result.warnings.some((w) => w.code === 'layout-mismatch' && /已按 2021 年格式读取/.test(w.message)));
  });

  it('is read from the tables when the report states no year', () => {
    const result = parsed([{ type: 'text', text: `莆田市审计局政府信息公开工作年度报告\n${BODY}` }, table2021]);
    assert.deepEqual([result.report.year, result.report.layout], [null, '2021']);
  });
});
