/**
 * Which way `indexReports` writes (rebuild or in-place update) for which inputs. The parser is
 * a stand-in returning the sample report under each file's name: what is tested here is the
 * choice of files and mode, not parsing (index-reports.int.test.ts runs the real parser).
 */
import assert from 'node:assert/strict';
import fs, { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, mock, test } from 'node:test';
import type { Meilisearch } from 'meilisearch';
import type { RunningEngine } from '@/lib/engine/meilisearch-process';
import { startTestEngine } from '@/test/support/test-engine';
import { adminClient } from './engine';
import { sampleReport } from '@/test/support/sample-report';
import { liveIndexNames } from './index-names';
import { indexReports } from './index-reports';
import type { ReportParser } from './parser';
import type { ParsedReport } from '@/lib/report/schema';

const FILES = ['2011-pingtan-xian-renmin-zhengfu.txt', '2020-hangzhou-xiacheng-qu.txt', '2024-shanghai-kewei-pdf2md.md'];
const parser: ReportParser = {
  parseFile: async (file) => sampleReport({ id: path.basename(file, path.extname(file)) }),
  markDuplicates: (reports) => reports,
};

let engine: RunningEngine;
let client: Meilisearch;
let dataDir: string;

before(async () => {
  engine = await startTestEngine();
  client = adminClient({ url: engine.url, apiKey: engine.masterKey });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'index-modes-'));
  for (const file of [...FILES, 'manifest.json']) await copyFile(path.join('data', file), path.join(dataDir, file));
});
after(async () => {
  await engine?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const reportIds = async (prefix: string) =>
  (await client.index(liveIndexNames(prefix).reports).getDocuments({ fields: ['reportId'], limit: 100 })).results.map((report) => report.reportId).sort();
const file = (name: string) => path.join(dataDir, name);

test('one file and no index yet: the whole data folder is indexed, not that file alone', async () => {
  const summary = await indexReports({ paths: [file(FILES[1]!)], client, prefix: 'first', dataDir, parser });
  assert.equal(summary.mode, 'rebuild');
  assert.deepEqual(await reportIds('first'), FILES.map((name) => name.replace(/\.\w+$/, '')).sort());
});

test('one file with a current index: only its report is updated', async () => {
  await indexReports({ paths: [dataDir], client, prefix: 'update', dataDir, parser });
  const summary = await indexReports({ paths: [file(FILES[0]!)], client, prefix: 'update', dataDir, parser });
  assert.equal(summary.mode, 'update');
  assert.equal(summary.reports, 1);
  assert.equal((await reportIds('update')).length, FILES.length);
});

test('--rebuild with files: fresh indexes of exactly those files', async () => {
  await indexReports({ paths: [dataDir], client, prefix: 'exact', dataDir, parser });
  const summary = await indexReports({ paths: [file(FILES[2]!)], client, prefix: 'exact', dataDir, parser, rebuild: true });
  assert.equal(summary.mode, 'rebuild');
  assert.deepEqual(await reportIds('exact'), ['2024-shanghai-kewei-pdf2md']);
});

test('a path that does not exist is a named failure; nothing indexed means nothing written', async () => {
  const summary = await indexReports({ paths: [file('missing.txt')], client, prefix: 'missing', dataDir, parser, rebuild: true });
  assert.deepEqual(summary.failures, [{ file: file('missing.txt'), reason: 'no such file or folder' }]);
  assert.equal(summary.reports, 0);
  assert.deepEqual(await client.getIndexes().then(({ results }) => results.filter((index) => index.uid.startsWith('missing'))), []);
});

test('a report whose second build fails (once its copies are known) is named; the rest are indexed', async () => {
  const broken = '2020-hangzhou-xiacheng-qu';
  // Found to have a copy, its documents are built again, and that build fails.
  const failingAgain = (report: ParsedReport): ParsedReport =>
    Object.defineProperty({ ...report, duplicates: [{ id: 'a-copy', similarity: 1 }] }, 'sections', {
      get: () => {
        throw new Error('second build failed');
      },
    });
  const copies: ReportParser = {
    ...parser,
    markDuplicates: (reports) => reports.map((report) => (report.report.id === broken ? failingAgain(report) : report)),
  };
  const summary = await indexReports({ paths: [dataDir], client, prefix: 'again', dataDir, parser: copies });
  assert.deepEqual(summary.failures, [{ file: path.relative(process.cwd(), file(`${broken}.txt`)), reason: 'second build failed' }]);
  assert.equal(summary.reports, FILES.length - 1);
  assert.deepEqual(
    await reportIds('again'),
    FILES.map((name) => name.replace(/\.\w+$/, ''))
      .filter((id) => id !== broken)
      .sort(),
  );
  const documents = await client.index(liveIndexNames('again').documents).getDocuments({ fields: ['reportId'], limit: 1000 });
  assert.equal(documents.results.length, summary.documents);
  assert.ok(
    documents.results.every((document) => document.reportId !== broken),
    'none of its first build is left',
  );
});

test('a path that may not be read is named as such, not as missing', async (t) => {
  const forbidden = file('forbidden.txt');
  const realStat = fs.stat;
  t.after(() => {
    mock.restoreAll();
    syncBuiltinESMExports();
  });
  // Tests run as root, for whom no permission is ever denied: the refusal is the file system's answer, staged.
  mock.method(fs, 'stat', (target: string, ...rest: []) =>
    target === forbidden
      ? Promise.reject(Object.assign(new Error(`EACCES: permission denied, stat '${target}'`), { code: 'EACCES' }))
      : realStat(target, ...rest),
  );
  syncBuiltinESMExports();
  const summary = await indexReports({ paths: [forbidden], client, prefix: 'forbidden', dataDir, parser, rebuild: true });
  assert.deepEqual(summary.failures, [{ file: forbidden, reason: 'permission denied' }]);
});
