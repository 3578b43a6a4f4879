import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingestBuffer, ingestFile, IngestError, MAX_FILE_BYTES, MAX_TEXT_CHARS } from './index';
import { ALT_DIR, DATA_DIR, dataFile } from '@/test/support/corpus';
import { allText } from '@/test/support/ingest';

/** The report files in data/ are the ones its manifest lists; the alternates sit outside. */
const manifest = JSON.parse(await readFile(path.join(DATA_DIR, 'manifest.json'), 'utf8')) as Array<{
  file: string;
}>;
const corpus = [...manifest.map((entry) => path.join(DATA_DIR, entry.file)), ...(await readdir(ALT_DIR)).map((name) => path.join(ALT_DIR, name))];

function assertIngestError(reason: RegExp, file?: string) {
  return (error: unknown) => {
    assert.ok(error instanceof IngestError, `not an IngestError: ${String(error)}`);
    assert.match(error.reason, reason);
    if (file !== undefined) assert.equal(error.file, file);
    return true;
  };
}

describe('ingest: every corpus file', () => {
  it('covers every report file in data/ (all listed in its manifest) and the alternates', async () => {
    const reportFiles = (await readdir(DATA_DIR)).filter((name) => name !== 'manifest.json');
    assert.deepEqual(reportFiles.sort(), manifest.map((entry) => entry.file).sort());
    assert.ok(corpus.length >= 33, `${corpus.length} files`);
  });

  for (const file of corpus) {
    it(`reads ${path.basename(path.dirname(file))}/${path.basename(file)}`, async () => {
      const ingested = await ingestFile(file);
      assert.equal(ingested.format, path.extname(file).slice(1));
      const text = allText(ingested);
      assert.ok(text.length > 2_000, `only ${text.length} characters`);
      // Some form of the report's title or the word 报告 is in every body.
      assert.ok(text.includes('报告'));
      // Nothing decoded wrongly, nothing left of Word's markup.
      assert.ok(!text.includes('\ufffd'));
      assert.ok(!text.includes('<!--[if'));
    });
  }
});

describe('ingest: files that are not reports', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ingest-test-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses an empty file', async () => {
    const empty = path.join(dir, 'empty.txt');
    await writeFile(empty, '');
    await assert.rejects(ingestFile(empty), assertIngestError(/^空文件$/, empty));
  });

  it('refuses a file of only blank lines: no report text', async () => {
    await assert.rejects(ingestBuffer(new TextEncoder().encode('\n\n  \n'), 'blank.md'), assertIngestError(/^文件中没有报告文字$/));
  });

  it('refuses a 50 MB text file by its size, before reading it', async () => {
    const huge = path.join(dir, 'huge.txt');
    await writeFile(huge, '');
    await truncate(huge, 50 * 1024 * 1024);
    const started = performance.now();
    await assert.rejects(ingestFile(huge), assertIngestError(new RegExp(`^文件大小为 ${50 * 1024 * 1024} 字节，超过 ${MAX_FILE_BYTES} 字节的上限$`)));
    assert.ok(performance.now() - started < 500);
  });

  it('refuses an oversized buffer too', async () => {
    await assert.rejects(ingestBuffer(new Uint8Array(MAX_FILE_BYTES + 1), 'big.html'), assertIngestError(new RegExp(`超过 ${MAX_FILE_BYTES} 字节的上限`)));
  });

  it('refuses a file within the byte limit whose text is far past any report, naming the limit', async () => {
    const dump = new TextEncoder().encode('政府信息公开工作年度报告\n' + '公开'.repeat(MAX_TEXT_CHARS));
    assert.ok(dump.length < MAX_FILE_BYTES);
    await assert.rejects(ingestBuffer(dump, 'dump.txt'), assertIngestError(new RegExp(`超过 ${MAX_TEXT_CHARS} 字的上限`)));
  });

  it('refuses an unsupported extension, naming the supported ones', async () => {
    await assert.rejects(
      ingestBuffer(new TextEncoder().encode('{"title": "报告"}'), 'report.json'),
      assertIngestError(/^不支持的文件类型“\.json”（支持：\.txt \.md \.html \.htm \.pdf \.docx \.js）$/),
    );
  });

  it('refuses a missing file and a folder with an IngestError, not a bare error', async () => {
    await assert.rejects(ingestFile(path.join(dir, 'missing.txt')), assertIngestError(/^无法读取文件：/));
    await assert.rejects(ingestFile(DATA_DIR), assertIngestError(/^不是普通文件$/));
  });

  it('chooses the format by extension whatever its case', async () => {
    const file = await ingestBuffer(new TextEncoder().encode('<p>一、总体情况</p>'), 'REPORT.HTM');
    assert.equal(file.format, 'html');
    assert.deepEqual(file.blocks, [{ type: 'text', text: '一、总体情况' }]);
  });

  it('keeps full-width digits as printed', async () => {
    const file = await ingestBuffer(new TextEncoder().encode('收到申请１７件'), 'a.txt');
    assert.equal(allText(file), '收到申请１７件');
  });

  it('reads a real file identically from a path and from a buffer', async () => {
    const name = dataFile('2022-pingtan-zonghe-shiyanqu.html');
    assert.deepEqual(await ingestBuffer(await readFile(name), name), await ingestFile(name));
  });
});
