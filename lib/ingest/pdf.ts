/**
 * PDF: the text layer through pdf.js (legacy build, the one that runs in Node), rebuilt into
 * lines by position (pdf-lines.ts). A PDF without a text layer (a scan) or one that is cut
 * short is unreadable here, said so, never half-read.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { BlockBuilder, type IngestedContent } from './blocks';
import { pdfPagesToLines, type PdfPage } from './pdf-lines';
import { pageNumberWarnings } from './text-cleanup';
import { messageOf } from '@/lib/errors';
import { UnreadableFile } from './unreadable';

/** Report PDFs have 3–30 pages; thousands means something else, or a trap. */
export const MAX_PDF_PAGES = 500;
/** Below this many characters per page on average, the pages are images (a scan). */
const MIN_TEXT_CHARS_PER_PAGE = 10;
/** Readers accept `%%EOF` within the last 1 KiB (trailing junk after it is common). */
const EOF_MARKER_WINDOW = 1024;

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export async function readPdf(bytes: Uint8Array): Promise<IngestedContent> {
  assertCompletePdf(bytes);
  // pdf.js takes ownership of (detaches) the buffer it is given, and refuses a Buffer: hand
  // it a plain Uint8Array copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${pdfjsRoot}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${pdfjsRoot}/standard_fonts/`,
    isEvalSupported: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  try {
    const document = await task.promise.catch((error: unknown) => {
      const encrypted = error instanceof Error && error.name === 'PasswordException';
      throw new UnreadableFile(encrypted ? 'PDF 文件设有密码' : `PDF 文件已损坏：${messageOf(error)}`);
    });
    if (document.numPages > MAX_PDF_PAGES) {
      throw new UnreadableFile(`PDF 共 ${document.numPages} 页，超过 ${MAX_PDF_PAGES} 页的上限`);
    }
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      pages.push(await readPage(document, number));
    }
    assertHasTextLayer(pages);
    return toContent(pages);
  } finally {
    await task.destroy();
  }
}

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;

async function readPage(document: PdfDocument, number: number): Promise<PdfPage> {
  try {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const items = content.items
      .filter((item): item is TextItem => 'str' in item)
      .map((item) => ({
        text: item.str,
        x: item.transform[4] as number,
        y: item.transform[5] as number,
        width: item.width,
        fontSize: Math.hypot(item.transform[2] as number, item.transform[3] as number),
      }));
    const [, , , top] = page.view;
    page.cleanup();
    return { items, height: top ?? 0 };
  } catch (error) {
    throw new UnreadableFile(`PDF 文件第 ${number} 页已损坏：${messageOf(error)}`);
  }
}

function toContent(pages: PdfPage[]): IngestedContent {
  const { lines, droppedPageNumbers } = pdfPagesToLines(pages);
  const builder = new BlockBuilder();
  for (const line of lines) builder.addLine(line);
  return { blocks: builder.build(), header: {}, warnings: pageNumberWarnings(droppedPageNumbers) };
}

/**
 * A PDF is read from its end (the cross-reference table and trailer), so a file cut short
 * loses its `%%EOF`; pdf.js would try to reconstruct it and return part of the report.
 */
function assertCompletePdf(bytes: Uint8Array): void {
  const ascii = (from: number, to: number) => new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, from), to));
  if (!ascii(0, EOF_MARKER_WINDOW).includes('%PDF-')) {
    throw new UnreadableFile('不是 PDF 文件：缺少 %PDF- 文件头');
  }
  if (!ascii(bytes.length - EOF_MARKER_WINDOW, bytes.length).includes('%%EOF')) {
    throw new UnreadableFile('PDF 文件不完整：文件末尾缺少 %%EOF 结束标记');
  }
}

function assertHasTextLayer(pages: PdfPage[]): void {
  const chars = pages.flatMap((page) => page.items).reduce((sum, item) => sum + item.text.replace(/\s/g, '').length, 0);
  if (chars < MIN_TEXT_CHARS_PER_PAGE * pages.length) {
    throw new UnreadableFile(`PDF 没有文字层（${pages.length} 页中只有 ${chars} 个字符）：扫描图像需先做文字识别（OCR）`);
  }
}
