/**
 * Hostile files in a data folder, indexed by the real indexer into a real engine beside two
 * real reports: each is refused with a reason or indexed with a warning, in bounded time and
 * memory, and the real reports are indexed whatever the others do.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import type { RunningEngine } from '@/lib/engine/meilisearch-process';
import { startTestEngine } from '../support/test-engine';
import { MAX_FILE_BYTES } from '@/lib/ingest';
import { MAX_DOCX_UNCOMPRESSED_BYTES } from '@/lib/ingest/docx';
import { MAX_HTML_ELEMENTS } from '@/lib/ingest/html';
import type { ManifestEntry } from '@/lib/parse/manifest';
import { reportDocumentId, type ReportDocument } from '@/lib/index/document';
import { adminClient, getDocumentOrNull } from '@/lib/index/engine';
import { liveIndexNames } from '@/lib/index/index-names';
import { indexReports, type IndexProgress, type IndexSummary } from '@/lib/index/index-reports';

const DATA = path.resolve('data');
const REAL = ['2020-hangzhou-xiacheng-qu.txt', '2024-pingtan-zonghe-shiyanqu.html'];
const PREFIX = 'hostile';
/** Far above what the whole folder needs (about 20 s here), far below a hang. */
const RUN_LIMIT_MS = 180_000;
const FILE_LIMIT_MS = 30_000;
/** The indexer's whole process (nodejieba alone is ~300 MB) must stay well below this. */
const PEAK_RSS_LIMIT = 2.5 * 1024 ** 3;

/** Big5 bytes of `text`, found through Node's own Big5 decoder (Node has no Big5 encoder). */
function big5(text: string): Buffer {
  const decoder = new TextDecoder('big5', { fatal: true });
  const codes = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      try {
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (!codes.has(char)) codes.set(char, [lead, trail]);
      } catch {
        // not a Big5 code
      }
    }
  }
  return Buffer.from(
    [...text].flatMap((char) => {
      if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)];
      const code = codes.get(char);
      if (!code) throw new Error(`${char} has no Big5 code`);
      return code;
    }),
  );
}

/** Every heading marker of a report removed: the text as one unstructured run. */
function withoutHeadings(text: string): string {
  return text.replace(/^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．]|#+\s*).*$/gmu, '');
}

/** A Word document whose one part inflates to `bytes`: a few hundred KB of zip. */
async function docxBomb(bytes: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<w:document><w:body><w:p><w:r><w:t>${'信'.repeat(Math.ceil(bytes / 3))}</w:t></w:r></w:p></w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

interface HostileFile {
  name: string;
  make: () => Promise<Buffer | string>;
  /** `rejected`: must be a named failure. `either`: a failure, or a report with at least one warning. */
  expect: 'rejected' | 'either';
}

const reportText = () => readFile(path.join(DATA, '2020-hangzhou-xiacheng-qu.txt'), 'utf8');
const pingtanHtml = () => readFile(path.join(DATA, '2024-pingtan-zonghe-shiyanqu.html'), 'utf8');

const HOSTILE: HostileFile[] = [
  { name: 'empty.txt', make: async () => '', expect: 'rejected' },
  { name: 'whitespace.md', make: async () => ' \n\t\n'.repeat(1000), expect: 'rejected' },
  { name: 'binary.txt', make: async () => randomBytes(256 * 1024), expect: 'rejected' },
  { name: 'binary.html', make: async () => randomBytes(256 * 1024), expect: 'rejected' },
  {
    name: 'truncated.pdf',
    make: async () => (await readFile(path.join(DATA, '2023-huaian-hongze-qu.pdf'))).subarray(0, 60_000),
    expect: 'rejected',
  },
  { name: 'not-really.pdf', make: async () => '这不是 PDF 文件，只是改了扩展名的文本。', expect: 'rejected' },
  { name: 'huge.txt', make: async () => Buffer.alloc(50 * 1024 * 1024, '公开'), expect: 'rejected' },
  {
    name: 'big5-declared.html',
    make: async () =>
      Buffer.concat([
        Buffer.from('<html><head><meta charset="big5"><title>'),
        big5('政府資訊公開工作年度報告'),
        Buffer.from('</title></head><body><p>'),
        big5('一、總體情況。本機關依法辦理政府資訊公開申請，主動公開政府資訊。'.repeat(20)),
        Buffer.from('</p></body></html>'),
      ]),
    expect: 'either',
  },
  {
    name: 'big5-undeclared.txt',
    make: async () => big5('政府資訊公開工作年度報告\n一、總體情況\n本機關依法辦理政府資訊公開申請。'.repeat(20)),
    expect: 'either',
  },
  {
    name: 'latin1.txt',
    make: async () => Buffer.from('Rapport annuel sur la publicité des informations gouvernementales — état, données, résumé. '.repeat(40), 'latin1'),
    expect: 'rejected',
  },
  {
    name: 'all-tables.html',
    make: async () =>
      `<html><head><title>平潭综合实验区2024年政府信息公开工作年度报告</title></head><body>${((await pingtanHtml()).match(/<table[\s\S]*?<\/table>/g) ?? []).join('\n')}</body></html>`,
    expect: 'either',
  },
  { name: 'no-headings.txt', make: async () => withoutHeadings(await reportText()), expect: 'either' },
  {
    name: 'deeply-nested.html',
    make: async () => `<html><body>${'<div>'.repeat(200_000)}政府信息公开工作年度报告${'</div>'.repeat(200_000)}</body></html>`,
    expect: 'rejected',
  },
  { name: 'wide.html', make: async () => `<html><body>${'<p>政府信息公开</p>'.repeat(MAX_HTML_ELEMENTS + 50_000)}</body></html>`, expect: 'rejected' },
  {
    name: 'nested-report.html',
    make: async () => `<html><body>${'<span>'.repeat(20_000)}${(await reportText()).replace(/\n/g, '<br>')}${'</span>'.repeat(20_000)}</body></html>`,
    expect: 'either',
  },
  { name: 'bomb.docx', make: () => docxBomb(MAX_DOCX_UNCOMPRESSED_BYTES + 1024 * 1024), expect: 'rejected' },
];

let engine: RunningEngine;
let dataDir: string;
let summary: IndexSummary;
const fileMs = new Map<string, number>();
let runMs: number;

before(async () => {
  engine = await startTestEngine();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'hostile-data-'));
  const manifest = JSON.parse(await readFile(path.join(DATA, 'manifest.json'), 'utf8')) as ManifestEntry[];
  await writeFile(path.join(dataDir, 'manifest.json'), JSON.stringify(manifest.filter((entry) => REAL.includes(entry.file))));
  for (const file of REAL) await copyFile(path.join(DATA, file), path.join(dataDir, file));
  for (const file of HOSTILE) await writeFile(path.join(dataDir, file.name), await file.make());

  let last = performance.now();
  const onProgress = (event: IndexProgress) => {
    if (event.kind !== 'file') return;
    fileMs.set(path.basename(event.file), performance.now() - last);
    last = performance.now();
  };
  const started = performance.now();
  summary = await indexReports({ paths: [dataDir], client: adminClient({ url: engine.url, apiKey: engine.masterKey }), prefix: PREFIX, dataDir, onProgress });
  runMs = performance.now() - started;
});

