/**
 * npm run bench -- [--sizes 23,1000,10000] [--duration 20] [--soak 180] [--cluster 3] [--seed 1]
 *
 * Indexes each corpus size on a fresh embedded engine (the bundled data/ when the size is its
 * report count, else a synthetic corpus generated in tmp/); on each size from 1,000 reports on
 * (and on the largest), measures the portal's search API and page against the engine alone at
 * concurrency 1 and 16; on the largest, the front end's weight, with --soak, load held for that
 * many seconds, and the same search mix against --cluster local servers holding the corpus split
 * by province (0: skipped). Prints Markdown tables.
 * A benchmark, not a test: the exit code is 1 only when the run itself fails.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';

const USAGE = 'usage: npm run bench -- [--sizes 23,1000,10000] [--duration 20] [--soak 180] [--cluster 3] [--seed 1]';

function positiveNumbers(text: string, name: string): number[] {
  const numbers = text.split(',').map((item) => Number(item.trim()));
  if (numbers.length === 0 || numbers.some((value) => !Number.isInteger(value) || value <= 0)) {
    console.error(`--${name} must be positive whole numbers separated by commas\n${USAGE}`);
    process.exit(2);
  }
  return numbers;
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '23,1000,10000' },
    duration: { type: 'string', default: '20' },
    soak: { type: 'string' },
    cluster: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

// Loaded only now: --help answers without loading the benchmark (parsers, jieba, engine client).
const { formatBench } = await import('@/bench/report');
const { runBench } = await import('@/bench/run');

const [duration] = positiveNumbers(values.duration, 'duration');
const soakSeconds = values.soak === undefined ? null : positiveNumbers(values.soak, 'soak')[0]!;
try {
  const results = await runBench({
    sizes: positiveNumbers(values.sizes, 'sizes'),
    durationMs: duration! * 1000,
    concurrencies: [1, 16],
    soakMs: soakSeconds === null ? null : soakSeconds * 1000,
    soakConcurrency: 16,
    clusterServers: values.cluster === '0' ? 0 : positiveNumbers(values.cluster, 'cluster')[0]!,
    seed: values.seed,
    dataDir: path.resolve('data'),
    syntheticRoot: path.resolve('tmp'),
    log: (line) => console.error(line),
  });
  console.log(formatBench(results));
} catch (error) {
  console.error(`bench failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
}
