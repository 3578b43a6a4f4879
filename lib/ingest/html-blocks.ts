/**
 * The report's HTML → blocks, in document order: paragraphs, divs and <br> end lines; each
 * data table becomes a table block. A table that contains tables is page layout, not data:
 * it is read as plain blocks, so the tables inside it come out as tables of their own.
 */
import type { AnyNode, Element } from 'domhandler';
import { BlockBuilder } from './blocks';
import type { Block } from './types';
import { childElements, containsTag, isElement, isNonContent, isText, pushChildrenReversed } from './html-dom';
import { CJK_CHAR, joinPieces } from './text-cleanup';

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

interface LineSink {
  /** Each non-empty line, whitespace collapsed as a browser shows it. */
  line(text: string): void;
  /** Receives each data table whole; without it, tables are read as lines like any block. */
  table?(table: Element): void;
}

export function htmlToBlocks(root: AnyNode): Block[] {
  const builder = new BlockBuilder();
  readLines(root, {
    line: (text) => builder.addLine(text),
    table: (table) => builder.addTable(tableRows(table)),
  });
  return builder.build();
}

/**
 * Iterative pre-order walk with explicit "end of block" markers: a block element ends the
 * current line when it opens and again when it closes. Empty lines are not reported: in
 * HTML a blank line carries nothing, paragraph breaks are already line breaks.
 */
function readLines(root: AnyNode, sink: LineSink): void {
  let line: string[] = [];
  const endLine = () => {
    const text = collapseWhitespace(line.join(''));
    if (text !== '') sink.line(text);
    line = [];
  };
  const END_OF_BLOCK = null;
  const pending: Array<AnyNode | typeof END_OF_BLOCK> = [];
  pushChildrenReversed(pending, root);
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === END_OF_BLOCK) {
      endLine();
      continue;
    }
    if (node === undefined) break;
    if (isText(node)) {
      line.push(node.data);
      continue;
    }
    if (!isElement(node) || isNonContent(node)) continue;
    if (node.name === 'br') {
      endLine();
      continue;
    }
    if (sink.table && node.name === 'table' && !containsTag(node, 'table')) {
      endLine();
      sink.table(node);
      continue;
    }
    if (BLOCK_TAGS.has(node.name)) {
      endLine();
      pending.push(END_OF_BLOCK);
    }
    pushChildrenReversed(pending, node);
  }
  endLine();
}

/** One array per <tr>, its <td>/<th> texts in order; spans are not expanded (see TableBlock). */
function tableRows(table: Element): string[][] {
  const rows: string[][] = [];
  for (const row of rowsOf(table)) {
    const cells = childElements(row).filter((cell) => cell.name === 'td' || cell.name === 'th');
    if (cells.length > 0) rows.push(cells.map(cellText));
  }
  return rows;
}

function rowsOf(table: Element): Element[] {
  return childElements(table).flatMap((child) => {
    if (child.name === 'tr') return [child];
    if (['thead', 'tbody', 'tfoot'].includes(child.name)) {
      return childElements(child).filter((row) => row.name === 'tr');
    }
    return [];
  });
}

/** A cell's lines (Word puts each in its own <p>) read as one: `本年新` + `制作数量`. */
function cellText(cell: Element): string {
  const lines: string[] = [];
  readLines(cell, { line: (text) => lines.push(text) });
  return lines.reduce(joinPieces, '');
}

/**
 * HTML whitespace rules: a run of spaces, tabs and newlines shows as one space, except that a
 * line break in the source between two Chinese characters shows as nothing (CSS Text 3
 * segment-break rule; Word-exported HTML wraps long Chinese lines anywhere). `&nbsp;` shows
 * as a space. U+3000 (ideographic space) is the report's own character: kept inside a line.
 */
function collapseWhitespace(raw: string): string {
  const text = raw.replace(/\u00a0/g, ' ');
  return text
    .replace(/[ \t\n\r\f]+/g, (run, offset: number) => {
      const before = text.charAt(offset - 1);
      const after = text.charAt(offset + run.length);
      return /[\n\r]/.test(run) && CJK_CHAR.test(before) && CJK_CHAR.test(after) ? '' : ' ';
    })
    .trim();
}
