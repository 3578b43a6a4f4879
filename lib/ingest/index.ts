/**
 * Any report file → IngestedFile: the format chosen by extension, the bytes decoded, the
 * report body as ordered text and table blocks, the file's own metadata as header. A file
 * that cannot be read as a report throws IngestError naming the file and the reason.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IngestedContent } from './blocks';
import { declaredHtmlCharset, decodeText } from './decode';
import { readDocx } from './docx';
import { readHtml } from './html';
import { readMarkdown } from './markdown';
import { readPdf } from './pdf';
import { readPlainText } from './plain-text';
import { htmlInScript } from './js-report';
import { removePinyinAnnotations, removeWordMarkup } from './text-cleanup';
import { type Block, type FileFormat, IngestError, type IngestedFile } from './types';
import { messageOf } from '@/lib/errors';
import { UnreadableFile } from './unreadable';

export { IngestError } from './types';
export type { Block, FileFormat, FileHeader, IngestedFile, TableBlock, TextBlock } from './types';

/** Reports are at most a few MB; anything larger is refused before it is read. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * The text a report may hold once read: over a hundred times the longest real report seen (under
 * 9,000 characters). Past it a file is not a report but a dump, and parsing it would take a
 * gigabyte of memory (a 19 MB text file: 11 s and 1.1 GB), so it is refused.
 */
export const MAX_TEXT_CHARS = 1_000_000;

const FORMAT_BY_EXTENSION: ReadonlyMap<string, FileFormat> = new Map([
  ['.txt', 'txt'],
  ['.md', 'md'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.pdf', 'pdf'],
  ['.docx', 'docx'],
  ['.js', 'js'],
]);

/** What `encoding` says for formats whose text is not decoded from bytes by us. */
const CONTAINER_ENCODING: Readonly<Record<'pdf' | 'docx', string>> = {
  pdf: 'pdf-text-layer',
  docx: 'docx-xml',
};

export async function ingestFile(filePath: string): Promise<IngestedFile> {
  const info = await stat(filePath).catch((error: unknown) => {
    throw new IngestError(filePath, `无法读取文件：${messageOf(error)}`);
  });
  if (!info.isFile()) throw new IngestError(filePath, '不是普通文件');
  assertWithinSizeLimit(filePath, info.size);
  const bytes = await readFile(filePath).catch((error: unknown) => {
    throw new IngestError(filePath, `无法读取文件：${messageOf(error)}`);
  });
  return ingestBuffer(bytes, filePath);
}

/** `fileName` chooses the format (by extension) and names the file in errors. */
export async function ingestBuffer(bytes: Uint8Array, fileName: string): Promise<IngestedFile> {
  const extension = path.extname(fileName).toLowerCase();
  const format = FORMAT_BY_EXTENSION.get(extension);
  if (!format) {
    const supported = [...FORMAT_BY_EXTENSION.keys()].join(' ');
    const reason = `不支持的文件类型“${extension}”（支持：${supported}）`;
    throw new IngestError(fileName, reason);
  }
  if (bytes.length === 0) throw new IngestError(fileName, '空文件');
  assertWithinSizeLimit(fileName, bytes.length);

  try {
    const { encoding, content } = await read(format, bytes);
    const cleaned = removeLeftovers(content);
    if (!cleaned.blocks.some(hasText)) throw new UnreadableFile('文件中没有报告文字');
    const characters = textLength(cleaned.blocks);
    if (characters > MAX_TEXT_CHARS) {
      throw new UnreadableFile(`文件中的文字有 ${characters} 字，超过 ${MAX_TEXT_CHARS} 字的上限（年度报告通常不到一万字）`);
    }
    return { format, encoding, ...cleaned };
  } catch (error) {
    if (error instanceof UnreadableFile) throw new IngestError(fileName, error.reason);
    throw error;
  }
}

async function read(format: FileFormat, bytes: Uint8Array): Promise<{ encoding: string; content: IngestedContent }> {
  switch (format) {
    case 'pdf':
      return { encoding: CONTAINER_ENCODING.pdf, content: await readPdf(bytes) };
    case 'docx':
      return { encoding: CONTAINER_ENCODING.docx, content: await readDocx(bytes) };
    case 'html': {
      const { text, encoding } = decodeText(bytes, declaredHtmlCharset(bytes));
      return { encoding, content: readHtml(text) };
    }
    case 'js': {
      // Some sites ship the report as HTML inside a JavaScript string (let content = "<p>…").
      const { text, encoding } = decodeText(bytes);
      const html = htmlInScript(text);
      if (html === null) throw new UnreadableFile('脚本中没有含中文的 HTML 字符串，不像是一份报告');
      return { encoding, content: readHtml(html) };
    }
    case 'md':
    case 'txt': {
      const { text, encoding } = decodeText(bytes);
      const lines = text.replace(/\r\n?/g, '\n');
      return { encoding, content: format === 'md' ? readMarkdown(lines) : readPlainText(lines) };
    }
  }
}

function assertWithinSizeLimit(fileName: string, size: number): void {
  if (size > MAX_FILE_BYTES) {
    throw new IngestError(fileName, `文件大小为 ${size} 字节，超过 ${MAX_FILE_BYTES} 字节的上限`);
  }
}

/** What editors and copying sites leave in a report's text, removed wherever a format let it through. */
const LEFTOVERS: ReadonlyArray<{ clean: (text: string) => { text: string; removed: number }; warning: (count: number) => string }> = [
  { clean: removeWordMarkup, warning: (count) => `已去除残留的 Word 条件注释 ${count} 处（<!--[if …]-->）` },
  { clean: removePinyinAnnotations, warning: (count) => `已去除转载网站插入的拼音注音 ${count} 处（如“標(biāo)題”）` },
];

function removeLeftovers(content: IngestedContent): IngestedContent {
  const removed = LEFTOVERS.map(() => 0);
  const clean = (text: string) =>
    LEFTOVERS.reduce((current, leftover, i) => {
      const result = leftover.clean(current);
      removed[i]! += result.removed;
      return result.text;
    }, text);
  const blocks = content.blocks.map((block): Block => {
    if (block.type === 'table') return { type: 'table', rows: block.rows.map((row) => row.map((cell) => clean(cell).trim())) };
    return { type: 'text', text: clean(block.text) };
  });
  const header = Object.fromEntries(Object.entries(content.header).map(([key, value]: [string, string]) => [key, clean(value)]));
  const warnings = LEFTOVERS.flatMap((leftover, i) => (removed[i]! > 0 ? [leftover.warning(removed[i]!)] : []));
  return { ...content, blocks, header, warnings: [...content.warnings, ...warnings] };
}

function textLength(blocks: readonly Block[]): number {
  let characters = 0;
  for (const block of blocks) characters += block.type === 'text' ? block.text.length : block.rows.flat().join('').length;
  return characters;
}

function hasText(block: Block): boolean {
  return block.type === 'text' ? block.text.trim() !== '' : block.rows.some((row) => row.some((cell) => cell !== ''));
}
