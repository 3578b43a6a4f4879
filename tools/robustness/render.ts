/**
 * A printed report (model.ts) written out as a file of one of the shapes real reports take:
 * plain text with tables one cell per line, tab-separated or spaced like a PDF's text layer;
 * Markdown with pipe tables (table 四 possibly as one small table per group); HTML with
 * rowspan/colspan headers. Headings as printed, with their number on a line of its own, or
 * spread by spaces.
 */
import type { Block, PrintedReport, PrintedTable } from './model';

export type TableShape = 'cell-per-line' | 'tsv' | 'spaced';
export type HeadingShape = 'inline' | 'number-own-line' | 'spaced';

const MARKER =
  /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．]|[（(]\d{1,2}[)）]|附件\d*[：:])\s*/;

function heading(text: string, shape: HeadingShape): string {
  const marker = MARKER.exec(text);
  if (!marker || shape === 'inline') return text;
  const title = text.slice(marker[0].length);
  if (shape === 'number-own-line') return `${marker[1]}\n${title}`;
  // Word's justified short titles: a space between characters (`总 体 情 况`), one after the number.
  return `${marker[1]} ${title.length <= 8 ? [...title].join(' ') : title}`;
}

/** Header rows with each spanned cell written once, then blank cells for the rest of its span. */
function flatHeader(table: PrintedTable): string[][] {
  return table.header.map((row) => row.flatMap(([text, span]) => [text, ...Array<string>(span - 1).fill('')]));
}

function tableLines(table: PrintedTable, shape: TableShape): string[] {
  const rows = [...flatHeader(table), ...table.rows];
  switch (shape) {
    case 'cell-per-line':
      // The corpus's own source report: a cell per line, an empty cell a lone tab, a blank line after each row.
      return rows.flatMap((row) => [...row.map((cell) => (cell === '' ? '\t' : cell)), '']);
    case 'tsv':
      return rows.map((row) => row.join('\t'));
    case 'spaced':
      // A PDF's text layer: a row per line, cells spaced, an empty cell printed as '-'.
      return rows.map((row, i) =>
        row
          .map((cell, c) => (cell === '' && c > 0 && i >= table.header.length ? '-' : cell))
          .filter((cell) => cell !== '')
          .join(' '),
      );
  }
}

export interface TextOptions {
  tables: TableShape;
  headings: HeadingShape;
  /** A PDF's page header and footer, every this many lines. */
  pageEvery?: number;
}

function blockLines(block: Block, options: TextOptions): string[] {
  if (block.kind === 'heading') return heading(block.text, options.headings).split('\n');
  if (block.kind === 'text') return block.text.split('\n');
  return tableLines(block.table, options.tables);
}

export function renderText(report: PrintedReport, options: TextOptions): string {
  const lines = [report.title, ...report.blocks.flatMap((block) => blockLines(block, options))];
  if (!options.pageEvery) return lines.join('\n');
  const out: string[] = [];
  let page = 1;
  lines.forEach((line, i) => {
    out.push(line);
    if ((i + 1) % options.pageEvery! === 0) {
      page += 1;
      out.push(`— ${page - 1} —`, report.title);
    }
  });
  return out.join('\n');
}

function pipeRow(cells: string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
}

function pipeTable(rows: string[][]): string[] {
  const [head, ...body] = rows;
  return [pipeRow(head!), pipeRow(head!.map(() => '---')), ...body.map(pipeRow)];
}

/** Table 四 as three small tables, each under its group's name (`### 行政复议`). */
function byGroup(table: PrintedTable): string[] {
  const outcomes = table.header
    .at(-1)!
    .map(([text]) => text)
    .slice(1);
  return table.groups!.flatMap((group) => [
    `### ${group.label}`,
    '',
    ...pipeTable([outcomes.slice(group.from, group.to), table.rows[0]!.slice(1 + group.from, 1 + group.to)]),
    '',
  ]);
}

export function renderMarkdown(report: PrintedReport, options: { t4ByGroup: boolean }): string {
  const lines = [`# ${report.title}`, ''];
  for (const block of report.blocks) {
    if (block.kind === 'heading') lines.push(`${'#'.repeat(Math.min(block.depth + 1, 6))} ${block.text}`, '');
    else if (block.kind === 'text') lines.push(block.text, '');
    else if (block.table.groups && options.t4ByGroup) lines.push(...byGroup(block.table));
    else lines.push(...pipeTable([...flatHeader(block.table), ...block.table.rows]), '');
  }
  return lines.join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function htmlTable(table: PrintedTable): string {
  const head = table.header
    .map((row) => `<tr>${row.map(([text, span]) => `<th${span > 1 ? ` colspan="${span}"` : ''}>${escapeHtml(text) || '&nbsp;'}</th>`).join('')}</tr>`)
    .join('\n');
  const body = table.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell) || '&nbsp;'}</td>`).join('')}</tr>`).join('\n');
  return `<table border="1">\n<thead>\n${head}\n</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** An article page: the site around the report (menus, breadcrumb), the report in its own container. */
export function renderHtml(report: PrintedReport, charset = 'utf-8', site = '门户网站'): string {
  const body = report.blocks
    .map((block) => {
      if (block.kind === 'heading') return `<p><strong>${escapeHtml(block.text)}</strong></p>`;
      if (block.kind === 'text')
        return block.text
          .split('\n')
          .map((line) => `<p>${escapeHtml(line)}</p>`)
          .join('\n');
      return htmlTable(block.table);
    })
    .join('\n');
  return [
    '<!DOCTYPE html>',
    `<html><head><meta charset="${charset}"><title>${escapeHtml(report.title)}_政府信息公开年报_${escapeHtml(site)}</title></head><body>`,
    '<div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/hdjl">互动交流</a> <a href="/login">登录</a></div>',
    `<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政府信息公开年报</div>`,
    `<div class="article"><h1>${escapeHtml(report.title)}</h1>\n<div class="content">\n${body}\n</div></div>`,
    '<div class="footer"><a href="/about">关于我们</a> <a href="/map">网站地图</a></div>',
    '</body></html>',
  ].join('\n');
}
