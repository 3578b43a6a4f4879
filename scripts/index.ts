/**
 * npm run index -- [--rebuild] [--server NAME] [files or folders…]      (default: the data folder, DATA_DIR)
 *
 * A folder is indexed whole into fresh indexes that are swapped in at the end; files given
 * while a current index exists update only their reports (with no index yet, the whole data
 * folder is indexed); --rebuild builds fresh indexes of exactly the paths given.
 * Writes to MEILI_HOST with MEILI_ADMIN_KEY (or MEILI_MASTER_KEY), else to the embedded
 * engine (started for the run if it is not up). With MEILI_CLUSTER, to the servers of that file,
 * each report to its province's server (lib/cluster); --server NAME indexes that server alone.
 * One run at a time writes an engine's indexes (lib/index/lock.ts): a second one stops, naming
 * the first; --break-lock breaks the lock of a run that is gone (and indexes nothing).
 * Exit code 1 when the engine is unreachable, another run holds the lock, the engine fails a
 * task, or no report could be indexed.
 */
import { parseArgs } from 'node:util';
import type { EngineConnection } from '@/lib/engine/connection';
import type { Meilisearch } from 'meilisearch';
import { messageOf } from '@/lib/errors';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rebuild: { type: 'boolean', default: false },
    server: { type: 'string' },
    'break-lock': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: npm run index -- [--rebuild] [--server NAME] [files or folders…]   (default: the data folder)');
  console.log('  files update their reports in place; --rebuild: fresh indexes of exactly the paths given');
  console.log('  --server NAME: with MEILI_CLUSTER, index only that server (the others are left as they are)');
  console.log('  --break-lock: break the index lock of a run that is gone (not renewed for 2 minutes), then stop');
  process.exit(0);
}
// Loaded only now: --help answers without loading the parsers, jieba and the engine client.
const { readEnv } = await import('@/lib/config/env');
const { readClusterConfig, withAdminKeys } = await import('@/lib/cluster/config');
const { indexCluster, targetServers } = await import('@/lib/index/index-cluster');
const { breakStaleLock } = await import('@/lib/index/lock');
const { watchEngineLog } = await import('@/lib/index/engine-log');
const { regionsOf } = await import('@/lib/cluster/shards');
const { connectEngine } = await import('@/lib/engine/connection');
const { adminClient } = await import('@/lib/index/engine');
const { indexReports } = await import('@/lib/index/index-reports');
const { barProgress, formatSummary, plainProgress } = await import('@/lib/index/progress-view');

/** What the index lock says this run is. */
const command = ['npm run index --', ...process.argv.slice(2)].join(' ');

const env = readEnv();
if (env.MEILI_CLUSTER) process.exit(await indexClusterCommand(env.MEILI_CLUSTER));
if (values.server !== undefined) {
  console.error('--server needs MEILI_CLUSTER (a file naming several servers)');
  process.exit(1);
}
let connection: EngineConnection;
try {
  connection = await connectEngine(env);
} catch (error) {
  console.error(`cannot reach the search engine: ${messageOf(error)}`);
  process.exit(1);
}

const client = adminClient({ url: connection.url, apiKey: connection.adminKey });
if (connection.logFile) await watchEngineLog(connection.logFile);
if (values['break-lock']) {
  const code = await breakLockCommand([['', client]]);
  await connection.close();
  process.exit(code);
}

const view = process.stderr.isTTY ? barProgress(process.stderr) : plainProgress((line) => console.log(line));
let exitCode = 0;
try {
  const summary = await indexReports({
    paths: positionals.length > 0 ? positionals : [env.DATA_DIR],
    client,
    prefix: env.MEILI_INDEX_PREFIX,
    dataDir: env.DATA_DIR,
    rebuild: values.rebuild,
    command,
    onProgress: view.onProgress,
  });
  view.stop();
  console.log(formatSummary(summary));
  if (summary.reports === 0) {
    console.error('nothing was indexed: no file could be read as a report');
    exitCode = 1;
  }
} catch (error) {
  view.stop();
  console.error(`indexing failed: ${messageOf(error)}`);
  exitCode = 1;
} finally {
  await connection.close();
}
process.exit(exitCode);

/** Breaks the stale lock of each server; 1 when one of them is held by a live run. */
async function breakLockCommand(servers: Array<[string, Meilisearch]>): Promise<number> {
  let code = 0;
  for (const [name, server] of servers) {
    const label = name ? `server ${name}: ` : '';
    try {
      console.log(`${label}${await breakStaleLock(server, env.MEILI_INDEX_PREFIX)}`);
    } catch (error) {
      console.error(`${label}${messageOf(error)}`);
      code = 1;
    }
  }
  return code;
}

async function indexClusterCommand(file: string): Promise<number> {
  try {
    const config = readClusterConfig(file);
    if (values['break-lock']) {
      const servers = targetServers(config, values.server).map((name): [string, Meilisearch] => {
        const server = withAdminKeys(config).servers[name]!;
        return [name, adminClient({ url: server.url, apiKey: server.adminKey })];
      });
      return await breakLockCommand(servers);
    }
    const summaries = await indexCluster({
      config,
      server: values.server,
      paths: positionals.length > 0 ? positionals : [env.DATA_DIR],
      prefix: env.MEILI_INDEX_PREFIX,
      dataDir: env.DATA_DIR,
      rebuild: values.rebuild,
      command,
      onProgress: plainProgress((line) => console.log(line)).onProgress,
      onServer: (name) => console.log(`server ${name} (${regionsOf(config, [name]).join('、') || 'no province of the shard table'}):`),
    });
    for (const { server, summary } of summaries) console.log(`server ${server}:\n${formatSummary(summary)}`);
    if (summaries.every(({ summary }) => summary.reports === 0)) {
      console.error('nothing was indexed: no file could be read as a report of these servers');
      return 1;
    }
    return 0;
  } catch (error) {
    console.error(`indexing failed: ${messageOf(error)}`);
    return 1;
  }
}
