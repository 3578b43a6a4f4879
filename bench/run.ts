/**
 * `npm run bench`: for each corpus size, a fresh engine indexes the corpus (the pipeline, then
 * the engine alone) and, from `SEARCH_FROM_REPORTS` reports on (and on the largest whatever its
 * size), the portal is served and measured under load (search API, search page, engine alone);
 * on the largest its front end is weighed too, and optionally soaked and set beside a cluster.
 * Every process it starts is stopped before it returns, whatever fails.
 */
import os from 'node:os';
import path from 'node:path';
import { listReportFiles, reportId } from '@/lib/parse';
import { createSearchEngine } from '@/lib/search/query-engine';
import { generateCorpus } from '@/tools/synthetic/generate';
import { materialFromFolder, type Material } from '@/tools/synthetic/material';
import { startBenchEngine, BENCH_INDEXING_MEMORY, type BenchEngine } from './engine';
import { largestFiles } from './files';
import { largestReportPage, pageScripts, type PageScripts, type Weight } from './frontend';
import { benchCluster, type ClusterFigures } from './cluster';
import { benchIndexing, type IndexingFigures } from './indexing';
import { ensureBuild, startPortal, type RunningPortal } from '@/test/support/portal';
import { benchQueries, queryString } from './queries';
import { benchSearch, type SearchRound } from './search';
import { soak, type SoakFigures } from './soak';

export interface BenchOptions {
  sizes: number[];
  /** Measured time per target and concurrency in the search benchmark. */
  durationMs: number;
  concurrencies: number[];
  /** Soak duration; none when null. */
  soakMs: number | null;
  soakConcurrency: number;
  /** Servers of the federated setup measured beside one server on the largest corpus; 0: none. */
  clusterServers: number;
  seed: string;
  /** The bundled data folder (its reports are the material of the synthetic ones). */
  dataDir: string;
  /** Where synthetic corpora are written (git-ignored). */
  syntheticRoot: string;
  log: (line: string) => void;
}

export interface IndexingResult extends IndexingFigures {
  size: number;
  corpus: 'bundled' | 'synthetic';
}

export interface FrontEndFigures {
  searchPage: PageScripts;
  reportPage: PageScripts;
  largestReport: (Weight & { reportId: string }) | null;
}

/** The search round on one corpus size. */
export interface SearchResult {
  index: number;
  queries: number;
  rounds: SearchRound[];
}

export interface BenchResults {
  machine: { date: string; cpus: number; cpuModel: string; memoryBytes: number; node: string; loadAverage: number[]; indexingMemory: string };
  indexing: IndexingResult[];
  /** One per size searched, smallest first. */
  searches: SearchResult[];
  frontEnd: FrontEndFigures | null;
  soak: SoakFigures | null;
  cluster: ClusterFigures | null;
}

const PREFIX = 'bench';
/**
 * The smallest corpus whose search is measured: the search bars hold "at every size from 1,000
 * reports on". Each round takes its targets × concurrencies × duration (~4 min at the defaults).
 */
const SEARCH_FROM_REPORTS = 1000;
/** Report pages weighed to find the heaviest: those of the largest files. */
const REPORT_PAGES_WEIGHED = 20;

function machine(): BenchResults['machine'] {
  return {
    date: new Date().toISOString(),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryBytes: os.totalmem(),
    node: process.version,
    loadAverage: os.loadavg(),
    indexingMemory: BENCH_INDEXING_MEMORY,
  };
}

/** The bundled data when the size is its report count, else a synthetic corpus of that size. */
async function prepareCorpus(
  options: BenchOptions,
  size: number,
  material: () => Promise<Material>,
): Promise<{ folder: string; corpus: IndexingResult['corpus'] }> {
  if ((await listReportFiles(options.dataDir)).length === size) return { folder: options.dataDir, corpus: 'bundled' };
  const folder = path.join(options.syntheticRoot, `synthetic-${size}`);
  options.log(`generating ${size} synthetic reports in ${folder} (seed ${options.seed}) …`);
  await generateCorpus({ material: await material(), count: size, seed: options.seed, outDir: folder });
  return { folder, corpus: 'synthetic' };
}

async function measureFrontEnd(portal: RunningPortal, folder: string, firstQuery: string): Promise<FrontEndFigures> {
  const largest = await largestFiles(folder, REPORT_PAGES_WEIGHED);
  const ids = largest.map((file) => reportId(file));
  const largestReport = await largestReportPage(portal.url, ids);
  return {
    searchPage: await pageScripts(portal.url, `/search?${firstQuery}`),
    reportPage: await pageScripts(portal.url, `/reports/${encodeURIComponent(largestReport?.reportId ?? ids[0]!)}`),
    largestReport,
  };
}

/** The search round on this corpus; on the largest (`largest`) the front end, the soak and the cluster too. */
async function measureServing(options: BenchOptions, bench: BenchEngine, folder: string, results: BenchResults, largest: boolean): Promise<void> {
  const connection = { url: bench.engine.url, searchKey: bench.keys.searchKey, prefix: PREFIX };
  const oneServer = createSearchEngine({ host: connection.url, apiKey: connection.searchKey, prefix: PREFIX });
  const queries = await benchQueries(oneServer);
  options.log('building the portal if needed …');
  await ensureBuild();
  const portal = await startPortal({ engineUrl: connection.url, searchKey: connection.searchKey, prefix: PREFIX });
  try {
    options.log(`search: ${queries.length} queries, concurrency ${options.concurrencies.join(' and ')}, ${options.durationMs / 1000} s per target …`);
    const rounds = await benchSearch({
      engine: connection,
      portalUrl: portal.url,
      portalPid: portal.pid,
      queries,
      concurrencies: options.concurrencies,
      durationMs: options.durationMs,
    });
    results.searches.push({ index: results.indexing.at(-1)!.reports, queries: queries.length, rounds });
    if (!largest) return;
    options.log('front end …');
    results.frontEnd = await measureFrontEnd(portal, folder, queryString(queries[0]!));
    if (options.soakMs !== null) {
      options.log(`soak: ${options.soakMs / 1000} s at concurrency ${options.soakConcurrency} …`);
      results.soak = await soak({
        portalUrl: portal.url,
        portalPid: portal.pid,
        enginePid: bench.enginePid,
        queries,
        concurrency: options.soakConcurrency,
        durationMs: options.soakMs,
      });
    }
    if (options.clusterServers > 1) {
      results.cluster = await benchCluster({
        servers: options.clusterServers,
        folder,
        prefix: PREFIX,
        oneServer,
        oneServerPortalUrl: portal.url,
        queries,
        concurrencies: options.concurrencies,
        durationMs: options.durationMs,
        log: options.log,
      });
    }
  } finally {
    await portal.stop();
  }
}

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const results: BenchResults = { machine: machine(), indexing: [], searches: [], frontEnd: null, soak: null, cluster: null };
  let material: Promise<Material> | undefined;
  const loadMaterial = () => (material ??= materialFromFolder(options.dataDir));
  const sizes = [...new Set(options.sizes)].sort((a, b) => a - b);
  for (const [position, size] of sizes.entries()) {
    const { folder, corpus } = await prepareCorpus(options, size, loadMaterial);
    const bench = await startBenchEngine();
    try {
      options.log(`indexing ${size} reports from ${folder} …`);
      const figures = await benchIndexing(bench, folder, PREFIX);
      results.indexing.push({ size, corpus, ...figures });
      const largest = position === sizes.length - 1;
      if (largest || size >= SEARCH_FROM_REPORTS) await measureServing(options, bench, folder, results, largest);
    } finally {
      await bench.stop();
    }
  }
  return results;
}
