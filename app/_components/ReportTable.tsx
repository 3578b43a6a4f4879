import { Fragment } from 'react';
import type { Check, TableId, TableRow } from '@/lib/report/schema';
import { compareRowHref, type RowPlace } from '@/lib/figures/row-measure';
import { T4_COLUMNS } from '@/lib/parse/tables/templates';
import { highlightWords } from '@/lib/search/highlight';
import { cellAnchor } from '../_lib/cell-anchor';
import { formatFigure } from '../_lib/format';
import { CopyLink } from './CopyLink';
import { Marked } from './Marked';
import { RowStatusBadge } from './RowStatusBadge';
import { Table4Grid } from './Table4Grid';

export const TABLE_TITLES: Record<TableId, string> = {
  二: '表二　主动公开政府信息情况',
  三: '表三　收到和处理政府信息公开申请情况',
  四: '表四　政府信息公开行政复议、行政诉讼情况',
  统计表: '统计表',
};

export function tableAnchor(table: TableId): string {
  return `table-${{ 二: '2', 三: '3', 四: '4', 统计表: 'stats' }[table]}`;
}

/**
 * Rows in blocks that share columns: table 二 changes columns from group to group (（一）项 has
 * 本年新制作数量…, （五）项 上一年项目数量…), so a new block, with its own header, starts when a
 * row has none of the current block's columns.
 */
function columnBlocks(rows: TableRow[]): Array<{ columns: string[]; rows: TableRow[] }> {
  const blocks: Array<{ columns: string[]; rows: TableRow[] }> = [];
  for (const row of rows) {
    const columns = Object.keys(row.values);
    const current = blocks.at(-1);
    if (!current || (current.columns.length > 0 && columns.length > 0 && !columns.some((column) => current.columns.includes(column)))) {
      blocks.push({ columns: [...columns], rows: [row] });
      continue;
    }
    current.rows.push(row);
    for (const column of columns) if (!current.columns.includes(column)) current.columns.push(column);
  }
  return blocks;
}

