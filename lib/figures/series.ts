/**
 * Figures arranged as a comparison: one series per place (an issuer with its province, city and
 * district; issuers are never added together), one cell per year, and the years where the
 * series breaks because the figure's definition or printed unit changed (the 2021 format).
 */
import type { Level } from '@/lib/report/schema';
import type { Figure } from './evaluate';

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

/**
 * Breaks in one place's series. Years without a figure definition (no report, or a format
 * without the measure) are skipped: the next figure is compared with the last one that had
 * a definition. A unit printed in one year and not in the other is no break (项 is the count).
 */
export function seriesBreaks(byYear: ReadonlyMap<number, readonly Observation[]>): SeriesBreak[] {
  const breaks: SeriesBreak[] = [];
  let last: { year: number; figure: Figure } | null = null;
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const figure = byYear.get(year)!.map((observation) => observation.figure).find((candidate) => candidate.definition !== null);
    if (!figure) continue;
    if (last) {
      const unitChanged = figure.unit !== '' && last.figure.unit !== '' && figure.unit !== last.figure.unit;
      if (figure.definition !== last.figure.definition || unitChanged) {
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
  return [...places]
    .map(([key, { place, byYear }]) => ({ key, place, byYear, breaks: seriesBreaks(byYear) }))
    .sort((a, b) => comparePlaces(a.place, b.place));
}

/** Every year any series has, ascending. */
export function yearsOf(series: readonly PlaceSeries[]): number[] {
  return [...new Set(series.flatMap((entry) => [...entry.byYear.keys()]))].sort((a, b) => a - b);
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
