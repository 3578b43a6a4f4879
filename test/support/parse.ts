/**
 * Test support: report files as blocks without the ingest module, the way a crawler text
 * export reads once its header is dropped (UTF-8, everything after `==== 正文 ====`, one block).
 * Unit tests of sections and metadata use it so that they test this module alone.
 */
import { readFileSync } from 'node:fs';
import type { TextBlock } from '@/lib/ingest/types';

export function crawlerBlock(file: string): TextBlock {
  const text = readFileSync(file, 'utf8');
  const separator = /^=+ 正文 =+$/m.exec(text);
  return { type: 'text', text: separator ? text.slice(separator.index + separator[0].length).trim() : text };
}
