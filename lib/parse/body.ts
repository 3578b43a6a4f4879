/**
 * The report's running text: the text blocks in order, with the tables cut out (the table
 * parser says where they are) and the page chrome removed. Sections are slices of this one
 * string, so a section never contains a table cell and every character of text is in
 * exactly one section.
 */
import type { Block } from '@/lib/ingest/types';
import { leadingChromeEnd, PAGE_FOOTER_LINE, titleAt, trailingChromeStart } from './chrome';
import type { TableSpan } from './tables';

export interface Body {
  text: string;
  /** The report title printed at the top of the body, if any (removed from `text`). */
  printedTitle: string | null;
}

/**
 * A table block no table was read from (a layout table, a table of something else) keeps its
 * words as text, a row per line, so nothing printed is lost from search.
 */
function tableAsText(rows: string[][]): string {
  return rows.map((row) => row.filter((cell) => cell !== '').join(' ')).join('\n');
}

function textOutsideSpans(text: string, spans: TableSpan[]): string {
  const cuts = spans
    .map((span) => [span.from ?? 0, span.to ?? text.length] as const)
    .sort((a, b) => a[0] - b[0]);
  const pieces: string[] = [];
  let at = 0;
  for (const [from, to] of cuts) {
    if (from > at) pieces.push(text.slice(at, from));
    at = Math.max(at, to);
  }
  pieces.push(text.slice(at));
  // A removed table ends a paragraph: what follows it never runs on from what preceded it.
  return pieces.join('\n');
}

export function buildBody(blocks: Block[], spans: TableSpan[]): Body {
  const pieces = blocks.map((block, index) => {
    const blockSpans = spans.filter((span) => span.block === index);
    if (block.type === 'table') return blockSpans.length > 0 ? '' : tableAsText(block.rows);
    return textOutsideSpans(block.text, blockSpans);
  });
  const joined = pieces
    .join('\n')
    .replace(PAGE_FOOTER_LINE, '')
    .replace(/\r\n?/g, '\n');
  const start = leadingChromeEnd(joined);
  const title = titleAt(joined, start);
  const bodyStart = title ? title.end : start;
  const end = Math.max(bodyStart, trailingChromeStart(joined));
  return { text: joined.slice(bodyStart, end).trim(), printedTitle: title?.title ?? null };
}
