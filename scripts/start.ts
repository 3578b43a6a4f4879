/**
 * `npm start`: one command from a fresh clone to a running portal. Starts (or reuses) the
 * engine, indexes data/ when the index is missing or older than the data, builds the app when
 * its sources changed, serves it on PORT, and on Ctrl-C stops everything it started. The
 * embedded engine is restarted when it dies (lib/engine/supervisor.ts); whatever this starts
 * ends with it, however it ends, and it ends with npm (lib/launcher/parent-death.ts).
 * With MEILI_CLUSTER the servers of that file run elsewhere and are written by `npm run index`
 * on the indexer's machine: nothing is started or indexed, only the portal is built and served.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readEnv, type Env } from '@/lib/config/env';
import { readClusterConfig } from '@/lib/cluster/config';
import { connectEngine, type EngineConnection } from '@/lib/engine/connection';
import { probePort } from '@/lib/engine/port';
import { buildIfStale } from '@/lib/launcher/build-state';
import { portalServerArgs, runNode, spawnNode, stopChildren } from '@/lib/launcher/child';
import { whenParentsEnd } from '@/lib/launcher/parent-death';
import { waitForHttp } from '@/lib/launcher/wait';
import { adminClient } from '@/lib/index/engine';
import { dataFiles, isIndexCurrent } from '@/lib/index/state';
import { assertFreeDisk, indexingNeedBytes } from '@/lib/launcher/disk-space';
import { stat } from 'node:fs/promises';
import { messageOf } from '@/lib/errors';

const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h', default: false } } });
if (values.help) {
  console.log('usage: npm start   (the engine, the index and the build made ready, then the portal on PORT; configured by the environment: see the README)');
  process.exit(0);
}

const projectDir = process.cwd();

let engine: EngineConnection | undefined;

async function shutdown(code: number): Promise<never> {
  await stopChildren();
  await engine?.close();
  process.exit(code);
}

async function main() {
  const env = readEnv();
  process.once('SIGINT', () => void shutdown(130));
  process.once('SIGTERM', () => void shutdown(143));
  // A parent that dies without telling us (npm killed with SIGKILL): we stop too, and take down what we started.
  whenParentsEnd(() => {
    console.error('npm start: the process that started it has ended; stopping');
    void shutdown(1);
  });

  await probePort(env.PORT, '0.0.0.0').catch(() => {
    throw new Error(`port ${env.PORT} is already in use: stop what is listening there or set PORT to another port`);
  });
  // The indexer and the server get only the key each needs; the master key stays here.
  const childEnv = { ...process.env, MEILI_MASTER_KEY: undefined, MEILI_ADMIN_KEY: undefined, MEILI_SEARCH_KEY: undefined };
  const serverEnv = env.MEILI_CLUSTER ? prepareCluster(env.MEILI_CLUSTER, childEnv) : await prepareEngine(env, childEnv);

  await buildIfStale(projectDir, childEnv);

  const server = spawnNode(portalServerArgs(env.PORT), {
    env: { ...serverEnv, NEXT_TELEMETRY_DISABLED: '1' },
  });
  server.once('exit', (code) => void shutdown(code ?? 1));
  const url = `http://localhost:${env.PORT}/`;
  if (await waitForHttp(url, 60_000, () => server.exitCode !== null)) {
    console.log(`\nPortal: ${url}  (Ctrl-C stops the portal${engine?.started ? ' and the engine' : ''})\n`);
  }
}

type ChildEnv = NodeJS.ProcessEnv;

async function indexUnlessCurrent(env: Env, current: boolean, indexerEnv: ChildEnv): Promise<void> {
  if (current) {
    console.log(`Index is up to date with ${env.DATA_DIR}/: not re-indexing.`);
    return;
  }
  if (!env.MEILI_HOST) await assertRoomToIndex(env);
  console.log(`Indexing ${env.DATA_DIR}/ …`);
  await runNode(['--import', 'tsx', 'scripts/index.ts', path.resolve(env.DATA_DIR)], { env: indexerEnv });
}

/** The embedded engine's disk has room for a rebuild beside the live index (lib/launcher/disk-space.ts). */
async function assertRoomToIndex(env: Env): Promise<void> {
  const files = await dataFiles(env.DATA_DIR);
  const dataBytes = (await Promise.all(files.map((file) => stat(file).then((info) => info.size)))).reduce((sum, size) => sum + size, 0);
  const { databaseSize } = await adminClient({ url: engine!.url, apiKey: engine!.adminKey }).getStats();
  await assertFreeDisk(path.resolve(env.MEILI_STATE_DIR), indexingNeedBytes(dataBytes, databaseSize));
}

/** One server (embedded or MEILI_HOST): connected, indexed; the portal's environment. */
async function prepareEngine(env: Env, childEnv: ChildEnv): Promise<ChildEnv> {
  engine = await connectEngine(env, { supervise: (line) => console.log(line) });
  console.log(`Meilisearch: ${engine.url}${engine.started ? ' (embedded, started)' : ''}`);
  const engineEnv = { MEILI_HOST: engine.url, MEILI_INDEX_PREFIX: env.MEILI_INDEX_PREFIX };
  const current = await isIndexCurrent({ url: engine.url, apiKey: engine.adminKey }, path.resolve(env.DATA_DIR), env.MEILI_INDEX_PREFIX);
  // The indexer reads the engine's reasons in its log when a task stops progressing.
  const logEnv = engine.logFile ? { MEILI_ENGINE_LOG: engine.logFile } : {};
  await indexUnlessCurrent(env, current, { ...childEnv, ...engineEnv, ...logEnv, MEILI_ADMIN_KEY: engine.adminKey });
  return { ...childEnv, ...engineEnv, MEILI_SEARCH_KEY: engine.searchKey };
}

/**
 * Several servers (lib/cluster), running elsewhere. Not indexed from here: this machine's data
 * folder is not the corpus (indexing it replaced what the indexer had written on every server).
 */
function prepareCluster(file: string, childEnv: ChildEnv): ChildEnv {
  const config = readClusterConfig(file);
  console.log(`Meilisearch: ${Object.keys(config.servers).join(', ')} (${file}); their indexes are written by \`npm run index\`, not here`);
  return childEnv;
}

main().catch(async (error: unknown) => {
  console.error(`npm start: ${messageOf(error)}`);
  await shutdown(1);
});
