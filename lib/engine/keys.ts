/**
 * Keys of the embedded engine. The master key is generated on first run and kept in a
 * git-ignored file readable only by its owner; the portal and the indexer then use the
 * engine's own default search and admin keys, so the master key never leaves the launcher.
 */
import { randomBytes } from 'node:crypto';
import { chmod, lstat, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { EngineError } from './errors';
import { errorCode, messageOf } from '@/lib/errors';

/** Readable or writable by anyone but the owner. */
const SHARED_BITS = 0o077;

/**
 * The master key, from `stateDir/master-key` (which must exist: lib/engine/state-dir.ts), made
 * on first run. A key file others may read is made private (mode 600) before it is used, and the
 * run is refused when that cannot be done; `onNotice` hears what was fixed.
 */
export async function loadOrCreateMasterKey(stateDir: string, onNotice: (message: string) => void = console.warn): Promise<string> {
  const file = path.join(stateDir, 'master-key');
  const info = await lstat(file).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  });
  if (info) {
    if (!info.isFile()) throw new EngineError(`${file} is not a regular file (a link or a folder?): remove it, and a new key is made`);
    if ((info.mode & SHARED_BITS) !== 0) await makePrivate(file, info.mode, onNotice);
    const key = (await readFile(file, 'utf8')).trim();
    if (key.length >= 16) return key;
  }
  const key = randomBytes(32).toString('base64url');
  // Written whole beside it and renamed over it: a crash never leaves half a key, and the file
  // is private from its first byte even when it replaces a shared one.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, `${key}\n`, { mode: 0o600 });
  await rename(partial, file);
  return key;
}

async function makePrivate(file: string, mode: number, onNotice: (message: string) => void): Promise<void> {
  const was = (mode & 0o777).toString(8);
  try {
    await chmod(file, 0o600);
  } catch (error) {
    throw new EngineError(
      `${file} may be read by other users (mode ${was}) and cannot be made private (${messageOf(error)}): ` +
        `run \`chmod 600 ${file}\` as its owner, or remove it and a new key is made`,
    );
  }
  onNotice(`${file} was readable by other users (mode ${was}): made private (mode 600)`);
}

/** The engine refused the master key: it is not this engine's (or the engine has none). */
export class WrongMasterKey extends EngineError {
  constructor(url: string, status: number) {
    super(`the master key is not the one of the Meilisearch at ${url}: it refused it (HTTP ${status})`);
  }
}

export interface EngineKeys {
  searchKey: string;
  adminKey: string;
}

/** What GET /keys answers, the parts used: checked, since a proxy or another server may answer instead. */
const KeyListing = z.object({
  results: z.array(
    z.object({ key: z.string(), actions: z.array(z.string()), indexes: z.array(z.string()), expiresAt: z.string().nullable(), name: z.string().nullable() }),
  ),
});

/**
 * The engine's default keys: a search-only key for the portal and an admin key for the indexer.
 * (Meilisearch creates both when started with a master key.)
 */
export async function fetchDefaultKeys(url: string, masterKey: string): Promise<EngineKeys> {
  const response = await fetch(`${url}/keys?limit=100`, { headers: { Authorization: `Bearer ${masterKey}` } });
  if (response.status === 401 || response.status === 403) throw new WrongMasterKey(url, response.status);
  if (!response.ok) throw new EngineError(`cannot list the keys of ${url} (HTTP ${response.status}): is the master key right?`);
  const listing = KeyListing.safeParse(await response.json().catch(() => null));
  if (!listing.success) throw new EngineError(`${url}/keys did not answer with Meilisearch's list of keys: is MEILI_HOST a Meilisearch?`);
  const { results } = listing.data;
  const usable = results.filter((key) => key.expiresAt === null && key.indexes.includes('*'));
  const searchKey = usable.find((key) => key.actions.length === 1 && key.actions[0] === 'search')?.key;
  const adminKey = usable.find((key) => key.name === 'Default Admin API Key')?.key;
  if (!searchKey || !adminKey) throw new EngineError(`${url} has no default search/admin key: create them or set MEILI_SEARCH_KEY and MEILI_ADMIN_KEY`);
  return { searchKey, adminKey };
}
