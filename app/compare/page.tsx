import type { Metadata } from 'next';
import { loadComparison } from '@/lib/figures/compare-data';
import { loadCompareFacets } from '@/lib/figures/compare-facets';
import { parsePageCompareParams } from '@/lib/figures/compare-params';
import { comparisonChart } from '@/lib/figures/comparison-chart';
import { searchEngine } from '@/lib/search/client';
import { Notices } from '../_components/Notices';
import { UnavailableNotice } from '../_components/UnavailableNotice';
import { formatCount } from '../_lib/format';
import { engineIsDown } from '../_lib/outage-server';
import { ComparisonChartFigure } from './_components/ComparisonChartFigure';
import { ComparisonTable } from './_components/ComparisonTable';
import { CompareForm } from './_components/CompareForm';
import { ExportLinks } from './_components/ExportLinks';
import { SeriesBreakNotes } from './_components/SeriesBreakNotes';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Places on the page (table and chart); the downloads have every place. */
const MAX_PLACES = 40;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { query } = parsePageCompareParams(await searchParams);
  return { title: `对比：${query.measure.label}` };
}

export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  if (await engineIsDown()) return <UnavailableNotice />;
  const { query, notices } = parsePageCompareParams(await searchParams);
  const engine = searchEngine();
  const [comparison, facets] = await Promise.all([loadComparison(engine, query, MAX_PLACES), loadCompareFacets(engine, query)]);
  const chart = comparisonChart(comparison);
  const { measure } = query;
  const captionId = 'comparison-caption';
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">年度与地区对比</h1>
      <Notices notices={notices} />
      <div className="grid gap-6 md:grid-cols-[17rem_1fr]">
        <aside aria-label="选择指标、地区和年度">
          <CompareForm measure={measure} facets={facets} />
        </aside>
        <section aria-labelledby="measure-title" className="min-w-0 space-y-4">
          <div className="space-y-1">
            <h2 id="measure-title" className="text-lg font-semibold">
              {measure.label}
            </h2>
            <p className="text-sm text-slate-600">
              {measure.group}
              {measure.description && `。${measure.description}`}
            </p>
            {comparison.series.length > 0 && (
              <p className="text-sm text-slate-700">
                {formatCount(comparison.series.length)} 个发布机关，{comparison.years[0]}–{comparison.years.at(-1)} 年。每个发布机关单独成行，不做跨机关合计。
              </p>
            )}
          </div>
          {comparison.issuersOmitted > 0 && (
            <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
              共有 {formatCount(comparison.issuersMatched)} 个发布机关符合条件，这里只显示报告最多的 {formatCount(MAX_PLACES)} 个。请选择地区缩小范围，或下载全部数据。
            </p>
          )}
          {comparison.series.length === 0 ? (
            <p>没有符合条件的报告含有这个指标的表格行。请换一个指标，或放宽地区和年度。</p>
          ) : (
            <>
              {chart && <ComparisonChartFigure chart={chart} tableCaptionId={captionId} totalPlaces={comparison.series.length} />}
              <ComparisonTable comparison={comparison} captionId={captionId} />
              <SeriesBreakNotes comparison={comparison} />
              <p className="text-sm text-slate-600">
                “推算”：报告中这一格缺失或无法直接读取，由勾稽关系唯一确定。“勾稽不符”：所在表格的合计关系不成立。缺值（原表空白、无法读取、分母为
                0 等）不按 0 计算。
              </p>
            </>
          )}
          <ExportLinks query={query} />
        </section>
      </div>
    </div>
  );
}
