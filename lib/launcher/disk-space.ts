/**
 * Room on the embedded engine's disk before `npm start` indexes. An engine whose disk fills
 * mid-run retries its batch forever (lib/index/engine.ts stops the indexer when it does); asking
 * first says how much is needed before anything is written. A rebuild writes the new index
 * beside the live one, so it needs about the live database again, or, for a first index, about
 * three times the data (measured: the bundled 3.1 MB of reports make an 8.8 MB database), plus
 * room for the engine's queue of payloads and its task store.
 */
import { statfs } from 'node:fs/promises';

const HEADROOM_BYTES = 64 * 1024 * 1024;
const DATABASE_PER_DATA_BYTE = 3;

export function indexingNeedBytes(dataBytes: number, databaseBytes: number): number {
  return Math.max(databaseBytes, DATABASE_PER_DATA_BYTE * dataBytes) + HEADROOM_BYTES;
}

const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;

/** Throws, saying how much is needed and how much is free, when `dir`'s file system has less than `needed` bytes free. */
export async function assertFreeDisk(dir: string, needed: number): Promise<void> {
  const { bavail, bsize } = await statfs(dir);
  const free = bavail * bsize;
  if (free >= needed) return;
  throw new Error(
    `indexing needs about ${megabytes(needed)} free in ${dir} (the new index is built beside the live one); ` +
      `${megabytes(free)} are free: free some space, or set MEILI_STATE_DIR to a disk with room`,
  );
}
