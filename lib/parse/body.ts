/**
 * The report's running text: the text blocks in order, with the tables cut out (the table
 * parser says where they are) and the page chrome removed. Sections are slices of this one
 * string, so a section never contains a table cell and every character of text is in
 * exactly one section.
 *
 * The text is read in simplified characters (`text`) and shown as published (`display`): a
 * report in traditional characters is parsed on a converted copy of the same length, and every
 * cut made in one is made at the same offsets in the other.
 */
import { fieldOfLine } from '@/lib/ingest/header-fields';
import type { Block, FileHeader } from '@/lib/ingest/types';
import { leadingChromeEnd, trailingChromeStart } from './chrome';
import { cleanTitle, printedTitle, titleCandidates, type TitleCandidate } from './metadata/title';
import type { TableSpan } from './tables';

export interface Body {
  text: string;
  /** `text` as published: the same offsets, original characters. */
  display: string;
  /** The report title printed at the top of the body, if any (removed from `text`), and as published. */
  printedTitle: TitleCandidate | null;
  displayTitle: string | null;
  /** What stood before that title (a page's date, menus, a metadata table), removed with it. */
  lead: string;
  /** The `key: value` fields in that lead (`发布机构：…`, `生成日期：…`). */
  leadHeader: FileHeader;
}

/** How far into the text the title is looked for, and how much may stand before it. */
const TITLE_REACH = 3000;
const LEAD_MAX = 1500;
/** Text before a title that holds a sentence or a citation is report text, not page chrome. */
const SENTENCE_MARK = /[。；！？!?，,《》]/;

/**
 * A table block no table was read from (a layout table, a table of something else) keeps its
 * words as text, a row per line, so nothing printed is lost from search.
 */
function tableAsText(rows: string[][]): string {
  return rows.map((row) => row.filter((cell) => cell !== '').join(' ')).join('\n');
}

function textOutsideSpans(text: string, spans: TableSpan[]): string {
  const cuts = spans.map((span) => [span.from ?? 0, span.to ?? text.length] as const).sort((a, b) => a[0] - b[0]);
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

function joinBlocks(blocks: Block[], spans: TableSpan[]): string {
  return blocks
    .map((block, index) => {
      const blockSpans = spans.filter((span) => span.block === index);
      if (block.type === 'table') return blockSpans.length > 0 ? '' : tableAsText(block.rows);
      return textOutsideSpans(block.text, blockSpans);
    })
    .join('\n');
}

/** Carriage returns before line ends: ranges to remove from both texts alike (page furniture is gone already). */
function noiseRanges(text: string): Array<[number, number]> {
  return [...text.matchAll(/\r(?=\n)/g)].map((match): [number, number] => [match.index, match.index + 1]);
}

function removeRanges(text: string, ranges: Array<[number, number]>): string {
  let out = '';
  let at = 0;
  for (const [from, to] of ranges) {
    if (from > at) out += text.slice(at, from);
    at = Math.max(at, to);
  }
  return (out + text.slice(at)).replace(/\r/g, '\n');
}

/** The title at the top: the first printed one with nothing but page chrome before it. */
function titleAtTop(text: string, from: number): { title: TitleCandidate; lead: string } | null {
  const window = text.slice(from, from + TITLE_REACH);
  const title = printedTitle(titleCandidates(window, TITLE_REACH));
  if (!title) return null;
  const lead = window.slice(0, title.start);
  if (lead.length > LEAD_MAX || SENTENCE_MARK.test(lead)) return null;
  return { title: { ...title, start: from + title.start, end: from + title.end }, lead };
}

function fieldsOf(lead: string): FileHeader {
  const header: FileHeader = {};
  for (const line of lead.split('\n')) {
    const field = fieldOfLine(line);
    if (field?.key && field.value && !header[field.key]) header[field.key] = field.value;
  }
  return header;
}

/**
 * `blocks` are read; `displayBlocks` (the same blocks as published, when they were converted
 * for reading) give the displayed text.
 */
export function buildBody(blocks: Block[], spans: TableSpan[], displayBlocks: Block[] = blocks): Body {
  const raw = joinBlocks(blocks, spans);
  const rawDisplay = displayBlocks === blocks ? raw : joinBlocks(displayBlocks, spans);
  const ranges = noiseRanges(raw);
  const joined = removeRanges(raw, ranges);
  const joinedDisplay = rawDisplay === raw ? joined : removeRanges(rawDisplay, ranges);

  const start = leadingChromeEnd(joined);
  const top = titleAtTop(joined, start);
  const bodyStart = top ? top.title.end : start;
  const end = Math.max(bodyStart, trailingChromeStart(joined));
  const slice = joined.slice(bodyStart, end);
  const from = bodyStart + (slice.length - slice.trimStart().length);
  const to = bodyStart + slice.trimEnd().length;
  return {
    text: joined.slice(from, Math.max(from, to)),
    display: joinedDisplay.slice(from, Math.max(from, to)),
    printedTitle: top?.title ?? null,
    displayTitle: top ? cleanTitle(joinedDisplay.slice(top.title.start, top.title.end)) : null,
    lead: top?.lead.trim() ?? '',
    leadHeader: top ? fieldsOf(top.lead) : {},
  };
}
