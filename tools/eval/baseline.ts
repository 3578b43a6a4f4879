/**
 * The baseline index: the portal's documents without the hidden jieba terms, in an index with
 * Meilisearch's default settings. Only the facets are made filterable, because the query sets
 * select by them and the engine refuses a filter on an attribute that is not.
 */
import type { Meilisearch } from 'meilisearch';
import type { SearchDocument } from '@/lib/index/document';
import { FACET_NAMES } from '@/lib/index/facets';
import { deleteIndexes, settle } from '@/lib/index/engine';
import { readAllDocuments } from './read-documents';

export async function buildBaselineIndex(client: Meilisearch, sourceUid: string, baselineUid: string): Promise<number> {
  const documents = (await readAllDocuments<SearchDocument>(client, sourceUid)).map(({ terms: _terms, ...rest }) => rest);
  await deleteIndexes(client, [baselineUid]);
  await settle(client, client.createIndex(baselineUid, { primaryKey: 'id' }));
  await settle(client, client.index(baselineUid).updateSettings({ filterableAttributes: [...FACET_NAMES] }));
  await settle(client, client.index(baselineUid).addDocuments(documents));
  return documents.length;
}
