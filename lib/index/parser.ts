/** The indexer's view of lib/parse: one file → one report; duplicates marked across a corpus. */
import path from 'node:path';
import { loadManifest, markDuplicates, parseReportFile } from '@/lib/parse';
import { manifestKey } from '@/lib/parse/manifest';
import type { ParsedReport } from '@/lib/report/schema';

export interface ReportParser {
  /** Reads and parses one data file; throws an error naming the file and the reason. */
  parseFile(file: string): Promise<ParsedReport>;
  /** The same reports with `duplicates` filled in across them. */
  markDuplicates(reports: ParsedReport[]): ParsedReport[];
}

/** The manifest of `dataDir` is read once, not once per file. */
export async function reportParser(dataDir: string): Promise<ReportParser> {
  const manifest = await loadManifest(dataDir);
  return {
    parseFile: (file) => parseReportFile(file, { dataDir, manifest: manifest.get(manifestKey(dataDir, path.resolve(file))) }),
    markDuplicates: (reports) => {
      markDuplicates(reports);
      return reports;
    },
  };
}
