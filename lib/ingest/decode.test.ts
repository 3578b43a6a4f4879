import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { ingestBuffer, ingestFile, IngestError } from './index';
import { dataFile } from '@/test/support/corpus';
import { allText, fixture } from '@/test/support/ingest';

describe('encodings', () => {
  it('decodes a GBK export of a real report exactly like its UTF-8 source', async () => {
    const utf8 = await ingestFile(dataFile('2013-pingtan-difang-shuiwuju.txt'));
    const gbk = await ingestFile(fixture('2013-pingtan-difang-shuiwuju.gbk.txt'));
    assert.equal(utf8.encoding, 'utf-8');
    assert.equal(gbk.encoding, 'gb18030');
    assert.deepEqual({ ...gbk, encoding: 'utf-8' }, utf8);
  });

  it('decodes an HTML page in the charset it declares (gb2312 → gbk)', async () => {
    const gbkBytes = await readFile(fixture('2019-shanghai-excerpt.gb2312.html'));
    const utf8Bytes = new TextEncoder().encode(new TextDecoder('gbk').decode(gbkBytes));
    const fromGbk = await ingestBuffer(gbkBytes, 'page.html');
    const fromUtf8 = await ingestBuffer(utf8Bytes, 'page.html');
    assert.equal(fromGbk.encoding, 'gbk');
    assert.equal(fromUtf8.encoding, 'utf-8');
    assert.deepEqual(fromGbk.blocks, fromUtf8.blocks);
    assert.equal(fromGbk.header.title, '2019年上海市人民政府办公厅政府信息公开工作年度报告');
  });

  it('reads UTF-8 with a byte order mark as UTF-8, without the mark', async () => {
    const bytes = await readFile(dataFile('2020-hangzhou-xiacheng-qu.txt'));
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    const plain = await ingestBuffer(bytes, 'report.txt');
    const bom = await ingestBuffer(withBom, 'report.txt');
    assert.equal(bom.encoding, 'utf-8');
    assert.deepEqual(bom, plain);
    assert.ok(!allText(bom).includes('\ufeff'));
  });

  it('refuses binary bytes given as text', async () => {
    const binary = (await readFile(process.execPath)).subarray(0, 64 * 1024);
    for (const name of ['program.txt', 'program.md', 'program.html']) {
      await assert.rejects(ingestBuffer(binary, name), (error: unknown) => {
        assert.ok(error instanceof IngestError);
        assert.equal(error.file, name);
        assert.match(error.reason, /（二进制文件）$|^文件内容在以下编码中都不是有效文本：/);
        return true;
      });
    }
  });

  it('refuses text with NUL bytes even when it decodes', async () => {
    const bytes = new TextEncoder().encode('一、总体情况\u0000\u0000\u0000');
    await assert.rejects(ingestBuffer(bytes, 'a.txt'), /含有 NUL 字节（二进制文件）/);
  });
});
