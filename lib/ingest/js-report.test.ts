import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import vm from 'node:vm';
import { readHtml } from './html';
import { ingestBuffer } from './index';
import { extractJsStringVariable, htmlInScript, standaloneHtml } from './js-report';

describe('report HTML inside a JavaScript file', () => {
  it('reads a double-quoted literal with the escapes JavaScript allows', () => {
    // The JavaScript source text, backslashes and all (line 2 ends in a line continuation).
    const source = [
      'let other = "not this";',
      'let content = "<p style=\\"text-align: center\\">\\u62a5\\u544a</p>\\n<p>\\x41\\u{1F600}\\\'ok\\\' \\\\ line\\',
      'continued</p>";',
    ].join('\n');
    const value = extractJsStringVariable(source, 'content');
    assert.equal(value, '<p style="text-align: center">报告</p>\n<p>A😀\'ok\' \\ linecontinued</p>');
    assert.equal(value, vm.runInNewContext(`${source}\ncontent`), 'differs from what JavaScript reads');
  });

  it('reads a single-quoted literal and stops at its closing quote', () => {
    const source = `var content = '<p>一、"总体"情况</p>'; let after = 'x';`;
    assert.equal(extractJsStringVariable(source, 'content'), '<p>一、"总体"情况</p>');
  });

  it('refuses a missing variable and an unterminated literal', () => {
    assert.throws(() => extractJsStringVariable('let x = "a";', 'content'), /no string literal/);
    assert.throws(() => extractJsStringVariable('let content = "<p>\n</p>";', 'content'), /unterminated/);
  });

  it('wraps the HTML in a page that names its source and reads back with the title', () => {
    const page = standaloneHtml('<p>一、总体情况</p><table><tr><td>规章</td><td>13</td></tr></table>', {
      title: '2019年上海市人民政府办公厅政府信息公开工作年度报告',
      source: 'Converted from report.js -- the "content" variable',
    });
    assert.match(page, /^<!DOCTYPE html>\n<!-- Converted from report\.js - - the "content" variable -->/);
    const read = readHtml(page);
    assert.equal(read.header.title, '2019年上海市人民政府办公厅政府信息公开工作年度报告');
    assert.deepEqual(read.blocks, [
      { type: 'text', text: '一、总体情况' },
      { type: 'table', rows: [['规章', '13']] },
    ]);
  });
});

describe('a report shipped as a script', () => {
  it('finds the longest string of markup and Chinese text among the script’s variables', () => {
    const script = 'var site = "<b>home</b>";\nlet content = "<p>一、总体情况</p><p>本年度主动公开信息。</p>";\nconst n = "短";';
    assert.equal(htmlInScript(script), '<p>一、总体情况</p><p>本年度主动公开信息。</p>');
    assert.equal(htmlInScript('let x = 1; let y = "plain";'), null);
  });

  it('is ingested as the HTML it holds, and refused with the reason when it holds none', async () => {
    const script = 'let content = "<p>XX县人民政府2021年政府信息公开工作年度报告</p><p>一、总体情况</p>";';
    const file = await ingestBuffer(new TextEncoder().encode(script), 'report.js');
    assert.equal(file.format, 'js');
    assert.ok(file.blocks.some((block) => block.type === 'text' && block.text.includes('一、总体情况')));
    await assert.rejects(ingestBuffer(new TextEncoder().encode('console.log(1);'), 'app.js'), /脚本中没有含中文的 HTML 字符串/);
  });
});
