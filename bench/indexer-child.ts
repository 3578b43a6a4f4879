/**
 * Child process of the indexing benchmark: one `indexReports` run over a folder, in a fresh
 * Node process so that its peak memory (nodejieba, parsed reports, documents) is its own.
 * Prints one JSON line: the indexer's summary and the process's peak RSS.
 * Environment: BENCH_ENGINE_URL, BENCH_ADMIN_KEY, BENCH_PREFIX, BENCH_FOLDER.
 */
import { adminClient } from '@/lib/index/engine';
import { indexReports } from '@/lib/index/index-reports';
import type { IndexerRun } from './indexer';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const folder = env('BENCH_FOLDER');
const summary = await indexReports({
  paths: [folder],
  client: adminClient({ url: env('BENCH_ENGINE_URL'), apiKey: env('BENCH_ADMIN_KEY') }),
  prefix: env('BENCH_PREFIX'),
  dataDir: folder,
  rebuild: true,
});
// resourceUsage().maxRSS is in KiB.
const run: IndexerRun = { summary, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
console.log(JSON.stringify(run));
