/**
 * Government article pages wrap the report in a whole site: menus, breadcrumbs, share
 * buttons, related links, footers. The report is the one container that holds nearly all of
 * the page's prose, so instead of a selector per CMS template (the corpus alone has several:
 * `div.TRS_Editor` in some years, bare paragraphs in `div.article_content` in others), walk
 * down from <body> into the child that holds most of the text, and stop where the text
 * spreads over several children: that element is the report.
 *
 * Text inside links does not count: navigation is mostly links, prose mostly is not.
 */
import type { AnyNode, Element } from 'domhandler';
import { childElements, containsTag, contentDescendants, isElement, isText } from './html-dom';

/**
 * Share of its parent's prose a child must hold for the walk to go down into it. Measured on
 * the corpus pages: each step from <body> down to the report keeps at least 93% of the prose,
 * and inside the report no paragraph or table holds more than 25%.
 */
const DOMINANT_SHARE = 0.8;

/** Elements that only group other blocks; the walk never goes into a paragraph or a heading. */
const GROUPING_TAGS = new Set([
  'html',
  'body',
  'div',
  'section',
  'article',
  'main',
  'center',
  'form',
  'font',
  'span',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
]);
const TABLE_PART_TAGS = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th']);

export interface ReportBody {
  element: AnyNode;
  /** Characters of prose kept (in `element`) and left out (the page around it). */
  keptChars: number;
  droppedChars: number;
}

export function findReportBody(document: AnyNode): ReportBody {
  const prose = proseCharsByElement(document);
  const weight = (node: AnyNode) => (isElement(node) ? (prose.get(node) ?? 0) : 0);
  const start = findBody(document) ?? document;
  const total = weight(start);

  let current: AnyNode = start;
  for (;;) {
    const children = childElements(current);
    const heaviest = children.reduce<Element | undefined>((best, child) => (best === undefined || weight(child) > weight(best) ? child : best), undefined);
    if (!heaviest || !canHoldReport(heaviest)) break;
    if (weight(heaviest) < DOMINANT_SHARE * weight(current)) break;
    current = heaviest;
  }
  return { element: current, keptChars: weight(current), droppedChars: total - weight(current) };
}

/**
 * A grouping element; table parts only in a layout table (one with a table inside), since a
 * data table is itself report content and must stay whole.
 */
function canHoldReport(element: Element): boolean {
  if (!GROUPING_TAGS.has(element.name)) return false;
  if (!TABLE_PART_TAGS.has(element.name)) return true;
  const table = element.name === 'table' ? element : enclosingTable(element);
  return table !== undefined && containsTag(table, 'table');
}

function enclosingTable(element: Element): Element | undefined {
  for (let node = element.parent; node; node = node.parent) {
    if (isElement(node) && node.name === 'table') return node;
  }
  return undefined;
}

function findBody(document: AnyNode): Element | undefined {
  for (const node of contentDescendants(document)) {
    if (isElement(node) && node.name === 'body') return node;
  }
  return undefined;
}

/** Non-space characters of text outside links, per element, summed over its subtree. */
function proseCharsByElement(document: AnyNode): Map<Element, number> {
  const prose = new Map<Element, number>();
  const elementsInOrder: Element[] = [];
  for (const node of contentDescendants(document)) {
    if (isElement(node)) {
      elementsInOrder.push(node);
    } else if (isText(node) && node.parent && isElement(node.parent) && !insideLink(node)) {
      const chars = node.data.replace(/\s+/g, '').length;
      prose.set(node.parent, (prose.get(node.parent) ?? 0) + chars);
    }
  }
  // Children come after their parent in document order, so a reverse pass sums bottom-up.
  for (const element of elementsInOrder.reverse()) {
    const parent = element.parent;
    if (parent && isElement(parent)) {
      prose.set(parent, (prose.get(parent) ?? 0) + (prose.get(element) ?? 0));
    }
  }
  return prose;
}

function insideLink(node: AnyNode): boolean {
  for (let ancestor = node.parent; ancestor; ancestor = ancestor.parent) {
    if (isElement(ancestor) && ancestor.name === 'a') return true;
  }
  return false;
}
