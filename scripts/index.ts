/**
 * npm run index -- [--rebuild] [files or folders…]      (default: the data folder, DATA_DIR)
 *
 * A folder is indexed whole into fresh indexes that are swapped in at the end; files given
 * while a current index exists update only their reports (with no index yet, the whole data
 * folder is indexed); --rebuild builds fresh indexes of exactly the paths given.
 * Writes to MEILI_HOST with MEILI_ADMIN_KEY (or MEILI_MASTER_KEY), else to the embedded
 * engine (started for the run if it is not up).
 * Exit code 1 when the engine is unreachable or no report could be indexed.
 */
import { parseArgs } from 'node:util';
import { readEnv } from '@/lib/config/env';
import { connectEngine, type EngineConnection } from '@/lib/engine/connection';
import { adminClient } from '@/lib/search/indexing/engine';
import { indexReports } from '@/lib/search/indexing/index-reports';
import { barProgress, formatSummary, plainProgress } from '@/lib/search/indexing/progress-view';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rebuild: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
});
if (values.help) {
  console.log('usage: npm run index -- [--rebuild] [files or folders…]   (default: the data folder)');
  console.log('  files update their reports in place; --rebuild: fresh indexes of exactly the paths given');
  process.exit(0);
}

const env = readEnv();
let connection: EngineConnection;
try {
  connection = await connectEngine(env);
} catch (error) {
  console.error(`cannot reach the search engine: ${(error as Error).message}`);
  process.exit(1);
}

const view = process.stderr.isTTY ? barProgress(process.stderr) : plainProgress((line) => console.log(line));
let exitCode = 0;
try {
  const summary = await indexReports({
    paths: positionals.length > 0 ? positionals : [env.DATA_DIR],
    client: adminClient({ url: connection.url, apiKey: connection.adminKey }),
    prefix: env.MEILI_INDEX_PREFIX,
    dataDir: env.DATA_DIR,
    rebuild: values.rebuild,
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
  console.error(`indexing failed: ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await connection.close();
}
process.exit(exitCode);
