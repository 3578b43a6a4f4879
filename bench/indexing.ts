/**
 * Indexing one corpus on a fresh engine: the real pipeline (parse + segment + engine, in a
 * child process), then in the same run the engine alone ingesting the very documents the
 * pipeline prepared (tools/eval/measure-indexing.ts), so that the pipeline's overhead is a ratio.
 */
import { measureEngineIngestion } from '@/tools/eval/measure-indexing';
import { adminClient, deleteIndexes } from '@/lib/index/engine';
import { liveIndexNames } from '@/lib/index/index-names';
import type { IndexSummary } from '@/lib/index/index-reports';
import { diskUsage, type BenchEngine } from './engine';
import { runIndexer } from './indexer';
import { processMemory, sampleMemory } from './proc';

export interface IndexingFigures {
  folder: string;
  files: number;
  reports: number;
  documents: number;
  failures: number;
  /** The indexer process from start to exit, Node start-up and dictionary load included. */
  processWallMs: number;
  timings: IndexSummary['timings'];
  indexerPeakRssBytes: number;
  /** VmHWM: the engine's peak resident memory, pages of its memory-mapped database included. */
  enginePeakRssBytes: number;
  /** The highest anonymous (not file-backed) memory of the engine seen during the run. */
  enginePeakAnonBytes: number;
  /** The engine's database after the pipeline's run (before the engine-alone copy). */
  diskBytes: number;
  engineAloneMs: number;
}

/** An index run of 10,000 reports is expected within 10 minutes; this is the hard stop. */
const INDEXER_TIMEOUT_MS = 60 * 60_000;

export async function benchIndexing(bench: BenchEngine, folder: string, prefix: string): Promise<IndexingFigures> {
  const engineAnon = sampleMemory(bench.enginePid, 500, 'anonBytes');
  let run: Awaited<ReturnType<typeof runIndexer>>;
  let anonSamples: number[];
  try {
    run = await runIndexer({ url: bench.engine.url, adminKey: bench.keys.adminKey, prefix, folder }, INDEXER_TIMEOUT_MS);
  } finally {
    anonSamples = await engineAnon.stop();
  }
  const engineMemory = await processMemory(bench.enginePid);
  const diskBytes = await diskUsage(bench.dataDir);

  const client = adminClient({ url: bench.engine.url, apiKey: bench.keys.adminKey });
  const alonePrefix = `${prefix}_alone`;
  const alone = await measureEngineIngestion(client, prefix, alonePrefix);
  await deleteIndexes(client, Object.values(liveIndexNames(alonePrefix)));

  const { summary } = run;
  return {
    folder,
    files: summary.files,
    reports: summary.reports,
    documents: summary.documents,
    failures: summary.failures.length,
    processWallMs: run.wallMs,
    timings: summary.timings,
    indexerPeakRssBytes: run.peakRssBytes,
    enginePeakRssBytes: engineMemory?.peakRssBytes ?? NaN,
    enginePeakAnonBytes: Math.max(...anonSamples),
    diskBytes,
    engineAloneMs: alone.ms,
  };
}
