/**
 * Synthetic reports, read back by the real parser: every table row read, every identity met,
 * the figures exactly those generated, the metadata the manifest's, each report marked
 * synthetic; the same seed gives the same bytes.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseReportFile } from '@/lib/parse';
import type { ManifestEntry } from '@/lib/parse/manifest';
import type { ParsedReport } from '@/lib/report/schema';
import { parsedReport } from '@/test/support/cached-parser';
import { composeReport, type SyntheticReport } from './compose';
import { generateCorpus, manifestEntry } from './generate';
import { pickIssuer } from './issuers';
import { collectMaterial, type Material } from './material';
import { createRandom } from './random';
import { renderReportHtml } from './render';

const DATA = path.resolve(import.meta.dirname, '../../data');
let material: Material;
let tempDir: string;

before(async () => {
  // The text and HTML reports: enough outlines of both families, without the slow PDFs.
  const files = (await readdir(DATA)).filter((file) => /\.(?:txt|html|md)$/.test(file));
  const reports = await Promise.all(files.map((file) => parsedReport(file)));
  material = collectMaterial(reports);
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'synthetic-'));
});

after(async () => {
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

/** A report written as a data file with its manifest entry, and parsed back. */
async function roundTrip(report: SyntheticReport, name: string): Promise<ParsedReport> {
  const folder = await mkdtemp(path.join(tempDir, 'one-'));
  const file = `${name}.html`;
  await writeFile(path.join(folder, file), renderReportHtml(report));
  await writeFile(path.join(folder, 'manifest.json'), JSON.stringify([manifestEntry(report, file, 'round-trip', material, null)]));
  return parseReportFile(path.join(folder, file), { dataDir: folder });
}

describe('synthetic reports read back by the real parser', () => {
  it('2019+ reports: every row read, every check met, the figures those generated', async () => {
    const random = createRandom('round-trip');
    let national = 0;
    for (let index = 0; index < 40; index++) {
      const report = composeReport(random, material, pickIssuer(random));
      const parsed = await roundTrip(report, `r${index}`);
      assert.equal(parsed.report.synthetic, true);
      assert.equal(parsed.report.issuer, report.issuer.issuer);
      assert.equal(parsed.report.layout, report.layout);
      if (!report.figures) {
        assert.equal(parsed.report.layout, 'pre-2019');
        continue;
      }
      national++;
      const label = `${report.title} (outline of ${report.outlineSource})`;
      assert.deepEqual(
        parsed.rows.filter((row) => row.status !== 'read').map((row) => row.anchor),
        [],
        label,
      );
      assert.deepEqual(
        parsed.checks.filter((check) => !check.ok),
        [],
        label,
      );
      assert.ok(parsed.checks.length > 20, label);
      const generated: Record<string, Record<string, number>> = { ...report.figures.table2, ...report.figures.table3, t4: report.figures.table4 };
      for (const row of parsed.rows) assert.deepEqual(row.values, generated[row.anchor], `${label} ${row.anchor}`);
      assert.equal(parsed.rows.length, Object.keys(generated).length, label);
      // The six parts are found: the tables sit where a reader expects them.
      assert.deepEqual(
        parsed.warnings.filter((warning) => warning.code === 'missing-part'),
        [],
        label,
      );
    }
    assert.ok(national >= 20, `${national} 2019+ reports of 40`);
  });

  it('the text speaks for the synthetic issuer and year, not the source', async () => {
    const random = createRandom('names');
    for (let index = 0; index < 20; index++) {
      const report = composeReport(random, material, pickIssuer(random));
      const text = report.sections.flatMap((section) => section.paragraphs).join('');
      assert.doesNotMatch(text, /\{(?:issuer|place|year[+-]\d+)\}/, 'no slot left unfilled');
      for (const year of text.match(/(?:19|20)\d{2}(?=\s*年)/g) ?? []) {
        assert.ok(Math.abs(Number(year) - report.year) <= 10, `${year} in a ${report.year} report`);
      }
    }
  });
});

describe('generateCorpus', () => {
  it('writes N parseable files and a manifest marking each synthetic; the same seed gives the same bytes', async () => {
    const first = path.join(tempDir, 'first');
    const second = path.join(tempDir, 'second');
    const corpus = await generateCorpus({ material, count: 12, seed: 7, outDir: first });
    await generateCorpus({ material, count: 12, seed: 7, outDir: second });
    assert.equal(corpus.files, 12);
    const manifest = JSON.parse(await readFile(path.join(first, 'manifest.json'), 'utf8')) as ManifestEntry[];
    assert.equal(manifest.length, 12);
    for (const entry of manifest) {
      assert.equal(entry.synthetic, true);
      assert.match(entry.notes ?? '', /SYNTHETIC/);
      assert.equal(await readFile(path.join(first, entry.file), 'utf8'), await readFile(path.join(second, entry.file), 'utf8'));
      const parsed = await parseReportFile(path.join(first, entry.file), { dataDir: first });
      assert.equal(parsed.report.synthetic, true);
    }
    const other = path.join(tempDir, 'other');
    await generateCorpus({ material, count: 12, seed: 8, outDir: other });
    const otherManifest = JSON.parse(await readFile(path.join(other, 'manifest.json'), 'utf8')) as ManifestEntry[];
    assert.notDeepEqual(
      otherManifest.map((entry) => entry.title),
      manifest.map((entry) => entry.title),
    );
  });

  it('refuses to write into a folder that holds other files', async () => {
    const folder = path.join(tempDir, 'foreign');
    await generateCorpus({ material, count: 1, seed: 1, outDir: folder });
    await writeFile(path.join(folder, 'real-report.txt'), '真实报告');
    await assert.rejects(generateCorpus({ material, count: 1, seed: 1, outDir: folder }), /not synthetic reports/);
  });
});
