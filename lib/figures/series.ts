/**
 * Figures arranged as a comparison: one series per place (an issuer with its province, city and
 * district; issuers are never added together), one cell per year, and the years where the
 * series breaks because the figure's definition or printed unit changed (the 2021 format).
 */
import type { Level } from '@/lib/report/schema';
import type { Figure } from './evaluate';
import { present } from '@/lib/errors';

export interface Place {
  issuer: string;
  province: string;
  city: string | null;
  district: string | null;
  level: Level | null;
}

/** One measure in one report. */
export interface Observation {
  reportId: string;
  year: number;
  place: Place;
  figure: Figure;
}

/** The series changes meaning between `previousYear` and `year`. */
export interface SeriesBreak {
  previousYear: number;
  year: number;
  /** What was counted before and after (definition, plus the unit when it changed). */
  before: string;
  after: string;
}

export interface PlaceSeries {
  key: string;
  place: Place;
  /** Usually one report per year; more when an issuer published several (each is shown). */
  byYear: ReadonlyMap<number, readonly Observation[]>;
  breaks: readonly SeriesBreak[];
}

/** Places are told apart by issuer and where it is, not by name alone. */
export function placeKey(place: Place): string {
  return JSON.stringify([place.province, place.city ?? '', place.district ?? '', place.issuer]);
}

/** 上海市人民政府办公厅（上海市）, 杭州市下城区人民政府（浙江省 杭州市 下城区）. */
export function placeName(place: Place): string {
  return `${place.issuer}（${[place.province, place.city, place.district].filter(Boolean).join(' ')}）`;
}

function describe(figure: Figure, withUnit: boolean): string {
  return withUnit && figure.unit ? `${figure.definition}（${figure.unit}）` : figure.definition!;
}

/** Words that only count (条, 件, 项 …): a count printed with another of them is the same count. */
const COUNT_UNITS: ReadonlySet<string> = new Set(['件', '条', '项', '个', '次', '件次']);

export function sameUnit(a: string, b: string): boolean {
  return a === '' || b === '' || a === b || (COUNT_UNITS.has(a) && COUNT_UNITS.has(b));
}

/**
 * Breaks in one place's series. Years without a figure definition (no report, or a format
 * without the measure) are skipped: the next figure is compared with the last one that had
 * a definition. Figures of one series (Variant.series: a pre-2019 row that means the same as
 * the later cell) join without a break. A unit printed in one year and not in the other is no
 * break (项 is the count), nor is one counting word for another (条 / 件).
 */
export function seriesBreaks(byYear: ReadonlyMap<number, readonly Observation[]>): SeriesBreak[] {
  const breaks: SeriesBreak[] = [];
  let last: { year: number; figure: Figure } | null = null;
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const figure = present(byYear.get(year), `the year ${year} of the series`)
      .map((observation) => observation.figure)
      .find((candidate) => candidate.definition !== null);
    if (!figure) continue;
    if (last) {
      const unitChanged = !sameUnit(figure.unit, last.figure.unit);
      if (figure.series !== last.figure.series || unitChanged) {
        breaks.push({ previousYear: last.year, year, before: describe(last.figure, unitChanged), after: describe(figure, unitChanged) });
      }
    }
    last = { year, figure };
  }
  return breaks;
}

function comparePlaces(a: Place, b: Place): number {
  const order = (place: Place) => [place.province, place.city ?? '', place.district ?? '', place.issuer];
  const [x, y] = [order(a), order(b)];
  for (let index = 0; index < x.length; index++) {
    const difference = x[index]!.localeCompare(y[index]!, 'zh-CN');
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Observations → one series per place, places in province › city › district › issuer order. */
export function groupByPlace(observations: Iterable<Observation>): PlaceSeries[] {
  const places = new Map<string, { place: Place; byYear: Map<number, Observation[]> }>();
  for (const observation of observations) {
    const key = placeKey(observation.place);
    const entry = places.get(key) ?? { place: observation.place, byYear: new Map<number, Observation[]>() };
    entry.byYear.set(observation.year, [...(entry.byYear.get(observation.year) ?? []), observation]);
    places.set(key, entry);
  }
  return [...places].map(([key, { place, byYear }]) => ({ key, place, byYear, breaks: seriesBreaks(byYear) })).sort((a, b) => comparePlaces(a.place, b.place));
}

/**
 * The years of a comparison, ascending: the years chosen, or every year from the first to the
 * last any series has, so that a year no report covers is a column of its own (listed as
 * missing), never silently left out.
 */
export function yearsOf(series: readonly PlaceSeries[], chosen: readonly string[] = []): number[] {
  const picked = chosen.map(Number).filter(Number.isInteger);
  if (picked.length > 0) return [...new Set(picked)].sort((a, b) => a - b);
  const present = series.flatMap((entry) => [...entry.byYear.keys()]);
  if (present.length === 0) return [];
  const [first, last] = [Math.min(...present), Math.max(...present)];
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/** What a place lacks in `years`: years with no report, and years whose reports give no figure. */
export function missingYears(series: PlaceSeries, years: readonly number[]): { noReport: number[]; noFigure: number[] } {
  const noReport = years.filter((year) => !series.byYear.has(year));
  const noFigure = years.filter((year) => {
    const observations = series.byYear.get(year);
    return observations !== undefined && observations.every((observation) => observation.figure.value === null);
  });
  return { noReport, noFigure };
}

/**
 * The one figure a chart can draw for a place and year: the figure when there is one report, or
 * when several reports agree; null for a gap or when reports of the same year disagree.
 */
export function chartableFigure(observations: readonly Observation[] | undefined): Figure | null {
  const values = new Set((observations ?? []).map((observation) => observation.figure.value));
  if (values.size !== 1) return null;
  const [first] = observations!;
  return first!.figure.value === null ? null : first!.figure;
}
