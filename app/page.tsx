import Link from 'next/link';
import { headers } from 'next/headers';
import { cachedSearchEngine } from '@/lib/search/client';
import { getIndexSummary, type IndexSummary } from '@/lib/search/query';
import { DEFAULT_QUERY } from '@/lib/search/query-schema';
import { reportHref, searchHref, withFacetValues } from '@/lib/search/url';
import type { FacetName } from '@/lib/index/facets';
import { Notices } from './_components/Notices';
import { SearchBox } from './_components/SearchBox';
import { formatCount } from './_lib/format';
import { engineIsDown } from './_lib/outage-server';
import { UnavailableNotice } from './_components/UnavailableNotice';
import { Presets } from './compare/_components/Presets';

const EXAMPLE_QUERIES = ['依申请公开', '行政复议', '不予公开', '本机关不掌握相关政府信息', '行政处罚', '政务公开平台建设'];

function facetHref(facet: FacetName, value: string): string {
  return searchHref(withFacetValues(DEFAULT_QUERY, facet, [value]));
}

/** A national index has hundreds of districts: the most frequent here, all of them in /search. */
const VALUES_SHOWN = 24;

function ValueLinks({ facet, values, suffix = '' }: { facet: FacetName; values: IndexSummary['years']; suffix?: string }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1">
      {values.slice(0, VALUES_SHOWN).map(({ value, count }) => (
        <li key={value}>
          <a href={facetHref(facet, value)} className="text-accent underline-offset-4 hover:underline">
            {value}
            {suffix}
          </a>{' '}
          <span className="text-sm text-slate-500">{formatCount(count)} 份</span>
        </li>
      ))}
      {values.length > VALUES_SHOWN && (
        <li>
          <a href="/search" className="text-accent underline-offset-4 hover:underline">
            全部 {formatCount(values.length)} 个…
          </a>
        </li>
      )}
    </ul>
  );
}

export default async function HomePage() {
  if (await engineIsDown()) return <UnavailableNotice />;
  const summary = await getIndexSummary(cachedSearchEngine((await headers()).get('cache-control')));
  return (
    <div className="space-y-10">
      <section aria-labelledby="home-title" className="space-y-4 pt-4">
        <h1 id="home-title" className="text-2xl font-bold sm:text-3xl">
          政府信息公开工作年度报告检索
        </h1>
        <p className="max-w-3xl text-slate-700">检索各级政府和部门的年度报告正文与统计表格：收到多少公开申请、如何答复、多少进入行政复议和诉讼。</p>
        <SearchBox autoFocus size="large" />
        <p className="text-sm text-slate-600">
          试试：
          {EXAMPLE_QUERIES.map((q, index) => (
            <span key={q}>
              {index > 0 ? '、' : ''}
              <a href={searchHref({ ...DEFAULT_QUERY, q })} className="text-accent underline-offset-4 hover:underline">
                {q}
              </a>
            </span>
          ))}
        </p>
        <Presets />
      </section>

      <section aria-labelledby="holdings-title" className="space-y-4">
        <h2 id="holdings-title" className="text-xl font-semibold">
          收录内容
        </h2>
        <Notices notices={[]} missingRegions={summary.missing} />
        <p>
          共{' '}
          <Link href="/reports" className="text-accent underline-offset-4 hover:underline">
            <strong>{formatCount(summary.reports)}</strong> 份报告
          </Link>
          （按地区和年度浏览），
          <a href={facetHref('kind', 'section')} className="text-accent underline-offset-4 hover:underline">
            {formatCount(summary.sections)} 个正文段落
          </a>
          ，
          <a href={facetHref('kind', 'row')} className="text-accent underline-offset-4 hover:underline">
            {formatCount(summary.rows)} 个表格行
          </a>
          。
        </p>
        <dl className="grid gap-4 sm:grid-cols-[8rem_1fr]">
          <dt className="font-medium text-slate-700">年度</dt>
          <dd>
            <ValueLinks facet="year" values={summary.years} suffix="年" />
          </dd>
          <dt className="font-medium text-slate-700">省份</dt>
          <dd>
            <ValueLinks facet="province" values={summary.provinces} />
          </dd>
          {summary.cities.length > 0 && (
            <>
              <dt className="font-medium text-slate-700">城市</dt>
              <dd>
                <ValueLinks facet="city" values={summary.cities} />
              </dd>
            </>
          )}
          {summary.districts.length > 0 && (
            <>
              <dt className="font-medium text-slate-700">区县</dt>
              <dd>
                <ValueLinks facet="district" values={summary.districts} />
              </dd>
            </>
          )}
          <dt className="font-medium text-slate-700">层级</dt>
          <dd>
            <ValueLinks facet="level" values={summary.levels} />
          </dd>
        </dl>
      </section>

      {summary.latest.length > 0 && (
        <section aria-labelledby="latest-title" className="space-y-3">
          <h2 id="latest-title" className="text-xl font-semibold">
            最新年度的报告
          </h2>
          <ul className="space-y-1">
            {summary.latest.map((report) => (
              <li key={report.id}>
                <Link href={reportHref(report.id)} className="text-accent underline-offset-4 hover:underline">
                  {report.title}
                </Link>{' '}
                <span className="text-sm text-slate-500">{[report.issuer, report.year === null ? null : `${report.year}年`].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
