import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingestBuffer, ingestFile } from './index';
import { dataFile } from '@/test/support/corpus';
import { allText, tables, textLines } from '@/test/support/ingest';

describe('Markdown', () => {
  it('gives pipe tables as table blocks with their cells as written', async () => {
    const file = await ingestFile(dataFile('2025-shanghai-shi-renmin-zhengfu-bangongting-pdf2md.md'));
    assert.equal(file.format, 'md');
    const rows = tables(file).flatMap((table) => table.rows);
    assert.ok(rows.some((row) => row.join('|') === '一、本年新收政府信息公开申请数量|1259|36|0|0|0|0|1295'));
    // A mangled row keeps its trailing empty cell and its split label: repair is parse's job.
    assert.ok(rows.some((row) => row.join('|') === '1.属于国家秘密|4|0|0|0|0|0|4|'));
    assert.ok(rows.some((row) => row[0] === '（三）不' && row[1] === '4.保护第三方合法权益'));
    assert.ok(!rows.flat().some((cell) => /^:?-{3,}:?$/.test(cell)), 'a delimiter row became a row');
  });

  it('keeps heading text as a line without the # marks', async () => {
    const file = await ingestFile(dataFile('2025-shanghai-shi-renmin-zhengfu-bangongting-pdf2md.md'));
    const lines = textLines(file);
    assert.ok(lines.includes('表二：主动公开政府信息情况'));
    assert.ok(!lines.some((line) => line.startsWith('#')));
  });

  it('starts a new table at each header row, as the export wrote them', async () => {
    const markdown = [
      '| 信息内容 | 本年制发件数 |',
      '|---|---|',
      '| 规章 | 22 |',
      '| 行政规范性文件 | 34 |',
      '|---|---|',
      '| 行政许可 | 0 |',
      '',
      '正文 | 不是表格',
    ].join('\n');
    const file = await ingestBuffer(new TextEncoder().encode(markdown), 'a.md');
    assert.deepEqual(
      tables(file).map((table) => table.rows),
      [
        [
          ['信息内容', '本年制发件数'],
          ['规章', '22'],
        ],
        [
          ['行政规范性文件', '34'],
          ['行政许可', '0'],
        ],
      ],
    );
    assert.deepEqual(textLines(file), ['正文 | 不是表格']);
  });

  it('drops the page numbers carried over from the PDF', async () => {
    const file = await ingestFile(dataFile('2025-shanghai-shi-renmin-zhengfu-bangongting-pdf2md.md'));
    assert.ok(!/— \d+ —/.test(allText(file)));
    assert.match(file.warnings.join('\n'), /已去除页码 7 行（— 1 —、— 2 —/);
  });

  it('reads the Science Commission export, whose tables are mangled differently', async () => {
    const file = await ingestFile(dataFile('2024-shanghai-kewei-pdf2md.md'));
    const lines = textLines(file);
    assert.ok(lines.includes('一、总体情况'));
    assert.ok(tables(file).some((table) => table.rows.some((row) => row.join('|') === '规范性文件|13|0|55')));
  });
});
