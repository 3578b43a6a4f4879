/**
 * A throwaway engine (test-engine.ts) that already holds the bundled reports of data/ under
 * CORPUS_PREFIX, exactly as the indexer writes them, for tests that only read them (and may
 * change their own copy). The database is built once by the real indexer and kept in the test
 * cache while data/, lib/ and the lockfile are unchanged; each engine starts from a copy of it
 * (under a second, where indexing takes about ten).
 */
import path from 'node:path';
import type { RunningEngine } from '@/lib/engine/meilisearch-process';
import { adminClient } from '@/lib/index/engine';
import { indexReports } from '@/lib/index/index-reports';
import { dataFiles } from '@/lib/index/state';
import { cachedReportParser } from './cached-parser';
import { DATA_DIR } from './corpus';
import { startTestEngine } from './test-engine';
import { cachedFolder, hashFiles, libraryHash } from './test-cache';

export const CORPUS_PREFIX = 'corpus';

/** The database folder of a stopped engine holding data/ (read it, or copy it: never change it). */
export async function corpusDatabase(): Promise<string> {
  const data = await hashFiles(await dataFiles(DATA_DIR));
  return cachedFolder(`engine-${await libraryHash()}-${data}`, async (folder) => {
    const database = path.join(folder, 'db');
    const engine = await startTestEngine({ keepDatabaseIn: database });
    try {
      const summary = await indexReports({
        paths: [DATA_DIR],
        client: adminClient({ url: engine.url, apiKey: engine.masterKey }),
        prefix: CORPUS_PREFIX,
        dataDir: DATA_DIR,
        parser: await cachedReportParser(DATA_DIR),
      });
      if (summary.failures.length > 0) throw new Error(`the bundled reports did not all index: ${JSON.stringify(summary.failures)}`);
    } finally {
      await engine.stop();
    }
  }).then((folder) => path.join(folder, 'db'));
}

export async function startCorpusEngine(): Promise<RunningEngine> {
  return startTestEngine({ from: await corpusDatabase() });
}
