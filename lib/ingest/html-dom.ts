/**
 * Tree walks over the parsed HTML (domhandler nodes, as cheerio builds them). All of them
 * are iterative: the depth limit keeps real trees shallow, and a walk that cannot overflow
 * the stack needs no second thought when that limit changes.
 */
import type { AnyNode, Element, Text } from 'domhandler';

export function isElement(node: AnyNode): node is Element {
  return 'attribs' in node;
}

export function isText(node: AnyNode): node is Text {
  return node.nodeType === 3;
}

/** Elements whose content is never report text. */
const NON_CONTENT_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'select',
  'button',
  'input',
  'textarea',
  'map',
]);

/** True for elements a reader never sees: scripts, styles, form controls, hidden blocks. */
export function isNonContent(element: Element): boolean {
  if (NON_CONTENT_TAGS.has(element.name)) return true;
  if ('hidden' in element.attribs) return true;
  const style = element.attribs.style;
  return style !== undefined && /display\s*:\s*none/i.test(style);
}

/** Nodes under `root` (not `root` itself) in document order, skipping non-content elements. */
export function* contentDescendants(root: AnyNode): Generator<AnyNode> {
  const pending: AnyNode[] = [];
  pushChildrenReversed(pending, root);
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (isElement(node) && isNonContent(node)) continue;
    yield node;
    pushChildrenReversed(pending, node);
  }
}

/**
 * Queues a node's children on a stack so that they pop in document order. A loop, not
 * `push(...children)`: spreading a few hundred thousand siblings overflows the call stack.
 */
export function pushChildrenReversed<T>(stack: Array<AnyNode | T>, node: AnyNode): void {
  const children = childrenOf(node);
  for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as AnyNode);
}

function childrenOf(node: AnyNode): readonly AnyNode[] {
  return 'children' in node ? node.children : [];
}

export function childElements(node: AnyNode): Element[] {
  return childrenOf(node).filter(isElement);
}

/** Whether any element under `root` has the tag `name`. */
export function containsTag(root: AnyNode, name: string): boolean {
  for (const node of contentDescendants(root)) {
    if (isElement(node) && node.name === name) return true;
  }
  return false;
}

/** The concatenated text under `root`, as in the source (whitespace not yet collapsed). */
export function rawText(root: AnyNode): string {
  const parts: string[] = [];
  for (const node of contentDescendants(root)) if (isText(node)) parts.push(node.data);
  return parts.join('');
}
