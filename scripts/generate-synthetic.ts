/**
 * npm run generate-synthetic -- --count 1000 [--seed 1] [--out tmp/synthetic-1000]
 *
 * Writes N synthetic reports (HTML pages the real parser reads, each marked synthetic in the
 * folder's manifest.json) made from the bundled reports in data/: real administrative
 * divisions as issuers, other years, table figures that satisfy the identities, text
 * recombined from real sections. Benchmark data only: it is written outside data/ and never shipped.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { messageOf } from '@/lib/errors';

const USAGE = 'usage: npm run generate-synthetic -- --count N [--seed 1] [--out tmp/synthetic-N]';

const { values } = parseArgs({
  options: {
    count: { type: 'string' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
// Loaded only now: --help answers without loading the parsers.
const { generateCorpus } = await import('@/tools/synthetic/generate');
const { materialFromFolder } = await import('@/tools/synthetic/material');
const count = Number(values.count);
if (!Number.isInteger(count) || count <= 0) {
  console.error(`--count must be a positive whole number\n${USAGE}`);
  process.exit(2);
}
const dataDir = path.resolve('data');
const outDir = path.resolve(values.out ?? path.join('tmp', `synthetic-${count}`));
if (outDir === dataDir || outDir.startsWith(`${dataDir}${path.sep}`)) {
  console.error('synthetic reports are never written into data/: choose another --out');
  process.exit(2);
}

try {
  const started = performance.now();
  const corpus = await generateCorpus({ material: await materialFromFolder(dataDir), count, seed: values.seed, outDir });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `wrote ${corpus.files} synthetic reports (${corpus.republished} republished under another issuer, ` +
      `${(corpus.bytes / 1024 / 1024).toFixed(1)} MB) and manifest.json to ${path.relative(process.cwd(), outDir)} in ${seconds} s`,
  );
} catch (error) {
  console.error(`generate-synthetic failed: ${messageOf(error)}`);
  process.exit(1);
}
