import type { Comparison } from '@/lib/figures/compare-data';
import { compareHref } from '@/lib/figures/compare-params';
import type { PlaceSeries, SeriesBreak } from '@/lib/figures/series';
import { FigureValue } from './FigureValue';

/** Id of a break's note below the table (by the place's position in the comparison), for the marker in the cell. */
export function breakNoteId(placeIndex: number, change: SeriesBreak): string {
  return `break-${placeIndex + 1}-${change.year}`;
}

function Cell({ series, placeIndex, year }: { series: PlaceSeries; placeIndex: number; year: number }) {
  const observations = series.byYear.get(year) ?? [];
  const change = series.breaks.find((candidate) => candidate.year === year);
  if (observations.length === 0) {
    return (
      <td className="border border-slate-200 px-2 py-1 text-center text-slate-400">
        <span aria-hidden="true">·</span>
        <span className="sr-only">无此年度报告</span>
      </td>
    );
  }
  return (
    <td className="border border-slate-200 px-2 py-1 text-right align-top">
      {change && (
        <a
          href={`#${breakNoteId(placeIndex, change)}`}
          data-break={change.year}
          className="mb-0.5 block text-xs text-violet-800 underline underline-offset-2"
          title={`${change.before} → ${change.after}`}
        >
          口径变化
        </a>
      )}
      {observations.map((observation) => (
        <div key={observation.reportId}>
          <FigureValue reportId={observation.reportId} figure={observation.figure} />
          {observations.length > 1 && <span className="block text-xs text-slate-500">{observation.reportId}</span>}
        </div>
      ))}
    </td>
  );
}

/** Reports of a year in the comparison, and how many of them give a figure. */
function reportsOfYear(series: readonly PlaceSeries[], year: number): { reports: number; withFigure: number } {
  const observations = series.flatMap((entry) => entry.byYear.get(year) ?? []);
  return { reports: observations.length, withFigure: observations.filter((observation) => observation.figure.value !== null).length };
}

/** Places × years; each figure links to its row. Also the data table of the chart above it. */
export function ComparisonTable({ comparison, captionId }: { comparison: Comparison; captionId: string }) {
  const { years, series, query } = comparison;
  return (
    <div className="table-scroll relative overflow-x-auto" role="region" aria-label="逐年数值表（可横向滚动）" tabIndex={0}>
      <table className="min-w-full border-collapse text-sm">
        <caption id={captionId} className="mb-2 text-left font-medium">
          {query.measure.label}：各发布机关逐年数值（数值链接到报告中的表格行）
        </caption>
        <thead>
          <tr className="bg-slate-50">
            <th scope="col" className="sticky left-0 border border-slate-200 bg-slate-50 px-2 py-1 text-left">
              发布机关
            </th>
            {years.map((year) => (
              <th key={year} scope="col" className="border border-slate-200 px-2 py-1 text-right">
                <a
                  href={compareHref({ ...query, sort: 'value-desc', filters: { ...query.filters, year: [String(year)] } })}
                  className="whitespace-nowrap text-accent underline-offset-4 hover:underline"
                  title={`按 ${year} 年的数值排名`}
                >
                  {year}年<span className="sr-only">（按此年排名）</span> <span aria-hidden="true">⇅</span>
                </a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((entry, placeIndex) => (
            <tr key={entry.key}>
              <th scope="row" className="sticky left-0 z-10 min-w-32 border border-slate-200 bg-white px-2 py-1 text-left font-normal">
                {entry.place.issuer}
                <span className="block text-xs text-slate-500">
                  {[entry.place.province, entry.place.city, entry.place.district, entry.place.level].filter(Boolean).join(' · ')}
                </span>
              </th>
              {years.map((year) => (
                <Cell key={year} series={entry} placeIndex={placeIndex} year={year} />
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="bg-slate-50 text-xs text-slate-700">
            <th scope="row" className="sticky left-0 border border-slate-200 bg-slate-50 px-2 py-1 text-left font-medium">
              报告数<span className="block font-normal text-slate-500">有数值 / 共</span>
            </th>
            {years.map((year) => {
              const { reports, withFigure } = reportsOfYear(series, year);
              return (
                <td
                  key={year}
                  data-year={year}
                  data-reports={reports}
                  data-with-figure={withFigure}
                  className="border border-slate-200 px-2 py-1 text-right whitespace-nowrap tabular-nums"
                >
                  {withFigure} / {reports}
                  <span className="sr-only">
                    ：{year}年 {reports} 份报告，{withFigure} 份有数值
                  </span>
                </td>
              );
            })}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
