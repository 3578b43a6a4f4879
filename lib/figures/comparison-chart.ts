/**
 * The chart of a comparison: trend lines over the years (one per place, cut where the series
 * breaks), or bars when it covers one year. Only figures a chart can draw honestly are drawn:
 * gaps stay gaps, reports of one year that disagree are left out, and so are figures printed
 * in another unit than the chart's.
 */
import { renderBarChart, renderTrendChart, type ChartPoint, type ChartSize, type RenderedChart } from './chart';
import type { Comparison } from './compare-data';
import { isMarked } from './evaluate';
import { chartableFigure, placeName, sameUnit, type Observation, type PlaceSeries } from './series';

/** Lines a reader can still tell apart (the palette has ten colours). */
export const MAX_CHART_LINES = 10;

export interface ComparisonChart extends RenderedChart {
  /** Trend lines over several years, or bars for one. */
  kind: 'trend' | 'bar';
  /** Places drawn (the first MAX_CHART_LINES of the comparison). */
  places: number;
  /** Figures left out because their unit differs from the chart's. */
  otherUnit: number;
  /** The same chart drawn for a phone's width. */
  narrow: RenderedChart;
}

/** The unit most figures are printed in (the first seen on a tie). */
function chartUnit(series: readonly PlaceSeries[]): string {
  const counts = new Map<string, number>();
  for (const entry of series) {
    for (const observations of entry.byYear.values()) {
      for (const { figure } of observations) if (figure.value !== null && figure.unit) counts.set(figure.unit, (counts.get(figure.unit) ?? 0) + 1);
    }
  }
  return [...counts].reduce<[string, number]>((best, entry) => (entry[1] > best[1] ? entry : best), ['', 0])[0];
}

export function comparisonChart(comparison: Comparison): ComparisonChart | null {
  const { years, query } = comparison;
  const series = comparison.series.slice(0, MAX_CHART_LINES);
  if (series.length === 0 || years.length === 0) return null;
  const unit = chartUnit(series);
  let otherUnit = 0;
  const point = (observations: readonly Observation[] | undefined): ChartPoint | null => {
    const figure = chartableFigure(observations);
    if (!figure) return null;
    if (!sameUnit(figure.unit, unit)) {
      otherUnit++;
      return null;
    }
    return { value: figure.value!, marked: isMarked(figure) };
  };
  // Issuers are named alone unless two places share a name (the legend would merge them).
  const issuers = series.map((entry) => entry.place.issuer);
  const name = (entry: PlaceSeries) =>
    issuers.indexOf(entry.place.issuer) === issuers.lastIndexOf(entry.place.issuer) ? entry.place.issuer : placeName(entry.place);
  const draw = (size: ChartSize) =>
    years.length === 1
      ? renderBarChart(
          {
            title: `${query.measure.label}（${years[0]}年）`,
            unit,
            bars: series.map((entry) => ({ name: name(entry), point: point(entry.byYear.get(years[0]!)) })),
          },
          size,
        )
      : renderTrendChart(
          {
            title: query.measure.label,
            unit,
            years,
            lines: series.map((entry) => ({
              name: name(entry),
              points: years.map((year) => point(entry.byYear.get(year))),
              breaksBefore: new Set(entry.breaks.map((change) => years.indexOf(change.year))),
            })),
          },
          size,
        );
  const rendered = draw('wide');
  // Counted once: the narrow drawing reads the same figures.
  const counted = otherUnit;
  const narrow = draw('narrow');
  return { ...rendered, kind: years.length === 1 ? 'bar' : 'trend', places: series.length, otherUnit: counted, narrow };
}
