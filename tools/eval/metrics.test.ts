import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { overall, scoreQuery } from './metrics';
import { loadQueries, type EvalQuery } from './queries';

const QUERY: EvalQuery = {
  id: 'q',
  q: '三审三校',
  filters: {},
  relevant: [
    { year: 2023, evidence: '三审三校' },
    { year: 2024, evidence: '三审 三校' },
  ],
};
const other = { year: 2023, text: '政府网站集约化平台' };

test('the first relevant hit decides the reciprocal rank; white space is ignored on both sides', () => {
  const score = scoreQuery(QUERY, [other, other, { year: 2024, text: '严格执行“三审\n三校”制度' }]);
  assert.deepEqual(score, { id: 'q', firstRelevantRank: 3, reciprocalRank: 1 / 3, successAt3: 1, recallAt10: 0.5 });
});

test('the year must match too, and nothing past rank 10 counts', () => {
  const wrongYear = scoreQuery(QUERY, [{ year: 2025, text: '三审三校' }]);
  assert.equal(wrongYear.firstRelevantRank, null);
  const late = scoreQuery(QUERY, [...Array.from({ length: 10 }, () => other), { year: 2023, text: '三审三校' }]);
  assert.deepEqual([late.reciprocalRank, late.successAt3, late.recallAt10], [0, 0, 0]);
});

test('recall counts every relevant pair found in the top 10; averages are over queries', () => {
  const both = scoreQuery(QUERY, [
    { year: 2024, text: '三审三校' },
    { year: 2023, text: '三审三校' },
  ]);
  assert.equal(both.recallAt10, 1);
  const none = scoreQuery(QUERY, []);
  assert.deepEqual(overall([both, none]), { mrrAt10: 0.5, successAt3: 0.5, recallAt10: 0.5 });
});

test('the dev query set loads and names only known facets', async () => {
  const queries = await loadQueries('tools/eval/queries.dev.json');
  assert.equal(queries.length, 15);
  assert.equal(new Set(queries.map((query) => query.id)).size, queries.length);
  await assert.rejects(loadQueries('tools/eval/metrics.test.ts'), /JSON/);
});

test('a query file naming an unknown facet is refused with the place of the error', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eval-queries-'));
  try {
    const file = path.join(dir, 'queries.json');
    await writeFile(file, JSON.stringify([{ ...QUERY, filters: { colour: 'red' } }]));
    await assert.rejects(loadQueries(file), /0\.filters: filters may only name facets/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
