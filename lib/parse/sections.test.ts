import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildBody } from './body';
import { categoryOfPath, categoryOfTitle } from './categories';
import { buildSections, SECTION_TEXT_MAX, splitLongText } from './sections';
import { ALT_DIR, dataFile } from '@/test/support/corpus';
import { crawlerBlock } from '@/test/support/parse';

function sectionsOf(file: string) {
  return buildSections(buildBody([crawlerBlock(file)], []).text);
}

const topLevel = (file: string) => sectionsOf(file).filter((s) => s.depth === 1);

describe('one-line crawler bodies', () => {
  it('split the 2011 county report into its five parts, the statistics annex included', () => {
    const parts = topLevel(dataFile('2011-pingtan-xian-renmin-zhengfu.txt'));
    assert.deepEqual(
      parts.map((s) => [s.anchor, s.heading]),
      [
        ['part-1', '一、 概述'],
        ['part-2', '二、主动公开政府信息情况'],
        ['part-3', '三、政府信息依申请公开工作情况'],
        ['part-4', '四、政府信息公开工作存在的主要问题及改进情况'],
        ['annex-1', '附件1：平潭县人民政府2011年政府信息公开情况统计表'],
      ],
    );
    assert.deepEqual(
      parts.map((s) => s.category),
      ['总体情况', '主动公开', '依申请公开', '问题与改进', '其他'],
    );
  });

  it('end a glued title where its text starts', () => {
    const sections = sectionsOf(dataFile('2011-pingtan-xian-renmin-zhengfu.txt'));
    const part4 = sections.find((s) => s.anchor === 'part-4')!;
    assert.match(part4.text, /^目前，我县在政府信息公开工作的开展中/);
    const quantity = sections.find((s) => s.anchor === 'part-2-1')!;
    assert.equal(quantity.heading, '（一）主动公开政府信息的数量');
    assert.match(quantity.text, /^各乡镇、县直各单位/);
    const overview = topLevel(path.join(ALT_DIR, '2016-pingtan-zonghe-shiyanqu.txt'))[0]!;
    assert.equal(overview.heading, '一、 概述');
    assert.match(overview.text, /^2016年，在省政府办公厅/);
  });

  it('take a numbered sentence for a list item, not a heading', () => {
    const sections = sectionsOf(dataFile('2011-pingtan-xian-renmin-zhengfu.txt'));
    const rules = sections.find((s) => s.heading === '（三）进一步规范政府信息公开行为')!;
    assert.match(rules.text, /^1、加强信息公开培训指导工作，确保/);
    assert.ok(!sections.some((s) => s.heading.startsWith('1、')));
  });

  it('read half-width (一) next to full-width （二） as one sequence (2015)', () => {
    const sections = sectionsOf(dataFile('2015-pingtan-zonghe-shiyanqu.txt'));
    const problems = sections.filter((s) => s.anchor.startsWith('part-6-'));
    assert.deepEqual(
      problems.map((s) => [s.anchor, s.heading, s.category]),
      [
        ['part-6-1', '(一)存在问题', '问题与改进'],
        ['part-6-2', '（二）改进措施', '问题与改进'],
      ],
    );
    assert.equal(topLevel(dataFile('2015-pingtan-zonghe-shiyanqu.txt')).length, 7);
  });

  it('never take 一是…二是… for headings, even when numbered out of order (2015)', () => {
    const sections = sectionsOf(dataFile('2015-pingtan-zonghe-shiyanqu.txt'));
    assert.ok(!sections.some((s) => /^[一二三四五六七八九十]是/.test(s.heading)));
    const clash = sections.find((s) => s.text.includes('一是推进行政权力清单公开。一是按照'));
    assert.equal(clash?.anchor, 'part-1-2');
  });

  it('split every 2019+ crawler export into its six parts despite glued table text', () => {
    const files = readdirSync(ALT_DIR).filter((f) => /^20(19|2\d)-.*\.txt$/.test(f));
    assert.ok(files.length >= 7);
    for (const file of files) {
      const parts = topLevel(path.join(ALT_DIR, file));
      assert.deepEqual(
        parts.map((s) => s.anchor),
        ['part-1', 'part-2', 'part-3', 'part-4', 'part-5', 'part-6'],
        file,
      );
      assert.deepEqual(
        parts.map((s) => s.category),
        ['总体情况', '主动公开', '依申请公开', '复议诉讼', '问题与改进', '其他'],
        file,
      );
    }
  });

  it('find the sub-parts of part 一 in a 2021 layout export', () => {
    const sections = sectionsOf(path.join(ALT_DIR, '2022-pingtan-zonghe-shiyanqu.txt'));
    assert.deepEqual(
      sections.filter((s) => /^part-1-\d$/.test(s.anchor)).map((s) => [s.heading, s.category]),
      [
        ['（一）主动公开方面', '主动公开'],
        ['（二）依申请公开方面', '依申请公开'],
        ['（三）政府信息管理方面', '政府信息管理'],
        ['（四）信息公开平台建设方面', '平台建设'],
        ['（五）监督保障方面', '监督保障'],
      ],
    );
  });
});

