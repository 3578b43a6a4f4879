/**
 * HTML parsers keep a stack of open elements and do work proportional to its depth at each
 * tag: measured here, 100,000 nested `<div>`s took parse5 140 s and htmlparser2 3–18 s.
 * Real report pages nest a few dozen levels. So before parsing, one linear pass removes the
 * tags nested deeper than a limit (their text stays, in order), which bounds the parser's
 * work and every tree walk after it. The same pass counts the elements, so that a page too
 * large to parse in reasonable time and memory can be refused before parsing.
 */

/** Far above any real page (the corpus pages nest at most 24 levels), far below what hurts. */
export const MAX_HTML_DEPTH = 256;

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements whose text is not markup: a `<` inside them opens no tag. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

/** An open element of this kind is closed by the next sibling of the same group. */
const IMPLIED_END_GROUPS: ReadonlyMap<string, string> = new Map([
  ['p', 'p'],
  ['li', 'li'],
  ['option', 'option'],
  ['tr', 'tr'],
  ['td', 'cell'],
  ['th', 'cell'],
  ['dt', 'dt'],
  ['dd', 'dt'],
]);

/**
 * How far down the open-element stack an end tag may close: a parser would search the whole
 * stack, which is the quadratic cost this pass exists to avoid; an end tag that matches
 * nothing near the top is ignored, as parsers ignore unmatched end tags.
 */
const END_TAG_SEARCH_DEPTH = 16;

const MARKUP = /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<(\/?)([A-Za-z][^\s/>]*)(?:"[^"]*"|'[^']*'|[^'">])*>?/g;

interface OpenElement {
  group: string;
  removed: boolean;
}

export interface DepthLimitedHtml {
  html: string;
  /** Tags removed because they were nested deeper than MAX_HTML_DEPTH. */
  removedTags: number;
  /** Start tags left for the parser (void elements included, removed tags not). */
  elements: number;
}

export function limitHtmlDepth(html: string, maxDepth = MAX_HTML_DEPTH): DepthLimitedHtml {
  const kept: string[] = [];
  const open: OpenElement[] = [];
  let removedTags = 0;
  let elements = 0;
  let copiedUpTo = 0;
  const remove = (start: number, end: number) => {
    kept.push(html.slice(copiedUpTo, start));
    copiedUpTo = end;
    removedTags += 1;
  };

  MARKUP.lastIndex = 0;
  for (let match = MARKUP.exec(html); match; match = MARKUP.exec(html)) {
    const [tag, slash, rawName] = match;
    if (!rawName) continue; // comment, doctype, CDATA
    const name = rawName.toLowerCase();
    const start = match.index;
    const end = start + tag.length;

    if (slash) {
      const closed = closeElement(open, name);
      if (closed?.removed) remove(start, end);
      continue;
    }
    if (VOID_ELEMENTS.has(name)) {
      elements += 1;
      continue;
    }

    const impliedEndGroup = IMPLIED_END_GROUPS.get(name);
    if (impliedEndGroup && open.at(-1)?.group === impliedEndGroup) open.pop();
    const removed = open.length >= maxDepth;

    if (RAW_TEXT_ELEMENTS.has(name)) {
      // Its text holds no tags: skip to its end tag. A removed one goes whole, end tag and
      // all, or its script would become text.
      const endTag = findEndTag(html, name, end);
      if (removed) {
        remove(start, endTag.end);
        MARKUP.lastIndex = endTag.end;
        continue;
      }
      MARKUP.lastIndex = endTag.start;
    }
    if (removed) remove(start, end);
    else elements += 1;
    open.push({ group: impliedEndGroup ?? name, removed });
  }
  if (removedTags === 0) return { html, removedTags, elements };
  kept.push(html.slice(copiedUpTo));
  return { html: kept.join(''), removedTags, elements };
}

function findEndTag(html: string, name: string, from: number): { start: number; end: number } {
  const endTag = new RegExp(`</${name}(?:"[^"]*"|'[^']*'|[^'">])*>?`, 'gi');
  endTag.lastIndex = from;
  const match = endTag.exec(html);
  return match ? { start: match.index, end: match.index + match[0].length } : { start: html.length, end: html.length };
}

/** Pops the element an end tag closes (and anything left open inside it). */
function closeElement(open: OpenElement[], name: string): OpenElement | undefined {
  const group = IMPLIED_END_GROUPS.get(name) ?? name;
  const searchFrom = Math.max(0, open.length - END_TAG_SEARCH_DEPTH);
  for (let i = open.length - 1; i >= searchFrom; i -= 1) {
    if (open[i]?.group !== group) continue;
    const closed = open[i];
    open.length = i;
    return closed;
  }
  return undefined;
}