after(async () => {
  await engine?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('the real reports are indexed whatever the hostile files do', async () => {
  const client = adminClient({ url: engine.url, apiKey: engine.masterKey });
  const { results } = await client.index<ReportDocument>(liveIndexNames(PREFIX).reports).getDocuments({ fields: ['reportId'], limit: 1000 });
  const ids = results.map((document) => document.reportId);
  for (const file of REAL) assert.ok(ids.includes(path.basename(file, path.extname(file))), `${file} not indexed: ${JSON.stringify(summary.failures)}`);
});

test('each hostile file is refused with a reason, or indexed with a warning', async (t) => {
  const client = adminClient({ url: engine.url, apiKey: engine.masterKey });
  for (const file of HOSTILE) {
    const failure = summary.failures.find((candidate) => path.basename(candidate.file) === file.name);
    if (failure) {
      assert.ok(failure.reason.length > 5 && !/\n\s+at /.test(failure.reason), `${file.name}: reason ${JSON.stringify(failure.reason)}`);
      t.diagnostic(`${file.name}: refused: ${failure.reason.replace(/^.*?: /, '')}`);
      continue;
    }
    assert.equal(file.expect, 'either', `${file.name} was indexed, but must be refused`);
    const id = reportDocumentId(path.basename(file.name, path.extname(file.name)));
    const report = await getDocumentOrNull<ReportDocument>(client, liveIndexNames(PREFIX).reports, id, ['reportId', 'warnings']);
    assert.ok(report, `${file.name}: neither refused nor indexed`);
    assert.ok(report.warnings.length > 0, `${file.name}: indexed without any warning`);
    t.diagnostic(`${file.name}: indexed with ${report.warnings.length} warning(s): ${report.warnings.map((warning) => warning.code).join(', ')}`);
  }
});

test('the refusals name the limit a file broke', () => {
  const reason = (name: string) => summary.failures.find((failure) => path.basename(failure.file) === name)?.reason ?? '';
  assert.match(reason('huge.txt'), new RegExp(String(MAX_FILE_BYTES)));
  assert.match(reason('bomb.docx'), new RegExp(String(MAX_DOCX_UNCOMPRESSED_BYTES)));
  assert.match(reason('wide.html'), new RegExp(String(MAX_HTML_ELEMENTS)));
});

test('bounded time: the whole folder and each file', () => {
  assert.ok(runMs < RUN_LIMIT_MS, `the run took ${Math.round(runMs)} ms`);
  for (const [file, ms] of fileMs) assert.ok(ms < FILE_LIMIT_MS, `${file} took ${Math.round(ms)} ms`);
});

test('bounded memory: the process peak stays far below the machine', () => {
  const peak = process.resourceUsage().maxRSS * 1024;
  assert.ok(peak < PEAK_RSS_LIMIT, `peak RSS ${Math.round(peak / 1024 ** 2)} MB`);
});
