/** Assembling the ordered block list every format reader produces. */
import type { Block, IngestedFile } from './types';

/** What a format reader returns; the dispatcher adds the format and the encoding. */
export type IngestedContent = Pick<IngestedFile, 'blocks' | 'header' | 'warnings'>;

/**
 * Collects lines and tables in document order. Consecutive lines form one text block; a
 * table closes it. Lines are trimmed; a blank line is kept (in plain text it separates table
 * rows) but never repeated, and never at the start or end of a block.
 */
export class BlockBuilder {
  private readonly blocks: Block[] = [];
  private lines: string[] = [];

  addLine(line: string): void {
    const trimmed = line.trim();
    if (trimmed === '' && (this.lines.length === 0 || this.lines.at(-1) === '')) return;
    this.lines.push(trimmed);
  }

  addTable(rows: string[][]): void {
    if (rows.length === 0) return;
    this.flushText();
    this.blocks.push({ type: 'table', rows });
  }

  build(): Block[] {
    this.flushText();
    return this.blocks;
  }

  private flushText(): void {
    while (this.lines.at(-1) === '') this.lines.pop();
    if (this.lines.length > 0) this.blocks.push({ type: 'text', text: this.lines.join('\n') });
    this.lines = [];
  }
}
