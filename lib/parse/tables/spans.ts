/** Region lines → `TableSpan`s: whole table blocks, and character ranges of text blocks. */
import type { DocLine } from './doc';

export interface TableSpan {
  block: number;
  /** Character offsets in a text block; absent = the whole block. */
  from?: number;
  to?: number;
}

export function spansOf(lines: DocLine[]): TableSpan[] {
  const spans: TableSpan[] = [];
  for (const line of lines) {
    const last = spans[spans.length - 1];
    if (line.from === null || line.to === null) {
      if (!spans.some((s) => s.block === line.block && s.from === undefined)) spans.push({ block: line.block });
      continue;
    }
    if (line.text.trim() === '') continue;
    if (last && last.block === line.block && last.to !== undefined) last.to = Math.max(last.to, line.to);
    else spans.push({ block: line.block, from: line.from, to: line.to });
  }
  return spans;
}
