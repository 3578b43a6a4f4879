/**
 * The indexer's side of the engine: an admin client, tasks that fail loudly, index housekeeping.
 */
import { Meilisearch, MeilisearchApiError, type EnqueuedTaskPromise, type RecordAny, type Task } from 'meilisearch';
import { messageOf } from '@/lib/errors';
import { engineLogErrors } from './engine-log';

/** Where to write, and a key allowed to (an admin or master key). */
export interface AdminConnection {
  url: string;
  apiKey: string;
}

/** Indexing a large corpus takes minutes; the client's own default gives up on a task after 5 s. */
const TASK_TIMEOUT_MS = 30 * 60_000;
const FIRST_POLL_MS = 20;
const MAX_POLL_MS = 200;

export function adminClient(connection: AdminConnection): Meilisearch {
  return new Meilisearch({
    host: connection.url,
    apiKey: connection.apiKey,
    // No client-side timeout: meilisearch-js polls a task with one abort signal and leaves a
    // listener on it per poll (1,670 in one bench run: MaxListenersExceededWarning). `settle`
    // polls itself and keeps the deadline instead.
    defaultWaitOptions: { timeout: 0, interval: 50 },
  });
}

/**
 * The engine stopped making progress: it failed a batch and is retrying it (it does so forever
 * on a full disk, with the task left `processing` and its health check still answering), or it
 * logged a scheduler error. Nothing queued after it will run until its cause is fixed, so the
 * run stops rather than clean up: what it leaves is deleted by the next run.
 */
export class EngineTaskStalled extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineTaskStalled';
  }
}

/** Index and client objects both carry the engine's task API. */
type TaskOwner = Pick<Meilisearch, 'tasks'>;

const FINISHED = new Set(['succeeded', 'failed', 'canceled']);

const describeTask = (task: Task) => `task ${task.uid} (${task.type} on ${task.indexUid ?? 'all indexes'})`;

/** Why the engine is not progressing, or null: a processing task started again, or scheduler errors in its log. */
async function stalledBecause(owner: TaskOwner, task: Task, starts: Map<number, string>): Promise<string | null> {
  const processing = task.status === 'processing' ? task : (await owner.tasks.getTasks({ statuses: ['processing'], limit: 1 })).results[0];
  const errors = await engineLogErrors();
  const seen = processing ? starts.get(processing.uid) : undefined;
  if (processing?.startedAt) starts.set(processing.uid, String(processing.startedAt));
  const restarted = processing !== undefined && seen !== undefined && seen !== String(processing.startedAt);
  if (!restarted && errors.length === 0) return null;
  const failing = processing ? describeTask(processing) : describeTask(task);
  const reason =
    errors.length > 0 ? `the engine says: ${errors.slice(-3).join(' / ')}` : 'Meilisearch gives the reason only in its log (a full disk is the usual cause)';
  return `Meilisearch cannot finish ${failing}: ${restarted ? 'it failed the batch and is retrying it; ' : ''}${reason}`;
}

/**
 * Waits for a task and throws with the engine's reason when it did not succeed, when the engine
 * stops progressing (EngineTaskStalled, within seconds), or after TASK_TIMEOUT_MS. `owner` is
 * the client or index that queued it.
 */
export async function settle(owner: TaskOwner, pending: EnqueuedTaskPromise): Promise<Task> {
  const { taskUid } = await pending;
  const deadline = Date.now() + TASK_TIMEOUT_MS;
  const starts = new Map<number, string>();
  for (let interval = FIRST_POLL_MS; ; interval = Math.min(interval * 1.5, MAX_POLL_MS)) {
    const task = await owner.tasks.getTask(taskUid);
    if (FINISHED.has(task.status)) {
      if (task.status !== 'succeeded') throw new Error(`Meilisearch ${describeTask(task)} ${task.status}: ${task.error?.message ?? 'no reason given'}`);
      return task;
    }
    const stalled = await stalledBecause(owner, task, starts);
    if (stalled) throw new EngineTaskStalled(`${stalled}.`);
    if (Date.now() > deadline) throw new Error(`Meilisearch ${describeTask(task)} not finished after ${TASK_TIMEOUT_MS / 60_000} minutes`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * What the engine said, and about which request when it refused one (a full disk shows up as a
 * refused request as often as a failed task, and the path says which step it stopped), without
 * a closing full stop, for the caller to go on with its own sentence.
 */
export function engineReason(error: unknown): string {
  const message = messageOf(error).replace(/[.\s]*$/, '');
  if (!(error instanceof MeilisearchApiError)) return message;
  const { pathname } = new URL(error.response.url || 'http://engine/');
  return `Meilisearch refused ${pathname === '/' ? 'a request' : pathname} (HTTP ${error.response.status}): ${message}`;
}

/** One document by id; null when the index or the document does not exist (other errors throw). */
export async function getDocumentOrNull<T extends RecordAny>(client: Meilisearch, uid: string, id: string, fields?: string[]): Promise<T | null> {
  try {
    return await client.index(uid).getDocument<T>(id, fields ? { fields } : undefined);
  } catch (error) {
    if (error instanceof MeilisearchApiError && error.response.status === 404) return null;
    throw error;
  }
}

export async function indexExists(client: Meilisearch, uid: string): Promise<boolean> {
  return client
    .getIndex(uid)
    .then(() => true)
    .catch((error: { response?: Response }) => {
      if (error.response?.status === 404) return false;
      throw error;
    });
}

/** Deletes those of `uids` that exist, waiting for each deletion. */
export async function deleteIndexes(client: Meilisearch, uids: readonly string[]): Promise<void> {
  for (const uid of uids) if (await indexExists(client, uid)) await settle(client, client.deleteIndex(uid));
}
