/**
 * Writing prepared documents to the engine, two ways:
 *
 * - `rebuildIndexes`: a complete new set of indexes, built beside the live ones and swapped in
 *   with one atomic swap (documents + reports + state together). Searches see the old set
 *   until the swap and the new one after it; a crash before the swap leaves the old set
 *   serving and `__build_` leftovers that the next run deletes.
 * - `updateReports`: one or a few changed reports, in the live indexes. Their new documents
 *   are added first (same ids replace the old ones) and the ids that are gone are deleted
 *   after, so a search never finds the report missing; between the two tasks it may also
 *   find a passage the new version no longer has. The two steps are not one transaction.
 */
import type { Index, Meilisearch, RecordAny, Settings } from 'meilisearch';
import type { ReportDocument, SearchDocument } from '../document';
import { DOCUMENT_SETTINGS, REPORT_SETTINGS } from '../settings';
import { quoteFilterValue } from '../query-filter';
import { deleteIndexes, indexExists, settle } from './engine';
import { buildIndexNames, isBuildIndex, liveIndexNames, type IndexNames } from './index-names';
import { STATE_DOCUMENT_ID, type IndexState } from './state';

export interface IndexContent {
  reports: ReportDocument[];
  documents: SearchDocument[];
}

export interface WriteEvents {
  /** After each batch the engine has indexed. */
  onUpload?: (progress: { indexed: number; total: number }) => void;
  /** When the new indexes are complete and about to be swapped in. */
  onSwap?: () => void;
}

/** Keeps each request well under the engine's 100 MB payload limit, whatever the documents. */
const MAX_BATCH_BYTES = 8 * 1024 * 1024;
const MAX_BATCH_DOCUMENTS = 2_000;

function* batches<T>(items: readonly T[]): Generator<T[]> {
  let batch: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item));
    if (batch.length > 0 && (bytes + size > MAX_BATCH_BYTES || batch.length >= MAX_BATCH_DOCUMENTS)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}

/**
 * Sends the batches one request at a time without waiting for their indexing (the engine
 * queues and autobatches them), then waits for each task in order.
 */
async function addInBatches<T extends RecordAny>(
  index: Index<T>,
  documents: readonly T[],
  onBatchIndexed?: (count: number) => void,
): Promise<void> {
  const tasks: Array<{ size: number; task: ReturnType<Index<T>['addDocuments']> }> = [];
  for (const batch of batches(documents)) {
    const task = index.addDocuments(batch, { primaryKey: 'id' });
    await task;
    tasks.push({ size: batch.length, task });
  }
  for (const { size, task } of tasks) {
    await settle(task);
    onBatchIndexed?.(size);
  }
}

async function createIndex(client: Meilisearch, uid: string, settings: Settings | null): Promise<void> {
  await settle(client.createIndex(uid, { primaryKey: 'id' }));
  if (settings) await settle(client.index(uid).updateSettings(settings));
}

async function assertCount(client: Meilisearch, uid: string, expected: number): Promise<void> {
  const { numberOfDocuments } = await client.index(uid).getStats();
  if (numberOfDocuments !== expected) {
    throw new Error(`index ${uid} holds ${numberOfDocuments} documents after indexing, expected ${expected}: not swapped in`);
  }
}

/** Deletes the build indexes a crashed or interrupted rebuild left behind; returns their names. */
export async function deleteLeftoverBuilds(client: Meilisearch, prefix: string): Promise<string[]> {
  const leftovers: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await client.getIndexes({ offset, limit: 1000 });
    leftovers.push(...page.results.map((index) => index.uid).filter((uid) => isBuildIndex(prefix, uid)));
    if (offset + page.results.length >= page.total) break;
  }
  await deleteIndexes(client, leftovers);
  return leftovers;
}

function buildStamp(): string {
  return new Date().toISOString().replace(/\D/g, '').slice(0, 17);
}

export async function rebuildIndexes(
  client: Meilisearch,
  prefix: string,
  content: IndexContent,
  state: IndexState,
  events: WriteEvents = {},
): Promise<void> {
  await deleteLeftoverBuilds(client, prefix);
  const live = liveIndexNames(prefix);
  const build = buildIndexNames(prefix, buildStamp());
  const pairs = (Object.keys(live) as (keyof IndexNames)[]).map((key) => [live[key], build[key]] as const);
  try {
    await createIndex(client, build.documents, DOCUMENT_SETTINGS);
    await createIndex(client, build.reports, REPORT_SETTINGS);
    await createIndex(client, build.meta, null);
    const total = content.documents.length + content.reports.length;
    let indexed = 0;
    const progress = (count: number) => events.onUpload?.({ indexed: (indexed += count), total });
    await addInBatches(client.index<SearchDocument>(build.documents), content.documents, progress);
    await addInBatches(client.index<ReportDocument>(build.reports), content.reports, progress);
    await settle(client.index(build.meta).addDocuments([state]));
    await assertCount(client, build.documents, content.documents.length);
    await assertCount(client, build.reports, content.reports.length);
    // A swap needs both sides to exist: the very first build swaps with empty live indexes.
    events.onSwap?.();
    for (const [liveUid] of pairs) if (!(await indexExists(client, liveUid))) await createIndex(client, liveUid, null);
    await settle(client.swapIndexes(pairs.map(([liveUid, buildUid]) => ({ indexes: [liveUid, buildUid], rename: false }))));
  } catch (error) {
    await deleteIndexes(client, Object.values(build)).catch(() => {});
    throw error;
  }
  // After the swap the build names hold the previous indexes.
  await deleteIndexes(client, Object.values(build));
}

async function documentIdsOfReport(index: Index<SearchDocument>, reportId: string): Promise<string[]> {
  const ids: string[] = [];
  const limit = 1000;
  for (let offset = 0; ; offset += limit) {
    const page = await index.getDocuments({ filter: `reportId = ${quoteFilterValue(reportId)}`, fields: ['id'], limit, offset });
    ids.push(...page.results.map((document) => document.id));
    if (page.results.length < limit) return ids;
  }
}

/** Replaces the documents of the reports in `content` in the live indexes, then the state record. */
export async function updateReports(
  client: Meilisearch,
  prefix: string,
  content: IndexContent,
  state: IndexState,
  events: WriteEvents = {},
): Promise<void> {
  const live = liveIndexNames(prefix);
  const documents = client.index<SearchDocument>(live.documents);
  const previousIds = (await Promise.all(content.reports.map((report) => documentIdsOfReport(documents, report.reportId)))).flat();
  const total = content.documents.length + content.reports.length;
  let indexed = 0;
  const progress = (count: number) => events.onUpload?.({ indexed: (indexed += count), total });
  await addInBatches(documents, content.documents, progress);
  await addInBatches(client.index<ReportDocument>(live.reports), content.reports, progress);
  const currentIds = new Set(content.documents.map((document) => document.id));
  const goneIds = previousIds.filter((id) => !currentIds.has(id));
  if (goneIds.length > 0) await settle(documents.deleteDocuments(goneIds));
  const [documentStats, reportStats] = await Promise.all([documents.getStats(), client.index(live.reports).getStats()]);
  await settle(
    client.index(live.meta).addDocuments([
      { ...state, id: STATE_DOCUMENT_ID, documents: documentStats.numberOfDocuments, reports: reportStats.numberOfDocuments },
    ]),
  );
}
