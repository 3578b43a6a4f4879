import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { ingestFile } from './index';
import { ALT_DIR, dataFile } from '@/test/support/corpus';
import { allText, textLines } from '@/test/support/ingest';

describe('plain text', () => {
  it('keeps the source report (one cell per line) exactly as written', async () => {
    const file = await ingestFile(dataFile('2020-hangzhou-xiacheng-qu.txt'));
    const source = await readFile(dataFile('2020-hangzhou-xiacheng-qu.txt'), 'utf8');
    assert.equal(file.format, 'txt');
    assert.deepEqual(file.header, {});
    assert.equal(file.blocks.length, 1);
    // Empty cells (a lone tab), blank lines between rows and `\u3000` + `0` (ideographic space) cells all survive.
    assert.equal(allText(file), source.replace(/\n+$/, ''));
    assert.ok(textLines(file).includes('\t\u30000'));
  });

  it('turns the crawler header into metadata and keeps it out of the body', async () => {
    const file = await ingestFile(dataFile('2011-pingtan-zonghe-shiyanqu.txt'));
    assert.deepEqual(file.header, {
      title: '平潭综合实验区2011年政府信息公开工作年度报告',
      publishedAt: '2012-04-11 00:00',
      issuer: '平潭综合实验区管委会办公室',
      sourceUrl: 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/201204/t20120420_80678.htm',
    });
    const body = allText(file);
    for (const headerText of ['标题:', '原文链接', '本地目录', 'links.tsv', '==== 正文']) {
      assert.ok(!body.includes(headerText), `body contains "${headerText}"`);
    }
    assert.ok(body.startsWith('本报告主要根据《中华人民共和国政府信息公开条例》'));
  });

  it('leaves out an empty header field (发布机构 with no value)', async () => {
    const file = await ingestFile(dataFile('2011-pingtan-xian-renmin-zhengfu.txt'));
    assert.equal(file.header.issuer, undefined);
    assert.equal(file.header.publishedAt, '2012-04-18 00:00');
  });

  it('drops the saved page chrome around a crawler body and says what it dropped', async () => {
    const file = await ingestFile(dataFile('2013-pingtan-difang-shuiwuju.txt'));
    const body = allText(file);
    assert.ok(body.startsWith('平潭综合实验区地方税务局2013年 信息公开年度报告'));
    assert.ok(body.endsWith('政府信息公开费用1万元。'));
    for (const chrome of ['当前位置', '微信 微博 QQ空间', '全真版', '相关链接', '附件下载']) {
      assert.ok(!body.includes(chrome), `body contains "${chrome}"`);
    }
    assert.equal(file.warnings.length, 2);
    assert.match(file.warnings[0] ?? '', /^已去除报告正文前的网页内容：“当前位置.*文件下载 相关链接/);
    assert.equal(file.warnings[1], '已去除报告正文后的网页内容：“附件下载”');
  });

  it('keeps a body without chrome whole, with no warning', async () => {
    const file = await ingestFile(dataFile('2015-pingtan-zonghe-shiyanqu.txt'));
    assert.deepEqual(file.warnings, []);
    assert.ok(allText(file).startsWith('平潭综合实验区2015年度政府信息公开工作年度报告 根据'));
  });

  it('removes leftover Word list markup and keeps the list number', async () => {
    const file = await ingestFile(`${ALT_DIR}/2016-pingtan-zonghe-shiyanqu.txt`);
    const body = allText(file);
    assert.ok(!body.includes('supportLists'));
    assert.ok(!body.includes('<!--'));
    assert.ok(body.includes('7、公共监管信息公开情况'));
    assert.ok(file.warnings.some((warning) => warning === '已去除残留的 Word 条件注释 2 处（<!--[if …]-->）'));
  });
});
