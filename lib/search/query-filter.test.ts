import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FACETS } from '@/lib/index/facets';
import { buildFilter } from './query-filter';
import { DEFAULT_QUERY, type FacetFilters } from './query-schema';

const filters = (selection: Partial<FacetFilters>): FacetFilters => ({ ...DEFAULT_QUERY.filters, ...selection });

test('no selection, no filter', () => {
  assert.deepEqual(buildFilter(DEFAULT_QUERY.filters), []);
});

test('values of one facet are OR-ed, facets are AND-ed, in the order of the facet list', () => {
  assert.deepEqual(buildFilter(filters({ province: ['浙江省'], year: ['2020', '2021'] })), [['year = 2020', 'year = 2021'], ['province = "浙江省"']]);
});

test('number facets are emitted bare, string facets quoted', () => {
  for (const facet of FACETS) {
    const value = facet.type === 'number' ? '2020' : '值';
    const [[condition]] = buildFilter(filters({ [facet.name]: [value] })) as [[string]];
    assert.equal(condition, facet.type === 'number' ? `${facet.name} = 2020` : `${facet.name} = "值"`);
  }
});

test('a number facet refuses anything but an integer, whoever calls', () => {
  assert.throws(() => buildFilter(filters({ year: ['2020 OR 1 = 1'] })), RangeError);
  assert.throws(() => buildFilter(filters({ year: ['2020.5'] })), RangeError);
});

test('hostile strings stay inside their quotes', () => {
  const [[condition]] = buildFilter(filters({ issuer: ['x" OR issuer = "y'] })) as [[string]];
  assert.equal(condition, 'issuer = "x\\" OR issuer = \\"y"');
});

test('disjunctive facets: `except` leaves out that facet only', () => {
  const selection = filters({ year: ['2020'], province: ['浙江省'], kind: ['row'] });
  assert.deepEqual(buildFilter(selection, 'year'), [['province = "浙江省"'], ['kind = "row"']]);
  assert.deepEqual(buildFilter(selection, 'province'), [['year = 2020'], ['kind = "row"']]);
  assert.deepEqual(buildFilter(selection, 'city'), buildFilter(selection));
});
