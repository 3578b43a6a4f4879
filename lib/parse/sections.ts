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
import { findHeadingCandidates } from './headings';
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

/** `text` in pieces of at most `max` characters, cut after a paragraph, else after a sentence. */
export function splitLongText(text: string, max = SECTION_TEXT_MAX): string[] {
  const pieces: string[] = [];
  let from = 0;
  while (text.length - from > max) {
    const to = from + max;
    const cut = lastBreak(text, from, to, PARAGRAPH_BREAK) ?? lastBreak(text, from, to, SENTENCE_BREAK) ?? to;
    const piece = text.slice(from, cut).trim();
    if (piece) pieces.push(piece);
    from = cut;
  }
  const rest = text.slice(from).trim();
  if (rest || pieces.length === 0) pieces.push(rest);
  return pieces;
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

/** Adds a section (in parts if long) under a unique anchor, and returns that anchor. */
function pushSection(
  sections: Section[],
  used: Set<string>,
  base: string,
  fields: Omit<Section, 'anchor' | 'text'>,
  text: string,
): string {
  const anchor = uniqueAnchor(base, used);
  splitLongText(text).forEach((piece, i) => {
    sections.push({ ...fields, anchor: i === 0 ? anchor : `${anchor}-p${i + 1}`, text: piece });
  });
  return anchor;
}

export function buildSections(body: string): Section[] {
  const outline = buildOutline(findHeadingCandidates(body), body.length);
  const sections: Section[] = [];
  const used = new Set<string>();

  const preamble = body.slice(0, outline[0]?.heading.start ?? body.length).trim();
  if (preamble) {
    pushSection(sections, used, 'preamble', { headingPath: [], heading: '', depth: 0, category: categoryOfPath([]) }, preamble);
  }

  const visit = (node: OutlineNode, parentPath: string[], parentAnchor: string | null) => {
    const headingPath = [...parentPath, node.heading.heading];
    const ownEnd = node.children[0]?.heading.start ?? node.end;
    const anchor = pushSection(
      sections,
      used,
      anchorBase(node, parentAnchor),
      { headingPath, heading: node.heading.heading, depth: headingPath.length, category: categoryOfPath(headingPath) },
      body.slice(node.heading.bodyStart, ownEnd),
    );
    for (const child of node.children) visit(child, headingPath, anchor);
  };
  for (const node of outline) visit(node, [], null);
  return sections;
}
