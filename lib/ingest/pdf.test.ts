import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { ingestBuffer, ingestFile, IngestError } from './index';
import { dataFile } from '@/test/support/corpus';
import { allText, textLines } from '@/test/support/ingest';

const PAGE_NUMBER = /^[-—]\s*\d+\s*[-—]$/;

describe('PDF', () => {
  it('rebuilds table rows as lines of tab-separated cells (Hongze 2024, table 四)', async () => {
    const file = await ingestFile(dataFile('2024-huaian-hongze-qu.pdf'));
    assert.equal(file.format, 'pdf');
    const lines = textLines(file);
    // The manifest's reading of table 四: 1 1 0 0 2 | 1 0 0 0 1 | 2 0 1 0 3.
    assert.ok(lines.includes(['1', '1', '0', '0', '2', '1', '0', '0', '0', '1', '2', '0', '1', '0', '3'].join('\t')));
    assert.ok(lines.includes(['一、本年新收政府信息公开申请数量', '95', '0', '0', '0', '0', '0', '95'].join('\t')));
    assert.ok(lines.includes('行政许可\t9487'));
  });

  it('drops page numbers and joins lines that the layout wrapped', async () => {
    const file = await ingestFile(dataFile('2024-huaian-hongze-qu.pdf'));
    const lines = textLines(file);
    assert.ok(!lines.some((line) => PAGE_NUMBER.test(line)));
    assert.match(file.warnings.join('\n'), /已去除页码 5 行（- 1 -、- 2 -、- 3 -、- 4 -、- 5 -）/);
    // The title, set on two lines, and a paragraph wrapped over four lines, each read as one.
    assert.equal(lines[0], '淮安市洪泽区人民政府2024年政府信息公开工作年度报告');
    assert.ok(lines.includes('一、总体情况'));
    assert.ok(lines.some((line) => line.startsWith('本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》（国令第711号）')));
    // The text says 17 applications while table 三 says 95: both kept as printed.
    assert.ok(allText(file).includes('受理政府信息公开申请17件'));
  });

  it('reads every page of the three corpus PDFs with the six headings at line starts', async () => {
    for (const name of ['2023-huaian-hongze-qu.pdf', '2024-huaian-hongze-qu.pdf', '2024-huaian-shi-renmin-zhengfu.pdf']) {
      const file = await ingestFile(dataFile(name));
      const lines = textLines(file);
      for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '六、其他需要报告的事项']) {
        assert.ok(lines.includes(heading), `${name}: ${heading}`);
      }
      assert.ok(
        lines.some((line) => line.startsWith('四、结转下年度继续办理\t')),
        name,
      );
    }
  });

  it('refuses a PDF cut in half, saying it is truncated', async () => {
    const bytes = await readFile(dataFile('2024-huaian-hongze-qu.pdf'));
    await assert.rejects(ingestBuffer(bytes.subarray(0, bytes.length / 2), 'half.pdf'), (error: unknown) => {
      assert.ok(error instanceof IngestError);
      assert.equal(error.file, 'half.pdf');
      assert.match(error.reason, /^PDF 文件不完整：文件末尾缺少 %%EOF 结束标记$/);
      return true;
    });
  });

  it('refuses a PDF whose structure is broken even though it ends properly', async () => {
    const bytes = await readFile(dataFile('2024-huaian-hongze-qu.pdf'));
    const broken = Buffer.concat([bytes.subarray(0, bytes.length / 2), Buffer.from('\n%%EOF\n')]);
    await assert.rejects(ingestBuffer(broken, 'broken.pdf'), /PDF 文件(?:第 \d+ 页)?已损坏：/);
  });

  it('refuses a password-protected PDF, saying so', async () => {
    // Standard security handler whose user password is not empty: no key opens it.
    const hex32 = (digit: string) => `<${digit.repeat(64)}>`;
    const encrypt = `/Encrypt << /Filter /Standard /V 1 /R 2 /O ${hex32('1')} /U ${hex32('2')} /P -4 >>`;
    const locked = minimalPdf('BT /F1 12 Tf 72 700 Td (Annual report) Tj ET', `${encrypt} /ID [<00> <00>] `);
    await assert.rejects(ingestBuffer(locked, 'locked.pdf'), /PDF 文件设有密码/);
  });

  it('refuses a PDF without a text layer (a page that is only a picture)', async () => {
    const scan = minimalPdf('0.5 g 50 50 495 742 re f');
    await assert.rejects(ingestBuffer(scan, 'scan.pdf'), (error: unknown) => {
      assert.ok(error instanceof IngestError);
      assert.match(error.reason, /^PDF 没有文字层（1 页中只有 \d+ 个字符）/);
      return true;
    });
    // The same minimal PDF with a line of text is read: the refusal is about the text layer.
    const withText = minimalPdf('BT /F1 12 Tf 72 700 Td (Annual report on government information) Tj ET');
    assert.deepEqual(textLines(await ingestBuffer(withText, 'text.pdf')), ['Annual report on government information']);
  });
});

/**
 * A valid one-page PDF drawing `content`, with a correct cross-reference table; `trailer`
 * adds entries to the trailer dictionary.
 */
function minimalPdf(content: string, trailer = ''): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R ' +
      '/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
