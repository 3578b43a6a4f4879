/**
 * Markdown (in the corpus: PDF-to-Markdown exports). Pipe tables become table blocks with
 * their cells as written — the exports mangle tables, and repairing them is parse's job, not
 * a reader's; `#` heading markers go, the heading text stays a line; page numbers carried
 * over from the PDF (`— 1 —`) are dropped.
 */
import { BlockBuilder, type IngestedContent } from './blocks';
import { isPageNumberLine, pageNumberWarnings } from './text-cleanup';

const TABLE_ROW = /^\s*\|/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const HEADING = /^\s{0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$/;

export function readMarkdown(text: string): IngestedContent {
  const builder = new BlockBuilder();
  let table: string[][] | undefined;
  const droppedPageNumbers: string[] = [];

  const closeTable = () => {
    if (table) builder.addTable(table);
    table = undefined;
  };

  for (const line of text.split('\n')) {
    if (TABLE_SEPARATOR.test(line) && line.includes('|')) {
      // A delimiter row closes a table's header row. Below a body row it means the row above
      // heads a new table (the exports write table after table with no line between them).
      const header = table && table.length > 1 ? table.pop() : undefined;
      if (header) {
        closeTable();
        table = [header];
      }
      continue;
    }
    if (TABLE_ROW.test(line)) {
      table ??= [];
      table.push(tableCells(line));
      continue;
    }
    closeTable();
    if (isPageNumberLine(line)) {
      droppedPageNumbers.push(line.trim());
      continue;
    }
    const heading = HEADING.exec(line);
    builder.addLine(heading ? (heading[1] ?? '') : line);
  }
  closeTable();

  return { blocks: builder.build(), header: {}, warnings: pageNumberWarnings(droppedPageNumbers) };
}

/** Cells between unescaped pipes, trimmed; `\|` is a literal pipe inside a cell. */
function tableCells(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, '|').trim());
}
