/**
 * Highlighting without HTML. The engine wraps matches in private marker characters; we split
 * on them and hand the page a list of segments to render as React elements, so report text is
 * never parsed as markup. Words the engine matched where it cannot mark them (the hidden jieba
 * `terms` field finds `审查` inside `经审查`) are marked as substrings, and the report page marks
 * a query's words the same way.
 */

/**
 * Marker characters around engine matches. Supplementary private use (plane 15) rather than
 * U+E000: PDF text extraction emits Basic-plane private use characters for symbol glyphs.
 */
export const MARK_START = '\u{F0000}';
export const MARK_END = '\u{F0001}';

export interface TextSegment {
  text: string;
  highlighted: boolean;
}

/** Appends, merging with the previous segment when both are (or are not) highlighted. */
function push(segments: TextSegment[], text: string, highlighted: boolean): void {
  if (text === '') return;
  const last = segments.at(-1);
  if (last && last.highlighted === highlighted) last.text += text;
  else segments.push({ text, highlighted });
}

/** Engine output with markers → segments; adjacent marks (`政府` `信息`) merge into one. */
export function splitMarked(marked: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let highlighted = false;
  let rest = marked;
  while (rest !== '') {
    const next = rest.indexOf(highlighted ? MARK_END : MARK_START);
    const end = next === -1 ? rest.length : next;
    // A stray marker of the other kind is dropped, never displayed.
    push(segments, stripMarkers(rest.slice(0, end)), highlighted);
    if (next === -1) break;
    rest = rest.slice(next + (highlighted ? MARK_END : MARK_START).length);
    highlighted = !highlighted;
  }
  return segments;
}

export function stripMarkers(text: string): string {
  return text.replaceAll(MARK_START, '').replaceAll(MARK_END, '');
}

/** Marks every occurrence of the words in the segments not yet highlighted (longest word first). */
export function markWords(segments: readonly TextSegment[], words: readonly string[]): TextSegment[] {
  const pattern = wordPattern(words);
  if (!pattern) return segments.map((segment) => ({ ...segment }));
  const result: TextSegment[] = [];
  for (const segment of segments) {
    if (segment.highlighted) {
      push(result, segment.text, true);
      continue;
    }
    let last = 0;
    for (const match of segment.text.matchAll(pattern)) {
      push(result, segment.text.slice(last, match.index), false);
      push(result, match[0], true);
      last = match.index + match[0].length;
    }
    push(result, segment.text.slice(last), false);
  }
  return result;
}

/** Plain text with the words marked. */
export function highlightWords(text: string, words: readonly string[]): TextSegment[] {
  return markWords([{ text, highlighted: false }], words);
}

function wordPattern(words: readonly string[]): RegExp | null {
  const unique = [...new Set(words.filter((word) => word !== ''))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return null;
  return new RegExp(unique.map(escapeRegExp).join('|'), 'giu');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function hasHighlight(segments: readonly TextSegment[]): boolean {
  return segments.some((segment) => segment.highlighted);
}

/**
 * The query's own words, for marking text the engine did not mark: split on spaces and
 * punctuation; quotes (phrase search) dropped; `-word` (the engine's negation) left out.
 * Chinese runs stay whole: they are marked as substrings, and the engine's matches add the
 * words it segmented them into.
 */
export function queryWords(q: string): string[] {
  const words = q
    .split(/\s+/)
    .filter((token) => !token.startsWith('-'))
    .flatMap((token) => token.split(/[\p{P}\p{S}]+/u))
    .filter((word) => word !== '');
  return [...new Set(words)];
}

/**
 * A window of about `length` characters of the text around the first occurrence of a word,
 * with `…` where it was cut; the text's start when no word occurs.
 */
export function cropAround(text: string, words: readonly string[], length: number): string {
  if (text.length <= length) return text;
  const pattern = wordPattern(words);
  const at = pattern ? (pattern.exec(text)?.index ?? 0) : 0;
  const start = Math.max(0, Math.min(at - Math.floor(length / 3), text.length - length));
  const end = Math.min(text.length, start + length);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/**
 * The words to mark for a query: its own words plus the words the engine matched in the
 * document. A one-character engine match (`依` of `依申请公开` found in `依法`) is left out unless
 * the reader typed that character as a word: marking every `依` would be noise.
 *
 * Given the text the marks go on (`within`), a piece of a typed word (`公开` of `政务公开`) is
 * left out too when the typed word itself is in that text: across a whole report, `公开` marked
 * everywhere buries the few places that say `政务公开`. Where the typed word is absent, its
 * pieces are what matched, and they are marked.
 */
export function wordsToMark(q: string, engineMatches: readonly string[], within?: string): string[] {
  const typed = queryWords(q);
  const present = within === undefined ? [] : typed.filter((word) => [...word].length > 1 && within.includes(word));
  const isPieceOfPresent = (word: string) => present.some((whole) => whole !== word && whole.includes(word));
  const matched = engineMatches
    .flatMap((match) => match.split(/\s+/))
    .filter((word) => ([...word].length > 1 || typed.includes(word)) && !isPieceOfPresent(word));
  return [...new Set([...typed, ...matched])];
}
