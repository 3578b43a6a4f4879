import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findHeadingCandidates, numeralValue } from './headings';
import { fullLineLength } from './title-end';
import { buildSections } from './sections';

const headingsOf = (text: string) =>
  findHeadingCandidates(text)
    .filter((c) => c.plausible)
    .map((c) => c.heading);

describe('heading candidates', () => {
  it('are not decimals, versions, article items or circled list numbers', () => {
    const text = '我区作为全省政务服务2.0试点城区，依据第二十条第（一）项规定，①本级预算公开情况。②部门决算。';
    assert.deepEqual(headingsOf(text), []);
  });

  // As in crawler exports: the heading runs on from the previous sentence and into its text.
  const glued = (text: string) => headingsOf(`上一段结束。${text}`);

  it('end a glued title at an enumeration, a year or the next marker', () => {
    assert.deepEqual(glued('（一）加强组织领导，健全工作机制一是高度重视。'), ['（一）加强组织领导，健全工作机制']);
    assert.deepEqual(glued('一、 概述2015年，在省政府办公厅的指导下'), ['一、 概述']);
    assert.deepEqual(glued('（二）工作制度方面1、明确年度工作重点。根据要求'), ['（二）工作制度方面', '1、明确年度工作重点']);
  });

  it('end a glued title at the words titles end with, past a short first clause', () => {
    assert.deepEqual(glued('（一）存在问题虽然我区政府信息公开工作取得了一定成效，但主要还存在以下问题：'), ['（一）存在问题']);
    assert.deepEqual(glued('五、主要问题和改进措施虽然，我区2018年度政务公开工作取得了一定成效'), ['五、主要问题和改进措施']);
    assert.deepEqual(glued('（一）强化组织协调，着力规范公开工作积极贯彻国家、省里有关政务公开工作要求，区党工委'), ['（一）强化组织协调，着力规范公开工作']);
  });

  it('take a numbered sentence with commas and no title word for a list item', () => {
    assert.deepEqual(headingsOf('1、加强信息公开培训指导工作，确保政府信息公开准确、及时、规范，不断提升政府信息公开整体工作水平。'), []);
  });

  it('read the first line of a hard-wrapped paragraph as a glued title, not as a title line', () => {
    const filler = '持续强化政府网站作为政务公开第一平台的功能定位，加强\n'.repeat(25);
    const text = `${filler}1.加强组织领导，健全工作机制将政府信息公开工作列入议事\n日程，区党工委管委会办公室统筹。\n`;
    assert.equal(fullLineLength(text), 24); // lines of 26 characters, two less counts as full
    assert.deepEqual(headingsOf(text), ['1.加强组织领导，健全工作机制']);
  });

  it('read a short line as a whole title, up to an enumeration or a title word', () => {
    assert.deepEqual(headingsOf('一、总体情况\n2024 年，淮安市洪泽区人民政府坚持以习近平新时代中国特色社会主义思想为指导。'), ['一、总体情况']);
    assert.deepEqual(headingsOf('（一）2024 年工作中存在问题的改进情况\n针对问题，重点采取如下措施。'), ['（一）2024 年工作中存在问题的改进情况']);
    assert.deepEqual(headingsOf('（一）加强组织领导，健全工作机制一是高度重视。\n'), ['（一）加强组织领导，健全工作机制']);
    assert.deepEqual(headingsOf('（一）存在问题虽然我区政府信息公开工作取得了一定成效，但主要还存在以下问题：\n'), ['（一）存在问题']);
  });
});

describe('numeralValue', () => {
  it('reads Chinese and full-width numerals', () => {
    assert.deepEqual(['一', '十', '十二', '二十', '二十三', '２', '12', ''].map(numeralValue), [1, 10, 12, 20, 23, 2, 12, 1]);
  });
});

describe('第一部分 parts', () => {
  it('are the outermost level, with 一、 inside them', () => {
    const sections = buildSections('第一部分 总体情况\n一、主动公开\n本年主动公开信息。\n二、依申请公开\n本年收到申请。\n第二部分 存在的问题\n人员不足。');
    assert.deepEqual(
      sections.map((s) => [s.anchor, s.heading]),
      [
        ['part-1', '第一部分 总体情况'],
        ['part-1-1', '一、主动公开'],
        ['part-1-2', '二、依申请公开'],
        ['part-2', '第二部分 存在的问题'],
      ],
    );
  });
});

describe('markers broken over lines by Word’s spans', () => {
  it('reads a numeral, its punctuation and its title on three lines as one heading', () => {
    const sections = buildSections('一、总体情况\n本年度工作有序开展。\n二\n、\n主动公开政府信息情况\n全年主动公开信息。\n（\n1）\n门户网站\n访问量稳定。');
    assert.deepEqual(
      sections.map((s) => [s.anchor, s.heading]),
      [
        ['part-1', '一、总体情况'],
        ['part-2', '二、主动公开政府信息情况'],
        ['part-2-1', '（1）门户网站'],
      ],
    );
  });
});
