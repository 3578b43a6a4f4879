import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { cachedSearchEngine } from '@/lib/search/client';
import { FACETS } from '@/lib/index/facets';
import { searchDocuments } from '@/lib/search/query';
import { DEFAULT_QUERY, parsePageSearchParams, type SearchQuery } from '@/lib/search/query-schema';
import { changeQuery, searchHref, withPage } from '@/lib/search/url';
import { ActiveFilters } from '../_components/ActiveFilters';
import { FacetSidebar } from '../_components/FacetSidebar';
import { GroupLinks } from '../_components/GroupLinks';
import { GroupList } from '../_components/GroupList';
import { HitList } from '../_components/HitList';
import { NoResults } from '../_components/NoResults';
import { Notices } from '../_components/Notices';
import { Pagination } from '../_components/Pagination';
import { SearchBox } from '../_components/SearchBox';
import { SortLinks } from '../_components/SortLinks';
import { formatCount } from '../_lib/format';
import { engineIsDown } from '../_lib/outage-server';
import { UnavailableNotice } from '../_components/UnavailableNotice';
import { UnderstoodNotice } from '../_components/UnderstoodNotice';
import { DidYouMean, RelaxedNotice } from '../_components/SearchHints';
import { searchExportHref } from '@/lib/figures/search-export';
import { KEEP_PAGE_META } from '@/lib/server/page-mark';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { query } = parsePageSearchParams(await searchParams);
  return { title: query.q ? `“${query.q}”的搜索结果` : '全部内容' };
}

/** The filters and the way of listing, kept when the reader types a new query. */
function keptParams(query: SearchQuery): Array<[string, string]> {
  const filters = FACETS.flatMap((facet) => query.filters[facet.name].map((value): [string, string] => [facet.name, value]));
  return query.group ? [...filters, ['group', query.group]] : filters;
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  if (await engineIsDown()) return <UnavailableNotice />;
  const { query: asked, notices } = parsePageSearchParams(await searchParams);
  const results = await searchDocuments(cachedSearchEngine(await headers()), asked, { group: 'report' });
  // The search as run (years and places typed in q are filters now): every link starts from it.
  const { query } = results;
  const clearFilters = searchHref(changeQuery(query, { filters: DEFAULT_QUERY.filters }));
  const firstNumber = (query.page - 1) * query.perPage + 1;
  return (
    <div className="space-y-5">
      {results.missing.length === 0 && <meta name={KEEP_PAGE_META.name} content={KEEP_PAGE_META.content} />}
      <h1 className="sr-only">{asked.q ? `“${asked.q}”的搜索结果` : '全部内容'}</h1>
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
            <GroupList groups={results.groups} firstNumber={firstNumber} />
          ) : (
            <HitList hits={results.hits} firstNumber={firstNumber} />
          )}
          <Pagination query={query} totalPages={results.totalPages} />
        </section>
      </div>
    </div>
  );
}
