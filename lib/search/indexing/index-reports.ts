/**
 * The indexing pipeline behind `npm run index`: data files → parsed reports → engine documents →
 * the engine. Folders are rebuilt whole and swapped in; files given while a current index
 * exists are updated in place. When files are given but cannot be updated in place (no index
 * yet, or one built by another indexer version or settings), the whole data folder is rebuilt
 * with them, so that an index never silently shrinks to the files of one command. A file that
 * cannot be read or parsed is named with the reason and the rest go on.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import type { ParsedReport } from '@/lib/report/schema';
import { loadSegmenter } from '@/lib/segment';
import { reportDocumentId, type ReportDocument } from '../document';
import { buildReportDocument, buildSearchDocuments } from './documents';
import { getDocumentOrNull } from './engine';
import { liveIndexNames } from './index-names';
import { reportParser, type ReportParser } from './parser';
import { rebuildIndexes, updateReports, type IndexContent } from './reindex';
import {
  dataFiles,
  fileStamp,
  fingerprint,
  indexerConfigurationHash,
  readIndexState,
  stateKey,
  STATE_DOCUMENT_ID,
  type IndexFailure,
  type IndexState,
} from './state';

export type IndexMode = 'rebuild' | 'update';

export type IndexProgress =
  | { kind: 'start'; mode: IndexMode; files: number }
  | { kind: 'file'; file: string; done: number; total: number; error?: string; sections?: number; rows?: number }
  | { kind: 'prepare'; done: number; total: number; documents: number }
  | { kind: 'upload'; indexed: number; total: number }
  | { kind: 'swap' };

type OnProgress = (event: IndexProgress) => void;

export interface IndexReportsOptions {
  /** Data files and folders (a folder stands for every file in it but its manifest). */
  paths: string[];
  client: Meilisearch;
  prefix: string;
  /** The data folder: the manifest's home, and what state paths are relative to. */
  dataDir: string;
  /** lib/parse by default; tests give their own. */
  parser?: ReportParser;
  /** Build fresh indexes from exactly `paths`, even when they are only files. */
  rebuild?: boolean;
  onProgress?: OnProgress;
}

export interface IndexSummary {
  mode: IndexMode;
  files: number;
  reports: number;
  sections: number;
  rows: number;
  documents: number;
  failures: IndexFailure[];
  timings: { parseMs: number; segmentMs: number; dictionaryMs: number; engineMs: number; totalMs: number };
}

const MANIFEST_NAME = 'manifest.json';

interface Inputs {
  files: string[];
  hasFolder: boolean;
  missing: IndexFailure[];
}

