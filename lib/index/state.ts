/**
 * The index-state record (`<prefix>_meta`, document `state`): a fingerprint of what the index
 * was built from. `isIndexCurrent` runs on every start, so it only lists and stats the data
 * folder: it never loads nodejieba or the parser.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { readEnv } from '@/lib/config/env';
import { USER_DICT_PATH } from '@/lib/segment';
import { DOCUMENT_SETTINGS, REPORT_SETTINGS } from './settings';
import { adminClient, getDocumentOrNull, type AdminConnection } from './engine';
import { liveIndexNames } from './index-names';

/** Bump when the documents the indexer builds change shape or content for the same input. */
export const INDEXER_VERSION = 4;

export const STATE_DOCUMENT_ID = 'state';

export interface IndexFailure {
  file: string;
  reason: string;
}

export interface IndexState {
  id: typeof STATE_DOCUMENT_ID;
  fingerprint: string;
  /** Hash of what besides the data decides the documents; an in-place update needs it unchanged. */
  configuration: string;
  indexedAt: string;
  reports: number;
  documents: number;
  /** `size:mtime` of every data file the index was built from, by path relative to the data folder. */
  files: Record<string, string>;
  failures: IndexFailure[];
}

/** A data file's identity for change detection: cheap (one stat), changes on any rewrite. */
export async function fileStamp(file: string): Promise<string> {
  const info = await stat(file);
  return `${info.size}:${Math.round(info.mtimeMs)}`;
}

/** Path of a data file as the state records it: relative to the data folder, '/'-separated. */
export function stateKey(dataDir: string, file: string): string {
  return path.relative(dataDir, path.resolve(file)).split(path.sep).join('/');
}

/** Every regular file of the data folder (reports, manifest), dot-files and dot-folders left out. */
export async function dataFiles(dataDir: string): Promise<string[]> {
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(
      (file) =>
        !stateKey(dataDir, file)
          .split('/')
          .some((segment) => segment.startsWith('.')),
    )
    .sort();
}

export async function stampDataFolder(dataDir: string): Promise<Record<string, string>> {
  const files = await dataFiles(dataDir);
  const stamps = await Promise.all(files.map(fileStamp));
  return Object.fromEntries(files.map((file, index) => [stateKey(dataDir, file), stamps[index]!]));
}

let configurationHash: Promise<string> | undefined;

/** What besides the data decides the documents: this version, the index settings, the dictionary. */
export function indexerConfigurationHash(): Promise<string> {
  configurationHash ??= readFile(USER_DICT_PATH, 'utf8').then((dictionary) =>
    createHash('sha256')
      .update(JSON.stringify([INDEXER_VERSION, DOCUMENT_SETTINGS, REPORT_SETTINGS, dictionary]))
      .digest('hex'),
  );
  return configurationHash;
}

export async function fingerprint(files: Record<string, string>): Promise<string> {
  const sorted = Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(JSON.stringify([await indexerConfigurationHash(), sorted]))
    .digest('hex');
}

export function readIndexState(client: Meilisearch, prefix: string): Promise<IndexState | null> {
  return getDocumentOrNull<IndexState>(client, liveIndexNames(prefix).meta, STATE_DOCUMENT_ID);
}

/** Whether the live index was built from exactly the data folder as it is now, by this indexer. */
export async function isIndexCurrent(connection: AdminConnection, dataDir: string, prefix: string = readEnv().MEILI_INDEX_PREFIX): Promise<boolean> {
  const [state, files] = await Promise.all([readIndexState(adminClient(connection), prefix), stampDataFolder(dataDir)]);
  return state !== null && state.fingerprint === (await fingerprint(files));
}
