import { Fragment } from 'react';
import type { Check, TableId, TableRow } from '@/lib/report/schema';
import { compareRowHref, type RowPlace } from '@/lib/figures/row-measure';
import { highlightWords } from '@/lib/search/highlight';
import { formatFigure } from '../_lib/format';
import { CopyLink } from './CopyLink';
import { Marked } from './Marked';
import { RowStatusBadge } from './RowStatusBadge';

export const TABLE_TITLES: Record<TableId, string> = {
  二: '表二　主动公开政府信息情况',
  三: '表三　收到和处理政府信息公开申请情况',
  四: '表四　政府信息公开行政复议、行政诉讼情况',
  统计表: '统计表',
};

export function tableAnchor(table: TableId): string {
  return `table-${{ 二: '2', 三: '3', 四: '4', 统计表: 'stats' }[table]}`;
}

/** Stable cell anchor: the row's anchor and the column's place in the table (1-based). */
function cellAnchor(row: TableRow, columnIndex: number): string {
  return `${row.anchor}-c${columnIndex + 1}`;
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

function RowLabel({ row, depth, words, flagged, place }: { row: TableRow; depth: number; words: string[]; flagged: boolean; place: RowPlace }) {
  const compare = compareRowHref(row, place);
  return (
    // Sticky: on a phone the figures scroll sideways under the labels.
    <th scope="row" className="sticky left-0 min-w-40 border border-slate-200 bg-white px-2 py-1 text-left font-normal">
      <span className={['block', depth === 1 ? 'pl-4' : depth >= 2 ? 'pl-8' : ''].join(' ')}>
        <Marked segments={highlightWords(row.label, words)} />
        <CopyLink anchor={row.anchor} label={row.label} />{' '}
        <RowStatusBadge status={row.status} note={row.note} />
        {flagged && (
          <span className="ml-1 inline-block rounded border border-red-400 px-1 text-xs leading-5 text-red-800">勾稽不符</span>
        )}
        {compare && (
          <a href={compare} data-compare-row={row.anchor} className="ml-1 text-xs whitespace-nowrap text-accent underline underline-offset-2 print:hidden">
            对比此项<span className="sr-only">：历年的“{row.label}”</span>
          </a>
        )}
      </span>
    </th>
  );
}

const pathKey = (path: readonly string[]) => path.join('\u0000');

/** Group labels (`三、本年度办理结果`) that are not rows themselves, as full-width rows. */
function groupLabels(row: TableRow, previous: TableRow | undefined, rowPaths: Set<string>): string[] {
  return row.path
    .slice(0, -1)
    .filter((label, index) => previous?.path[index] !== label && !rowPaths.has(pathKey(row.path.slice(0, index + 1))));
}

/** One statistical table as a real table: every row and every cell has its own anchor. */
export function ReportTable({ table, rows, checks, words, place }: { table: TableId; rows: TableRow[]; checks: Check[]; words: string[]; place: RowPlace }) {
  const failed = checks.filter((check) => !check.ok);
  const flaggedRows = new Set(failed.map((check) => check.anchor));
  const rowPaths = new Set(rows.map((row) => pathKey(row.path)));
  const allColumns = [...new Set(rows.flatMap((row) => Object.keys(row.values)))];
  return (
    <section id={tableAnchor(table)} aria-labelledby={`${tableAnchor(table)}-title`} className="space-y-3 p-1">
      <h3 id={`${tableAnchor(table)}-title`} className="text-lg font-semibold">
        {TABLE_TITLES[table]}
        <CopyLink anchor={tableAnchor(table)} label={TABLE_TITLES[table]} />
      </h3>
      <FailedChecks checks={failed} />
      {columnBlocks(rows).map((block, blockIndex) => (
        // `relative`: the cells' screen-reader text is absolutely positioned; an unpositioned
        // scroll container would let it widen the whole page on a phone.
        <div key={blockIndex} className="relative overflow-x-auto" role="region" aria-label={`${TABLE_TITLES[table]}（第 ${blockIndex + 1} 部分）`} tabIndex={0}>
          <table className="min-w-full border-collapse text-sm">
            <thead>
              <tr>
                <th scope="col" className="sticky left-0 border border-slate-200 bg-slate-50 px-2 py-1 text-left font-medium">
                  项目
                </th>
                {block.columns.map((column) => (
                  <th key={column} scope="col" className="border border-slate-200 bg-slate-50 px-2 py-1 text-left font-medium whitespace-nowrap">
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
                      <th scope="rowgroup" colSpan={block.columns.length + 1} className="border border-slate-200 bg-slate-50/60 px-2 py-1 text-left font-medium">
                        <Marked segments={highlightWords(label, words)} />
                      </th>
                    </tr>
                  ))}
                  <tr id={row.anchor} className={row.status === 'read' ? '' : row.status === 'inferred' ? 'bg-amber-50/60' : 'bg-red-50/60'}>
                    <RowLabel row={row} depth={row.path.length - 1} words={words} flagged={flaggedRows.has(row.anchor)} place={place} />
                    {block.columns.map((column) => {
                      const value = row.values[column];
                      const unit = row.units[column] ?? '';
                      return (
                        <td key={column} id={cellAnchor(row, allColumns.indexOf(column))} className="border border-slate-200 px-2 py-1 text-right whitespace-nowrap">
                          {value === undefined ? (
                            <span title="原文为空或未能读取" className="text-slate-400">
                              —<span className="sr-only">（无数字）</span>
                            </span>
                          ) : (
                            `${formatFigure(value)}${unit}`
                          )}
                        </td>
                      );
                    })}
                  </tr>
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
