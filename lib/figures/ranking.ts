/**
 * A ranking: the reports of one year ordered by their figure, with the rank. Ties share a rank
 * (1, 1, 3); a report without a figure (a gap) is listed after every figure, unranked, never
 * counted as 0.
 */
import type { Observation } from './series';
import { placeName } from './series';

export const VALUE_SORTS = ['value-desc', 'value-asc'] as const;
export type ValueSort = (typeof VALUE_SORTS)[number];

export interface Ranked {
  /** null for a gap. */
  rank: number | null;
  observation: Observation;
}

function byPlace(a: Observation, b: Observation): number {
  return placeName(a.place).localeCompare(placeName(b.place), 'zh-CN') || a.reportId.localeCompare(b.reportId);
}

export function rankObservations(observations: readonly Observation[], sort: ValueSort): Ranked[] {
  const direction = sort === 'value-desc' ? -1 : 1;
  const valued = observations.filter((observation) => observation.figure.value !== null);
  const gaps = observations.filter((observation) => observation.figure.value === null).sort(byPlace);
  valued.sort((a, b) => direction * (a.figure.value! - b.figure.value!) || byPlace(a, b));
  const ranked = valued.map((observation, index) => ({ observation, rank: index + 1 }));
  // Competition ranking: a figure equal to the one before it takes that one's rank.
  for (let index = 1; index < ranked.length; index++) {
    if (ranked[index]!.observation.figure.value === ranked[index - 1]!.observation.figure.value) ranked[index]!.rank = ranked[index - 1]!.rank;
  }
  return [...ranked, ...gaps.map((observation) => ({ observation, rank: null }))];
}

/** Rankings of every year, the latest first (the API's order when asked for a sort by value). */
export function rankByYear(observations: readonly Observation[], sort: ValueSort): Ranked[] {
  const years = [...new Set(observations.map((observation) => observation.year))].sort((a, b) => b - a);
  return years.flatMap((year) =>
    rankObservations(
      observations.filter((observation) => observation.year === year),
      sort,
    ),
  );
}
