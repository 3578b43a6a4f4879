/** Helpers shared by the ingest tests: the encoding fixtures and views of an IngestedFile. */
import path from 'node:path';
import type { Block, IngestedFile, TableBlock } from '@/lib/ingest/types';

const FIXTURES_DIR = path.resolve(import.meta.dirname, '../fixtures/ingest');

export const fixture = (name: string) => path.join(FIXTURES_DIR, name);

/** Every text line and every table cell, in order: what a reader of the file would see. */
export function allText(file: IngestedFile): string {
  return file.blocks.map(blockText).join('\n');
}

function blockText(block: Block): string {
  return block.type === 'text' ? block.text : block.rows.map((row) => row.join('\t')).join('\n');
}

export function textLines(file: IngestedFile): string[] {
  return file.blocks.flatMap((block) => (block.type === 'text' ? block.text.split('\n') : []));
}

export function tables(file: IngestedFile): TableBlock[] {
  return file.blocks.filter((block): block is TableBlock => block.type === 'table');
}
