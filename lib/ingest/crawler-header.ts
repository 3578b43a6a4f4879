/**
 * Crawler and CMS exports start with a block of `key: value` lines about the page — `标题: …`,
 * `发布时间：…`, `Title: …`, `原始链接: …` — in any order, with keys nobody listed (`栏目`, `文号`),
 * then the body: after a `正文:` / `正文：` / `==== 正文 ====` line, after a blank line, or
 * simply where the lines stop being fields. YAML front matter (`---` fences) is the same thing.
 * The header is metadata about the file, never report text.
 */
import { fieldOfLine } from './header-fields';
import type { FileHeader } from './types';

/** A line that opens the body: `正文:`, `正文：…`, `==== 正文 ====`, `【正文】`, `Content:`. */
const BODY_SEPARATOR = /^[=\-—*#【[\s]*(?:正文(?:内容)?|内容|content|body)[=\-—*#】\]\s]*(?:[:：]\s*(.*))?$/i;
const FRONT_MATTER_FENCE = /^-{3,}\s*$/;
/** A crawler header is a handful of lines; a separator further down is report text. */
const MAX_HEADER_LINES = 20;

export interface CrawlerExport {
  header: FileHeader;
  body: string;
}

interface HeaderScan {
  header: FileHeader;
  knownFields: number;
  /** Index of the first body line, and text of that line that follows a separator on it. */
  bodyLine: number;
  inlineBody: string;
  separated: boolean;
}

/** Reads field lines from `start`; stops at a separator, a blank line after fields, or a non-field line. */
function scanHeader(lines: string[], start: number): HeaderScan {
  const scan: HeaderScan = { header: {}, knownFields: 0, bodyLine: start, inlineBody: '', separated: false };
  const limit = Math.min(lines.length, start + MAX_HEADER_LINES);
  for (let i = start; i < limit; i++) {
    const line = lines[i]!.trim();
    const separator = BODY_SEPARATOR.exec(line);
    if (separator && i > start) {
      return { ...scan, bodyLine: i + 1, inlineBody: separator[1]?.trim() ?? '', separated: true };
    }
    if (line === '' || FRONT_MATTER_FENCE.test(line)) {
      if (scan.bodyLine > start) return { ...scan, bodyLine: i + 1 };
      continue;
    }
    const field = fieldOfLine(line);
    if (!field) break;
    scan.bodyLine = i + 1;
    if (field.key) {
      scan.knownFields += 1;
      if (field.value && !scan.header[field.key]) scan.header[field.key] = field.value;
    }
  }
  return scan;
}

/**
 * A separator within the first lines makes everything above it header, whatever it holds
 * (`页面链接与图片详见 links.tsv`); the fields are read from it.
 */
function separatedHeader(lines: string[]): HeaderScan | undefined {
  const at = lines.slice(0, MAX_HEADER_LINES).findIndex((line, i) => i > 0 && BODY_SEPARATOR.test(line.trim()));
  if (at < 0) return undefined;
  const scan: HeaderScan = {
    header: {},
    knownFields: 0,
    bodyLine: at + 1,
    inlineBody: BODY_SEPARATOR.exec(lines[at]!.trim())?.[1]?.trim() ?? '',
    separated: true,
  };
  for (const line of lines.slice(0, at)) {
    const field = fieldOfLine(line.trim());
    if (!field?.key) continue;
    scan.knownFields += 1;
    if (field.value && !scan.header[field.key]) scan.header[field.key] = field.value;
  }
  // Without a single known field above it, the line is report text (a converter's `正文`).
  return scan.knownFields > 0 ? scan : undefined;
}

/** The header and body of a crawler or CMS export, or undefined when the text has no header. */
export function splitCrawlerExport(text: string): CrawlerExport | undefined {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0) return undefined;
  const scan = separatedHeader(lines) ?? scanHeader(lines, first);
  // One known field makes a header when a separator closes it or more fields stand with it;
  // a lone `标题：…` line could be the first line of a report.
  const fieldLines = scan.bodyLine - first;
  if (scan.knownFields === 0 || (!scan.separated && fieldLines < 2)) return undefined;
  const rest = lines.slice(scan.bodyLine).join('\n');
  return { header: scan.header, body: scan.inlineBody ? `${scan.inlineBody}\n${rest}` : rest };
}

/**
 * The saved page's breadcrumb and toolbar, glued in front of the report:
 * `当前位置： 首页政务公开… 来源：… 时间：… 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： -->`.
 * Anchored on both ends (breadcrumb start, toolbar end) so report text is never matched.
 */
const LEADING_CHROME = /^\s*当前位置[:：][^\n]{0,400}?全真版\s*文字版\s*(?:文件下载\s*)?(?:相关链接[:：]\s*(?:-->)?\s*)?/;
/** The attachment box label that ends saved pages. */
const TRAILING_CHROME = /\s*附件下载\s*$/;

/** Long enough to show the whole breadcrumb-and-toolbar run in the warning. */
const QUOTE_LENGTH = 200;

/** The body without the page chrome a crawler saved around it, with a warning per removal. */
export function stripCrawlerChrome(body: string): { body: string; warnings: string[] } {
  const warnings: string[] = [];
  let stripped = body;
  const leading = LEADING_CHROME.exec(stripped);
  if (leading) {
    stripped = stripped.slice(leading[0].length);
    warnings.push(`已去除报告正文前的网页内容：“${quote(leading[0])}”`);
  }
  const trailing = TRAILING_CHROME.exec(stripped);
  if (trailing) {
    stripped = stripped.slice(0, trailing.index);
    warnings.push(`已去除报告正文后的网页内容：“${quote(trailing[0])}”`);
  }
  return { body: stripped, warnings };
}

function quote(text: string): string {
  const oneLine = text.trim().replace(/\s+/g, ' ');
  return oneLine.length > QUOTE_LENGTH ? `${oneLine.slice(0, QUOTE_LENGTH)}…` : oneLine;
}
