import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerOf, federatedRequest } from './federated';

const REMOTES = ['ms0', 'ms1'];

test('a page of hits with facets: one query per server, the page as offset and limit, facets merged', () => {
  const query = {
    indexUid: 'docs',
    q: '公开',
    filter: [['year = 2020']],
    page: 3,
    hitsPerPage: 20,
    facets: ['year', 'province'],
    sort: ['year:desc'],
    locales: ['cmn'],
  };
  assert.deepEqual(federatedRequest(query, REMOTES, 10_000), {
    federation: { offset: 40, limit: 20, facetsByIndex: { docs: ['year', 'province'] }, mergeFacets: { maxValuesPerFacet: 10_000 } },
    queries: REMOTES.map((remote) => ({
      indexUid: 'docs',
      q: '公开',
      filter: [['year = 2020']],
      sort: ['year:desc'],
      locales: ['cmn'],
      federationOptions: { weight: 1, remote },
    })),
  });
});

test('a count only, and a window by offset: the engine defaults where none is given', () => {
  assert.deepEqual(federatedRequest({ indexUid: 'docs', q: '', hitsPerPage: 0, facets: [] }, REMOTES, 10).federation, { offset: 0, limit: 0 });
  assert.deepEqual(federatedRequest({ indexUid: 'docs', q: '', offset: 1000, limit: 500 }, REMOTES, 10).federation, { offset: 1000, limit: 500 });
  assert.deepEqual(federatedRequest({ indexUid: 'docs', q: '' }, REMOTES, 10).federation, { offset: 0, limit: 20 });
  assert.deepEqual(federatedRequest({ indexUid: 'docs', q: '', page: 2 }, REMOTES, 10).federation, { offset: 20, limit: 20 });
});

const RESPONSE = {
  hits: [{ id: 'a', _federation: { indexUid: 'docs', queriesPosition: 0, weightedRankingScore: 1 } }],
  query: '',
  processingTimeMs: 3,
  offset: 40,
  limit: 20,
  estimatedTotalHits: 45,
  facetDistribution: { year: { '2020': 45 } },
  remoteErrors: { ms1: { message: 'error sending request', code: 'remote_could_not_send_request' } },
};

test('the answer in the shape one server gives: page fields when asked by page, the silent servers', () => {
  const paged = answerOf({ indexUid: 'docs', q: '', page: 3, hitsPerPage: 20 }, RESPONSE);
  assert.equal(paged.totalHits, 45);
  assert.equal(paged.totalPages, 3);
  assert.equal(paged.page, 3);
  assert.equal(paged.hitsPerPage, 20);
  assert.deepEqual(paged.facetDistribution, { year: { '2020': 45 } });
  assert.deepEqual(paged.missing, ['ms1']);
  assert.equal('estimatedTotalHits' in paged, false);
  assert.equal(answerOf({ indexUid: 'docs', q: '', hitsPerPage: 0 }, RESPONSE).totalPages, 0);

  const windowed = answerOf({ indexUid: 'docs', q: '', offset: 40, limit: 20 }, { ...RESPONSE, remoteErrors: {} });
  assert.equal(windowed.estimatedTotalHits, 45);
  assert.equal(windowed.offset, 40);
  assert.deepEqual(windowed.missing, []);
});
