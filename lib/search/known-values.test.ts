import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Meilisearch } from 'meilisearch';
import { createAnswerCache } from './answer-cache';
import { knownFacetValues } from './known-values';
import type { SearchEngine } from './query-engine';

/** An engine whose reports index answers the facet count, counting how often it is asked. */
function countingEngine(withKnown: boolean): { engine: SearchEngine; asked: () => number } {
  let asked = 0;
  const client = {
    index: () => ({
      search: async () => {
        asked++;
        return { hits: [], facetDistribution: { year: { '2023': 4 }, province: { 江苏省: 4 }, city: {}, district: {}, issuer: {} } };
      },
    }),
  } as unknown as Meilisearch;
  const known = withKnown ? createAnswerCache({ ttlMs: 30_000, maxEntries: 1, isServing: async () => true }) : undefined;
  return { engine: { client, indexes: { documents: 'd', reports: 'r' }, ...(known ? { known } : {}) }, asked: () => asked };
}

test('the known values are asked once while remembered', async () => {
  const { engine, asked } = countingEngine(true);
  const first = await knownFacetValues(engine);
  const second = await knownFacetValues(engine);
  assert.equal(asked(), 1);
  assert.deepEqual(first, second);
  assert.deepEqual(first.year, ['2023']);
  assert.deepEqual(first.province, ['江苏省']);
});

test('an engine without the memory asks every time', async () => {
  const { engine, asked } = countingEngine(false);
  await knownFacetValues(engine);
  await knownFacetValues(engine);
  assert.equal(asked(), 2);
});
