/**
 * Writing prepared documents to the engine, two ways:
 *
 * - `rebuildIndexes` (or `startRebuild` for documents that are still being prepared): a complete
 *   new set of indexes, built beside the live ones and swapped in with one atomic swap
 *   (documents + reports + state together). Searches see the old set until the swap and the
 *   new one after it; a crash before the swap leaves the old set serving and `__build_`
 *   leftovers that the next run deletes.
 * - `updateReports`: one or a few changed reports, in the live indexes. Their new documents
 *   are added first (same ids replace the old ones) and the ids that are gone are deleted
 *   after, so a search never finds the report missing; between the two tasks it may also
 *   find a passage the new version no longer has. The two steps are not one transaction.
 */
import { randomBytes } from 'node:crypto';
import type { EnqueuedTaskPromise, Index, Meilisearch, RecordAny, Settings } from 'meilisearch';
import { quoteFilterValue } from '@/lib/engine/filter-value';
import type { ReportDocument, SearchDocument } from './document';
import { DOCUMENT_SETTINGS, REPORT_SETTINGS } from './settings';
import { flagCopies } from './copies';
import { deleteIndexes, engineReason, EngineTaskStalled, indexExists, settle } from './engine';
import { indexDifferences } from './settings-diff';
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
  /** Last check before the swap (the lock is still this run's); throwing abandons the build. */
  beforeSwap?: () => Promise<void>;
}

/** Keeps each request well under the engine's 100 MB payload limit, whatever the documents. */
const MAX_BATCH_BYTES = 8 * 1024 * 1024;
const MAX_BATCH_DOCUMENTS = 2_000;

/** Collects items into batches within the limits; `add` returns each batch as it fills. */
class Batcher<T> {
  private batch: T[] = [];
  private bytes = 0;

  add(item: T): T[] | null {
    const size = Buffer.byteLength(JSON.stringify(item));
    let full: T[] | null = null;
    if (this.batch.length > 0 && (this.bytes + size > MAX_BATCH_BYTES || this.batch.length >= MAX_BATCH_DOCUMENTS)) full = this.flush();
    this.batch.push(item);
    this.bytes += size;
    return full;
  }

  /** The batch collected so far (possibly empty), and a fresh one started. */
  flush(): T[] {
    const batch = this.batch;
    this.batch = [];
    this.bytes = 0;
    return batch;
  }
}

function* batches<T>(items: readonly T[]): Generator<T[]> {
  const batcher = new Batcher<T>();
  for (const item of items) {
    const full = batcher.add(item);
    if (full) yield full;
  }
  const last = batcher.flush();
  if (last.length > 0) yield last;
}

type QueuedTask = { size: number; task: EnqueuedTaskPromise; index: Index<RecordAny> };

/** Sends one batch; resolves once the engine has queued it, not indexed it. */
async function enqueue<T extends RecordAny>(index: Index<T>, batch: T[]): Promise<QueuedTask> {
  const task = index.addDocuments(batch, { primaryKey: 'id' });
  await task;
  return { size: batch.length, task, index };
}

async function settleInOrder(tasks: readonly QueuedTask[], onBatchIndexed?: (count: number) => void): Promise<void> {
  for (const { size, task, index } of tasks) {
    await settle(index, task);
    onBatchIndexed?.(size);
  }
}

/**
 * Sends the batches one request at a time without waiting for their indexing (the engine
 * queues and autobatches them), then waits for each task in order.
 */
async function addInBatches<T extends RecordAny>(index: Index<T>, documents: readonly T[], onBatchIndexed?: (count: number) => void): Promise<void> {
  const tasks: QueuedTask[] = [];
  for (const batch of batches(documents)) tasks.push(await enqueue(index, batch));
  await settleInOrder(tasks, onBatchIndexed);
}

async function createIndex(client: Meilisearch, uid: string, settings: Settings | null): Promise<void> {
  await settle(client, client.createIndex(uid, { primaryKey: 'id' }));
  if (settings) await settle(client, client.index(uid).updateSettings(settings));
}

