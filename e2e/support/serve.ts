/**
 * The app under test: a throwaway Meilisearch (free port, temp dir) holding the bundled data/ as
 * the real indexer writes it (test/support/corpus-engine.ts), and the production build (built
 * when its sources changed) served on --port. SIGTERM stops all of it.
 * The engine's URL and search key are written to e2e/.state.json for specs that need them.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { CORPUS_PREFIX, startCorpusEngine } from '@/test/support/corpus-engine';
import { fetchDefaultKeys } from '@/lib/engine/keys';
import { buildIfStale } from '@/lib/launcher/build-state';
import { portalServerArgs, spawnNode, stopChildren } from '@/lib/launcher/child';

const { values } = parseArgs({ options: { port: { type: 'string', default: '3100' } } });
const prefix = CORPUS_PREFIX;

const engine = await startCorpusEngine();
const stop = async (code: number) => {
  await stopChildren();
  await engine.stop();
  process.exit(code);
};
process.once('SIGTERM', () => void stop(0));
process.once('SIGINT', () => void stop(0));

try {
  const keys = await fetchDefaultKeys(engine.url, engine.masterKey);
  const baseEnv = { ...process.env, MEILI_MASTER_KEY: undefined, MEILI_HOST: engine.url, MEILI_INDEX_PREFIX: prefix };
  await buildIfStale(process.cwd(), baseEnv);
  await writeFile(path.resolve('e2e/.state.json'), JSON.stringify({ engineUrl: engine.url, searchKey: keys.searchKey, prefix }, null, 2));
  const server = spawnNode(portalServerArgs(values.port, '127.0.0.1'), {
    env: { ...baseEnv, MEILI_SEARCH_KEY: keys.searchKey, NEXT_TELEMETRY_DISABLED: '1' },
  });
  server.once('exit', (code) => void stop(code ?? 1));
} catch (error) {
  console.error(`e2e server: ${(error as Error).message}`);
  await stop(1);
}
