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
import pLimit from 'p-limit';
import type { ParsedReport } from '@/lib/report/schema';
import { messageOf as reasonOf, pathProblem } from '@/lib/errors';
import { loadSegmenter } from '@/lib/segment';
import { reportDocumentId, type ReportDocument, type SearchDocument } from './document';
import { buildReportDocument, buildSearchDocuments } from './documents';
import { EngineTaskStalled, getDocumentOrNull } from './engine';
import { acquireIndexLock, type IndexLock } from './lock';
import { liveIndexNames } from './index-names';
import { reportParser, type ReportParser } from './parser';
import { rebuildFailure, startRebuild, updateReports, type IndexContent, type Rebuild, type WriteEvents } from './reindex';
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
  | { kind: 'swap' }
  | { kind: 'notice'; message: string };

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
  /**
   * Index only the reports this accepts (a cluster server's share: index-cluster.ts); every file is
   * still read, since duplicates are found across all of them. All reports by default.
   */
  select?: (report: ParsedReport) => boolean;
  /**
   * The index lock, when the caller holds it (a cluster run locks every server first); taken
   * for the run and released after it by default.
   */
  lock?: IndexLock;
  /** What the lock says this run is, for whoever meets it (`npm run index -- data`). */
  command?: string;
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
    const info = await stat(input).catch((error: unknown) => {
      missing.push({ file: input, reason: pathProblem(error) });
      return null;
    });
    if (!info) continue;
    if (info.isDirectory()) {
      hasFolder = true;
      for (const file of await dataFiles(input)) if (path.basename(file) !== MANIFEST_NAME) files.add(path.resolve(file));
    } else files.add(path.resolve(input));
  }
  return { files: [...files], hasFolder, missing };
}

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

type Counts = Pick<IndexSummary, 'reports' | 'sections' | 'rows' | 'documents'>;
type Clock = Omit<IndexSummary['timings'], 'totalMs'>;

/** Runs `work`, adding its duration to one phase of the clock. */
async function timed<T>(clock: Clock, phase: keyof Clock, work: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    clock[phase] += performance.now() - started;
  }
}

/** Parses one file into `parsed`; a failure is recorded and gives null. */
async function parseOne(
  file: string,
  index: number,
  total: number,
  parser: ReportParser,
  parsed: ParsedFiles,
  failures: IndexFailure[],
  onProgress?: OnProgress,
): Promise<ParsedReport | null> {
  const progress = { kind: 'file' as const, file: display(file), done: index + 1, total };
  try {
    const report = await parser.parseFile(file);
    const id = reportDocumentId(report.report.id);
    const clash = parsed.files.get(id);
    if (clash) throw new Error(`report id ${report.report.id} is already used by ${display(clash)}`);
    parsed.files.set(id, file);
    parsed.reports.push(report);
    onProgress?.({ ...progress, sections: report.sections.length, rows: report.rows.length });
    return report;
  } catch (error) {
    failures.push({ file: display(file), reason: reasonOf(error) });
    onProgress?.({ ...progress, error: reasonOf(error) });
    return null;
  }
}

async function parseFiles(files: readonly string[], parser: ReportParser, failures: IndexFailure[], onProgress?: OnProgress): Promise<ParsedFiles> {
  const parsed: ParsedFiles = { reports: [], files: new Map() };
  for (const [index, file] of files.entries()) await parseOne(file, index, files.length, parser, parsed, failures, onProgress);
  return parsed;
}

function countsOf(reports: number, documents: readonly SearchDocument[]): Counts {
  const sections = documents.filter((document) => document.kind === 'section').length;
  return { reports, sections, rows: documents.length - sections, documents: documents.length };
}

const negated = (counts: Counts): Counts => ({ reports: -counts.reports, sections: -counts.sections, rows: -counts.rows, documents: -counts.documents });

function addCounts(total: Counts, more: Counts): void {
  total.reports += more.reports;
  total.sections += more.sections;
  total.rows += more.rows;
  total.documents += more.documents;
}

/** The search documents of a report; a failure is recorded (with the report's file) and gives null. */
function documentsOrNull(report: ParsedReport, files: ParsedFiles['files'], failures: IndexFailure[]): SearchDocument[] | null {
  try {
    return buildSearchDocuments(report);
  } catch (error) {
    const file = files.get(reportDocumentId(report.report.id));
    failures.push({ file: file ? display(file) : `report ${report.report.id}`, reason: reasonOf(error) });
    return null;
  }
}

