/**
 * Keys of the embedded engine. The master key is generated on first run and kept in a
 * git-ignored file readable only by its owner; the portal and the indexer then use the
 * engine's own default search and admin keys, so the master key never leaves the launcher.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EngineError } from './errors';

export async function loadOrCreateMasterKey(stateDir: string): Promise<string> {
  const file = path.join(stateDir, 'master-key');
  try {
    const key = (await readFile(file, 'utf8')).trim();
    if (key.length >= 16) return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(stateDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  return key;
}

export interface EngineKeys {
  searchKey: string;
  adminKey: string;
}

interface KeyListing {
  results: Array<{ key: string; actions: string[]; indexes: string[]; expiresAt: string | null; name: string | null }>;
}

/**
 * The engine's default keys: a search-only key for the portal and an admin key for the indexer.
 * (Meilisearch creates both when started with a master key.)
 */
export async function fetchDefaultKeys(url: string, masterKey: string): Promise<EngineKeys> {
  const response = await fetch(`${url}/keys?limit=100`, { headers: { Authorization: `Bearer ${masterKey}` } });
  if (!response.ok) throw new EngineError(`cannot list the keys of ${url} (HTTP ${response.status}): is the master key right?`);
  const { results } = (await response.json()) as KeyListing;
  const usable = results.filter((key) => key.expiresAt === null && key.indexes.includes('*'));
  const searchKey = usable.find((key) => key.actions.length === 1 && key.actions[0] === 'search')?.key;
  const adminKey = usable.find((key) => key.name === 'Default Admin API Key')?.key;
  if (!searchKey || !adminKey) throw new EngineError(`${url} has no default search/admin key: create them or set MEILI_SEARCH_KEY and MEILI_ADMIN_KEY`);
  return { searchKey, adminKey };
}
