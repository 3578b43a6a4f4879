/**
 * The variation suite: every report of a data folder, parsed as it is (with its manifest entry),
 * then written in each variant's shape and parsed again from the bytes, as a dropped-in file
 * would be; each variant's parse compared with the original's.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ingestBuffer } from '@/lib/ingest';
import { failureReason, listReportFiles, loadManifest, parseBlocks, parseReportFile } from '@/lib/parse';
import type { ParsedReport } from '@/lib/report/schema';
import { compareParses, type Comparison } from './compare';
import { VARIANTS, type Source, type Variant, type VariantKind } from './variants';

export type Cell = { kind: 'compared'; comparison: Comparison } | { kind: 'refused'; reason: string } | { kind: 'not-applicable' };

export interface SuiteResult {
  reports: string[];
  variants: VariantKind[];
  /** cells[variant][report]. */
  cells: Cell[][];
  /** Reports whose original parse failed (they are left out). */
  skipped: Array<{ file: string; reason: string }>;
}

export interface SuiteOptions {
  dataDir: string;
  /** Only these report files (names relative to the data folder). */
  files?: string[];
  /** Only these variants. */
  variants?: string[];
}

async function parseVariant(variant: Variant, original: ParsedReport, manifestEntry: Parameters<typeof parseBlocks>[0]['manifest']): Promise<ParsedReport> {
  const ingested = await ingestBuffer(variant.bytes, variant.fileName);
  return parseBlocks({
    id: original.report.id,
    sourceFile: variant.fileName,
    ingested,
    manifest: variant.withManifest ? manifestEntry : undefined,
  });
}

export async function runSuite(options: SuiteOptions): Promise<SuiteResult> {
  const manifest = await loadManifest(options.dataDir);
  const files = (options.files ?? (await listReportFiles(options.dataDir))).filter((file) => manifest.has(file));
  const variants = VARIANTS.filter((v) => !options.variants || options.variants.includes(v.name));
  const result: SuiteResult = { reports: [], variants, cells: variants.map(() => []), skipped: [] };
  for (const file of files) {
    const filePath = path.join(options.dataDir, file);
    let parsed: ParsedReport;
    try {
      parsed = await parseReportFile(filePath, { dataDir: options.dataDir });
    } catch (error) {
      result.skipped.push({ file, reason: failureReason(error) });
      continue;
    }
    const source: Source = { fileName: path.basename(file), bytes: await readFile(filePath), parsed };
    result.reports.push(parsed.report.id);
    for (const [v, kind] of variants.entries()) {
      const variant = kind.make(source);
      if (!variant) {
        result.cells[v]!.push({ kind: 'not-applicable' });
        continue;
      }
      try {
        const reparsed = await parseVariant(variant, parsed, manifest.get(file));
        result.cells[v]!.push({ kind: 'compared', comparison: compareParses(parsed, reparsed, variant.expect) });
      } catch (error) {
        result.cells[v]!.push({ kind: 'refused', reason: failureReason(error) });
      }
    }
  }
  return result;
}

/** Cells that are never acceptable: a figure read as another number, or a report refused. */
export function failures(result: SuiteResult): Array<{ variant: string; report: string; cell: Cell }> {
  return result.variants.flatMap((variant, v) =>
    result.reports.flatMap((report, r) => {
      const cell = result.cells[v]![r]!;
      const bad = cell.kind === 'refused' || (cell.kind === 'compared' && cell.comparison.outcome === 'different');
      return bad ? [{ variant: variant.name, report, cell }] : [];
    }),
  );
}
