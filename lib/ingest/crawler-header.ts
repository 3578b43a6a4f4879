/**
 * Crawler text exports (page.txt of a saved government page) start with a header block —
 * `标题: …`, `发布时间: …`, `原文链接: …` — closed by a `==== 正文 ====` line, then the body.
 * The header is metadata about the file, never report text.
 */
import type { FileHeader } from './types';

const HEADER_KEYS: ReadonlyMap<string, keyof FileHeader> = new Map([
  ['标题', 'title'],
  ['发布时间', 'publishedAt'],
  ['原文链接', 'sourceUrl'],
  ['发布机构', 'issuer'],
]);

const BODY_SEPARATOR = /^=+\s*正文\s*=+$/;
/** A crawler header is a handful of lines; a separator further down is report text. */
const MAX_HEADER_LINES = 20;
const HEADER_FIELD = /^([^:：]{1,10})[:：]\s*(.*)$/;

export interface CrawlerExport {
  header: FileHeader;
  body: string;
}

/** The header and body of a crawler export, or undefined when the text is not one. */
export function splitCrawlerExport(text: string): CrawlerExport | undefined {
  const lines = text.split('\n');
  const separatorIndex = lines
    .slice(0, MAX_HEADER_LINES)
    .findIndex((line) => BODY_SEPARATOR.test(line.trim()));
  if (separatorIndex < 0) return undefined;

  const header: FileHeader = {};
  let knownFields = 0;
  for (const line of lines.slice(0, separatorIndex)) {
    const field = HEADER_FIELD.exec(line.trim());
    const key = field?.[1] && HEADER_KEYS.get(field[1].trim());
    if (!key) continue;
    knownFields += 1;
    const value = field[2]?.trim();
    if (value) header[key] = value;
  }
  if (knownFields === 0) return undefined;
  return { header, body: lines.slice(separatorIndex + 1).join('\n') };
}

/**
 * The saved page's breadcrumb and toolbar, glued in front of the report:
 * `当前位置： 首页政务公开… 来源：… 时间：… 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： -->`.
 * Anchored on both ends (breadcrumb start, toolbar end) so report text is never matched.
 */
const LEADING_CHROME =
  /^\s*当前位置[:：][^\n]{0,400}?全真版\s*文字版\s*(?:文件下载\s*)?(?:相关链接[:：]\s*(?:-->)?\s*)?/;
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
