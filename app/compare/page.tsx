import type { Metadata } from 'next';
import { loadComparison, loadRanking, type Comparison, type Ranking } from '@/lib/figures/compare-data';
import { loadCompareFacets } from '@/lib/figures/compare-facets';
import { compareHref, isValueSort, parsePageCompareParams, type CompareQuery } from '@/lib/figures/compare-params';
import type { CompareFacetGroup } from '@/lib/figures/compare-facets';
import { comparisonChart } from '@/lib/figures/comparison-chart';
import type { ValueSort } from '@/lib/figures/ranking';
import { searchEngine } from '@/lib/search/client';
import { Notices } from '../_components/Notices';
import { UnavailableNotice } from '../_components/UnavailableNotice';
import { formatCount } from '../_lib/format';
import { engineIsDown } from '../_lib/outage-server';
import { ComparisonChartFigure } from './_components/ComparisonChartFigure';
import { ComparisonTable } from './_components/ComparisonTable';
import { CompareForm } from './_components/CompareForm';
import { ExportLinks } from './_components/ExportLinks';
import { MissingYears } from './_components/MissingYears';
import { Presets } from './_components/Presets';
import { RankingTable } from './_components/RankingTable';
import { SeriesBreakNotes } from './_components/SeriesBreakNotes';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Places on the page (table and chart); the downloads have every place. */
const MAX_PLACES = 40;
/** Places listed in a ranking; the downloads have every one. */
const MAX_RANKED = 100;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { query } = parsePageCompareParams(await searchParams);
  return { title: `${isValueSort(query.sort) ? '排名' : '对比'}：${query.measure.label}` };
}

const MARKS_NOTE =
  '“推算”：报告中这一格缺失或无法直接读取，由勾稽关系唯一确定。“计算”：本站把报告中的几格相加或相除得出（任一格缺失则不计算）。“旧表”：取自 2019 年前的统计表，悬停或读屏可见其口径。“勾稽不符”：所在表格的合计关系不成立。缺值（原表空白、无法读取、分母为 0 等）不按 0 计算。';

function SeriesView({ comparison }: { comparison: Comparison }) {
  const chart = comparisonChart(comparison);
  const captionId = 'comparison-caption';
  return (
    <>
      {comparison.issuersOmitted > 0 && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          共有 {formatCount(comparison.issuersMatched)} 个发布机关符合条件，这里只显示报告最多的 {formatCount(MAX_PLACES)}{' '}
          个。请选择地区缩小范围，或下载全部数据。
        </p>
      )}
      {comparison.series.length === 0 ? (
        <p>没有符合条件的报告含有这个指标的表格行。请换一个指标，或放宽地区和年度。</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            {formatCount(comparison.series.length)} 个发布机关，{comparison.years[0]}–{comparison.years.at(-1)}{' '}
            年。每个发布机关单独成行，不做跨机关合计。点击年份可按该年排名。
          </p>
          {chart && <ComparisonChartFigure chart={chart} tableCaptionId={captionId} totalPlaces={comparison.series.length} />}
          <ComparisonTable comparison={comparison} captionId={captionId} />
          <MissingYears comparison={comparison} />
          <SeriesBreakNotes comparison={comparison} />
        </>
      )}
    </>
  );
}

/** One link per year that has the measure: another year's ranking in one click (no form to open on a phone). */
function RankingYears({ years, current, query }: { years: string[]; current: number | null; query: CompareQuery }) {
  if (years.length < 2) return null;
  return (
    <nav aria-label="排名年份" className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
      <span className="text-slate-600">年份：</span>
      {years.map((year) =>
        Number(year) === current ? (
          <span key={year} aria-current="true" className="font-semibold">
            {year}年
          </span>
        ) : (
          <a key={year} href={compareHref({ ...query, filters: { ...query.filters, year: [year] } })} className="text-accent underline underline-offset-4">
            {year}年
          </a>
        ),
      )}
    </nav>
  );
}

function RankingView({ ranking, query, sort, years }: { ranking: Ranking; query: CompareQuery; sort: ValueSort; years: string[] }) {
  if (ranking.year === null || ranking.total === 0) return <p>没有符合条件的报告含有这个指标的表格行。请换一个指标，或放宽地区和年度。</p>;
  return (
    <>
      <RankingYears years={years} current={ranking.year} query={query} />
      <RankingTable ranking={ranking} query={query} sort={sort} shown={MAX_RANKED} />
    </>
  );
}

/** Years with the measure under the other choices, latest first. */
function rankingYears(facets: CompareFacetGroup[]): string[] {
  const years = facets.find((group) => group.name === 'year')?.values ?? [];
  return years
    .filter((value) => value.count > 0 && /^\d{4}$/.test(value.value))
    .map((value) => value.value)
    .sort((a, b) => Number(b) - Number(a));
}

export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  if (await engineIsDown()) return <UnavailableNotice />;
  const { query, notices } = parsePageCompareParams(await searchParams);
  const engine = searchEngine();
  const { measure, sort } = query;
  const [view, facets] = await Promise.all([
    isValueSort(sort) ? loadRanking(engine, { ...query, sort }, MAX_RANKED) : loadComparison(engine, query, MAX_PLACES),
    loadCompareFacets(engine, query),
  ]);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">年度与地区对比</h1>
      <Notices notices={notices} />
      <div className="grid gap-6 md:grid-cols-[17rem_1fr]">
        <aside aria-label="选择指标、地区和年度" className="min-w-0">
          <CompareForm measure={measure} sort={sort} facets={facets} />
        </aside>
        <section aria-labelledby="measure-title" className="min-w-0 space-y-4">
          <div className="space-y-1">
            <h2 id="measure-title" className="text-lg font-semibold">
              {measure.label}
              {'ranked' in view && view.year !== null && <span className="ml-2 font-normal text-slate-700">· {view.year}年排名</span>}
            </h2>
            <p className="text-sm text-slate-600">
              {measure.group}
              {measure.description && `。${measure.description}`}
            </p>
          </div>
          {'ranked' in view && isValueSort(sort) ? (
            <RankingView ranking={view} query={query} sort={sort} years={rankingYears(facets)} />
          ) : (
            'series' in view && <SeriesView comparison={view} />
          )}
          <p className="text-sm text-slate-600">{MARKS_NOTE}</p>
          <ExportLinks query={query} />
          <Presets headingLevel={3} />
        </section>
      </div>
    </div>
  );
}
