import Link from 'next/link';
import { FACETS } from '@/lib/index/facets';
import { DEFAULT_QUERY } from '@/lib/search/query-defaults';
import type { SearchQuery } from '@/lib/search/query-schema';
import { changeQuery, searchHref, withPage } from '@/lib/search/url';
import type { SearchAnswer } from '@/lib/search/query';
import { searchExportHref } from '@/lib/figures/search-export-href';
import { KEEP_PAGE_META } from '@/lib/server/page-mark';
import { ActiveFilters } from './ActiveFilters';
import { FacetSidebar } from './FacetSidebar';
import { GroupLinks } from './GroupLinks';
import { GroupList } from './GroupList';
import { HitList } from './HitList';
import { NoResults } from './NoResults';
import { Notices } from './Notices';
import { Pagination } from './Pagination';
import { SearchBox } from './SearchBox';
import { SortLinks } from './SortLinks';
import { UnderstoodNotice } from './UnderstoodNotice';
import { DidYouMean, RelaxedNotice } from './SearchHints';
import { formatCount } from '../_lib/format';
import type { CompareHrefs } from './CompareRowLink';

/** The filters and the way of listing, kept when the reader types a new query. */
function keptParams(query: SearchQuery): Array<[string, string]> {
  const filters = FACETS.flatMap((facet) => query.filters[facet.name].map((value): [string, string] => [facet.name, value]));
  return query.group ? [...filters, ['group', query.group]] : filters;
}

/** The page's heading (and title): what was asked. */
export function searchPageTitle(q: string): string {
  return q ? `“${q}”的搜索结果` : '全部内容';
}

/**
 * The search page's content (pages/search.tsx): the box, the facets and the results, for the
 * query as typed (`askedQ`) and as run (`results.query`: years and places typed in q are filters).
 */
export function SearchPageContent({
  askedQ,
  results,
  notices,
  compareHrefs,
}: {
  askedQ: string;
  results: SearchAnswer;
  notices: string[];
  compareHrefs: CompareHrefs;
}) {
  // The search as run: every link starts from it.
  const { query } = results;
  const clearFilters = searchHref(changeQuery(query, { filters: DEFAULT_QUERY.filters }));
  const firstNumber = (query.page - 1) * query.perPage + 1;
  return (
    <div className="space-y-5">
      {results.missing.length === 0 && <meta name={KEEP_PAGE_META.name} content={KEEP_PAGE_META.content} />}
      <h1 className="sr-only">{searchPageTitle(askedQ)}</h1>
      <SearchBox defaultValue={results.relaxed?.typed ?? query.q} keep={keptParams(query)} />
      <Notices notices={notices} missingRegions={results.missing} />
      {results.understood && <UnderstoodNotice understood={results.understood} />}
      {results.suggestion && <DidYouMean suggestion={results.suggestion} />}
      {results.relaxed && <RelaxedNotice relaxed={results.relaxed} />}
      {/* On a phone the filters stand between the box and the results; keyboards pass them on every page. */}
      <a href="#results" className="inline-block text-sm text-accent underline underline-offset-4 md:sr-only md:focus:not-sr-only">
        跳到结果
      </a>
      <div className="grid grid-cols-1 gap-6 md:grid-cols-[15rem_1fr]">
        <aside aria-label="筛选" className="md:order-none">
          <FacetSidebar
            facets={results.facets}
            unlisted={results.facetsUnlisted}
            selectedCount={results.activeFilters.length}
            unit={results.groups ? '份报告' : '条'}
          />
        </aside>
        <section id="results" tabIndex={-1} aria-labelledby="results-title" className="min-w-0 space-y-5 focus:outline-none">
          <div className="space-y-2">
            <h2 id="results-title" className="text-lg font-semibold" aria-live="polite">
              {results.groups ? (
                <>
                  共 {formatCount(results.total)} 份报告
                  <span className="text-base font-normal text-slate-600">（{formatCount(results.matches)} 处匹配）</span>
                </>
              ) : (
                <>共 {formatCount(results.total)} 条结果</>
              )}
              {results.totalPages > 1 && (
                <span className="text-base font-normal text-slate-600">
                  ，第 {formatCount(query.page)} / {formatCount(results.totalPages)} 页
                </span>
              )}
            </h2>
            <ActiveFilters filters={results.activeFilters} clearHref={clearFilters} />
            {query.match === 'any' && (
              <p className="text-sm text-slate-700">
                已放宽匹配：结果不一定包含全部词语。
                <Link href={searchHref(changeQuery(query, { match: 'all' }))} prefetch={false} className="text-accent underline underline-offset-4">
                  只看包含全部词语的结果
                </Link>
              </p>
            )}
            {results.total > 0 && <SortLinks query={query} />}
            {results.total > 0 && <GroupLinks query={query} grouped={results.groups !== null} />}
            {results.total > 0 && (
              <p className="text-sm text-slate-700">
                下载本次检索命中的表格行：
                <a href={searchExportHref(query, 'csv')} className="text-accent underline underline-offset-4">
                  CSV
                </a>
                {' · '}
                <a href={searchExportHref(query, 'json')} className="text-accent underline underline-offset-4">
                  JSON
                </a>
              </p>
            )}
          </div>
          {results.total === 0 ? (
            <NoResults q={query.q} help={results.help} />
          ) : (results.groups ?? results.hits).length === 0 ? (
            <p>
              没有第 {formatCount(query.page)} 页。
              <Link href={searchHref(withPage(query, 1))} prefetch={false} className="text-accent underline underline-offset-4">
                回到第 1 页
              </Link>
            </p>
          ) : results.groups ? (
            <GroupList groups={results.groups} firstNumber={firstNumber} compareHrefs={compareHrefs} />
          ) : (
            <HitList hits={results.hits} firstNumber={firstNumber} compareHrefs={compareHrefs} />
          )}
          <Pagination query={query} totalPages={results.totalPages} />
        </section>
      </div>
    </div>
  );
}