function prepareContent(reports: readonly ParsedReport[], files: ParsedFiles['files'], failures: IndexFailure[], onProgress?: OnProgress): IndexContent {
  const content: IndexContent = { reports: [], documents: [] };
  for (const [index, report] of reports.entries()) {
    const documents = documentsOrNull(report, files, failures);
    if (documents) {
      content.documents.push(...documents);
      content.reports.push(buildReportDocument(report));
    }
    onProgress?.({ kind: 'prepare', done: index + 1, total: reports.length, documents: content.documents.length });
  }
  return content;
}

interface FirstBuild {
  /** Ids of the documents sent. */
  ids: string[];
  counts: Counts;
  /** Whether the report was built with copies (else a copy found later means building it again). */
  hadDuplicates: boolean;
}

interface Run {
  files: string[];
  parser: ReportParser;
  client: Meilisearch;
  prefix: string;
  failures: IndexFailure[];
  clock: Clock;
  select: (report: ParsedReport) => boolean;
  lock: IndexLock;
  onProgress?: OnProgress;
}

/**
 * Fresh indexes, pipelined: each report's documents go to the engine as soon as it is parsed
 * and segmented, so the engine indexes while the next files are read (measured on 1,000
 * synthetic reports: parse + segment took 33 s and the engine 35 s, one after the other).
 * Duplicates can only be found across the whole corpus, so documents are first built as if a
 * report had none; the few reports that turn out to have copies are built again and their
 * documents replaced before the swap. The result is the same as building everything first.
 */
async function rebuildPipelined(run: Run, finalState: (counts: Counts) => Promise<IndexState>): Promise<Counts> {
  const { files, parser, failures, clock, onProgress } = run;
  const parsed: ParsedFiles = { reports: [], files: new Map() };
  /** Index in `parsed.reports` → what its first build sent. */
  const built = new Map<number, FirstBuild>();
  const counts: Counts = { reports: 0, sections: 0, rows: 0, documents: 0 };
  const rebuild = lazyRebuild(run.client, run.prefix, {
    onUpload: ({ indexed, total }) => onProgress?.({ kind: 'upload', indexed, total }),
    onSwap: () => onProgress?.({ kind: 'swap' }),
    beforeSwap: () => run.lock.assertHeld(),
  });
  const send = (documents: readonly SearchDocument[]) => timed(clock, 'engineMs', async () => (await rebuild.get()).add(documents));
  const segment = (report: ParsedReport) =>
    timed(clock, 'segmentMs', () => {
      clock.dictionaryMs = loadSegmenter();
      return documentsOrNull(report, parsed.files, failures);
    });
  try {
    for (const [index, file] of files.entries()) {
      const report = await timed(clock, 'parseMs', () => parseOne(file, index, files.length, parser, parsed, failures, onProgress));
      if (!report || !run.select(report)) continue;
      const documents = await segment(report);
      if (!documents) continue;
      const first = { ids: documents.map((document) => document.id), counts: countsOf(1, documents), hadDuplicates: report.duplicates.length > 0 };
      built.set(parsed.reports.length - 1, first);
      addCounts(counts, first.counts);
      await send(documents);
    }
    const marked = await timed(clock, 'parseMs', () => parser.markDuplicates(parsed.reports));
    if (marked.length !== parsed.reports.length) throw new Error(`marking duplicates gave ${marked.length} reports for ${parsed.reports.length}`);
    const reports: ReportDocument[] = [];
    for (const [index, report] of marked.entries()) {
      const first = built.get(index);
      if (!first) continue;
      // Passages collapse within a group of copies: a report with copies gets other dedup keys.
      if (report.duplicates.length > 0 || first.hadDuplicates) {
        const documents = await segment(report);
        if (!documents) {
          // Named among the failures by documentsOrNull; the rest of the corpus is still indexed.
          await timed(clock, 'engineMs', async () => (await rebuild.get()).discard(first.ids));
          addCounts(counts, negated(first.counts));
          continue;
        }
        await send(documents);
      }
      reports.push(buildReportDocument(report));
    }
    onProgress?.({ kind: 'prepare', done: reports.length, total: reports.length, documents: counts.documents });
    if (reports.length === 0) {
      await rebuild.abandon();
      return counts;
    }
    const state = await finalState(counts);
    await timed(clock, 'engineMs', async () => (await rebuild.get()).finish(reports, state));
    return counts;
  } catch (error) {
    // An engine that stopped progressing would not run the deletions either: the next run does.
    if (!(error instanceof EngineTaskStalled)) await rebuild.abandon();
    throw rebuildFailure(error);
  }
}

