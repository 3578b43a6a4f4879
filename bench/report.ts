/**
 * The benchmark's figures as Markdown tables (ready for the README), with the targets of the
 * issue stated beside the figures they concern. Informative only: nothing here fails a run.
 */
import type { InterleavedResult } from './load';
import type { ClusterFigures } from './cluster';
import type { BenchResults, IndexingResult } from './run';
import type { SearchRound } from './search';
import type { MemoryTrend, SoakFigures } from './soak';

const TARGETS = {
  /** Pipeline wall time over the engine alone. */
  indexingOverhead: 1.25,
  tenThousandReportsMs: 10 * 60_000,
  apiOverEngineP95: { factor: 1.3, plusMs: 5 },
  /** The page rendered fresh, over the engine answering the page's own searches. */
  freshPageOverEngineP95: 1.5,
  pageP95Ms: 150,
} as const;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const s = (ms: number) => (ms / 1000).toFixed(1);
const ms = (value: number) => value.toFixed(1);
const rate = (count: number, milliseconds: number) => (count / (milliseconds / 1000)).toFixed(1);

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function indexingTable(results: readonly IndexingResult[]): string {
  return table(
    [
      'reports',
      'corpus',
      'documents',
      'failed files',
      'pipeline s',
      'reports/s',
      'documents/s',
      'parse s',
      'segment s',
      'engine s',
      'engine alone s',
      'overhead ×',
      'process s',
      'indexer peak RSS',
      'engine peak RSS (anon)',
      'disk',
    ],
    results.map((result) => [
      String(result.reports),
      result.corpus,
      String(result.documents),
      String(result.failures),
      s(result.timings.totalMs),
      rate(result.reports, result.timings.totalMs),
      rate(result.documents, result.timings.totalMs),
      s(result.timings.parseMs),
      s(result.timings.segmentMs),
      s(result.timings.engineMs),
      s(result.engineAloneMs),
      (result.timings.totalMs / result.engineAloneMs).toFixed(2),
      s(result.processWallMs),
      mb(result.indexerPeakRssBytes),
      `${mb(result.enginePeakRssBytes)} (${mb(result.enginePeakAnonBytes)})`,
      mb(result.diskBytes),
    ]),
  );
}

function indexingVerdicts(results: readonly IndexingResult[]): string[] {
  const lines = results.map((result) => {
    const overhead = result.timings.totalMs / result.engineAloneMs;
    return `- ${result.reports} reports: overhead ${overhead.toFixed(2)}× (target ≤ ${TARGETS.indexingOverhead}×: ${overhead <= TARGETS.indexingOverhead ? 'met' : 'NOT met'})`;
  });
  const tenThousand = results.find((result) => result.size >= 10_000);
  if (tenThousand) {
    const met = tenThousand.processWallMs < TARGETS.tenThousandReportsMs;
    lines.push(`- ${tenThousand.reports} reports indexed in ${s(tenThousand.processWallMs)} s (target < 600 s: ${met ? 'met' : 'NOT met'})`);
  }
  return lines;
}

const latencyCells = (result: InterleavedResult) => [
  ms(result.latency.p50),
  ms(result.latency.p95),
  ms(result.latency.p99),
  result.throughput.toFixed(1),
  kb(result.meanBytes),
  String(result.errors),
];

function searchTable(rounds: readonly SearchRound[]): string {
  return table(
    ['concurrency', 'target', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'response', 'errors', 'p95 / engine p95 (same searches)', 'portal RSS max'],
    rounds.flatMap((round) =>
      [round.api, round.page, round.pageFresh, round.engine, round.enginePage].map((result) => {
        const isEngine = result === round.engine || result === round.enginePage;
        // Each portal target beside the engine answering the same searches: the API's (c), or the page's (c′).
        const [engine, label] = result === round.api ? [round.engine, '(c)'] : [round.enginePage, '(c′)'];
        return [
          String(round.concurrency),
          result.name,
          String(result.latency.count),
          ...latencyCells(result),
          isEngine ? '1.00' : `${(result.latency.p95 / engine.latency.p95).toFixed(2)} over ${label}`,
          isEngine ? '' : mb(round.portalRss.maxBytes),
        ];
      }),
    ),
  );
}

