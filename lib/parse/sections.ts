/**
 * Sections: the heading tree flattened in reading order, each with its own text (not its
 * children's), a category and an anchor that is readable and the same on every run:
 * `part-1-2` for 一（二）, `part-1-2-3` for 一（二）3., `annex-1` for 附件1, `preamble` for the
 * text before the first heading.
 *
 * One section is one search document, so a long one is cut at paragraph boundaries into parts
 * of at most SECTION_TEXT_MAX characters (`part-1-2`, `part-1-2-p2`, …, same heading path):
 * Meilisearch stops indexing words past position ~65,000 of an attribute, and a long document
 * ranks and snippets poorly (one match anywhere in 10,000 characters says little).
 */
import type { Section } from '@/lib/report/schema';
import { categoryOfPath } from './categories';
import { findHeadingCandidates, headingText } from './headings';
import { buildOutline, type OutlineNode } from './outline';

export const SECTION_TEXT_MAX = 3000;

const PARAGRAPH_BREAK = /\n/g;
const SENTENCE_BREAK = /[。；！？!?]/g;

/** The last match end of `pattern` in text[from, to], if any lies after `from`. */
function lastBreak(text: string, from: number, to: number, pattern: RegExp): number | null {
  let found: number | null = null;
  for (const match of text.slice(from, to).matchAll(pattern)) {
    const at = from + match.index + match[0].length;
    if (at > from && at <= to) found = at;
  }
  return found;
}

/** [from, to) of `text` without the whitespace at either end. */
function trimmed(text: string, from: number, to: number): [number, number] {
  const piece = text.slice(from, to);
  const start = from + (piece.length - piece.trimStart().length);
  return [start, Math.max(start, from + piece.trimEnd().length)];
}

/** Ranges of `text` in pieces of at most `max` characters, cut after a paragraph, else after a sentence. */
function pieceRanges(text: string, from: number, to: number, max: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let at = from;
  while (to - at > max) {
    const limit = at + max;
    const cut = lastBreak(text, at, limit, PARAGRAPH_BREAK) ?? lastBreak(text, at, limit, SENTENCE_BREAK) ?? limit;
    const piece = trimmed(text, at, cut);
    if (piece[1] > piece[0]) pieces.push(piece);
    at = cut;
  }
  const rest = trimmed(text, at, to);
  if (rest[1] > rest[0] || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** `text` in pieces of at most `max` characters, cut after a paragraph, else after a sentence. */
export function splitLongText(text: string, max = SECTION_TEXT_MAX): string[] {
  return pieceRanges(text, 0, text.length, max).map(([from, to]) => text.slice(from, to));
}

/** `part-1-2` for 一（二）; a child extends its parent's anchor, so a renumbered part's children stay under it. */
function anchorBase(node: OutlineNode, parentAnchor: string | null): string {
  if (node.heading.style === 'annex') return `annex-${node.heading.numeral}`;
  return parentAnchor ? `${parentAnchor}-${node.heading.numeral}` : `part-${node.heading.numeral}`;
}

/** Anchors are unique in a report: a repeated numbering (`一、` after `六、`) gets `-r2`, `-r3`. */
function uniqueAnchor(base: string, used: Set<string>): string {
  let anchor = base;
  for (let n = 2; used.has(anchor); n++) anchor = `${base}-r${n}`;
  used.add(anchor);
  return anchor;
}

/**
 * Sections of `body` (the text as read), their text and headings taken from `display` (the
 * same text as published: same length, same offsets).
 */
export function buildSections(body: string, display: string = body): Section[] {
  const outline = buildOutline(findHeadingCandidates(body), body.length);
  const sections: Section[] = [];
  const used = new Set<string>();
  const shown = (from: number, to: number) => display.slice(from, to);

  /** Adds a section (in parts if long) under a unique anchor, and returns that anchor. */
  const pushSection = (base: string, fields: Omit<Section, 'anchor' | 'text'>, from: number, to: number): string => {
    const anchor = uniqueAnchor(base, used);
    pieceRanges(body, from, to, SECTION_TEXT_MAX).forEach(([start, end], i) => {
      sections.push({ ...fields, anchor: i === 0 ? anchor : `${anchor}-p${i + 1}`, text: shown(start, end) });
    });
    return anchor;
  };

  const [preambleStart, preambleEnd] = trimmed(body, 0, outline[0]?.heading.start ?? body.length);
  if (preambleEnd > preambleStart) {
    pushSection('preamble', { headingPath: [], heading: '', depth: 0, category: categoryOfPath([]) }, preambleStart, preambleEnd);
  }

  // Headings are shown as published; categories are read from the headings as read (simplified).
  const visit = (node: OutlineNode, parentPath: string[], parentReadPath: string[], parentAnchor: string | null) => {
    const { start, end, bodyStart, heading: readHeading } = node.heading;
    const heading = display === body ? readHeading : headingText(display, start, end);
    const headingPath = [...parentPath, heading];
    const readPath = [...parentReadPath, readHeading];
    const ownEnd = node.children[0]?.heading.start ?? node.end;
    const anchor = pushSection(
      anchorBase(node, parentAnchor),
      { headingPath, heading, depth: headingPath.length, category: categoryOfPath(readPath) },
      bodyStart,
      ownEnd,
    );
    for (const child of node.children) visit(child, headingPath, readPath, anchor);
  };
  for (const node of outline) visit(node, [], [], null);
  return sections;
}
