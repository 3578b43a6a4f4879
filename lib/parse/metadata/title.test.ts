import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanTitle, isReportTitle, issuerPartOf, printedTitle, titleCandidates } from './title';
import { yearIn } from './years';

const TITLE = '莆田市林业局2019年政府信息公开工作年度报告';

/** The titles found in `text`, as [title, kind]. */
function found(text: string): Array<[string, string]> {
  return titleCandidates(text).map((c) => [c.title, c.kind]);
}

describe('titleCandidates', () => {
  it('finds the same title in every shape a page or export prints it', () => {
    const shapes: Record<string, string> = {
      'own line': `${TITLE}\n一、总体情况`,
      'one-line export': `${TITLE} 根据《中华人民共和国政府信息公开条例》，现将…`,
      'broken over lines': '莆田市林业局2019年政府信息公开\n工作\n年度报告\n为认真贯彻',
      'year on a line of its own (Word spans)': '莆田市林业局\n2019\n年政府信息公开工作年度报告\n一、',
      'after a breadcrumb': `首页 > 政务公开 > 政府信息公开年报 > ${TITLE}\n发布时间：2020-01-02`,
      'after a site menu line': `网站地图 无障碍 English\n${TITLE}\n一、总体情况`,
      'Markdown heading': `# ${TITLE}\n\n一、总体情况`,
      'bold Markdown': `**${TITLE}**\n`,
      'HTML left in text': `<p><strong>${TITLE}</strong></p>`,
      'spaces inside': '莆田市林业局 2019 年政府信息公开工作年度报告\n',
      'full-width space after the year': '莆田市林业局2019年\u3000政府信息公开工作年度报告\n',
    };
    for (const [shape, text] of Object.entries(shapes)) {
      assert.equal(titleCandidates(text)[0]?.title, TITLE, shape);
    }
  });

  it('reads the issuer from a line above a title that names none', () => {
    assert.deepEqual(found('# 沐阳县人民政府\n## 2019年政府信息公开工作年度报告\n'), [['沐阳县人民政府2019年政府信息公开工作年度报告', 'line']]);
  });

  it('reads a title named only in a sentence, without the verb', () => {
    assert.deepEqual(found('现公布贵州省机关事务管理局2020年政府信息公开工作年度报告。'), [['贵州省机关事务管理局2020年政府信息公开工作年度报告', 'sentence']]);
    assert.deepEqual(found('…的要求，特向社会公布莆田市审计局\n2019\n年政府信息公开工作年度报告。本报告由'), [
      ['莆田市审计局2019年政府信息公开工作年度报告', 'sentence'],
    ]);
  });

  it('takes no citation, notice, rule or column name for a title', () => {
    assert.deepEqual(found('根据《莆田市人民政府办公室关于开展\n2019\n年政府信息公开工作年度报告编制发布有关事项的通知\n》要求'), []);
    assert.deepEqual(found('本报告根据《关于印发〈政府信息公开工作年度报告格式〉的通知》编制'), []);
    assert.deepEqual(found('点击查看“莆田市2018年政府信息公开工作年度报告”'), []);
    assert.deepEqual(found('政府信息公开年报 平潭综合实验区2011年政府信息公开工作年度报告 来源：'), [
      ['平潭综合实验区2011年政府信息公开工作年度报告', 'glued'],
    ]);
    assert.deepEqual(found('2019年政府工作报告'), []);
  });

  it('prefers a printed title with a year to a sentence', () => {
    const candidates = titleCandidates(`现发布本机关年度报告。\n${TITLE}\n正文`);
    assert.equal(printedTitle(candidates)?.title, TITLE);
  });
});

describe('title anatomy', () => {
  it('cleans markup and spaces that are not between Latin words', () => {
    assert.equal(cleanTitle('## **2024 年上海市科委政府信息公开工作年度报告**'), '2024年上海市科委政府信息公开工作年度报告');
  });

  it('knows the issuer part in either order, with 年度 and brackets', () => {
    assert.equal(issuerPartOf('平潭县人民政府2011年政府信息公开工作年度报告'), '平潭县人民政府');
    assert.equal(issuerPartOf('2024年上海市科委政府信息公开工作年度报告'), '上海市科委');
    assert.equal(issuerPartOf('平潭综合实验区2015年度政府信息公开工作年度报告'), '平潭综合实验区');
    assert.equal(issuerPartOf('莆田市海洋与渔业局2011年度政府信息公开年报'), '莆田市海洋与渔业局');
    assert.equal(issuerPartOf('XX局关于2019年度政府信息公开工作情况的报告'), 'XX局');
    assert.equal(issuerPartOf('政府信息公开工作年度报告（2019年度）'), null);
    assert.equal(issuerPartOf('2021年政府信息公开工作年度报告'), null);
  });

  it('accepts report titles only', () => {
    assert.ok(isReportTitle(TITLE));
    assert.ok(isReportTitle('北京市2019年政府信息公开工作年度报告'));
    assert.ok(!isReportTitle('关于做好2019年政府信息公开工作年度报告有关事项的通知'));
    assert.ok(!isReportTitle('年政府信息公开工作年度报告'));
  });

  it('reads years in digits and in words', () => {
    assert.equal(yearIn('二〇一九年度政府信息公开工作年度报告'), 2019);
    assert.equal(yearIn('二Ｏ二一年'), 2021);
    assert.equal(yearIn('2020 年'), 2020);
    assert.equal(yearIn('没有年份'), null);
  });
});