describe('page chrome', () => {
  it('never becomes a section: breadcrumb and share bar, title line, 附件下载', () => {
    const sections = sectionsOf(dataFile('2011-pingtan-zonghe-shiyanqu.txt'));
    assert.equal(sections[0]!.anchor, 'preamble');
    assert.match(sections[0]!.text, /^本报告主要根据/);
    for (const section of sections) {
      assert.doesNotMatch(section.text, /当前位置|QQ空间|全真版|附件下载/, section.anchor);
    }
  });

  it('drops the report title printed at the top of the body', () => {
    const body = buildBody([crawlerBlock(dataFile('2011-pingtan-xian-renmin-zhengfu.txt'))], []);
    assert.equal(body.printedTitle?.title, '平潭县人民政府2011年政府信息公开工作年度报告');
    assert.match(body.text, /^本报告主要根据/);
  });
});

describe('line-per-paragraph text', () => {
  it('keeps decimals and versions inside sentences (政务服务2.0)', () => {
    const sections = sectionsOf(dataFile('2020-hangzhou-xiacheng-qu.txt'));
    const active = sections.find((s) => s.anchor === 'part-1-1')!;
    assert.equal(active.heading, '（一）主动公开情况');
    assert.match(active.text, /政务服务2\.0试点城区/);
    assert.ok(!sections.some((s) => s.heading.startsWith('0')));
  });

  it('accepts a part title numbered out of sequence and keeps anchors unique', () => {
    // The 科委 report restarts at 一 for its tables and has no 四 before 五、其他需要报告的事项.
    const sections = sectionsOf(dataFile('2024-shanghai-kewei-pdf2md.md'));
    const parts = sections.filter((s) => s.depth === 1).map((s) => s.anchor);
    assert.deepEqual(parts, ['part-1', 'part-2', 'part-3', 'part-4', 'part-5', 'part-6', 'part-1-r2', 'part-2-r2', 'part-3-r2', 'part-5-r2']);
    assert.equal(new Set(sections.map((s) => s.anchor)).size, sections.length);
    const problems = sections.find((s) => s.heading === '（一）主要问题')!;
    assert.equal(problems.anchor, 'part-3-r2-1');
    assert.equal(problems.category, '问题与改进');
  });
});

describe('anchors', () => {
  it('are the same on every run and unique in a report', () => {
    for (const file of ['2015-pingtan-zonghe-shiyanqu.txt', '2020-hangzhou-xiacheng-qu.txt']) {
      const first = sectionsOf(dataFile(file));
      const second = sectionsOf(dataFile(file));
      assert.deepEqual(first, second);
      assert.equal(new Set(first.map((s) => s.anchor)).size, first.length, file);
    }
  });

  it('follow the numbering: part-1-2-3 for 一（二）3.', () => {
    const sections = sectionsOf(path.join(ALT_DIR, '2017-pingtan-zonghe-shiyanqu.txt'));
    const item = sections.find((s) => s.anchor === 'part-1-1-3')!;
    assert.deepEqual(item.headingPath, ['一、概述', '（一）加强组织领导,精心部署安排', '3.拓展载体']);
    assert.equal(item.depth, 3);
  });
});

describe('long sections', () => {
  const paragraph = readFileSync(dataFile('2020-hangzhou-xiacheng-qu.txt'), 'utf8').split('\n')[4]!;

  it('are cut at paragraph boundaries into parts of at most SECTION_TEXT_MAX characters', () => {
    const text = Array.from({ length: 8 }, () => paragraph).join('\n');
    const pieces = splitLongText(text);
    assert.ok(pieces.length > 1);
    for (const piece of pieces) {
      assert.ok(piece.length <= SECTION_TEXT_MAX);
      assert.ok(piece.startsWith(paragraph.slice(0, 20)), 'a piece starts at a paragraph');
    }
    assert.equal(pieces.join('\n'), text);
  });

  it('fall back to sentence ends inside one long paragraph', () => {
    const text = Array.from({ length: 8 }, () => paragraph).join('');
    for (const piece of splitLongText(text)) {
      assert.ok(piece.length <= SECTION_TEXT_MAX);
      assert.match(piece, /[。；！？!?]$|[^。]$/);
    }
    assert.equal(splitLongText(text).join(''), text);
  });

  it('keep their heading path, with anchors part-1-2, part-1-2-p2 …', () => {
    const body = `一、总体情况\n${Array.from({ length: 8 }, () => paragraph).join('\n')}\n二、主动公开政府信息情况\n正文。`;
    const sections = buildSections(body);
    const parts = sections.filter((s) => s.headingPath[0] === '一、总体情况');
    assert.deepEqual(
      parts.map((s) => s.anchor),
      parts.map((_, i) => (i === 0 ? 'part-1' : `part-1-p${i + 1}`)),
    );
    assert.ok(parts.length >= 2);
    assert.ok(parts.every((s) => s.heading === '一、总体情况' && s.category === '总体情况'));
  });
});

describe('categories', () => {
  it('come from the heading, else from the nearest parent that names one', () => {
    assert.equal(categoryOfTitle('四、政府信息公开行政复议、行政诉讼情况'), '复议诉讼');
    assert.equal(categoryOfTitle('三、收到和处理政府信息公开申请情况'), '依申请公开');
    assert.equal(categoryOfTitle('六、其他需要报告的事项'), '其他');
    assert.equal(categoryOfTitle('（二）主要做法'), null);
    assert.equal(categoryOfPath(['一、总体情况', '（二）主要做法']), '总体情况');
    assert.equal(categoryOfPath(['一、概述', '（一）加强组织领导', '4、强化监管，自觉接受群众的监督和检查']), '监督保障');
    assert.equal(categoryOfPath(['四、审批事项及处理情况']), '其他');
    assert.equal(categoryOfPath([]), '总体情况');
  });
});
