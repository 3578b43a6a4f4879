/**
 * One writer at a time per engine and prefix, arbitrated by the engine itself: the lock is an
 * index, `<prefix>_lock`. The engine runs its tasks one after the other, so of two runs that
 * ask to create it at once exactly one succeeds; the other is told who holds it. The holder
 * writes itself into it (host, pid, start, the command) and renews that record while it runs.
 *
 * A lock whose holder is known to be gone (same host and no such process, an ended run of the
 * same process, or a record never written a minute after the lock was made) is broken by the
 * next run; any other stale lock
 * (a host that died) by `npm run index -- --break-lock` once its record is older than
 * LOCK_STALE_MS. Breaking is itself arbitrated: the breaker must first create
 * `<prefix>_lock_broken_<generation>` (one breaker per lock instance wins), then deletes the
 * lock only if it is still that instance, so two runs breaking the same stale lock never
 * delete each other's new one.
 */
import os from 'node:os';
import { MeilisearchApiError, type Meilisearch } from 'meilisearch';
import { engineReason, getDocumentOrNull, settle } from './engine';
import { messageOf, errorCode } from '@/lib/errors';

export const LOCK_RENEW_MS = 15_000;
/** A holder elsewhere that has not renewed its record for this long may be broken by hand. */
export const LOCK_STALE_MS = 120_000;
/** A lock made this long ago with no holder written: its maker died between the two steps. */
const UNWRITTEN_LOCK_MS = 60_000;
const HOLDER_ID = 'holder';

export interface LockHolder {
  id: typeof HOLDER_ID;
  runId: string;
  host: string;
  pid: number;
  startedAt: string;
  renewedAt: string;
  command: string;
}

interface LockState {
  /** The lock index's creation time: one value per lock instance. */
  generation: string;
  holder: LockHolder | null;
}

export interface IndexLock {
  holder: LockHolder;
  /** Throws when the lock is no longer this run's (it was broken while the run went on). */
  assertHeld(): Promise<void>;
  /** Stops renewing and deletes the lock (if it is still this run's); waits at most 2 s. */
  release(): Promise<void>;
}

export class IndexLockHeld extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexLockHeld';
  }
}

export const lockIndexName = (prefix: string) => `${prefix}_lock`;
const breakMarkerName = (prefix: string, generation: string) => `${prefix}_lock_broken_${generation.replace(/\D/g, '')}`;

/** Creates index `uid`; false when it already exists (another run made it first). */
async function createOnce(client: Meilisearch, uid: string): Promise<boolean> {
  try {
    await settle(client, client.createIndex(uid, { primaryKey: 'id' }));
    return true;
  } catch (error) {
    if (/index_already_exists|already exists/.test(messageOf(error))) return false;
    throw error;
  }
}

