/**
 * One file → ParsedReport: ingest, metadata, sections, tables and their checks, and the warnings a
 * reader should see (text that contradicts a table, parts missing, layout disagreements).
 * Every report leaves here validated against the `ParsedReport` schema.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { ingestFile } from '@/lib/ingest';
import type { IngestedFile } from '@/lib/ingest/types';
import { ParsedReport, type Section, type Warning } from '@/lib/report/schema';
import { buildBody } from './body';
import { textTableMismatches } from './contradictions';
import { ParseError } from './errors';
import { loadManifest, manifestKey, type ManifestEntry } from './manifest';
import { deriveMetadata } from './metadata';
import { buildSections } from './sections';
import { parseTables } from './tables';

export interface ParseInput {
  /** The report id (the data file's base name without extension). */
  id: string;
  /** The data file's path relative to the data folder. */
  sourceFile: string;
  ingested: IngestedFile;
  manifest?: ManifestEntry;
}

export interface ParseOptions {
  /** The file's manifest entry; when absent and `dataDir` is given, looked up in its manifest. */
  manifest?: ManifestEntry;
  /** The data folder: `sourceFile` is relative to it (default: the file's own folder). */
  dataDir?: string;
}

/** Less text than this is no report: a stub, a failed export, a file cut off near its start. */
const MIN_REPORT_TEXT = 200;
const DISCLOSURE_WORDS = /信息公开|政务公开/;
const REPORT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** The six parts every report has since 2019 (domain.md). */
const STANDARD_PARTS = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];
const CN_NUMERALS = '一二三四五六';

/** The report id of a data file: its base name without extension. */
/**
 * The report's id: the file's base name when it is URL- and engine-safe (the bundled data), else
 * a stable ASCII id derived from it, because reports are often saved under Chinese names
 * (`洪泽区2023年报.pdf`) and ids appear in URLs and Meilisearch ids ([A-Za-z0-9_-]).
 */
export function reportId(filePath: string): string {
  const base = path.basename(filePath, path.extname(filePath));
  if (/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(base)) return base;
  const year = /(?:19|20)\d{2}/.exec(base)?.[0];
  const digest = createHash('sha256').update(base.normalize('NFC')).digest('hex').slice(0, 12);
  return year ? `${year}-r${digest}` : `r${digest}`;
}

/** 2019+ reports have six numbered parts; say which a report lacks (a heading lost, a file cut short). */
function missingParts(sections: Section[]): Warning[] {
  const present = new Set(sections.filter((s) => s.depth === 1).map((s) => /^part-(\d+)/.exec(s.anchor)?.[1]));
  return STANDARD_PARTS.flatMap((title, i) =>
    present.has(String(i + 1))
      ? []
      : [{ code: 'missing-part', message: `未找到第${CN_NUMERALS[i]}部分“${title}”的标题`, anchor: null }],
  );
}

export function parseBlocks(input: ParseInput): ParsedReport {
  const { ingested, sourceFile } = input;
  if (!REPORT_ID.test(input.id)) {
    throw new ParseError(sourceFile, `文件名“${input.id}”不能用作报告编号（只能包含字母、数字和 . _ -）`);
  }
  const plain = buildBody(ingested.blocks, []);
  if (plain.text.replace(/\s/g, '').length < MIN_REPORT_TEXT) {
    throw new ParseError(sourceFile, `文字太少（${plain.text.trim().length} 字），不像是一份报告`);
  }
  if (!DISCLOSURE_WORDS.test(`${ingested.header.title ?? ''}${plain.printedTitle ?? ''}${plain.text}`)) {
    throw new ParseError(sourceFile, '不是政府信息公开工作年度报告（全文未提及“信息公开”或“政务公开”）');
  }

  const meta = deriveMetadata({
    id: input.id,
    sourceFile,
    header: ingested.header,
    manifest: input.manifest,
    printedTitle: plain.printedTitle,
    bodyText: plain.text,
    blocks: ingested.blocks,
  });
  const tables = parseTables(ingested.blocks, meta.report.layout);
  const body = buildBody(ingested.blocks, tables.spans);
  const sections = buildSections(body.text);
  if (sections.length === 0) throw new ParseError(sourceFile, '去除网页内容和表格后，没有剩下报告正文');

  const warnings: Warning[] = [
    ...ingested.warnings.map((message): Warning => ({ code: 'ingest', message, anchor: null })),
    ...meta.warnings,
    ...tables.warnings,
    ...(meta.report.layout === 'pre-2019' ? [] : missingParts(sections)),
    ...textTableMismatches(sections, tables.rows),
  ];
  const parsed = ParsedReport.safeParse({
    report: meta.report,
    sections,
    rows: tables.rows,
    checks: tables.checks,
    warnings,
    duplicates: [],
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ParseError(sourceFile, `解析结果不符合数据格式（${problems.join('；')}）`);
  }
  return parsed.data;
}

export async function parseReportFile(filePath: string, options: ParseOptions = {}): Promise<ParsedReport> {
  const dataDir = options.dataDir ?? path.dirname(filePath);
  const sourceFile = manifestKey(dataDir, filePath);
  const manifest = options.manifest ?? (options.dataDir ? (await loadManifest(options.dataDir)).get(sourceFile) : undefined);
  const ingested = await ingestFile(filePath);
  return parseBlocks({ id: reportId(filePath), sourceFile, ingested, manifest });
}
