/**
 * The address of a search's export: what a page links to. Apart from the export itself
 * (search-export.ts, which reads the environment and streams from the engine), so that the
 * search page's browser bundle holds only this.
 */
import type { SearchQuery } from '@/lib/search/query-schema';
import { searchParamsOf } from '@/lib/search/url';
import type { ExportFormat } from './download';

export const EXPORT_API_PATH = '/api/export';

/** The download of a search's table rows (all pages: paging parameters are dropped). */
export function searchExportHref(query: SearchQuery, format: ExportFormat): string {
  const params = searchParamsOf(query);
  params.delete('page');
  params.delete('per_page');
  params.set('format', format);
  return `${EXPORT_API_PATH}?${params}`;
}