function searchVerdicts(rounds: readonly SearchRound[]): string[] {
  const round = rounds.find((candidate) => candidate.concurrency === 16) ?? rounds.at(-1);
  if (!round) return [];
  const { factor, plusMs } = TARGETS.apiOverEngineP95;
  const apiLimit = round.engine.latency.p95 * factor + plusMs;
  const all = [round.api, round.page, round.pageFresh, round.engine, round.enginePage];
  const errors = all.reduce((sum, result) => sum + result.errors, 0);
  const freshLimit = round.enginePage.latency.p95 * TARGETS.freshPageOverEngineP95;
  const lines = [
    `- concurrency ${round.concurrency}: ${errors} errors (target 0: ${errors === 0 ? 'met' : 'NOT met'})`,
    `- /api/search p95 ${ms(round.api.latency.p95)} ms vs ${factor} × engine p95 + ${plusMs} ms = ${ms(apiLimit)} ms: ${round.api.latency.p95 <= apiLimit ? 'met' : 'NOT met'}`,
    `- /search p95 ${ms(round.page.latency.p95)} ms (target < ${TARGETS.pageP95Ms} ms: ${round.page.latency.p95 < TARGETS.pageP95Ms ? 'met' : 'NOT met'})`,
    `- /search rendered fresh p95 ${ms(round.pageFresh.latency.p95)} ms vs ${TARGETS.freshPageOverEngineP95} × the engine's p95 on the page's searches ` +
      `(${ms(round.enginePage.latency.p95)} ms) = ${ms(freshLimit)} ms: ${round.pageFresh.latency.p95 <= freshLimit ? 'met' : 'NOT met'}; ` +
      `${(round.pageFresh.latency.p95 / round.engine.latency.p95).toFixed(2)} × the engine's p95 on the API's searches`,
  ];
  for (const result of all) {
    for (const sample of result.errorSamples) lines.push(`  - ${result.name} error: ${sample}`);
  }
  return lines;
}

function trend(name: string, memory: MemoryTrend): string {
  return `- ${name} RSS: middle third ${mb(memory.middleBytes)}, last third ${mb(memory.lastBytes)}, max ${mb(memory.maxBytes)}: ${memory.flat ? 'flat' : 'GROWING'}`;
}

function soakLines(figures: SoakFigures): string[] {
  return [
    `- ${s(figures.durationMs)} s at concurrency ${figures.concurrency}: ${figures.requests} requests, ${figures.errors} errors, ` +
      `p50 ${ms(figures.latency.p50)} ms, p95 ${ms(figures.latency.p95)} ms, p99 ${ms(figures.latency.p99)} ms`,
    trend('portal', figures.portal),
    trend('engine', figures.engine),
    ...figures.errorSamples.map((sample) => `  - error: ${sample}`),
  ];
}

function clusterSection(figures: ClusterFigures): string[] {
  return [
    `## Several servers (${figures.servers} local servers: ${figures.provinces.join('、')}, the rest)`,
    `The same corpus indexed into the servers in ${s(figures.indexMs)} s; both portals asked for fresh answers, interleaved.`,
    table(
      ['concurrency', 'target', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'response', 'errors', 'p95 / one server p95'],
      figures.rounds.flatMap((round) =>
        [round.oneServer, round.cluster].map((result) => [
          String(round.concurrency),
          result.name,
          String(result.latency.count),
          ...latencyCells(result),
          (result.latency.p95 / round.oneServer.latency.p95).toFixed(2),
        ]),
      ),
    ),
  ];
}

export function formatBench(results: BenchResults): string {
  const { machine } = results;
  const sections = [
    `# Benchmark, ${machine.date.slice(0, 10)}`,
    `${machine.cpus} × ${machine.cpuModel}, ${mb(machine.memoryBytes)} RAM, Node ${machine.node}, load average at start ${machine.loadAverage.map((load) => load.toFixed(2)).join(' / ')}; ` +
      `engine indexing memory ${machine.indexingMemory}.`,
    '## Indexing',
    indexingTable(results.indexing),
    "pipeline = parse + segment + engine, as `npm run index` does it (the summary of its run; the phases overlap, so they add up to more than the pipeline); engine alone = the same prepared documents ingested with the same settings and swap; process = the indexer process from start to exit; engine peak RSS = VmHWM, with its database's memory-mapped pages, (anon) = its own memory.",
    indexingVerdicts(results.indexing).join('\n'),
  ];
  for (const search of results.searches) {
    sections.push(
      `## Search (${search.index} reports indexed, ${search.queries} queries)`,
      searchTable(search.rounds),
      searchVerdicts(search.rounds).join('\n'),
    );
  }
  if (results.frontEnd) {
    const { searchPage, reportPage, largestReport } = results.frontEnd;
    sections.push(
      '## Front end',
      table(
        ['page', 'script files', 'JavaScript', 'gzip'],
        [searchPage, reportPage].map((page) => [page.path.slice(0, 60), String(page.files), kb(page.bytes), kb(page.gzipBytes)]),
      ),
      largestReport ? `Largest report page: /reports/${largestReport.reportId}, HTML ${kb(largestReport.bytes)} (${kb(largestReport.gzipBytes)} gzip).` : '',
    );
  }
  if (results.soak) sections.push('## Soak', soakLines(results.soak).join('\n'));
  if (results.cluster) sections.push(...clusterSection(results.cluster));
  return `${sections.filter(Boolean).join('\n\n')}\n`;
}
