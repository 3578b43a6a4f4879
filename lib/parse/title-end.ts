/**
 * Where a heading's title ends and its text starts.
 *
 * A title alone on its line is the line. Crawler exports run the whole body into one line
 * (`一、 概述2016年，…（一）组织机构方面我区…`), so there a title's end is found from what usually
 * ends one: punctuation, a space, the next marker, an enumeration (`一是`), a year, or a word
 * titles end with (情况, 方面, 措施 …). A numbered sentence that shows no title is a list item.
 */
import type { MarkerStyle } from './headings';

export interface TitleEnd {
  end: number;
  /** The title could not be told apart from a sentence: a list item rather than a heading. */
  listItem: boolean;
}

/**
 * Words a section title ends with. Used only where nothing else shows where a glued title
 * stops and its text starts (`（一）主动公开政府信息的数量各乡镇…`). The strong ones end a title
 * wherever they occur; the others only when no strong one follows within a title's length.
 */
const STRONG_END_WORDS = ['情况', '问题', '措施', '方面', '事项', '概述'];
const OTHER_END_WORDS = ['数量', '类别', '形式', '机制', '保障', '内容', '做法', '成效', '举措', '统计表', '一览表'];
const STRONG_END_WORD = `(?:${STRONG_END_WORDS.join('|')})`;
const TITLE_END_WORD = `(?:${[...STRONG_END_WORDS, ...OTHER_END_WORDS].join('|')})`;
/** A run of title words joined by 和/及/与 (`问题和改进措施`, `队伍建设方面`) is one ending. */
const MORE_END_WORDS = `(?:(?:和|及|与|、|以及)?[\\u4e00-\\u9fff]{0,2}?${TITLE_END_WORD})*`;

/** A title glued to its text is never longer than this; one on its own line may be longer. */
const GLUED_TITLE_MAX = 20;
const OWN_LINE_TITLE_MAX = 40;
/** How far to look for the end of a glued title. */
const TITLE_SCAN = 80;

/** `一是…二是…`: an enumeration inside a paragraph, never part of a title. */
const ENUMERATION = /^[一二三四五六七八九十]是/;
const SENTENCE_END = /[。；;！？!?：:]/;

/** Where something other than title text starts: another marker, `一是`, a year after the title. */
function gluedStop(text: string, from: number, markerStarts: Set<number>): number {
  const limit = Math.min(text.length, from + TITLE_SCAN);
  for (let at = from; at < limit; at++) {
    const char = text[at]!;
    if (char === '\n' || /[ \t\u3000\u00a0]/.test(char) || SENTENCE_END.test(char)) return at;
    if (at > from && markerStarts.has(at)) return at;
    if (at > from && ENUMERATION.test(text.slice(at, at + 2))) return at;
    if (at >= from + 2 && /^[0-9０-９]{4}\s*年/.test(text.slice(at, at + 6)) && !/[0-9０-９]/.test(text[at - 1]!)) return at;
  }
  return limit;
}

/** The title's end at the earliest strong title word, else the earliest title word. */
const TITLE_BY_STRONG_END_WORD = new RegExp(`^[^。；;，,]{2,${GLUED_TITLE_MAX + 2}}?${STRONG_END_WORD}${MORE_END_WORDS}`);
const TITLE_BY_END_WORD = new RegExp(`^[^。；;，,]{2,}?${TITLE_END_WORD}${MORE_END_WORDS}`);
const ENDS_WITH_STRONG_WORD = new RegExp(`${STRONG_END_WORD}$`);
/** A first clause this short before a comma is half of a two-clause title (`围绕工作重点，扎实推进…`). */
const SHORT_FIRST_CLAUSE = 8;

/** Where the title-ending words end the glued `title`, or null when they show no end. */
function titleByEndWord(title: string): number | null {
  const fits = (end: number) => end <= GLUED_TITLE_MAX + 4 && !/^[，,、]/.test(title.slice(end));
  const comma = title.search(/[，,]/);
  const first = TITLE_BY_STRONG_END_WORD.exec(title) ?? TITLE_BY_END_WORD.exec(title);
  const twoClauses = comma !== -1 && comma <= SHORT_FIRST_CLAUSE && !(first && ENDS_WITH_STRONG_WORD.test(first[0]));
  if (!twoClauses) return first && fits(first[0].length) ? first[0].length : null;
  const second = TITLE_BY_END_WORD.exec(title.slice(comma + 1));
  return second && fits(comma + 1 + second[0].length) ? comma + 1 + second[0].length : null;
}

/** A comma followed by less than a clause: the title ran into a sentence (`…措施虽然，我区`). */
const COMMA_BEFORE_FRAGMENT = /[，,][^，,]{0,3}$/;

