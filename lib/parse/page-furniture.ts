/**
 * What a printed page adds to a report's text: page numbers (`- 1 -`, `— 12 —`, `第 2 页`) and
 * running heads (the title or the issuer repeated at the top of every page), left in text
 * exports of PDFs. They fall anywhere, in the middle of a table too, so they are removed from
 * the blocks before anything is read, at the same offsets from the blocks shown.
 */
import { isPageNumberLine } from '@/lib/ingest/text-cleanup';
import type { Block } from '@/lib/ingest/types';

/** A running head is a short line; a longer one is text that happens to repeat. */
const HEAD_MAX = 60;

interface Line {
  from: number;
  to: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let from = 0;
  for (const line of text.split('\n')) {
    lines.push({ from, to: from + line.length, text: line.trim() });
    from += line.length + 1;
  }
  return lines;
}

/** Indexes of the non-blank lines next to page numbers (before and after, blank lines skipped). */
function besidePageNumbers(lines: Line[], numbers: Set<number>): Set<number> {
  const beside = new Set<number>();
  for (const n of numbers) {
    for (const step of [-1, 1]) {
      let i = n + step;
      while (lines[i] && lines[i]!.text === '') i += step;
      if (lines[i] && !numbers.has(i)) beside.add(i);
    }
  }
  return beside;
}

/** Line ranges of page numbers and running heads in one text: heads repeat beside page numbers. */
function furnitureRanges(text: string): Array<[number, number]> {
  const lines = linesOf(text);
  const numbers = new Set(lines.flatMap((line, i) => (line.text && isPageNumberLine(line.text) ? [i] : [])));
  if (numbers.size === 0) return [];
  const beside = [...besidePageNumbers(lines, numbers)].filter((i) => lines[i]!.text.length <= HEAD_MAX);
  const seen = new Map<string, number>();
  for (const i of beside) seen.set(lines[i]!.text, (seen.get(lines[i]!.text) ?? 0) + 1);
  const heads = beside.filter((i) => (seen.get(lines[i]!.text) ?? 0) >= 2);
  // A line's range takes its line break too, so nothing of it is left behind.
  return [...numbers, ...heads].sort((a, b) => a - b).map((i) => [lines[i]!.from, Math.min(text.length, lines[i]!.to + 1)]);
}

function cut(text: string, ranges: Array<[number, number]>): string {
  let out = '';
  let at = 0;
  for (const [from, to] of ranges) {
    out += text.slice(at, from);
    at = to;
  }
  return out + text.slice(at);
}

/** The blocks read and the blocks shown (same offsets), without page numbers and running heads. */
export function withoutPageFurniture(read: Block[], shown: Block[]): { read: Block[]; shown: Block[]; removed: number } {
  let removed = 0;
  const outRead: Block[] = [];
  const outShown: Block[] = [];
  read.forEach((block, i) => {
    const twin = shown[i]!;
    if (block.type !== 'text' || twin.type !== 'text') {
      outRead.push(block);
      outShown.push(twin);
      return;
    }
    const ranges = furnitureRanges(block.text);
    removed += ranges.length;
    outRead.push(ranges.length ? { type: 'text', text: cut(block.text, ranges) } : block);
    outShown.push(ranges.length ? { type: 'text', text: cut(twin.text, ranges) } : twin);
  });
  return { read: outRead, shown: outShown, removed };
}
