/**
 * The variation suite on a sample of the bundled reports (the full run is `npm run robustness`):
 * no variant may change a figure or be refused, and on this sample each reads every figure,
 * heading and metadata field the original parse read.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DATA_DIR } from '@/test/support/corpus';
import { failures, runSuite, type SuiteResult } from './run';

const SAMPLE = [
  '2020-hangzhou-xiacheng-qu.txt',
  '2016-pingtan-zonghe-shiyanqu.html',
  '2019-shanghai-shi-renmin-zhengfu-bangongting.html',
  '2021-pingtan-zonghe-shiyanqu.html',
  '2025-shanghai-shi-renmin-zhengfu-bangongting-pdf2md.md',
];

describe('the variation suite on a sample', () => {
  let result: SuiteResult;
  before(async () => {
    result = await runSuite({ dataDir: DATA_DIR, files: SAMPLE });
  });

  it('parses every sampled report and every variant', () => {
    assert.deepEqual(result.skipped, []);
    assert.equal(result.reports.length, SAMPLE.length);
  });

  it('changes no figure and refuses no variant', () => {
    assert.deepEqual(
      failures(result).map((f) => `${f.variant} ${f.report}`),
      [],
    );
  });

  it('reads every figure and heading of the original in every variant', () => {
    const short = result.variants.flatMap((variant, v) =>
      result.cells[v]!.flatMap((cell, r) => {
        if (cell.kind !== 'compared' || cell.comparison.outcome === 'same') return [];
        const { figures, headings } = cell.comparison;
        return [`${variant.name} ${result.reports[r]}: ${figures.fewer} figures unread; headings missing: ${headings.join(' | ')}`];
      }),
    );
    assert.deepEqual(short, []);
  });

  it('reads the metadata of every variant that keeps it as the manifest has it', () => {
    const wrong = result.variants.flatMap((variant, v) =>
      result.cells[v]!.flatMap((cell, r) =>
        cell.kind === 'compared' && cell.comparison.metadata.length > 0 ? [`${variant.name} ${result.reports[r]}: ${cell.comparison.metadata.join('; ')}`] : [],
      ),
    );
    assert.deepEqual(wrong, []);
  });
});
