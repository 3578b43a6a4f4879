/**
 * npm run robustness -- [--data <dir>] [--files a.html,b.pdf] [--variants tsv,big5] [--details]
 * npm run robustness -- --unseen <manifest.json> [--split dev|test] [--details]
 *
 * The variation suite (tools/robustness): every report of the data folder (data/ by default)
 * written in the shapes real files take, parsed again and compared with the original's parse.
 * Prints variants × reports (= same, < fewer, ✗ different or refused) with totals; exit 1 when
 * any figure changed or any variant was refused.
 *
 * With --unseen: the files a hand-read manifest describes, each parsed from itself alone (no
 * manifest), held against the manifest: accepted, metadata right, hand-read cells exact; exit 1
 * when any cell was read as another number.
 */
import { parseArgs } from 'node:util';
import { messageOf } from '@/lib/errors';

const USAGE =
  'usage: npm run robustness -- [--data <dir>] [--files a.html,b.pdf] [--variants tsv,big5] [--details]\n' +
  '       npm run robustness -- --unseen <manifest.json> [--split dev|test] [--details]';

function list(value: string | undefined): string[] | undefined {
  return value
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : undefined;
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      data: { type: 'string', default: 'data' },
      files: { type: 'string' },
      variants: { type: 'string' },
      unseen: { type: 'string' },
      split: { type: 'string' },
      details: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  }));
} catch (error) {
  console.error(`${messageOf(error)}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
// Loaded only now: --help answers without loading the parsers.
const { formatSuite } = await import('@/tools/robustness/report');
const { failures, runSuite } = await import('@/tools/robustness/run');
const { formatUnseen, runUnseen } = await import('@/tools/robustness/unseen');
if (values.unseen) {
  const results = await runUnseen(values.unseen, values.split);
  console.log(formatUnseen(results, { details: values.details }));
  process.exit(results.some((r) => r.cells.different.length > 0) || results.length === 0 ? 1 : 0);
}
const result = await runSuite({ dataDir: values.data, files: list(values.files), variants: list(values.variants) });
console.log(formatSuite(result, { details: values.details }));
process.exit(failures(result).length > 0 || result.reports.length === 0 ? 1 : 0);
