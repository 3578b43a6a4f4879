import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { leadingChromeEnd, trailingChromeStart } from './chrome';
import { dataFile } from '@/test/support/corpus';
import { crawlerBlock } from '@/test/support/parse';

describe('page chrome', () => {
  it('finds the end of a breadcrumb and share bar', () => {
    const { text } = crawlerBlock(dataFile('2013-pingtan-difang-shuiwuju.txt'));
    const end = leadingChromeEnd(text);
    assert.match(text.slice(0, end), /^当前位置： 首页.*相关链接： -->\s*$/);
    assert.match(text.slice(end), /^平潭综合实验区地方税务局2013年 信息公开年度报告 根据/);
  });

  it('leaves a body without chrome alone, and skips a converter’s 正文 line', () => {
    assert.equal(leadingChromeEnd('一、总体情况\n2024年，…'), 0);
    assert.equal(leadingChromeEnd('正文\n2024 年上海市科委'), '正文\n'.length);
  });

  it('finds the site footer after the report', () => {
    const text = '…日常化。 二○一二年二月二十日 行政诉讼数 条 0 0 附件下载 ';
    assert.equal(text.slice(0, trailingChromeStart(text)), '…日常化。 二○一二年二月二十日 行政诉讼数 条 0 0');
    assert.equal(trailingChromeStart('无其他需要报告的事项'), '无其他需要报告的事项'.length);
  });
});
