import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import zlib from 'node:zlib';
import JSZip from 'jszip';
import { ingestBuffer, IngestError } from './index';
import { tables, textLines } from '@/test/support/ingest';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * A zip with one entry, `word/document.xml`, of `mebibytes` MiB of zeros deflated (1 KB per
 * MiB: full-flush blocks repeated, then a final empty block), whose headers declare
 * `declared` bytes inflated: sizes chosen by the archive, not by its content.
 */
function lyingDocx(mebibytes: number, declared: number): Buffer {
  const block = zlib.deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const data = Buffer.concat([...Array.from({ length: mebibytes }, () => block), zlib.deflateRawSync(Buffer.alloc(0))]);
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.byteLength, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.byteLength, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.byteLength, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.byteLength, 28);
  const directoryOffset = local.byteLength + name.byteLength + data.byteLength;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.byteLength + name.byteLength, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const cell = (text: string, properties = '') => `<w:tc><w:tcPr>${properties}</w:tcPr>${paragraph(text)}</w:tc>`;
const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;

/** A real .docx (a zip of Office Open XML parts), as Word would write its minimum. */
async function buildDocx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('Word .docx', () => {
  it('reads paragraphs as lines and a table as a table block, spans not expanded', async () => {
    const docx = await buildDocx(
      paragraph('2024年某区政府信息公开工作年度报告') +
        paragraph('四、政府信息公开行政复议、行政诉讼情况') +
        `<w:tbl>${row(cell('行政复议', '<w:gridSpan w:val="2"/>'), cell('行政诉讼'))}${row(
          cell('结果维持'),
          cell('总计'),
          cell(''),
        )}${row(cell('1'), cell('1'), cell('0'))}</w:tbl>` +
        paragraph('五、存在的主要问题及改进情况'),
    );
    const file = await ingestBuffer(docx, 'report.docx');
    assert.equal(file.format, 'docx');
    assert.deepEqual(
      file.blocks.map((block) => block.type),
      ['text', 'table', 'text'],
    );
    assert.deepEqual(textLines(file), ['2024年某区政府信息公开工作年度报告', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况']);
    assert.deepEqual(tables(file)[0]?.rows, [
      ['行政复议', '行政诉讼'],
      ['结果维持', '总计', ''],
      ['1', '1', '0'],
    ]);
  });

  it('refuses a .docx that is not a zip', async () => {
    const bytes = new TextEncoder().encode('一、总体情况');
    await assert.rejects(ingestBuffer(bytes, 'fake.docx'), (error: unknown) => {
      assert.ok(error instanceof IngestError);
      assert.equal(error.reason, '不是 zip 压缩包（找不到中央目录）');
      return true;
    });
  });

  it('refuses a .docx whose entries inflate past the limit, whatever they declare, within a second of CPU and without keeping what it inflates', async () => {
    // 1.5 MB of deflate that inflates to 1.5 GiB, in an entry that declares 4,000 bytes.
    const docx = lyingDocx(1536, 4_000);
    assert.ok(docx.byteLength < 2 * 1024 * 1024, `${docx.byteLength} bytes of zip`);
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage().rss;
    await assert.rejects(ingestBuffer(docx, 'bomb.docx'), /Word 文档（\.docx）解压后超过 \d+ 字节的上限（按实际解压计算）/);
    const { user, system } = process.cpuUsage(cpu);
    assert.ok(user + system < 1_000_000, `${(user + system) / 1000} ms of CPU`);
    assert.ok(process.memoryUsage().rss - memory < 100 * 1024 * 1024, 'less than 100 MB of memory');
  });

  it('refuses a zip that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', '不是报告');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await assert.rejects(ingestBuffer(bytes, 'other.docx'), /Word 文档（\.docx）已损坏：/);
  });
});
