/**
 * The indexer's parser (lib/index/parser.ts) with each report's parse kept in the test cache,
 * keyed by the file's bytes, its path in the data folder, the manifest and the code's hash: the
 * bundled reports are parsed once, not once per test that indexes them. A file that fails to
 * parse is not cached (it fails again, the same way). Tests of the parser itself parse for real.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReportParser } from '@/lib/index/parser';
import { markDuplicates } from '@/lib/parse/duplicates';
import { MANIFEST_FILE } from '@/lib/parse/manifest';
import { ParsedReport } from '@/lib/report/schema';
import { DATA_DIR } from './corpus';
import { CACHE_DIR, libraryHash } from './test-cache';

const PARSED_DIR = path.join(CACHE_DIR, 'parsed');

/** The real parser, loaded only when a report is not in the cache (the parser's modules take a while to load). */
async function realParser(dataDir: string): Promise<ReportParser> {
  const { reportParser } = await import('@/lib/index/parser');
  return reportParser(dataDir);
}

export async function cachedReportParser(dataDir: string): Promise<ReportParser> {
  let parser: Promise<ReportParser> | undefined;
  const real = () => (parser ??= realParser(dataDir));
  const manifest = await readFile(path.join(dataDir, MANIFEST_FILE)).catch(() => Buffer.alloc(0));
  const code = await libraryHash();
  const keyOf = async (file: string) =>
    createHash('sha256')
      .update(`${code}\0${path.relative(path.resolve(dataDir), path.resolve(file))}\0`)
      .update(manifest)
      .update('\0')
      .update(await readFile(file))
      .digest('hex')
      .slice(0, 32);
  return {
    async parseFile(file) {
      const entry = path.join(PARSED_DIR, `${await keyOf(file)}.json`);
      const cached = await readFile(entry, 'utf8').then(
        (text) => ParsedReport.parse(JSON.parse(text)),
        () => null,
      );
      if (cached) return cached;
      const report = await (await real()).parseFile(file);
      await mkdir(PARSED_DIR, { recursive: true });
      // Unique to this write: two indexings in one process (a cluster beside one server) parse the same file at once.
      const scratch = `${entry}.${process.pid}.${randomUUID()}.tmp`;
      await writeFile(scratch, JSON.stringify(report));
      await rename(scratch, entry);
      return report;
    },
    markDuplicates: (reports) => {
      markDuplicates(reports);
      return reports;
    },
  };
}

/** Every report of `dataDir`, parsed (from the cache when it can) and with its duplicates marked, as the indexer sees them. */
export async function parsedCorpus(dataDir: string): Promise<ParsedReport[]> {
  const parser = await cachedReportParser(dataDir);
  const { dataFiles } = await import('@/lib/index/state');
  const files = (await dataFiles(dataDir)).filter((file) => path.basename(file) !== MANIFEST_FILE);
  const reports: ParsedReport[] = [];
  for (const file of files) reports.push(await parser.parseFile(path.resolve(file)));
  return parser.markDuplicates(reports);
}

const parsers = new Map<string, Promise<ReportParser>>();

/** One report file parsed as `parseReportFile(file, { dataDir })` parses it (no duplicates marked), from the cache when it can. */
export async function parsedReport(file: string, dataDir = DATA_DIR): Promise<ParsedReport> {
  const key = path.resolve(dataDir);
  if (!parsers.has(key)) parsers.set(key, cachedReportParser(key));
  return (await parsers.get(key)!).parseFile(path.resolve(key, file));
}
