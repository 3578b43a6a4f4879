/**
 * One file → ParsedReport: ingest, metadata, sections, tables and their checks, and the warnings a
 * reader should see (text that contradicts a table, parts missing, layout disagreements).
 * Every report leaves here validated against the `ParsedReport` schema.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { ingestFile } from '@/lib/ingest';
import type { Block, FileHeader, IngestedFile } from '@/lib/ingest/types';
import { ParsedReport, type Section, type Warning } from '@/lib/report/schema';
import { buildBody, type Body } from './body';
import { textTableMismatches } from './contradictions';
import { ParseError } from './errors';
import { loadManifest, manifestKey, type ManifestEntry } from './manifest';
import { deriveMetadata } from './metadata';
import { cleanTitle, isReportTitle, titleCandidates } from './metadata/title';
import { withoutPageFurniture } from './page-furniture';
import { isTraditional, simplifiedBlocks, simplifiedHeader } from './script';
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

/** The six parts every report has since 2019 (domain.md). */
const STANDARD_PARTS = [
  '总体情况',
  '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况',
  '政府信息公开行政复议、行政诉讼情况',
  '存在的主要问题及改进情况',
  '其他需要报告的事项',
];
const CN_NUMERALS = '一二三四五六';
const REPORT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** A body that names the disclosure work (of a year, see ANY_YEAR). */
const REPORT_TEXT = /政府信息公开|政务公开/;
const ANY_YEAR = /(?:19|20)\d{2}\s*年|[一二][〇零○OＯ一二三四五六七八九]{3}年/;

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
    present.has(String(i + 1)) ? [] : [{ code: 'missing-part', message: `未找到第${CN_NUMERALS[i]}部分“${title}”的标题`, anchor: null }],
  );
}

/**
 * Why a text is a disclosure annual report, or null when nothing says it is: a title (in the
 * header or printed) that is one, a body that names 政府信息公开 (or 政务公开) and a year,
 * the standard part headings, or table 三's rows. Length is no test: a page saved after its
 * first screen is still a report, and what it lacks is listed.
 */
function reportEvidence(header: FileHeader, body: Body, blocks: Block[]): string | null {
  if (header.title && isReportTitle(cleanTitle(header.title))) return 'title';
  if (body.printedTitle) return 'title';
  const text = `${body.text}\n${blocks.flatMap((b) => (b.type === 'table' ? b.rows.flat() : [])).join(' ')}`;
  if (titleCandidates(text).length > 0) return 'title';
  if (REPORT_TEXT.test(text) && ANY_YEAR.test(text)) return 'text';
  const parts = STANDARD_PARTS.filter((part) => text.includes(part)).length;
  if (parts >= 3) return 'headings';
  if (/本年新收政府信息公开申请数量/.test(text.replace(/\s+/g, ''))) return 'table';
  return null;
}

/**
 * A text cut short: what follows its last full stop is prose (clauses, at least CUT_TAIL_MIN
 * characters) that stops without the punctuation that ends a sentence. A table's last row, a
 * heading or a signature at the end is not a cut.
 */
const CUT_TAIL_MIN = 30;
function endsMidSentence(text: string): boolean {
  const tail =
    text
      .trimEnd()
      .split(/[。！？!?；;]/)
      .at(-1)
      ?.trim() ?? '';
  // A tail ending in a figure is a table's row; one ending in a date is a signature.
  return tail.length >= CUT_TAIL_MIN && /[，,、]/.test(tail) && /[\u4e00-\u9fff]$/.test(tail) && !/\d\s*日$/.test(tail);
}

/** What a reader should know: a report in traditional characters, page chrome dropped, a text cut short. */
function readingWarnings(traditional: boolean, body: Body): Warning[] {
  const warnings: Warning[] = [];
  const { lead, text } = body;
  if (endsMidSentence(text)) {
    const end = text.trimEnd().slice(-20).replace(/\s+/g, ' ');
    warnings.push({ code: 'incomplete', message: `报告可能不完整：正文在句中“…${end}”处中断`, anchor: null });
  }
  if (traditional) {
    warnings.push({ code: 'traditional', message: '报告以繁体字发布：按简体字解析，正文按原文显示', anchor: null });
  }
  if (lead) {
    const shown = lead.replace(/\s+/g, ' ');
    warnings.push({ code: 'page-chrome', message: `已去除标题前的网页内容：“${shown.length > 120 ? `${shown.slice(0, 120)}…` : shown}”`, anchor: null });
  }
  return warnings;
}

export function parseBlocks(input: ParseInput): ParsedReport {
  const { ingested, sourceFile } = input;
  if (!REPORT_ID.test(input.id)) {
    throw new ParseError(sourceFile, `文件名“${input.id}”不能用作报告编号（只能包含字母、数字和 . _ -）`);
  }
  const traditional = isTraditional(ingested.blocks);
  const header = traditional ? simplifiedHeader(ingested.header) : ingested.header;
  const furniture = withoutPageFurniture(traditional ? simplifiedBlocks(ingested.blocks) : ingested.blocks, ingested.blocks);
  const { read: blocks, shown } = furniture;

  const plain = buildBody(blocks, [], shown);
  if (!reportEvidence(header, plain, blocks)) {
    throw new ParseError(sourceFile, '不是政府信息公开工作年度报告：没有报告标题，正文未提及某年度的政府信息公开工作，也没有年报的标准章节或表三');
  }

  const meta = deriveMetadata({
    id: input.id,
    sourceFile,
    header: { ...plain.leadHeader, ...header },
    displayHeaderTitle: ingested.header.title,
    manifest: input.manifest,
    printedTitle: plain.printedTitle,
    displayPrintedTitle: plain.displayTitle,
    bodyText: plain.text,
    blocks,
  });
  const tables = parseTables(blocks, meta.report.layout);
  const body = buildBody(blocks, tables.spans, shown);
  const sections = buildSections(body.text, body.display);

  const warnings: Warning[] = [
    ...ingested.warnings.map((message): Warning => ({ code: 'ingest', message, anchor: null })),
    ...readingWarnings(traditional, body),
    ...(furniture.removed > 0 ? [{ code: 'page-furniture', message: `已去除页码和页眉 ${furniture.removed} 行`, anchor: null }] : []),
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
  // Both paths are as the caller gives them (relative to the working folder, or absolute).
  const sourceFile = manifestKey(dataDir, path.resolve(filePath));
  const manifest = options.manifest ?? (options.dataDir ? (await loadManifest(options.dataDir)).get(sourceFile) : undefined);
  const ingested = await ingestFile(filePath);
  return parseBlocks({ id: reportId(filePath), sourceFile, ingested, manifest });
}
