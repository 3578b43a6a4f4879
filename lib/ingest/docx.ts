/**
 * Word .docx: mammoth turns the document into plain HTML (paragraphs and tables, no
 * styling), which then goes through the HTML reader like any page.
 */
import mammoth from 'mammoth';
import type { IngestedContent } from './blocks';
import { readHtml } from './html';
import { messageOf } from '@/lib/errors';
import { UnreadableFile } from './unreadable';
import { inflatedSize, ZipTooLarge } from './zip-size';

/** A report's XML is a few MB; more than this, inflated, is a zip bomb or not a report. */
export const MAX_DOCX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;

/** Images are not report text: give mammoth a converter that never reads them. */
const skipImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

export async function readDocx(bytes: Uint8Array): Promise<IngestedContent> {
  // Measured before mammoth sees it: mammoth inflates whole entries in memory.
  await inflatedSize(bytes, MAX_DOCX_UNCOMPRESSED_BYTES).catch((error: unknown) => {
    if (!(error instanceof ZipTooLarge)) throw error;
    throw new UnreadableFile(`Word 文档（.docx）解压后超过 ${MAX_DOCX_UNCOMPRESSED_BYTES} 字节的上限（按实际解压计算），不予读取`);
  });
  const result = await mammoth
    .convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { convertImage: skipImages, externalFileAccess: false })
    .catch((error: unknown) => {
      throw new UnreadableFile(`Word 文档（.docx）已损坏：${messageOf(error)}`);
    });
  const content = readHtml(result.value);
  const conversionWarnings = result.messages.map(({ message }) => `Word 文档（.docx）转换提示：${message}`);
  return { ...content, warnings: [...conversionWarnings, ...content.warnings] };
}
