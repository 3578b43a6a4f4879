/**
 * The indexer's side of the engine: an admin client, tasks that fail loudly, index housekeeping.
 */
import { Meilisearch, MeilisearchApiError, type EnqueuedTaskPromise, type RecordAny, type Task } from 'meilisearch';

/** Where to write, and a key allowed to (an admin or master key). */
export interface AdminConnection {
  url: string;
  apiKey: string;
}

/** Indexing a large corpus takes minutes; the client's own default gives up on a task after 5 s. */
const TASK_TIMEOUT_MS = 30 * 60_000;

export function adminClient(connection: AdminConnection): Meilisearch {
  return new Meilisearch({
    host: connection.url,
    apiKey: connection.apiKey,
    // No client-side timeout: meilisearch-js polls a task with one abort signal and leaves a
    // listener on it per poll (1,670 in one bench run: MaxListenersExceededWarning). `settle`
    // keeps the deadline instead.
    defaultWaitOptions: { timeout: 0, interval: 50 },
  });
}

/** Waits for a task (at most TASK_TIMEOUT_MS) and throws with the engine's reason when it did not succeed. */
export async function settle(task: EnqueuedTaskPromise): Promise<Task> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Meilisearch task not finished after ${TASK_TIMEOUT_MS / 60_000} minutes`)), TASK_TIMEOUT_MS);
  });
  const done = await Promise.race([task.waitTask(), deadline]).finally(() => clearTimeout(timer));
  if (done.status !== 'succeeded') {
    throw new Error(`Meilisearch task ${done.uid} (${done.type} on ${done.indexUid ?? 'all indexes'}) ${done.status}: ${done.error?.message ?? 'no reason given'}`);
  }
  return done;
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
  for (const uid of uids) if (await indexExists(client, uid)) await settle(client.deleteIndex(uid));
}
