import type { Comparison } from '@/lib/figures/compare-data';
import { breakNoteId } from './ComparisonTable';

/**
 * Where a series changes meaning (the 2021 format changed table 二's columns and split
 * （六）其他处理): the figures on either side are not one series, and the chart's line is cut.
 */
export function SeriesBreakNotes({ comparison }: { comparison: Comparison }) {
  const notes = comparison.series.flatMap((series, placeIndex) => series.breaks.map((change) => ({ series, placeIndex, change })));
  if (notes.length === 0) return null;
  return (
    <section aria-labelledby="breaks-title" className="space-y-1 rounded-md border border-violet-200 bg-violet-50 p-3 text-sm">
      <h3 id="breaks-title" className="font-medium text-violet-900">
        口径变化：以下年份前后的数字统计的不是同一件事，不能直接比较
      </h3>
      <ul className="list-disc space-y-1 pl-6">
        {notes.map(({ series, placeIndex, change }) => (
          <li key={breakNoteId(placeIndex, change)} id={breakNoteId(placeIndex, change)}>
            {series.place.issuer}，{change.previousYear}年 → {change.year}年：{change.before} → {change.after}
          </li>
        ))}
      </ul>
    </section>
  );
}