function gluedTitleEnd(text: string, from: number, style: MarkerStyle, markerStarts: Set<number>): TitleEnd {
  const stop = gluedStop(text, from, markerStarts);
  const title = text.slice(from, stop);
  if (/[；;]/.test(text[stop] ?? '')) return { end: stop, listItem: true };
  if (title.length <= GLUED_TITLE_MAX && !COMMA_BEFORE_FRAGMENT.test(title)) {
    return { end: stop, listItem: /[，,、]$/.test(title) };
  }
  // One clause closed by a full stop is a lead sentence serving as title (`推进重大建设项目和…公开。`).
  if (text[stop] === '。' && title.length <= OWN_LINE_TITLE_MAX && !/[，,]/.test(title)) {
    return { end: stop, listItem: false };
  }
  const byWord = titleByEndWord(title);
  if (byWord !== null) return { end: from + byWord, listItem: false };
  // Two short parallel clauses and no title word: the second about as long as the first. A
  // numbered item with commas and no title word is a list item, not a heading.
  const comma = title.search(/[，,]/);
  if (style !== 'num' && style !== 'paren-num' && comma > 1 && comma <= SHORT_FIRST_CLAUSE) {
    return { end: from + Math.min(title.length, 2 * comma + 3), listItem: false };
  }
  return { end: from + Math.min(title.length, GLUED_TITLE_MAX), listItem: true };
}

/**
 * From what length a line of a hard-wrapped text (PDF, PDF-to-Markdown) is a full line, that is
 * a paragraph going on, never a title on its own; Infinity when lines are paragraphs.
 */
export function fullLineLength(text: string): number {
  const lengths = text
    .split('\n')
    .map((line) => line.trim().length)
    .filter((length) => length >= 10)
    .sort((a, b) => a - b);
  if (lengths.length < 20) return Infinity;
  const typical = lengths[Math.floor(lengths.length * 0.8)]!;
  // Paragraph-per-line text has long, uneven lines; a wrapped one many lines of one length.
  const atWidth = lengths.filter((length) => length >= typical - 2 && length <= typical).length;
  return typical <= 60 && atWidth >= lengths.length * 0.3 ? typical - 2 : Infinity;
}

/**
 * The end of a title alone on its line (`一、总体情况`, `（一）主动公开方面。`): the line, unless an
 * enumeration or another marker starts inside it, or a long line shows where its title ends.
 */
function ownLineTitleEnd(line: string, titleStart: number, markerStarts: Set<number>): TitleEnd {
  let title = line.replace(/[。：:；;]$/, '');
  for (let at = 1; at < title.length; at++) {
    if (markerStarts.has(titleStart + at) || ENUMERATION.test(title.slice(at, at + 2))) {
      title = title.slice(0, at);
      break;
    }
  }
  const byWord = title.length > GLUED_TITLE_MAX ? titleByEndWord(title) : null;
  return { end: titleStart + (byWord ?? title.length), listItem: /[；;]$/.test(line) };
}

export function titleEnd(
  text: string,
  marker: { start: number; titleStart: number; style: MarkerStyle },
  markerStarts: Set<number>,
  fullLine: number,
): TitleEnd {
  const { titleStart, style } = marker;
  const lineStart = text.lastIndexOf('\n', marker.start - 1) + 1;
  const lineEnd = text.indexOf('\n', titleStart) === -1 ? text.length : text.indexOf('\n', titleStart);
  const line = text.slice(titleStart, Math.min(lineEnd, titleStart + OWN_LINE_TITLE_MAX + 1)).trimEnd();
  const ownLine =
    /^[ \t\u3000\u00a0]*$/.test(text.slice(lineStart, marker.start)) &&
    line.length > 0 &&
    lineEnd - titleStart <= OWN_LINE_TITLE_MAX &&
    lineEnd - lineStart < fullLine &&
    !SENTENCE_END.test(line.slice(0, -1));
  // An annex's title is its whole line (`附件1：…政府信息公开情况统计表`).
  if (ownLine && style === 'annex') return { end: titleStart + line.replace(/[。：:；;]$/, '').length, listItem: false };
  if (ownLine) return ownLineTitleEnd(line, titleStart, markerStarts);
  if (style === 'annex') {
    const stop = text.slice(titleStart, titleStart + TITLE_SCAN).search(/[\n \t\u3000。；;]/);
    return { end: stop === -1 ? Math.min(text.length, titleStart + TITLE_SCAN) : titleStart + stop, listItem: false };
  }
  return gluedTitleEnd(text, titleStart, style, markerStarts);
}