async function assertCount(client: Meilisearch, uid: string, expected: number): Promise<void> {
  const { numberOfDocuments } = await client.index(uid).getStats();
  if (numberOfDocuments !== expected) {
    throw new Error(`index ${uid} holds ${numberOfDocuments} documents after indexing, expected ${expected}: not swapped in`);
  }
}

/** Refuses to swap in a build index whose settings are not this indexer's. */
async function assertSettings(client: Meilisearch, uid: string, intended: Settings): Promise<void> {
  const differences = await indexDifferences(client, uid, intended);
  if (differences.length > 0) {
    throw new Error(
      `build index ${differences.join(', ')} differs from this indexer's settings (was it deleted and recreated by another run?): not swapped in`,
    );
  }
}

/**
 * A rebuild that stopped before its swap, whatever stopped it (a refused request, a failed or
 * stalled task, a failed check): the live indexes still serve what they served, and say so.
 */
export class RebuildNotSwapped extends Error {
  constructor(reason: unknown) {
    super(`${engineReason(reason)}. The live index is untouched.`, { cause: reason });
    this.name = 'RebuildNotSwapped';
  }
}

/** The new indexes are live, but the previous ones (now under the build names) could not be deleted. */
export class PreviousIndexesKept extends Error {
  constructor(reason: unknown) {
    super(`the new index is live, but the previous one was not deleted (the next run deletes it): ${engineReason(reason)}`, { cause: reason });
    this.name = 'PreviousIndexesKept';
  }
}

