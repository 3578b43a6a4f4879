/**
 * Test support: report files as blocks without the ingest module, the way a crawler text
 * export reads once its header is dropped (UTF-8, everything after `==== 正文 ====`, one block).
 * Unit tests of sections and metadata use it so that they test this module alone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TextBlock } from '@/lib/ingest/types';

export const DATA_DIR = path.resolve(import.meta.dirname, '../../data');
export const ALT_DIR = path.resolve(import.meta.dirname, '../fixtures/alt');

export function crawlerBlock(file: string): TextBlock {
  const text = readFileSync(file, 'utf8');
  const separator = /^=+ 正文 =+$/m.exec(text);
  return { type: 'text', text: separator ? text.slice(separator.index + separator[0].length).trim() : text };
}

export function dataFile(name: string): string {
  return path.join(DATA_DIR, name);
}
