/**
 * HTML pages (and the HTML mammoth makes of .docx): header from the page's metadata, the
 * report body found inside the site around it, then paragraphs and tables as blocks.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { IngestedContent } from './blocks';
import { htmlToBlocks } from './html-blocks';
import { limitHtmlDepth, MAX_HTML_DEPTH } from './html-depth';
import { isElement, rawText } from './html-dom';
import { findReportBody } from './html-report-body';
import type { FileHeader } from './types';
import { UnreadableFile } from './unreadable';

/**
 * The corpus pages, site and all, have at most 2,200 elements. Measured here: 100,000 take
 * about 4 s and 150 MB to read; a 20 MB page of bare paragraphs (a million) took 15–35 s.
 */
export const MAX_HTML_ELEMENTS = 100_000;

export function readHtml(html: string): IngestedContent {
  const warnings: string[] = [];
  const limited = limitHtmlDepth(html);
  if (limited.elements > MAX_HTML_ELEMENTS) {
    throw new UnreadableFile(`网页元素多达 ${limited.elements} 个，超过 ${MAX_HTML_ELEMENTS} 个的上限，不像是一份报告`);
  }
  if (limited.removedTags > 0) {
    warnings.push(`网页标记嵌套超过 ${MAX_HTML_DEPTH} 层：已去除 ${limited.removedTags} 个标签，保留其中文字`);
  }
  const $ = load(limited.html);
  const body = findReportBody($.root()[0] as AnyNode);
  if (body.droppedChars > 0) {
    warnings.push(
      `已取出网页中的报告正文 ${describe(body.element)}（${body.keptChars} 字），` + `去除其周围的导航、页眉、页脚等网页文字 ${body.droppedChars} 字`,
    );
  }
  return { blocks: htmlToBlocks(body.element), header: readHeader($), warnings };
}

/** `<div class="TRS_Editor">`: enough for a reader of the warning to find it in the page. */
function describe(node: AnyNode): string {
  if (!isElement(node)) return '整个页面';
  const id = node.attribs.id ? ` id="${node.attribs.id}"` : '';
  const className = node.attribs.class ? ` class="${node.attribs.class}"` : '';
  return `<${node.name}${id}${className}>`;
}

/**
 * Metadata names as the CMSs write them: TRS (ArticleTitle, PubDate, Url, ContentSource,
 * used by most Chinese government sites), then Open Graph, then plain <title>.
 */
const TITLE_META = ['articletitle', 'og:title'];
const PUBLISHED_META = ['pubdate', 'publishdate', 'article:published_time'];
const URL_META = ['url', 'og:url'];
const ISSUER_META = ['contentsource'];
const SITE_META = ['sitename', 'og:site_name'];

function readHeader($: CheerioAPI): FileHeader {
  const meta = new Map<string, string>();
  for (const element of $('meta').toArray()) {
    const name = (element.attribs.name ?? element.attribs.property ?? '').trim().toLowerCase();
    const content = element.attribs.content?.trim();
    if (name && content && !meta.has(name)) meta.set(name, content);
  }
  const first = (names: string[]) => names.map((name) => meta.get(name)).find(Boolean);
  const header: FileHeader = {};
  const title = first(TITLE_META) ?? pageTitle($);
  const publishedAt = first(PUBLISHED_META);
  const sourceUrl = first(URL_META) ?? $('link[rel="canonical"]').attr('href')?.trim();
  const issuer = first(ISSUER_META);
  const site = first(SITE_META) ?? pageTitleParts($).at(-1);
  if (title) header.title = title;
  if (site && site !== title) header.site = site;
  if (publishedAt) header.publishedAt = publishedAt;
  if (sourceUrl) header.sourceUrl = sourceUrl;
  if (issuer) header.issuer = issuer;
  return header;
}

/** The parts of `<title>`: `报告_政府信息公开年报_某某网` → the page's title, its column, its site. */
function pageTitleParts($: CheerioAPI): string[] {
  const element = $('title').toArray()[0];
  if (!element) return [];
  const title = rawText(element).replace(/\s+/g, ' ').trim();
  return title.split(/\s*[_|｜]\s*|\s+[-–—]\s+/).filter((part) => part !== '');
}

/** `<title>` without the site's suffix: `报告_政府信息公开年报_某某网` → `报告`. */
function pageTitle($: CheerioAPI): string | undefined {
  return pageTitleParts($)[0];
}
