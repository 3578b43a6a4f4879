/**
 * Indexing cost split: the full pipeline (parse + segment + engine) is timed by indexReports;
 * this times the engine alone, ingesting the very documents the pipeline prepared (read back
 * from its indexes) into a fresh set of indexes, with the same settings and the same swap.
 */
import type { Meilisearch } from 'meilisearch';
import type { ReportDocument, SearchDocument } from '@/lib/index/document';
import { liveIndexNames } from '@/lib/index/index-names';
import { rebuildIndexes } from '@/lib/index/reindex';
import { readIndexState } from '@/lib/index/state';
import { readAllDocuments } from './read-documents';

export interface IngestionTiming {
  documents: number;
  ms: number;
  documentsPerSecond: number;
}

export async function measureEngineIngestion(client: Meilisearch, sourcePrefix: string, targetPrefix: string): Promise<IngestionTiming> {
  const source = liveIndexNames(sourcePrefix);
  const state = await readIndexState(client, sourcePrefix);
  if (!state) throw new Error(`no index state under ${sourcePrefix}: index first`);
  const content = {
    documents: await readAllDocuments<SearchDocument>(client, source.documents),
    reports: await readAllDocuments<ReportDocument>(client, source.reports),
  };
  const started = performance.now();
  await rebuildIndexes(client, targetPrefix, content, state);
  const ms = performance.now() - started;
  return { documents: content.documents.length, ms, documentsPerSecond: content.documents.length / (ms / 1000) };
}
