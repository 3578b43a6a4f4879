import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { ingestBuffer, ingestFile } from './index';
import { MAX_HTML_ELEMENTS } from './html';
import { limitHtmlDepth, MAX_HTML_DEPTH } from './html-depth';
import { DATA_DIR, dataFile } from '@/test/support/corpus';
import { allText, tables, textLines } from '@/test/support/ingest';

const SIX_HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

/** Text of the pingtan.gov.cn site around every report: header, breadcrumb, footer. */
const SITE_CHROME = [
  '繁体版',
  '无障碍浏览',
  '历史搜索',
  '当前位置',
  '来源：平潭县人民政府',
  '扫一扫在手机上查看当前页面',
  '友情链接',
  '网站标识码',
  '闽ICP备',
  '版权所有',
  '主办单位',
];

const pingtanPages = (await readdir(DATA_DIR)).filter((name) => /pingtan.*\.html$/.test(name));

describe('HTML pages', () => {
  it('reads the 2019 Pingtan report: its six headings, its three tables, none of the site', async () => {
    const file = await ingestFile(dataFile('2019-pingtan-zonghe-shiyanqu.html'));
    assert.equal(file.format, 'html');
    assert.equal(file.encoding, 'utf-8');
    assert.deepEqual(file.header, {
      title: '平潭综合实验区2019年度政府信息公开工作年度报告',
      publishedAt: '2020-01-20 15:22',
      site: '平潭综合实验区党工委管委会',
      sourceUrl: 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202001/t20200120_80576.htm',
    });
    const lines = textLines(file);
    for (const heading of SIX_HEADINGS) assert.ok(lines.includes(heading), heading);
    assert.equal(tables(file).length, 3);
    const text = allText(file);
    for (const chrome of SITE_CHROME) assert.ok(!text.includes(chrome), `site text "${chrome}" in the body`);
    assert.ok(
      file.warnings.some((warning) =>
        /^已取出网页中的报告正文 <div class="TRS_Editor">（\d+ 字），去除其周围的导航、页眉、页脚等网页文字 \d+ 字$/.test(warning),
      ),
    );
  });

  it('gives table cells as printed: spans not expanded, one row per <tr>', async () => {
    const file = await ingestFile(dataFile('2019-pingtan-zonghe-shiyanqu.html'));
    const [table2, table3, table4] = tables(file);
    assert.deepEqual(table2?.rows[3], ['规范性文件', '89', '89', '89']);
    assert.deepEqual(table2?.rows.at(-1), ['政府集中采购', '135', '75394432.52元']);
    // The rowspan label 三、本年度办理结果 appears once, in the row where the source has it.
    assert.deepEqual(table3?.rows[5], ['三、本年度办理结果', '（一）予以公开', '7', '0', '0', '0', '0', '0', '7']);
    assert.deepEqual(table3?.rows[6], ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '1', '0', '0', '0', '0', '0', '1']);
    assert.deepEqual(
      table4?.rows.at(-1),
      Array.from({ length: 15 }, () => '0'),
    );
  });

  it('turns &nbsp;-only cells into empty strings', async () => {
    // The Shanghai table 三 writes its empty cells (and a blank 总计 column) as &nbsp;.
    const file = await ingestFile(dataFile('2019-shanghai-shi-renmin-zhengfu-bangongting.html'));
    const table3 = tables(file)[1];
    assert.deepEqual(table3?.rows[4], ['二、上年结转政府信息公开申请数量', '18', '', '', '', '', '', '18']);
    const cells = tables(file).flatMap((table) => table.rows.flat());
    assert.ok(cells.every((cell) => cell === cell.trim() && !cell.includes('\u00a0')));
  });

  for (const name of pingtanPages) {
    it(`finds the report inside the site page ${name}`, async () => {
      const file = await ingestFile(dataFile(name));
      const year = Number(name.slice(0, 4));
      const text = allText(file);
      for (const chrome of SITE_CHROME) assert.ok(!text.includes(chrome), `site text "${chrome}" in the body`);
      assert.match(file.header.title ?? '', new RegExp(`^平潭综合实验区${year}年度政府信息公开工作年度报告$`));
      assert.match(file.header.publishedAt ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      // 2016–2018: one statistics table; 2019 on: the three tables of the national format.
      assert.equal(tables(file).length, year <= 2018 ? 1 : 3);
      if (year >= 2019) {
        const lines = textLines(file);
        assert.ok(
          lines.some((line) => /^一、\s*总体情况/.test(line)),
          'heading 一',
        );
        assert.ok(
          lines.some((line) => /^六、\s*其他需要报告的事项/.test(line)),
          'heading 六',
        );
      }
    });
  }

  it('reads the converted Shanghai page (HTML that was inside a JavaScript file)', async () => {
    const file = await ingestFile(dataFile('2019-shanghai-shi-renmin-zhengfu-bangongting.html'));
    assert.equal(file.header.title, '2019年上海市人民政府办公厅政府信息公开工作年度报告');
    assert.equal(tables(file).length, 3);
    assert.deepEqual(file.warnings, []);
    const lines = textLines(file);
    for (const heading of ['一、总体情况', '六、其他需要报告的事项']) assert.ok(lines.includes(heading));
  });
});

describe('hostile HTML', () => {
  it('leaves real pages untouched by the depth limit', async () => {
    for (const name of pingtanPages) {
      const html = await readFile(dataFile(name), 'utf8');
      assert.equal(limitHtmlDepth(html).removedTags, 0, name);
    }
  });

  it('reads 100,000 nested elements in bounded time without overflowing the stack', async () => {
    const depth = 100_000;
    const cases = {
      closed: `<html><body>${'<div>'.repeat(depth)}深处的文字${'</div>'.repeat(depth)}</body></html>`,
      unclosed: `<html><body>${'<span><b>'.repeat(depth / 2)}深处的文字</body></html>`,
      tables: `${'<table><tr><td>'.repeat(depth / 3)}深处的文字`,
    };
    for (const [name, html] of Object.entries(cases)) {
      const started = performance.now();
      const file = await ingestBuffer(new TextEncoder().encode(html), `${name}.html`);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 5_000, `${name}: ${Math.round(elapsed)} ms`);
      assert.ok(allText(file).includes('深处的文字'), name);
      assert.ok(
        file.warnings.some((warning) => warning.startsWith(`网页标记嵌套超过 ${MAX_HTML_DEPTH} 层：已去除 `)),
        name,
      );
    }
  });

  it('refuses a page with more elements than any report has, quickly', async () => {
    const paragraphs = '<p>一、总体情况</p>'.repeat(MAX_HTML_ELEMENTS + 1);
    const started = performance.now();
    await assert.rejects(
      ingestBuffer(new TextEncoder().encode(paragraphs), 'huge.html'),
      new RegExp(`网页元素多达 ${MAX_HTML_ELEMENTS + 1} 个，超过 ${MAX_HTML_ELEMENTS} 个的上限`),
    );
    assert.ok(performance.now() - started < 2_000);
  });

  it('keeps a script nested too deep out of the text', () => {
    const html = `${'<div>'.repeat(MAX_HTML_DEPTH + 5)}<script>var secret = 1;</script>正文`;
    const limited = limitHtmlDepth(html);
    assert.ok(!limited.html.includes('secret'));
    assert.ok(limited.html.endsWith('正文'));
  });
});
