/**
 * A change from the previous year (申请量同比): this year's figure of a measure against the
 * same issuer's figure of the year before, in per cent. It needs two reports, so it is derived
 * after each report's own figure is read (lib/figures/evaluate.ts reads one report): in a
 * comparison from the place's series, on a report page from the previous year's report.
 * Never invented: no previous report, a gap in either year, several previous reports, two
 * definitions or a previous 0 leave a gap that says which.
 */
import type { Figure, GapReason } from './evaluate';
import type { Measure } from './catalogue';
import { placeKey, type Observation } from './series';

/** What a previous year offers: its figure and the report it comes from. */
export interface PreviousFigure {
  reportId: string;
  figure: Figure;
}

function olderNote(current: Figure, previous: Figure | undefined): string | null {
  const notes = [current.older && `本年：${current.older}`, previous?.older && `上年：${previous.older}`].filter(Boolean);
  return notes.length > 0 ? notes.join('；') : null;
}

/** Per cent with two decimals. */
function percentChange(current: number, previous: number): number {
  return Math.round(((current - previous) / previous) * 10_000) / 100;
}

function gapOf(current: Figure, previous: readonly PreviousFigure[]): GapReason | null {
  if (current.value === null) return current.gap ?? 'unreadable';
  if (previous.length === 0) return 'no-previous-year';
  if (previous.length > 1) return 'previous-ambiguous';
  const before = previous[0]!.figure;
  if (before.value === null) return 'previous-gap';
  if (before.series !== current.series) return 'previous-definition';
  if (before.value === 0) return 'zero-denominator';
  return null;
}

/** The change of `measure` (a year-on-year measure) from `previous` (the figures of the year before) to `current`. */
export function yearOnYear(measure: Measure, current: Figure, previous: readonly PreviousFigure[]): Figure {
  const gap = gapOf(current, previous);
  const before = previous.length === 1 ? previous[0] : undefined;
  const definition = measure.description!;
  const common = {
    unit: '%',
    definition,
    series: definition,
    older: olderNote(current, before?.figure),
    computed: true,
    inferred: current.inferred || (before?.figure.inferred ?? false),
    failedTables: [...new Set([...current.failedTables, ...(before?.figure.failedTables ?? [])])],
    anchors: current.anchors,
  };
  // A report whose format has no such figure has no change of it either (a pre-2019 report without the row).
  if (current.definition === null) return { ...common, definition: null, series: null, value: null, gap: current.gap };
  if (gap) return { ...common, value: null, gap };
  return {
    ...common,
    value: percentChange(current.value!, before!.figure.value!),
    gap: null,
    yearOnYear: { current: current.value!, previous: before!.figure.value!, previousReportId: before!.reportId },
  };
}

/**
 * Observations of a year-on-year measure (each holding its report's own figure of the basis)
 * → the changes, for the years kept (all when `years` is empty): every year's figure is
 * compared with the same place's figures of the year before.
 */
export function yearOnYearObservations(measure: Measure, observations: readonly Observation[], years: readonly number[]): Observation[] {
  const byPlaceYear = new Map<string, Observation[]>();
  const key = (observation: Observation, year: number) => `${placeKey(observation.place)}|${year}`;
  for (const observation of observations) {
    const entry = key(observation, observation.year);
    byPlaceYear.set(entry, [...(byPlaceYear.get(entry) ?? []), observation]);
  }
  return observations
    .filter((observation) => years.length === 0 || years.includes(observation.year))
    .map((observation) => {
      const previous = (byPlaceYear.get(key(observation, observation.year - 1)) ?? []).map(({ reportId, figure }) => ({ reportId, figure }));
      return { ...observation, figure: yearOnYear(measure, observation.figure, previous) };
    });
}
