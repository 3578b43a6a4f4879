/**
 * Plain text: the lines exactly as they are. In the corpus's own source report a table is
 * one cell per line, an empty cell is a line holding only a tab and a blank line ends a row,
 * so even whitespace carries structure here. Crawler exports lose their header (it becomes
 * metadata) and the page chrome saved around the report.
 */
import type { IngestedContent } from './blocks';
import { splitCrawlerExport, stripCrawlerChrome } from './crawler-header';

export function readPlainText(text: string): IngestedContent {
  const crawlerExport = splitCrawlerExport(text);
  if (!crawlerExport) return { blocks: toBlocks(text), header: {}, warnings: [] };
  const { body, warnings } = stripCrawlerChrome(crawlerExport.body);
  return { blocks: toBlocks(body), header: crawlerExport.header, warnings };
}

/** One text block; only the empty lines before the first and after the last line go. */
function toBlocks(text: string): IngestedContent['blocks'] {
  const body = text.replace(/^\n+/, '').replace(/\n+$/, '');
  return body.trim() === '' ? [] : [{ type: 'text', text: body }];
}
