import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOCUMENT_SETTINGS } from './settings';
import { differingSettings } from './settings-diff';

/** DOCUMENT_SETTINGS as Meilisearch 1.21 returns them: defaults added, attribute sets reordered. */
const LIVE = {
  ...DOCUMENT_SETTINGS,
  sortableAttributes: ['order', 'year'],
  filterableAttributes: [...DOCUMENT_SETTINGS.filterableAttributes].reverse(),
  stopWords: [],
  proximityPrecision: 'byWord',
  typoTolerance: { ...DOCUMENT_SETTINGS.typoTolerance, disableOnWords: [] },
  faceting: { maxValuesPerFacet: 10_000, sortFacetValuesBy: { year: 'alpha', '*': 'count' } },
  searchCutoffMs: null,
};

test('the settings as the engine returns them are the intended ones', () => {
  assert.deepEqual(differingSettings(DOCUMENT_SETTINGS, LIVE), []);
});

test('a difference is named down to the setting', () => {
  assert.deepEqual(differingSettings(DOCUMENT_SETTINGS, { ...LIVE, rankingRules: ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness'] }), [
    'rankingRules',
  ]);
  assert.deepEqual(
    differingSettings(DOCUMENT_SETTINGS, { ...LIVE, typoTolerance: { ...LIVE.typoTolerance, minWordSizeForTypos: { oneTypo: 5, twoTypos: 10 } } }),
    ['typoTolerance.minWordSizeForTypos.oneTypo'],
  );
  assert.deepEqual(differingSettings(DOCUMENT_SETTINGS, { ...LIVE, synonyms: { ...LIVE.synonyms, 公开: ['公示'] } }), ['synonyms']);
  assert.deepEqual(differingSettings(DOCUMENT_SETTINGS, { ...LIVE, searchableAttributes: ['text', 'heading', 'headingPath', 'issuer', 'terms'] }), [
    'searchableAttributes',
  ]);
  assert.deepEqual(differingSettings(DOCUMENT_SETTINGS, { ...LIVE, filterableAttributes: LIVE.filterableAttributes.slice(1) }), ['filterableAttributes']);
  assert.deepEqual(differingSettings(DOCUMENT_SETTINGS, { ...LIVE, distinctAttribute: 'dedupKey' }), ['distinctAttribute']);
});
