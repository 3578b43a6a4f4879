import type { Comparison } from '@/lib/figures/compare-data';
import { missingYears } from '@/lib/figures/series';

function yearsText(years: readonly number[]): string {
  return years.map((year) => `${year}`).join('、');
}

/**
 * The years of the table a place has no figure for, said in words: no report in the index, or
 * a report whose figure is unreadable, blank or not in its format. Never left out silently.
 */
export function MissingYears({ comparison }: { comparison: Comparison }) {
  const lines = comparison.series
    .map((series) => ({ series, ...missingYears(series, comparison.years) }))
    .filter(({ noReport, noFigure }) => noReport.length > 0 || noFigure.length > 0);
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby="missing-title" className="space-y-1 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      <h3 id="missing-title" className="font-medium">
        缺少数值的年份
      </h3>
      <ul className="list-disc space-y-1 pl-6">
        {lines.map(({ series, noReport, noFigure }) => (
          <li key={series.key} data-missing={series.place.issuer}>
            {series.place.issuer}：{noReport.length > 0 && <span data-no-report={noReport.join(',')}>{yearsText(noReport)} 年没有收录报告</span>}
            {noReport.length > 0 && noFigure.length > 0 && '；'}
            {noFigure.length > 0 && <span data-no-figure={noFigure.join(',')}>{yearsText(noFigure)} 年的报告中这一数字缺失或无法读取（见表中说明）</span>}。
          </li>
        ))}
      </ul>
    </section>
  );
}
