/**
 * Heading candidates: every numbering marker in the body (一、 （一） 1. （1） 第一部分 附件1：)
 * with the title that follows it and a verdict on whether it can be a heading at all.
 *
 * Where a title ends is title-end.ts's business. Which candidates really are headings is
 * decided by the outline (expected sequence), not here.
 */

import { fullLineLength, titleEnd } from './title-end';

export type MarkerStyle = 'part' | 'cn' | 'paren-cn' | 'num' | 'paren-num' | 'annex';

/** Numbered styles from the outermost to the innermost, as Chinese reports nest them. */
export const NESTING: MarkerStyle[] = ['part', 'cn', 'paren-cn', 'num', 'paren-num'];

export interface HeadingCandidate {
  style: MarkerStyle;
  numeral: number;
  /** Index of the marker in the body. */
  start: number;
  /** Where the title ends, and where the section's own text starts (after the punctuation closing the title). */
  end: number;
  bodyStart: number;
  /** Marker and title as printed, e.g. `（一）主动公开方面`. */
  heading: string;
  title: string;
  plausible: boolean;
}

const CN_DIGITS = '一二三四五六七八九十';
const SPACE = '[ \\t\\u3000\\u00a0]';

/** Word's spans break a marker over lines (`二` / `、`, `（` / `1）`): a line break may fall inside one. */
const BREAK = `(?:${SPACE}*\\n)?${SPACE}*`;

const MARKERS: Array<{ style: MarkerStyle; pattern: RegExp }> = [
  { style: 'part', pattern: new RegExp(`第${SPACE}*([${CN_DIGITS}]{1,3})${SPACE}*部分${SPACE}*[、：:.．]?`, 'g') },
  // Not a numeral inside a longer one (十二、), not 第一、 or 之一、.
  { style: 'cn', pattern: new RegExp(`(?<![${CN_DIGITS}百零〇两第之])([${CN_DIGITS}]{1,3})${BREAK}[、．]`, 'g') },
  // Not 第（一）项, the citation of an article's item.
  { style: 'paren-cn', pattern: new RegExp(`(?<!第)[（(]${BREAK}([${CN_DIGITS}]{1,3})${BREAK}[)）]`, 'g') },
  // Not a decimal (2.0), a version or a date (2019.12), nor a figure's or annex's number.
  {
    style: 'num',
    pattern: new RegExp(`(?<![0-9０-９.．A-Za-z第图表件])([0-9０-９]{1,2})${SPACE}*[.．、](?![0-9０-９])`, 'g'),
  },
  { style: 'paren-num', pattern: new RegExp(`(?<!第)[（(]${BREAK}([0-9０-９]{1,2})${BREAK}[)）]`, 'g') },
  { style: 'annex', pattern: new RegExp(`附件${SPACE}*([0-9０-９${CN_DIGITS}]{0,2})${SPACE}*[：:]`, 'g') },
];

export function numeralValue(numeral: string): number {
  const ascii = numeral.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  if (numeral === '') return 1;
  const [tens, units] = numeral.includes('十') ? numeral.split('十') : ['', numeral];
  const digit = (c: string | undefined) => (c ? CN_DIGITS.indexOf(c) + 1 : 0);
  return numeral.includes('十') ? (digit(tens) || 1) * 10 + digit(units) : digit(units);
}

/** `一、二、三级…`: a list of numerals, not a heading. */
const LIST_OF_NUMERALS = new RegExp(`^[${CN_DIGITS}]{1,3}[、，,]`);
/** Spaces after a marker, and what closes a title (`（一）主动公开方面。按照…`). */
const SPACES = /[ \t\u3000\u00a0]*/y;
const CLOSING_PUNCTUATION = /[ \t\u3000。：:．.]*/y;

/** The length of what `sticky` matches at `at`. */
function matchLengthAt(sticky: RegExp, text: string, at: number): number {
  sticky.lastIndex = at;
  return sticky.exec(text)![0].length;
}

/**
 * What may precede a marker that opens a heading. Crawler exports glue headings to anything
 * (`…情况（一）主动公开…`, `…0 0 00 四、政府信息…`), so only a digit marker is held to more: after
 * a boundary or a Chinese character (`…方面1、明确…`), never inside a figure (`5%1.`).
 */
function opensHeading(text: string, start: number, style: MarkerStyle): boolean {
  if (style !== 'num' || start === 0) return true;
  return /[\s\u3000\u4e00-\u9fff。；;：:！？!?）)”"」】]/.test(text[start - 1]!);
}

/** A marker alone on its line, its title on the next (`一、` / `总体情况`), as Word's spans leave them. */
const MARKER_ALONE = /[ \t\u3000\u00a0]*\n[ \t\u3000\u00a0]*(?=[^\s])/y;

/** Where a marker's title starts: after the spaces that follow it, or on the next line if the marker stands alone. */
function titleStartAfter(text: string, start: number, markerEnd: number): number {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const aloneOnLine = /^[ \t\u3000\u00a0]*$/.test(text.slice(lineStart, start));
  if (aloneOnLine) {
    MARKER_ALONE.lastIndex = markerEnd;
    const next = MARKER_ALONE.exec(text);
    if (next) return markerEnd + next[0].length;
  }
  return markerEnd + matchLengthAt(SPACES, text, markerEnd);
}

/** A heading as one line: marker and title as printed, a line break inside them dropped. */
export function headingText(text: string, start: number, end: number): string {
  return text
    .slice(start, end)
    .replace(/\s*\n\s*/g, '')
    .trim();
}

export function findHeadingCandidates(text: string): HeadingCandidate[] {
  const raw: Array<{ style: MarkerStyle; numeral: number; start: number; markerEnd: number }> = [];
  for (const { style, pattern } of MARKERS) {
    for (const match of text.matchAll(pattern)) {
      if (!opensHeading(text, match.index, style)) continue;
      raw.push({ style, numeral: numeralValue(match[1]!), start: match.index, markerEnd: match.index + match[0].length });
    }
  }
  const markerStarts = new Set(raw.map((marker) => marker.start));
  const fullLine = fullLineLength(text);

  return raw
    .sort((a, b) => a.start - b.start)
    .map(({ style, numeral, start, markerEnd }) => {
      const titleStart = titleStartAfter(text, start, markerEnd);
      const { end, listItem } = titleEnd(text, { start, titleStart, style }, markerStarts, fullLine);
      const title = text.slice(titleStart, end).trim();
      const bodyStart = end + matchLengthAt(CLOSING_PUNCTUATION, text, end);
      const plausible = !listItem && /[\u4e00-\u9fff]/.test(title) && !/^[、，,。.．；;）)]/.test(title) && !(style === 'cn' && LIST_OF_NUMERALS.test(title));
      return {
        style,
        numeral,
        start,
        bodyStart,
        end,
        heading: headingText(text, start, end),
        title,
        plausible,
      };
    });
}