async function resolveInputs(paths: readonly string[]): Promise<Inputs> {
  const files = new Set<string>();
  const missing: IndexFailure[] = [];
  let hasFolder = false;
  for (const input of paths) {
    const info = await stat(input).catch(() => null);
    if (!info) missing.push({ file: input, reason: 'no such file or folder' });
    else if (info.isDirectory()) {
      hasFolder = true;
      for (const file of await dataFiles(input)) if (path.basename(file) !== MANIFEST_NAME) files.add(path.resolve(file));
    } else files.add(path.resolve(input));
  }
  return { files: [...files], hasFolder, missing };
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const display = (file: string) => path.relative(process.cwd(), file) || file;

/** `size:mtime` of the inputs and the manifest, taken before reading: a file changed during the run is seen as changed next time. */
async function stampInputs(files: readonly string[], dataDir: string): Promise<Map<string, string>> {
  const stamps = new Map<string, string>();
  for (const file of [...files, path.join(dataDir, MANIFEST_NAME)]) {
    const stamp = await fileStamp(file).catch(() => null);
    if (stamp) stamps.set(stateKey(dataDir, file), stamp);
  }
  return stamps;
}

interface ParsedFiles {
  reports: ParsedReport[];
  /** Engine report id → the file it came from. */
  files: Map<string, string>;
}

async function parseFiles(files: readonly string[], parser: ReportParser, failures: IndexFailure[], onProgress?: OnProgress): Promise<ParsedFiles> {
  const parsed: ParsedFiles = { reports: [], files: new Map() };
  for (const [index, file] of files.entries()) {
    const progress = { kind: 'file' as const, file: display(file), done: index + 1, total: files.length };
    try {
      const report = await parser.parseFile(file);
      const id = reportDocumentId(report.report.id);
      const clash = parsed.files.get(id);
      if (clash) throw new Error(`report id ${report.report.id} is already used by ${display(clash)}`);
      parsed.files.set(id, file);
      parsed.reports.push(report);
      onProgress?.({ ...progress, sections: report.sections.length, rows: report.rows.length });
    } catch (error) {
      failures.push({ file: display(file), reason: reasonOf(error) });
      onProgress?.({ ...progress, error: reasonOf(error) });
    }
  }
  return parsed;
}

function prepareContent(reports: readonly ParsedReport[], files: ParsedFiles['files'], failures: IndexFailure[], onProgress?: OnProgress): IndexContent {
  const content: IndexContent = { reports: [], documents: [] };
  for (const [index, report] of reports.entries()) {
    try {
      content.documents.push(...buildSearchDocuments(report));
      content.reports.push(buildReportDocument(report));
    } catch (error) {
      failures.push({ file: display(files.get(reportDocumentId(report.report.id))!), reason: reasonOf(error) });
    }
    onProgress?.({ kind: 'prepare', done: index + 1, total: reports.length, documents: content.documents.length });
  }
  return content;
}

export async function indexReports(options: IndexReportsOptions): Promise<IndexSummary> {
  const started = performance.now();
  const { client, prefix, dataDir, onProgress } = options;
  const configuration = await indexerConfigurationHash();
  const previous = await readIndexState(client, prefix);
  let inputs = await resolveInputs(options.paths);
  const canUpdate = previous !== null && previous.configuration === configuration;
  const mode: IndexMode = !options.rebuild && !inputs.hasFolder && canUpdate ? 'update' : 'rebuild';
  if (mode === 'rebuild' && !options.rebuild && !inputs.hasFolder) inputs = await resolveInputs([...options.paths, dataDir]);
  onProgress?.({ kind: 'start', mode, files: inputs.files.length });

  const failures: IndexFailure[] = [...inputs.missing];
  const stamps = await stampInputs(inputs.files, dataDir);
  const parseStarted = performance.now();
  const parser = options.parser ?? (await reportParser(dataDir));
  const parsed = await parseFiles(inputs.files, parser, failures, onProgress);
  const reports = mode === 'rebuild' ? parser.markDuplicates(parsed.reports) : await withStoredDuplicates(client, prefix, parsed.reports);
  const parseMs = performance.now() - parseStarted;

  const segmentStarted = performance.now();
  const dictionaryMs = reports.length > 0 ? loadSegmenter() : 0;
  const content = prepareContent(reports, parsed.files, failures, onProgress);
  const segmentMs = performance.now() - segmentStarted;

  const engineStarted = performance.now();
  const onUpload = ({ indexed, total }: { indexed: number; total: number }) => onProgress?.({ kind: 'upload', indexed, total });
  if (content.reports.length > 0) {
    if (mode === 'rebuild') {
      const state = await rebuiltState(stamps, configuration, content, failures);
      await rebuildIndexes(client, prefix, content, state, { onUpload, onSwap: () => onProgress?.({ kind: 'swap' }) });
    } else {
      await updateReports(client, prefix, content, await updatedState(previous!, stamps, failures, inputs.files, dataDir), { onUpload });
    }
  }
  const engineMs = performance.now() - engineStarted;

  const sections = content.documents.filter((document) => document.kind === 'section').length;
  return {
    mode,
    files: inputs.files.length,
    reports: content.reports.length,
    sections,
    rows: content.documents.length - sections,
    documents: content.documents.length,
    failures,
    timings: { parseMs, segmentMs, dictionaryMs, engineMs, totalMs: performance.now() - started },
  };
}

/**
 * Duplicates are found across a whole corpus; a report re-indexed alone keeps the duplicates
 * its stored version was found to have (so its passages keep collapsing with the same copies).
 */
async function withStoredDuplicates(client: Meilisearch, prefix: string, reports: ParsedReport[]): Promise<ParsedReport[]> {
  const uid = liveIndexNames(prefix).reports;
  return Promise.all(
    reports.map(async (report) => {
      const stored = await getDocumentOrNull<ReportDocument>(client, uid, reportDocumentId(report.report.id), ['duplicates']);
      return { ...report, duplicates: stored?.duplicates ?? [] };
    }),
  );
}

async function rebuiltState(
  stamps: ReadonlyMap<string, string>,
  configuration: string,
  content: IndexContent,
  failures: IndexFailure[],
): Promise<IndexState> {
  const files = Object.fromEntries(stamps);
  return {
    id: STATE_DOCUMENT_ID,
    fingerprint: await fingerprint(files),
    configuration,
    indexedAt: new Date().toISOString(),
    reports: content.reports.length,
    documents: content.documents.length,
    files,
    failures,
  };
}

async function updatedState(
  previous: IndexState,
  stamps: ReadonlyMap<string, string>,
  failures: IndexFailure[],
  files: readonly string[],
  dataDir: string,
): Promise<IndexState> {
  const updatedFiles = { ...previous.files, ...Object.fromEntries(stamps) };
  const retried = new Set(files.map((file) => stateKey(dataDir, file)));
  const stillFailing = previous.failures.filter((failure) => !retried.has(stateKey(dataDir, failure.file)));
  return {
    ...previous,
    fingerprint: await fingerprint(updatedFiles),
    indexedAt: new Date().toISOString(),
    files: updatedFiles,
    failures: [...stillFailing, ...failures],
  };
}
