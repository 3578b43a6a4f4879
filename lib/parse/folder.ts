/**
 * A data folder → its parsed reports. A file that fails is reported with its reason and the
 * others still parse; duplicates are marked across the reports that did.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { IngestError } from '@/lib/ingest/types';
import type { ParsedReport } from '@/lib/report/schema';
import { markDuplicates } from './duplicates';
import { ParseError } from './errors';
import { loadManifest, MANIFEST_FILE } from './manifest';
import { parseReportFile } from './parse';
import { messageOf } from '@/lib/errors';

export interface ParseFailure {
  /** Path relative to the data folder. */
  file: string;
  reason: string;
}

export type FileOutcome = { file: string; report: ParsedReport } | ({ report?: undefined } & ParseFailure);

export interface FolderResult {
  reports: ParsedReport[];
  failures: ParseFailure[];
}

/** Files of a data folder that are not reports: its manifest and its own documentation. */
const NOT_A_REPORT = new RegExp(`^(?:\\..*|${MANIFEST_FILE.replace('.', '\\.')}|README(?:\\..*)?|LICENSE(?:\\..*)?)$`, 'i');

/** The report files of `dataDir` and its subfolders, relative to it, in a stable order. */
export async function listReportFiles(dataDir: string): Promise<string[]> {
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !NOT_A_REPORT.test(entry.name))
    .map((entry) => path.relative(dataDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.split('/').some((part) => part.startsWith('.')))
    .sort();
}

/** The one-line reason a file failed: the reason of an ingest or parse error, else the message. */
export function failureReason(error: unknown): string {
  if (error instanceof IngestError || error instanceof ParseError) return error.reason;
  return messageOf(error);
}

/** Parses every report file of `dataDir` in turn; `onFile` hears of each as it is done. */
export async function parseFolder(dataDir: string, onFile?: (outcome: FileOutcome) => void): Promise<FolderResult> {
  const manifest = await loadManifest(dataDir);
  const result: FolderResult = { reports: [], failures: [] };
  for (const file of await listReportFiles(dataDir)) {
    try {
      const report = await parseReportFile(path.join(dataDir, file), { dataDir, manifest: manifest.get(file) });
      result.reports.push(report);
      onFile?.({ file, report });
    } catch (error) {
      const failure = { file, reason: failureReason(error) };
      result.failures.push(failure);
      onFile?.(failure);
    }
  }
  markDuplicates(result.reports);
  return result;
}
