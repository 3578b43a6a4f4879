/**
 * npm run eval -- [--queries <file> …] [--portal <url>] [--engine embedded-temp] [--data <dir>]
 *
 * Scores relevance query sets (by default the dev set, tools/eval/queries.dev.json, and the
 * natural queries, tools/eval/queries.natural.json: years, places, readers' words, typos, as
 * people type them; each set reported on its own) for the portal's search
 * and, in the same run, for the Meilisearch-defaults baseline over the same documents.
 * - the portal's search: the running portal's JSON API with --portal, else the same query
 *   function the search page calls, in-process, against the engine;
 * - the engine: MEILI_HOST / the embedded one and its live index, or with
 *   `--engine embedded-temp` a throwaway engine into which the data folder is indexed first
 *   (timed: full pipeline, and the engine alone on the prepared documents).
 */
import { parseArgs } from 'node:util';

const USAGE = `usage: npm run eval -- [--queries <file> …] [--portal <url>] [--engine embedded-temp] [--data <dir>]
  --queries: query sets to score, each reported on its own (default: tools/eval/queries.dev.json and queries.natural.json)
  --portal: ask the running portal's JSON API at <url> (default: the portal's query function, in-process)
  --engine embedded-temp: index the data folder (--data, default DATA_DIR) into a throwaway engine first`;

const { values } = parseArgs({
  options: {
    help: { type: 'boolean', short: 'h', default: false },
    queries: { type: 'string', multiple: true, default: ['tools/eval/queries.dev.json', 'tools/eval/queries.natural.json'] },
    portal: { type: 'string' },
    engine: { type: 'string' },
    data: { type: 'string' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
// Loaded only now: --help answers without loading the parsers, jieba and the engine client.
const { readEnv } = await import('@/lib/config/env');
const { connectEngine } = await import('@/lib/engine/connection');
const { startTestEngine } = await import('@/test/support/test-engine');
const { buildBaselineIndex } = await import('@/tools/eval/baseline');
const { measureEngineIngestion } = await import('@/tools/eval/measure-indexing');
const { loadQueries } = await import('@/tools/eval/queries');
const { formatEvaluation } = await import('@/tools/eval/report');
const { runQueries } = await import('@/tools/eval/run');
const { baselineSearcher, httpSearcher, portalSearcher } = await import('@/tools/eval/searchers');
const { adminClient, deleteIndexes } = await import('@/lib/index/engine');
const { liveIndexNames } = await import('@/lib/index/index-names');
const { indexReports } = await import('@/lib/index/index-reports');
const { formatSummary } = await import('@/lib/index/progress-view');
const { createSearchEngine } = await import('@/lib/search/query-engine');
if (values.engine !== undefined && values.engine !== 'embedded-temp') {
  console.error(`--engine: only 'embedded-temp' is known (without it, MEILI_HOST or the embedded engine is used)`);
  process.exit(2);
}

const env = readEnv();
const querySets = await Promise.all(values.queries.map(async (file) => ({ file, queries: await loadQueries(file) })));
const temporary = values.engine === 'embedded-temp' ? await startTestEngine() : null;
const connection = temporary
  ? { url: temporary.url, apiKey: temporary.masterKey, close: () => temporary.stop() }
  : await connectEngine(env).then((engine) => ({ url: engine.url, apiKey: engine.adminKey, close: () => engine.close() }));
const prefix = temporary ? 'eval' : env.MEILI_INDEX_PREFIX;
const client = adminClient(connection);
const baselineUid = `${prefix}_baseline`;

try {
  if (temporary) {
    const dataDir = values.data ?? env.DATA_DIR;
    console.log(`indexing ${dataDir}/ into a temporary engine …`);
    const summary = await indexReports({ paths: [dataDir], client, prefix, dataDir });
    console.log(formatSummary(summary));
    const engineOnly = await measureEngineIngestion(client, prefix, `${prefix}_engine_only`);
    const pipelinePerSecond = summary.documents / (summary.timings.totalMs / 1000);
    console.log(
      `engine alone on the prepared documents: ${(engineOnly.ms / 1000).toFixed(1)} s, ${Math.round(engineOnly.documentsPerSecond)} documents/s; ` +
        `full pipeline ${Math.round(pipelinePerSecond)} documents/s (${(summary.timings.totalMs / engineOnly.ms).toFixed(1)}× the engine-only time)\n`,
    );
  }
  await buildBaselineIndex(client, liveIndexNames(prefix).documents, baselineUid);
  const portal = values.portal ? httpSearcher(values.portal) : portalSearcher(createSearchEngine({ host: connection.url, apiKey: connection.apiKey, prefix }));
  for (const { file, queries } of querySets) {
    const runs = [await runQueries('portal', queries, portal), await runQueries('baseline', queries, baselineSearcher(client, baselineUid))];
    console.log(`${file}: ${queries.length} queries; portal search ${values.portal ? `via ${values.portal}/api/search` : 'in-process'}\n`);
    console.log(formatEvaluation(queries, runs));
  }
} finally {
  if (!temporary) await deleteIndexes(client, [baselineUid]);
  await connection.close();
}
