import { T4_GROUPS, T4_OUTCOMES } from '@/lib/parse/tables/templates';
import type { TableRow } from '@/lib/report/schema';
import { cellAnchor } from '../_lib/cell-anchor';
import { formatFigure } from '../_lib/format';
import { CopyLink } from './CopyLink';
import { RowStatusBadge } from './RowStatusBadge';

const GROUP_LABELS: Record<(typeof T4_GROUPS)[number], string> = {
  行政复议: '行政复议',
  未经复议直接起诉: '行政诉讼 · 未经复议直接起诉',
  复议后起诉: '行政诉讼 · 复议后起诉',
};

/**
 * Table 四 is one row of fifteen numbers; printed that way it is wider than any screen. Here it
 * is three groups × five results, as readers think of it; each cell keeps the anchor it has as
 * one row (`t4-c1` … `t4-c15`), and the table carries the row's anchor `t4`.
 */
export function Table4Grid({ row, allColumns, compare }: { row: TableRow; allColumns: string[]; compare: React.ReactNode }) {
  return (
    <div className="table-scroll relative overflow-x-auto" role="region" aria-label="表四（行政复议、行政诉讼）" tabIndex={0}>
      {/* The controls above the table, not in its caption: the table's name is the row's label alone. */}
      <p className="text-sm text-slate-600">
        <CopyLink anchor={row.anchor} label={row.label} /> <RowStatusBadge status={row.status} note={row.note} /> {compare}
      </p>
      <table id={row.anchor} className="min-w-full border-collapse text-sm">
        <caption className="text-left text-sm text-slate-600">{row.label}</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky top-0 left-0 z-30 border border-slate-200 bg-slate-50 px-2 py-1 text-left font-medium">
              类别
            </th>
            {T4_OUTCOMES.map((outcome) => (
              <th
                key={outcome}
                scope="col"
                className="sticky top-0 z-20 border border-slate-200 bg-slate-50 px-2 py-1 text-right font-medium whitespace-nowrap"
              >
                {outcome}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {T4_GROUPS.map((group) => (
            <tr key={group}>
              <th scope="row" className="sticky left-0 z-10 border border-slate-200 bg-white px-2 py-1 text-left font-normal">
                {GROUP_LABELS[group]}
              </th>
              {T4_OUTCOMES.map((outcome) => {
                const column = `${group}/${outcome}`;
                const value = row.values[column];
                return (
                  <td key={outcome} id={cellAnchor(row, allColumns.indexOf(column))} className="border border-slate-200 px-2 py-1 text-right whitespace-nowrap">
                    {value === undefined ? (
                      <span title="原文为空或未能读取" className="text-slate-400">
                        —<span className="sr-only">（无数字）</span>
                      </span>
                    ) : (
                      `${formatFigure(value)}${row.units[column] ?? ''}`
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