/** The rebuild, started when the first documents are ready: a run where nothing parses writes nothing. */
function lazyRebuild(client: Meilisearch, prefix: string, events: WriteEvents) {
  let rebuild: Promise<Rebuild> | null = null;
  return {
    get: () => (rebuild ??= startRebuild(client, prefix, events)),
    abandon: async () => {
      await rebuild?.then(
        (started) => started.abandon(),
        () => {},
      );
    },
  };
}

/** Files given while a current index exists: their reports are replaced in the live indexes. */
async function updateInPlace(run: Run, state: (failures: IndexFailure[]) => Promise<IndexState>): Promise<Counts> {
  const { client, prefix, parser, failures, clock, onProgress } = run;
  const parsed = await timed(clock, 'parseMs', async () => {
    const files = await parseFiles(run.files, parser, failures, onProgress);
    return { ...files, reports: await withStoredDuplicates(client, prefix, files.reports) };
  });
  const content = await timed(clock, 'segmentMs', () => {
    if (parsed.reports.length > 0) clock.dictionaryMs = loadSegmenter();
    return prepareContent(parsed.reports.filter(run.select), parsed.files, failures, onProgress);
  });
  if (content.reports.length > 0) {
    const onUpload = ({ indexed, total }: { indexed: number; total: number }) => onProgress?.({ kind: 'upload', indexed, total });
    const updated = await state(failures);
    await run.lock.assertHeld();
    await timed(clock, 'engineMs', () => updateReports(client, prefix, content, updated, { onUpload }));
  }
  return countsOf(content.reports.length, content.documents);
}

/** Indexes under the index lock (lib/index/lock.ts): one writer at a time per engine and prefix. */
export async function indexReports(options: IndexReportsOptions): Promise<IndexSummary> {
  const onNotice = (message: string) => options.onProgress?.({ kind: 'notice', message });
  const lock = options.lock ?? (await acquireIndexLock(options.client, options.prefix, { command: options.command ?? 'indexReports', onNotice }));
  try {
    return await indexLocked(options, lock);
  } finally {
    if (!options.lock) await lock.release();
  }
}

async function indexLocked(options: IndexReportsOptions, lock: IndexLock): Promise<IndexSummary> {
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
  const clock: Clock = { parseMs: 0, segmentMs: 0, dictionaryMs: 0, engineMs: 0 };
  const parser = await timed(clock, 'parseMs', async () => options.parser ?? (await reportParser(dataDir)));
  const run: Run = { files: inputs.files, parser, client, prefix, failures, clock, select: options.select ?? (() => true), lock, onProgress };
  const counts =
    mode === 'rebuild'
      ? await rebuildPipelined(run, (built) => rebuiltState(stamps, configuration, built, failures))
      : await updateInPlace(run, (failed) => updatedState(previous!, stamps, failed, inputs.files, dataDir));
  return { mode, files: inputs.files.length, ...counts, failures, timings: { ...clock, totalMs: performance.now() - started } };
}

/**
 * Duplicates are found across a whole corpus; a report re-indexed alone keeps the duplicates
 * its stored version was found to have (so its passages keep collapsing with the same copies).
 */
async function withStoredDuplicates(client: Meilisearch, prefix: string, reports: ParsedReport[]): Promise<ParsedReport[]> {
  const uid = liveIndexNames(prefix).reports;
  // A few requests at a time: an update of thousands of reports must not open thousands of connections.
  const limit = pLimit(STORED_READS_AT_ONCE);
  return Promise.all(
    reports.map((report) =>
      limit(async () => {
        const stored = await getDocumentOrNull<ReportDocument>(client, uid, reportDocumentId(report.report.id), ['duplicates']);
        return { ...report, duplicates: stored?.duplicates ?? [] };
      }),
    ),
  );
}

const STORED_READS_AT_ONCE = 8;

async function rebuiltState(stamps: ReadonlyMap<string, string>, configuration: string, counts: Counts, failures: IndexFailure[]): Promise<IndexState> {
  const files = Object.fromEntries(stamps);
  return {
    id: STATE_DOCUMENT_ID,
    fingerprint: await fingerprint(files),
    configuration,
    indexedAt: new Date().toISOString(),
    reports: counts.reports,
    documents: counts.documents,
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