async function readLock(client: Meilisearch, prefix: string): Promise<LockState | null> {
  const uid = lockIndexName(prefix);
  try {
    const { createdAt } = await client.getRawIndex(uid);
    return { generation: createdAt, holder: await getDocumentOrNull<LockHolder>(client, uid, HOLDER_ID) };
  } catch (error) {
    if (error instanceof MeilisearchApiError && error.response.status === 404) return null;
    throw error;
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** The runs of this process that hold a lock now: one of ours not among them has ended. */
const runsHoldingLocks = new Set<string>();

/** Why the lock's holder is certainly gone, or null when it may still be running. */
function goneBecause(state: LockState, now = Date.now()): string | null {
  const { holder } = state;
  if (!holder) return now - Date.parse(state.generation) > UNWRITTEN_LOCK_MS ? 'its maker never wrote itself into it' : null;
  if (holder.host !== os.hostname()) return null;
  if (!processExists(holder.pid)) return `process ${holder.pid} on this host has ended`;
  // An earlier run of this very process, whose engine could not take the lock back (it died).
  if (holder.pid === process.pid && !runsHoldingLocks.has(holder.runId)) return 'the run of this process that held it has ended';
  return null;
}

function describe(holder: LockHolder | null, now = Date.now()): string {
  if (!holder) return 'a run that has not written itself into the lock yet';
  const renewed = Math.round((now - Date.parse(holder.renewedAt)) / 1000);
  return `\`${holder.command}\` on ${holder.host}, pid ${holder.pid}, since ${holder.startedAt} (last renewed ${renewed} s ago)`;
}

/** Deletes the lock instance `seen`, unless another breaker got there first or it is no longer that instance. */
async function breakInstance(client: Meilisearch, prefix: string, seen: LockState): Promise<boolean> {
  const marker = breakMarkerName(prefix, seen.generation);
  if (!(await createOnce(client, marker))) return false;
  try {
    const now = await readLock(client, prefix);
    if (now?.generation !== seen.generation) return false;
    await settle(client, client.deleteIndex(lockIndexName(prefix)));
    return true;
  } finally {
    await settle(client, client.deleteIndex(marker));
  }
}

export interface AcquireOptions {
  /** What the holder is doing, for whoever meets the lock (`npm run index -- data`). */
  command: string;
  /** Told when a lock left by a run that is gone is broken. */
  onNotice?: (message: string) => void;
}

/**
 * Takes the lock, breaking one whose holder is gone; throws IndexLockHeld naming the holder
 * otherwise, and says so when the engine itself is what stopped it (a full disk stalls the lock's
 * own write first when an earlier run left the engine retrying a batch).
 */
export async function acquireIndexLock(client: Meilisearch, prefix: string, options: AcquireOptions): Promise<IndexLock> {
  try {
    return await acquire(client, prefix, options);
  } catch (error) {
    if (error instanceof IndexLockHeld) throw error;
    throw new Error(`could not take the index lock ${lockIndexName(prefix)}: ${engineReason(error)}. Nothing was written: the live index is untouched.`, {
      cause: error,
    });
  }
}

async function acquire(client: Meilisearch, prefix: string, options: AcquireOptions): Promise<IndexLock> {
  const uid = lockIndexName(prefix);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (await createOnce(client, uid)) return holdLock(client, prefix, options.command);
    const state = await readLock(client, prefix);
    if (!state) continue;
    if (!state.holder) {
      // The winner writes its record right after creating the lock: give it a moment.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const again = await readLock(client, prefix);
      if (again?.generation === state.generation && again.holder) state.holder = again.holder;
    }
    const gone = goneBecause(state);
    if (gone) {
      if (await breakInstance(client, prefix, state)) options.onNotice?.(`broke the index lock of ${describe(state.holder)}: ${gone}`);
      continue;
    }
    throw new IndexLockHeld(
      `the indexes ${prefix}_* are being written by ${describe(state.holder)}: wait for that run to finish. ` +
        `If it is gone (its host died), break the lock with \`npm run index -- --break-lock\` ` +
        `(allowed once it has not been renewed for ${LOCK_STALE_MS / 1000} s)`,
    );
  }
  throw new IndexLockHeld(`the index lock ${uid} kept changing hands: another indexer is starting; try again`);
}

async function holdLock(client: Meilisearch, prefix: string, command: string): Promise<IndexLock> {
  const uid = lockIndexName(prefix);
  const now = new Date().toISOString();
  const holder: LockHolder = {
    id: HOLDER_ID,
    runId: `${os.hostname()}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    host: os.hostname(),
    pid: process.pid,
    startedAt: now,
    renewedAt: now,
    command,
  };
  const generation = (await readLock(client, prefix))?.generation;
  runsHoldingLocks.add(holder.runId);
  await settle(client, client.index(uid).addDocuments([holder]));
  // Renewals are queued, not awaited: the record is evidence of life, not a step of the run.
  let renewal: Promise<unknown> = Promise.resolve();
  const renew = setInterval(() => {
    renewal = client
      .index(uid)
      .addDocuments([{ ...holder, renewedAt: new Date().toISOString() }])
      .catch(() => {});
  }, LOCK_RENEW_MS);
  renew.unref();
  const isOurs = async () => {
    const state = await readLock(client, prefix);
    return state !== null && state.generation === generation && state.holder?.runId === holder.runId;
  };
  return {
    holder,
    async assertHeld() {
      if (!(await isOurs())) throw new IndexLockHeld(`the index lock was broken while this run was writing: nothing was swapped in`);
    },
    async release() {
      clearInterval(renew);
      runsHoldingLocks.delete(holder.runId);
      // Never throws: it runs after the run's own error, which must be the one reported. A lock
      // left behind (the engine unreachable or unable to write) is broken by the next run on
      // this host, since this process is gone by then.
      try {
        // A renewal queued after the deletion would create the lock again.
        await renewal;
        if (!(await isOurs())) return;
        const deletion = settle(client, client.deleteIndex(uid)).catch(() => {});
        await Promise.race([deletion, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
      } catch {
        // left for the next run, as above
      }
    },
  };
}

/**
 * `npm run index -- --break-lock`: deletes a lock whose holder is gone or has not renewed it for
 * LOCK_STALE_MS; refuses (naming the holder) while it is alive. Returns what was done.
 */
export async function breakStaleLock(client: Meilisearch, prefix: string): Promise<string> {
  const state = await readLock(client, prefix);
  if (!state) return `no index lock on ${prefix}_*: nothing to break`;
  const renewedAgo = state.holder ? Date.now() - Date.parse(state.holder.renewedAt) : Date.now() - Date.parse(state.generation);
  if (!goneBecause(state) && renewedAgo < LOCK_STALE_MS) {
    throw new IndexLockHeld(
      `the index lock is held by ${describe(state.holder)}, renewed within the last ${LOCK_STALE_MS / 1000} s: that run is alive; stop it, or wait for it to finish`,
    );
  }
  if (!(await breakInstance(client, prefix, state))) return 'the lock changed hands meanwhile: nothing broken; try again';
  return `broke the index lock of ${describe(state.holder)}`;
}