function FailedChecks({ checks }: { checks: Check[] }) {
  if (checks.length === 0) return null;
  return (
    <div role="note" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm">
      <p className="font-medium text-red-900">勾稽关系未通过 {checks.length} 项：</p>
      <ul className="list-disc space-y-0.5 pl-6">
        {checks.map((check, index) => (
          <li key={index}>
            {check.description}（{check.column}）：应为 {check.expected === null ? '未知' : formatFigure(check.expected)}，实为{' '}
            {check.actual === null ? '未知' : formatFigure(check.actual)}
            {check.expected !== null && check.actual !== null && `，相差 ${formatFigure(check.actual - check.expected)}`}
            {check.anchor && (
              <>
                {' '}
                <a href={`#${check.anchor}`} className="text-accent underline underline-offset-4">
                  查看该行
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "对比此项": the row's measure over the years, for this report's issuer. */
function CompareRow({ row, place }: { row: TableRow; place: RowPlace }) {
  const href = compareRowHref(row, place);
  if (!href) return null;
  return (
    <a href={href} data-compare-row={row.anchor} className="ml-1 text-xs whitespace-nowrap text-accent underline underline-offset-2 print:hidden">
      对比此项<span className="sr-only">：历年的“{row.label}”</span>
    </a>
  );
}

function RowLabel({ row, depth, words, flagged, place }: { row: TableRow; depth: number; words: string[]; flagged: boolean; place: RowPlace }) {
  return (
    // Sticky: on a phone the figures scroll sideways under the labels.
    <th scope="row" className="sticky left-0 z-10 min-w-32 border border-slate-200 bg-white px-2 py-1 text-left font-normal sm:min-w-40">
      <span className={['block', depth === 1 ? 'pl-4' : depth >= 2 ? 'pl-8' : ''].join(' ')}>
        <Marked segments={highlightWords(row.label, words)} />
        <CopyLink anchor={row.anchor} label={row.label} /> <RowStatusBadge status={row.status} note={row.note} />
        {flagged && <span className="ml-1 inline-block rounded border border-red-400 px-1 text-xs leading-5 text-red-800">勾稽不符</span>}
        <CompareRow row={row} place={place} />
      </span>
    </th>
  );
}

const pathKey = (path: readonly string[]) => path.join('\u0000');

/** Group labels (`三、本年度办理结果`) that are not rows themselves, as full-width rows. */
function groupLabels(row: TableRow, previous: TableRow | undefined, rowPaths: Set<string>): string[] {
  return row.path.slice(0, -1).filter((label, index) => previous?.path[index] !== label && !rowPaths.has(pathKey(row.path.slice(0, index + 1))));
}

interface BlockProps {
  table: TableId;
  block: { columns: string[]; rows: TableRow[] };
  blockIndex: number;
  allColumns: string[];
  rowPaths: Set<string>;
  flaggedRows: Set<string | null>;
  words: string[];
  place: RowPlace;
}

/** 总计 is the last of seven columns of table 三: on a phone a copy stands next to the label (.total-copy, globals.css). */
const TOTAL = '总计';

/**
 * Rows sharing columns, in a box that scrolls both ways when the table is wider or taller than
 * the screen: the header row and the label column stay in view (sticky), and a deep link to a
 * row (scroll-margin in globals.css) leaves the header above it.
 */
function TableBlock({ table, block, blockIndex, allColumns, rowPaths, flaggedRows, words, place }: BlockProps) {
  const totalFirst = block.columns.includes(TOTAL) && block.columns.length > 3;
  return (
    // `relative`: the cells' screen-reader text is absolutely positioned; an unpositioned
    // scroll container would let it widen the whole page on a phone.
    <div
      className="table-scroll relative max-h-[75vh] overflow-auto"
      role="region"
      aria-label={`${TABLE_TITLES[table]}（第 ${blockIndex + 1} 部分）`}
      tabIndex={0}
    >
      <table className="min-w-full border-collapse text-sm">
        <thead>
          <tr>
            <th scope="col" className="sticky top-0 left-0 z-30 border border-slate-200 bg-slate-50 px-2 py-1 text-left font-medium">
              项目
            </th>
            {totalFirst && (
              <th scope="col" className="total-copy sticky top-0 z-20 border border-slate-200 bg-slate-50 px-2 py-1 text-left font-medium whitespace-nowrap">
                {TOTAL}
              </th>
            )}
            {block.columns.map((column) => (
              <th
                key={column}
                scope="col"
                className={`sticky top-0 z-20 border border-slate-200 bg-slate-50 px-2 py-1 text-left font-medium whitespace-nowrap ${totalFirst && column === TOTAL ? 'total-main' : ''}`}
              >
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row, rowIndex) => (
            <Fragment key={row.anchor}>
              {groupLabels(row, block.rows[rowIndex - 1], rowPaths).map((label) => (
                <tr key={`${row.anchor}-group-${label}`}>
                  <th
                    scope="rowgroup"
                    colSpan={block.columns.length + (totalFirst ? 2 : 1)}
                    className="border border-slate-200 bg-slate-50/60 px-2 py-1 text-left font-medium"
                  >
                    <Marked segments={highlightWords(label, words)} />
                  </th>
                </tr>
              ))}
              <tr id={row.anchor} className={row.status === 'read' ? '' : row.status === 'inferred' ? 'bg-amber-50/60' : 'bg-red-50/60'}>
                <RowLabel row={row} depth={row.path.length - 1} words={words} flagged={flaggedRows.has(row.anchor)} place={place} />
                {totalFirst && (
                  <td className="total-copy border border-slate-200 px-2 py-1 text-right font-medium whitespace-nowrap">
                    <CellValue row={row} column={TOTAL} />
                  </td>
                )}
                {block.columns.map((column) => (
                  <td
                    key={column}
                    id={cellAnchor(row, allColumns.indexOf(column))}
                    className={`border border-slate-200 px-2 py-1 text-right whitespace-nowrap ${totalFirst && column === TOTAL ? 'total-main' : ''}`}
                  >
                    <CellValue row={row} column={column} />
                  </td>
                ))}
              </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CellValue({ row, column }: { row: TableRow; column: string }) {
  const value = row.values[column];
  if (value === undefined) {
    return (
      <span title="原文为空或未能读取" className="text-slate-400">
        —<span className="sr-only">（无数字）</span>
      </span>
    );
  }
  return `${formatFigure(value)}${row.units[column] ?? ''}`;
}

function TableHeading({ level, id, children }: { level: number; id: string; children: React.ReactNode }) {
  const Tag = level <= 2 ? 'h2' : level === 3 ? 'h3' : 'h4';
  return (
    <Tag id={id} className="text-lg font-semibold">
      {children}
    </Tag>
  );
}

interface ReportTableProps {
  table: TableId;
  rows: TableRow[];
  checks: Check[];
  words: string[];
  place: RowPlace;
  /** Of its heading (report-layout.ts headingLevels). */
  level: number;
}

/** One statistical table as a real table: every row and every cell has its own anchor. */
export function ReportTable({ table, rows, checks, words, place, level }: ReportTableProps) {
  const failed = checks.filter((check) => !check.ok);
  const flaggedRows = new Set(failed.map((check) => check.anchor));
  const rowPaths = new Set(rows.map((row) => pathKey(row.path)));
  const allColumns = [...new Set(rows.flatMap((row) => Object.keys(row.values)))];
  // Table 四 is one row of fifteen numbers: shown as three groups × five results.
  const t4Row = table === '四' && rows.length === 1 && allColumns.every((column) => T4_COLUMNS.includes(column)) ? rows[0]! : null;
  return (
    <section id={tableAnchor(table)} aria-labelledby={`${tableAnchor(table)}-title`} className="space-y-3 p-1">
      {/* The link control beside the heading, not in it: a heading's name is its text alone. */}
      <div className="flex items-baseline gap-1">
        <TableHeading level={level} id={`${tableAnchor(table)}-title`}>
          {TABLE_TITLES[table]}
        </TableHeading>
        <CopyLink anchor={tableAnchor(table)} label={TABLE_TITLES[table]} />
      </div>
      <FailedChecks checks={failed} />
      {t4Row ? (
        <Table4Grid row={t4Row} allColumns={allColumns} compare={<CompareRow row={t4Row} place={place} />} />
      ) : (
        columnBlocks(rows).map((block, blockIndex) => (
          <TableBlock
            key={blockIndex}
            table={table}
            block={block}
            blockIndex={blockIndex}
            allColumns={allColumns}
            rowPaths={rowPaths}
            flaggedRows={flaggedRows}
            words={words}
            place={place}
          />
        ))
      )}
      <p className="text-xs text-slate-500 md:hidden print:hidden" aria-hidden="true">
        表格较宽时可左右滑动；首列和表头保持可见。
      </p>
    </section>
  );
}
