import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FACETS } from './facets';
import { DOCUMENT_SETTINGS, REPORT_SETTINGS } from './settings';

test('every facet is filterable in the documents index', () => {
  for (const facet of FACETS) assert.ok(DOCUMENT_SETTINGS.filterableAttributes.includes(facet.name), facet.name);
});

test('year is sortable in both indexes, and sort comes first in the ranking rules', () => {
  assert.ok(DOCUMENT_SETTINGS.sortableAttributes.includes('year'));
  assert.ok(REPORT_SETTINGS.sortableAttributes.includes('year'));
  assert.equal(DOCUMENT_SETTINGS.rankingRules[0], 'sort');
});

test('rows without figures rank below content; ties go to the newest year, then the report’s own order', () => {
  const rules: readonly string[] = DOCUMENT_SETTINGS.rankingRules;
  assert.equal(rules.indexOf('content:desc'), rules.indexOf('words') + 1);
  assert.deepEqual(rules.slice(-2), ['year:desc', 'order:asc']);
});

test('every attribute of both indexes is tokenised as Chinese', () => {
  for (const settings of [DOCUMENT_SETTINGS, REPORT_SETTINGS]) {
    assert.deepEqual(settings.localizedAttributes, [{ attributePatterns: ['*'], locales: ['cmn'] }]);
  }
});

test('the report page can select reports by id, and the hidden terms are searched last', () => {
  assert.ok(REPORT_SETTINGS.filterableAttributes.includes('id'));
  assert.ok(DOCUMENT_SETTINGS.filterableAttributes.includes('reportId'));
  assert.equal(DOCUMENT_SETTINGS.searchableAttributes.at(-1), 'terms');
  // Copies are filtered by a flag, never folded per query by a distinct attribute (slow to count).
  assert.ok(DOCUMENT_SETTINGS.filterableAttributes.includes('copy'));
  assert.equal(DOCUMENT_SETTINGS.distinctAttribute, null);
});