/** The error a rebuild ends with: before the swap, one that says the live index is untouched. */
export function rebuildFailure(error: unknown): Error {
  if (error instanceof PreviousIndexesKept || error instanceof RebuildNotSwapped) return error;
  return new RebuildNotSwapped(error);
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

/** The time, then a random part: two runs started in the same millisecond still build apart. */
function buildStamp(): string {
  return `${new Date().toISOString().replace(/\D/g, '').slice(0, 17)}_${randomBytes(3).toString('hex')}`;
}

/**
 * A rebuild under way: search documents go to the engine while the caller is still preparing
 * the next ones (the engine indexes one batch while the next is parsed and segmented), and
 * the reports, the state and the swap come at the end. A document added again with the same
 * id replaces the earlier one (the engine applies tasks in order).
 */
export interface Rebuild {
  /** Queues documents, sending each batch as it fills; waits for the engine to accept, not to index. */
  add(documents: readonly SearchDocument[]): Promise<void>;
  /** Sends the rest, waits for every task, adds reports and state, checks the counts and swaps the build in. */
  finish(reports: readonly ReportDocument[], state: IndexState): Promise<void>;
  /** Takes back documents added before: those of a report whose second build failed. */
  discard(documentIds: readonly string[]): Promise<void>;
  /** Deletes the build indexes (the live ones were never touched). */
  abandon(): Promise<void>;
}

export async function startRebuild(client: Meilisearch, prefix: string, events: WriteEvents = {}): Promise<Rebuild> {
  await deleteLeftoverBuilds(client, prefix);
  const live = liveIndexNames(prefix);
  const build = buildIndexNames(prefix, buildStamp());
  const abandon = () => deleteIndexes(client, Object.values(build)).catch(() => {});
  try {
    await createIndex(client, build.documents, DOCUMENT_SETTINGS);
    await createIndex(client, build.reports, REPORT_SETTINGS);
    await createIndex(client, build.meta, null);
  } catch (error) {
    await abandon();
    throw error;
  }
  const documentsIndex = client.index<SearchDocument>(build.documents);
  const batcher = new Batcher<SearchDocument>();
  const tasks: QueuedTask[] = [];
  const ids = new Set<string>();
  const assertBuildSettings = async () => {
    await assertSettings(client, build.documents, DOCUMENT_SETTINGS);
    await assertSettings(client, build.reports, REPORT_SETTINGS);
  };

  const finish = async (reports: readonly ReportDocument[], state: IndexState) => {
    const last = batcher.flush();
    if (last.length > 0) tasks.push(await enqueue(documentsIndex, last));
    const total = ids.size + reports.length;
    let indexed = 0;
    const progress = (count: number) => events.onUpload?.({ indexed: (indexed = Math.min(total, indexed + count)), total });
    await settleInOrder(tasks, progress);
    // Before copies are flagged: that filters by reportId, which an index without settings cannot.
    await assertBuildSettings();
    await flagCopies(documentsIndex, inCopyGroups(reports));
    await addInBatches(client.index<ReportDocument>(build.reports), reports, progress);
    await settle(client, client.index(build.meta).addDocuments([state]));
    await assertCount(client, build.documents, ids.size);
    await assertCount(client, build.reports, reports.length);
    await assertBuildSettings();
    await events.beforeSwap?.();
    // A swap needs both sides to exist: the very first build swaps with empty live indexes.
    events.onSwap?.();
    const pairs = (Object.keys(live) as (keyof IndexNames)[]).map((key) => [live[key], build[key]] as const);
    for (const [liveUid] of pairs) if (!(await indexExists(client, liveUid))) await createIndex(client, liveUid, null);
    await settle(client, client.swapIndexes(pairs.map(([liveUid, buildUid]) => ({ indexes: [liveUid, buildUid], rename: false }))));
  };

  return {
    async add(documents) {
      for (const document of documents) {
        ids.add(document.id);
        const full = batcher.add(document);
        if (full) tasks.push(await enqueue(documentsIndex, full));
      }
    },
    async discard(documentIds) {
      // Queued documents go first: the engine applies tasks in order, so none comes back after its deletion.
      const pending = batcher.flush();
      if (pending.length > 0) tasks.push(await enqueue(documentsIndex, pending));
      for (const id of documentIds) ids.delete(id);
      const task = documentsIndex.deleteDocuments([...documentIds]);
      await task;
      tasks.push({ size: 0, task, index: documentsIndex });
    },
    async finish(reports, state) {
      try {
        await finish(reports, state);
      } catch (error) {
        // An engine that stopped progressing would not run the deletions either.
        if (!(error instanceof EngineTaskStalled)) await abandon();
        throw error;
      }
      // After the swap the build names hold the previous indexes.
      await deleteIndexes(client, Object.values(build)).catch((error: unknown) => {
        throw new PreviousIndexesKept(error);
      });
    },
    abandon,
  };
}

export async function rebuildIndexes(client: Meilisearch, prefix: string, content: IndexContent, state: IndexState, events: WriteEvents = {}): Promise<void> {
  const rebuild = await startRebuild(client, prefix, events).catch((error: unknown) => {
    throw rebuildFailure(error);
  });
  try {
    await rebuild.add(content.documents);
  } catch (error) {
    await rebuild.abandon();
    throw rebuildFailure(error);
  }
  await rebuild.finish(content.reports, state).catch((error: unknown) => {
    throw rebuildFailure(error);
  });
}

/** The reports of the groups of copies these reports belong to: themselves and their copies. */
function inCopyGroups(reports: readonly ReportDocument[]): string[] {
  return reports.filter((report) => report.duplicates.length > 0).flatMap((report) => [report.reportId, ...report.duplicates.map((copy) => copy.id)]);
}

async function documentIdsOfReport(index: Index<SearchDocument>, reportId: string): Promise<string[]> {
  const ids: string[] = [];
  const limit = 1000;
  for (let offset = 0; ; offset += limit) {
    const page = await index.getDocuments<Pick<SearchDocument, 'id'>>({ filter: `reportId = ${quoteFilterValue(reportId)}`, fields: ['id'], limit, offset });
    ids.push(...page.results.map((document) => document.id));
    if (page.results.length < limit) return ids;
  }
}

/** Replaces the documents of the reports in `content` in the live indexes, then the state record. */
export async function updateReports(client: Meilisearch, prefix: string, content: IndexContent, state: IndexState, events: WriteEvents = {}): Promise<void> {
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
  if (goneIds.length > 0) await settle(documents, documents.deleteDocuments(goneIds));
  // The stored copies of these reports are flagged again against their new text.
  await flagCopies(documents, inCopyGroups(content.reports));
  const [documentStats, reportStats] = await Promise.all([documents.getStats(), client.index(live.reports).getStats()]);
  await settle(
    client,
    client
      .index(live.meta)
      .addDocuments([{ ...state, id: STATE_DOCUMENT_ID, documents: documentStats.numberOfDocuments, reports: reportStats.numberOfDocuments }]),
  );
}
