import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Figure } from './evaluate';
import { rankByYear, rankObservations } from './ranking';
import type { Observation } from './series';

const observation = (issuer: string, value: number | null, year = 2023): Observation => ({
  reportId: `${year}-${issuer}`,
  year,
  place: { issuer, province: '省', city: null, district: null, level: '区县级' },
  figure: {
    value,
    gap: value === null ? 'unreadable' : null,
    unit: '件',
    definition: 'd',
    series: 'd',
    older: null,
    computed: false,
    inferred: false,
    failedTables: [],
    anchors: [],
  } satisfies Figure,
});

test('largest first, ties share a rank, gaps last and unranked', () => {
  const ranked = rankObservations(
    [observation('甲', 3), observation('乙', null), observation('丙', 9), observation('丁', 3), observation('戊', 0)],
    'value-desc',
  );
  assert.deepEqual(
    ranked.map((entry) => [entry.observation.place.issuer, entry.rank]),
    [
      ['丙', 1],
      ['丁', 2],
      ['甲', 2],
      ['戊', 4],
      ['乙', null],
    ],
  );
});

test('smallest first keeps the gaps last too', () => {
  const ranked = rankObservations([observation('甲', 3), observation('乙', null), observation('丙', 9)], 'value-asc');
  assert.deepEqual(
    ranked.map((entry) => entry.rank),
    [1, 2, null],
  );
  assert.equal(ranked.at(-1)!.observation.figure.value, null);
});

test('each year is ranked on its own, latest year first', () => {
  const ranked = rankByYear([observation('甲', 1, 2022), observation('甲', 5, 2023), observation('乙', 7, 2022)], 'value-desc');
  assert.deepEqual(
    ranked.map((entry) => [entry.observation.year, entry.rank]),
    [
      [2023, 1],
      [2022, 1],
      [2022, 2],
    ],
  );
});
