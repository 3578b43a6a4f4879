import type { SearchQuery } from '@/lib/search/query-schema';
import { activeFilters } from '@/lib/search/view';
import { searchHref } from '@/lib/search/url';
import { REPORT_LIST_PATH } from '@/lib/figures/report-list-params';

/**
 * Back to the search that led here, with its words and filters (as validated: a value the search
 * would refuse is not carried back); without one, to the list of all reports.
 */
export function SearchBreadcrumb({ from }: { from: SearchQuery }) {
  const filters = activeFilters(from).map((filter) => filter.label);
  const searched = from.q !== '' || filters.length > 0;
  return (
    <nav aria-label="面包屑" className="text-sm">
      <ol className="flex flex-wrap gap-x-1">
        <li>
          {searched ? (
            <a href={searchHref(from)} data-back-to-search className="text-accent underline-offset-4 hover:underline">
              {from.q !== '' ? `检索“${from.q}”` : '检索'}
              {filters.length > 0 && `（${filters.join('、')}）`}
            </a>
          ) : (
            <a href={REPORT_LIST_PATH} className="text-accent underline-offset-4 hover:underline">
              全部报告
            </a>
          )}
        </li>
        <li aria-hidden="true">›</li>
        <li aria-current="page">报告</li>
      </ol>
    </nav>
  );
}
