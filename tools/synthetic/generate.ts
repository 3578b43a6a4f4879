/**
 * A synthetic corpus for benchmarks: N report files the real parser reads (HTML pages) and a
 * manifest marking every one `synthetic: true`, written to a folder outside data/. The same
 * material, count and seed give the same files byte for byte.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ManifestEntry } from '@/lib/parse/manifest';
import { composeReport, republish, type SyntheticReport } from './compose';
import { pickIssuer } from './issuers';
import type { Material } from './material';
import { createRandom } from './random';
import { renderReportHtml } from './render';

export interface GenerateOptions {
  material: Material;
  count: number;
  seed: string | number;
  outDir: string;
  /** Called after each file is written. */
  onReport?: (done: number, total: number) => void;
}

export interface GeneratedCorpus {
  outDir: string;
  files: number;
  /** Reports that republish the previous one under another issuer (near-duplicates). */
  republished: number;
  bytes: number;
}

/** About one report in a hundred is another body's copy, as the 2011 平潭 pair is. */
const REPUBLISHED_SHARE = 0.01;
const MANIFEST = 'manifest.json';

function syntheticFileName(report: SyntheticReport, index: number): string {
  return `${report.year}-synthetic-${String(index + 1).padStart(6, '0')}.html`;
}

/** The manifest entry the generator writes for a report (also the round-trip test's, so it tests what is shipped). */
export function manifestEntry(report: SyntheticReport, file: string, seed: string | number, material: Material, copyOf: string | null): ManifestEntry {
  const { issuer } = report;
  return {
    file,
    title: report.title,
    year: report.year,
    issuer: issuer.issuer,
    province: issuer.province,
    city: issuer.city,
    district: issuer.district,
    level: issuer.level,
    format: 'html',
    layout: report.layout,
    source_url: null,
    provenance: `synthetic (scripts/generate-synthetic.ts, seed ${seed}): outline of ${report.outlineSource}, sentences of ${material.sources.length} real reports in data/`,
    published_at: null,
    notes: `SYNTHETIC benchmark data, not a real report: ${issuer.issuer} did not publish this text.${copyOf ? ` Republishes ${copyOf} under another issuer.` : ''}`,
    synthetic: true,
  };
}

/** Refuses to write into a folder that holds anything but a previous synthetic corpus. */
async function prepareFolder(outDir: string): Promise<void> {
  const entries = await readdir(outDir).catch(() => [] as string[]);
  const foreign = entries.filter((name) => name !== MANIFEST && !/^\d{4}-synthetic-\d{6}\.html$/.test(name));
  if (foreign.length > 0) throw new Error(`${outDir} holds files that are not synthetic reports (${foreign.slice(0, 3).join(', ')}): not writing there`);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
}

export async function generateCorpus(options: GenerateOptions): Promise<GeneratedCorpus> {
  const { material, count, seed, outDir } = options;
  await prepareFolder(outDir);
  const random = createRandom(`synthetic:${seed}`);
  const manifest: ManifestEntry[] = [];
  let previous: { report: SyntheticReport; file: string } | null = null;
  let republished = 0;
  let bytes = 0;
  for (let index = 0; index < count; index++) {
    const copy = previous !== null && random.chance(REPUBLISHED_SHARE);
    const report: SyntheticReport = copy ? republish(previous!.report, pickIssuer(random)) : composeReport(random, material, pickIssuer(random));
    const file = syntheticFileName(report, index);
    const html = renderReportHtml(report);
    await writeFile(path.join(outDir, file), html);
    bytes += Buffer.byteLength(html);
    manifest.push(manifestEntry(report, file, seed, material, copy ? previous!.file : null));
    if (copy) republished++;
    previous = { report, file };
    options.onReport?.(index + 1, count);
  }
  await writeFile(path.join(outDir, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  return { outDir, files: count, republished, bytes };
}
